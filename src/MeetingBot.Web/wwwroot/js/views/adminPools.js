import { h, clear, errorBox, field } from '../dom.js';
import { api } from '../api.js';

function monthLabel(key) {
  const [y, m] = key.split('-').map(Number);
  if (!y || !m) return key;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Used vs available per month, oldest on the left: the history Teams does not keep. */
export function barChart(rows) {
  const months = [...rows].sort((a, b) => a.month.localeCompare(b.month));
  const max = Math.max(1, ...months.flatMap(r => [r.available, r.used]));
  const description = months.map(r => `${monthLabel(r.month)}: ${r.used} of ${r.available} minutes used`).join('; ');
  return h('figure', { class: 'chart' },
    h('div', { class: 'bar-chart', role: 'img', 'aria-label': description },
      months.map(r => h('div', { class: 'bar-group' },
        h('div', { class: 'bars', 'aria-hidden': 'true' },
          h('div', { class: 'bar used', style: `height:${(r.used / max) * 100}%`, title: `${r.used} used` }),
          h('div', { class: 'bar available', style: `height:${(r.available / max) * 100}%`, title: `${r.available} available` })),
        h('span', { class: 'bar-label' }, monthLabel(r.month))))),
    h('figcaption', { class: 'legend' }, h('span', { class: 'l-used' }, 'Minutes used'), h('span', { class: 'l-available' }, 'Minutes available')));
}

export async function renderPoolsPage(content) {
  content.append(h('h1', {}, 'PSTN minute pools'));
  const months = h('select', { name: 'months' },
    [[0, 'Current month only'], [2, 'Last 3 months'], [5, 'Last 6 months'], [11, 'Last 12 months']].map(([v, t]) => h('option', { value: v, selected: v === 5 }, t)));
  const capability = h('select', { name: 'capability' },
    ['MCOMEETADD', 'MCOPSTN1', 'MCOPSTN2'].map(c => h('option', { value: c }, c)));
  const form = h('form', { class: 'card' },
    h('p', { class: 'muted' }, 'Pooled dial-out minutes per capability: 60 per assigned monthly Audio Conferencing license, Zone A destinations.'),
    h('div', { class: 'field-row' }, field('Period', months).wrap, field('Capability', capability).wrap,
      h('div', { class: 'field' }, h('button', { type: 'submit', class: 'btn btn-primary' }, 'Run report'))));
  const result = h('section', { class: 'card', 'aria-live': 'polite', 'aria-label': 'Report results' });
  content.append(form, result);

  async function run() {
    clear(result);
    try {
      const data = await api.poolsReport(months.value);
      const rows = data.map(r => ({
        // MinutePoolRowView (docs/api.md, /openapi/v1.json): month is yyyy-MM, capability its name.
        month: r.month,
        capability: r.capability,
        description: r.description,
        available: r.minutesAvailable,
        used: r.minutesUsed,
      }));
      const chosen = rows.filter(r => r.capability === capability.value);
      result.append(
        h('h2', {}, `${capability.value}${chosen[0]?.description ? ` — ${chosen[0].description}` : ''}`),
        chosen.length ? barChart(chosen) : h('p', { class: 'muted' }, 'No pool for this capability.'),
        h('h2', {}, 'All pools'),
        h('div', { class: 'table-scroll' }, h('table', { 'data-testid': 'pools-table' },
          h('thead', {}, h('tr', {}, ['Month', 'Capability', 'Description'].map(t => h('th', { scope: 'col' }, t)),
            ['Minutes available', 'Minutes used', 'Minutes left'].map(t => h('th', { scope: 'col', class: 'num' }, t)))),
          h('tbody', {}, [...rows].sort((a, b) => b.month.localeCompare(a.month)).map(r => h('tr', {},
            h('td', {}, monthLabel(r.month)), h('td', {}, r.capability), h('td', {}, r.description),
            h('td', { class: 'num' }, r.available), h('td', { class: 'num' }, r.used), h('td', { class: 'num' }, Math.max(0, r.available - r.used))))))));
    } catch (e) {
      result.append(errorBox(e.message));
    }
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); run(); });
  capability.addEventListener('change', run);
  await run();
  return null;
}
