import { h, clear, errorBox, field, formatDateTime, formatMoney } from '../dom.js';
import { api } from '../api.js';

// The engine's UsageReportColumns.All, in the order Teams shows them.
export const USAGE_COLUMNS = [
  ['UserDisplayName', 'Display name'], ['UserUpn', 'Username'], ['CallType', 'Call type'], ['FromNumber', 'From'],
  ['ToNumber', 'To'], ['DestinationRegion', 'Destination'], ['Start', 'Start time'], ['DurationSeconds', 'Duration (s)'],
  ['Charge', 'Charge'], ['Currency', 'Currency'], ['Capability', 'Capability'], ['CallId', 'Call ID'],
];

function isoDate(d) {
  return d.toISOString().slice(0, 10);
}

function cell(record, column) {
  // A row of UsageReportView: keyed by the chosen column names, values as in the CSV.
  const value = record[column];
  switch (column) {
    case 'Start': return formatDateTime(value);
    case 'Charge': return formatMoney(value, record.Currency ?? 'USD');
    default: return value ?? '';
  }
}

export async function renderUsagePage(content) {
  content.append(h('h1', {}, 'PSTN usage'));
  const now = new Date();
  const from = h('input', { type: 'date', name: 'from', value: isoDate(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))), required: true });
  const to = h('input', { type: 'date', name: 'to', value: isoDate(now), required: true });
  const user = h('select', { name: 'user' }, h('option', { value: '' }, 'All users'));
  const checks = USAGE_COLUMNS.map(([key, label]) => {
    const box = h('input', { type: 'checkbox', name: 'column', value: key, checked: true, id: `col-${key}` });
    return { key, label, box, wrap: h('label', { for: box.id }, box, label) };
  });
  const csv = h('a', { class: 'btn', download: 'pstn-usage.csv', 'data-testid': 'usage-csv' }, 'Download CSV');
  const form = h('form', { class: 'card' },
    h('div', { class: 'field-row' },
      field('From', from).wrap,
      field('To (inclusive)', to).wrap,
      field('User', user).wrap),
    h('fieldset', {}, h('legend', {}, 'Columns'), h('div', { class: 'checks' }, checks.map(c => c.wrap))),
    h('div', { class: 'field-row' }, h('button', { type: 'submit', class: 'btn btn-primary' }, 'Run report'), csv));
  const result = h('section', { class: 'card', 'aria-live': 'polite', 'aria-label': 'Report results' });
  content.append(form, result);

  try {
    const data = await api.adminUsers();
    for (const u of data) user.append(h('option', { value: u.id }, u.displayName));
  } catch { /* the report still runs for all users */ }

  function query() {
    // "To" is inclusive for people; the engine's range is half-open, so send the next day.
    const end = new Date(`${to.value}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    const params = new URLSearchParams({ from: `${from.value}T00:00:00Z`, to: end.toISOString().replace('.000', '') });
    if (user.value) params.set('userId', user.value);
    const columns = checks.filter(c => c.box.checked).map(c => c.key);
    params.set('columns', columns.join(','));
    return { params: params.toString(), columns };
  }

  function syncCsv() {
    csv.href = api.usageCsvUrl(query().params);
  }
  form.addEventListener('change', syncCsv);
  form.addEventListener('input', syncCsv);

  async function run() {
    clear(result);
    const { params, columns } = query();
    try {
      const data = await api.usageReport(params);
      const records = data.rows;
      const shown = USAGE_COLUMNS.filter(([key]) => columns.includes(key));
      const total = records.reduce((s, r) => s + Number(r.DurationSeconds ?? 0), 0);
      const charge = records.reduce((s, r) => s + Number(r.Charge ?? 0), 0);
      result.append(
        h('p', {}, `${records.length} call record${records.length === 1 ? '' : 's'} · ${Math.round(total / 60)} minutes · ${formatMoney(charge)} charged`),
        records.length
          ? h('div', { class: 'table-scroll' }, h('table', { 'data-testid': 'usage-table' },
            h('thead', {}, h('tr', {}, shown.map(([, label]) => h('th', { scope: 'col' }, label)))),
            h('tbody', {}, records.map(r => h('tr', {}, shown.map(([key]) => h('td', {}, cell(r, key))))))))
          : h('p', { class: 'muted' }, 'No calls in this range.'));
    } catch (e) {
      result.append(errorBox(e.message));
    }
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); run(); });
  syncCsv();
  await run();
  return null;
}
