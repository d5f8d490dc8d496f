import { h, field, errorBox } from '../dom.js';
import { api } from '../api.js';

// Country codes come from the tenant's bridge; the browser knows their names in the reader's language.
const regionNames = (() => {
  try { return new Intl.DisplayNames([navigator.language || 'en', 'en'], { type: 'region' }); } catch { return null; }
})();

export function countryName(code) {
  try { return regionNames?.of(String(code).toUpperCase()) ?? code; } catch { return code; }
}

function numberLink(e164, display) {
  return h('a', { href: `tel:${e164}`, class: 'e164' }, display || e164);
}

/**
 * "Find a local number" from the invite (no sign-in needed, as in Teams): the bridge's toll and toll-free numbers
 * and the local numbers, filterable by country or city.
 */
export async function renderDialIn(main, ctx, tenantId) {
  main.append(h('h1', {}, 'Find a local number'));
  let data;
  try {
    data = await api.dialInNumbers(tenantId);
  } catch (e) {
    main.append(errorBox(e.message));
    return null;
  }

  const rows = data.localNumbers.map(n => ({ ...n, countryName: countryName(n.country) }));
  const search = h('input', { type: 'search', name: 'country', autocomplete: 'off', spellcheck: false });
  const count = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite', 'data-testid': 'local-number-count' });
  const tbody = h('tbody');
  const table = h('table', {},
    h('caption', { class: 'visually-hidden' }, 'Local dial-in numbers'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Country or region'),
      h('th', { scope: 'col' }, 'City'),
      h('th', { scope: 'col' }, 'Phone number'))),
    tbody);

  function render() {
    const q = search.value.trim().toLowerCase();
    const shown = rows.filter(r => !q || [r.countryName, r.country, r.city].some(v => String(v).toLowerCase().includes(q)));
    tbody.replaceChildren(...shown.map(r => h('tr', {},
      h('th', { scope: 'row' }, r.countryName, r.countryName !== r.country ? h('span', { class: 'hint' }, ` (${r.country})`) : null),
      h('td', {}, r.city),
      h('td', {}, numberLink(r.number, r.display)))));
    if (shown.length === 0) {
      tbody.append(h('tr', {}, h('td', { colspan: 3 }, `No local number matches “${search.value.trim()}”. Use the toll number above.`)));
    }
    count.textContent = q ? `${shown.length} of ${rows.length} numbers` : `${rows.length} numbers`;
  }
  search.addEventListener('input', render);

  const bridge = h('dl', { class: 'facts', 'aria-label': 'Bridge numbers' },
    h('dt', {}, 'Toll number'), h('dd', { 'data-testid': 'toll-number' }, numberLink(data.tollNumber, data.tollNumberDisplay)),
    data.tollFreeNumber ? [
      h('dt', {}, 'Toll-free number'),
      h('dd', { 'data-testid': 'toll-free-number' }, numberLink(data.tollFreeNumber, data.tollFreeNumberDisplay),
        h('span', { class: 'hint' }, ' (only in invites of organizers with Communications Credits)')),
    ] : null);

  main.append(
    h('p', { class: 'muted' }, `Dial-in numbers of ${data.tenantName}. Call any of them, then enter the conference ID from the invite followed by #.`),
    h('section', { class: 'card', 'aria-labelledby': 'bridge-heading' }, h('h2', { id: 'bridge-heading' }, 'Audio conferencing'), bridge),
    h('section', { class: 'card', 'aria-labelledby': 'local-heading' },
      h('h2', { id: 'local-heading' }, 'Local numbers'),
      field('Search by country or city', search).wrap,
      count,
      h('div', { class: 'table-scroll' }, table)));
  render();
  return null;
}
