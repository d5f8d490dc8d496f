import { h, clear, errorBox, field, formatMoney, formatDateTime } from '../dom.js';
import { api } from '../api.js';
import { toast } from '../toasts.js';
import { poolForecastChart } from './forecastChart.js';

/** Microsoft 365 admin center › Billing › Your products › Communications Credits. */
export async function renderCreditsPage(content) {
  content.append(h('h1', {}, 'Communications Credits'));
  const balanceBox = h('section', { class: 'card', 'aria-labelledby': 'balance-heading' });

  const amount = h('input', { type: 'number', name: 'amount', min: 1, max: 10000, step: '0.01', value: '5.00', required: true });
  const fundsStatus = h('div');
  const fundsForm = h('form', { class: 'card', 'aria-labelledby': 'funds-heading' },
    h('h2', { id: 'funds-heading' }, 'Add funds'),
    field('Amount (USD)', amount, 'Funds not used within a year of purchase are forfeited: start small.').wrap,
    h('button', { type: 'submit', class: 'btn btn-primary' }, 'Add funds'), fundsStatus);

  const enabled = h('input', { type: 'checkbox', name: 'autorecharge', id: 'autorecharge-enabled' });
  const threshold = h('input', { type: 'number', name: 'threshold', min: 1, step: '0.01' });
  const rechargeAmount = h('input', { type: 'number', name: 'recharge-amount', min: 1, step: '0.01' });
  const rechargeStatus = h('div');
  const rechargeForm = h('form', { class: 'card', 'aria-labelledby': 'recharge-heading' },
    h('h2', { id: 'recharge-heading' }, 'Auto-recharge'),
    h('div', { class: 'field checks' }, h('label', { for: enabled.id }, enabled, 'Recharge automatically when the balance is low')),
    h('div', { class: 'field-row' },
      field('When the balance falls below (USD)', threshold).wrap,
      field('Add this amount (USD)', rechargeAmount).wrap),
    h('button', { type: 'submit', class: 'btn btn-primary' }, 'Save auto-recharge'), rechargeStatus);

  const forecastBox = h('section', { class: 'card', 'aria-labelledby': 'forecast-heading', 'data-testid': 'forecast' });

  content.append(balanceBox, forecastBox, h('div', { class: 'grid-2' }, fundsForm, rechargeForm));

  /** What expires soon, the burn rates and the run-out days; the words come from the API, as the bot's card says them. */
  async function reloadForecast() {
    try {
      // A ForecastView (Api/Contracts/ForecastView.cs).
      const f = await api.forecast();
      const pool = f.pool;
      clear(forecastBox).append(
        h('h2', { id: 'forecast-heading' }, 'Forecast'),
        h('ul', { class: 'forecast-list', 'data-testid': 'forecast-expiring' },
          f.expiring.map(w => h('li', {}, `Next ${w.days} days: ${w.summary}`))),
        h('p', { 'data-testid': 'forecast-credits' }, f.credits.summary),
        h('p', { 'data-testid': 'forecast-pool' }, pool.summary),
        pool.minutes > 0 ? poolForecastChart({
          month: f.month,
          minutes: pool.minutes,
          usedByDay: pool.minutesUsedByDay,
          burnPerDay: pool.burnPerDay,
          runsDryOn: pool.runsDryOn,
          summary: pool.summary,
        }) : '');
    } catch (e) {
      clear(forecastBox).append(h('h2', { id: 'forecast-heading' }, 'Forecast'), errorBox(e.message));
    }
  }

  async function reload() {
    try {
      // A CreditsView (Api/Contracts/CreditsView.cs).
      const c = await api.credits();
      const { currency, purchases } = c;
      clear(balanceBox).append(
        h('h2', { id: 'balance-heading' }, 'Balance'),
        h('p', { class: 'balance', 'data-testid': 'credit-balance' }, formatMoney(c.balance, currency)),
        purchases.length ? h('table', {},
          h('caption', { class: 'visually-hidden' }, 'Purchases'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Purchased'), h('th', { scope: 'col', class: 'num' }, 'Amount'), h('th', { scope: 'col', class: 'num' }, 'Remaining'), h('th', { scope: 'col' }, 'Use by'))),
          h('tbody', {}, purchases.map(p => h('tr', {},
            h('td', {}, formatDateTime(p.purchasedAt)),
            h('td', { class: 'num' }, formatMoney(p.amount, currency)),
            h('td', { class: 'num' }, formatMoney(p.remaining, currency)),
            h('td', {}, formatDateTime(p.expiresAt)))))) : '');
      const auto = c.autoRecharge;
      enabled.checked = auto.enabled;
      threshold.value = auto.threshold.toFixed(2);
      rechargeAmount.value = auto.amount.toFixed(2);
    } catch (e) {
      clear(balanceBox).append(h('h2', { id: 'balance-heading' }, 'Balance'), errorBox(e.message));
    }
  }

  fundsForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    fundsStatus.replaceChildren();
    try {
      await api.addFunds(Number(amount.value));
      fundsStatus.replaceChildren(h('p', { class: 'ok' }, `Added ${formatMoney(amount.value)}.`));
      await Promise.all([reload(), reloadForecast()]);
    } catch (err) {
      fundsStatus.replaceChildren(errorBox(err.message));
    }
  });
  rechargeForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    rechargeStatus.replaceChildren();
    try {
      await api.setAutoRecharge(enabled.checked, Number(threshold.value), Number(rechargeAmount.value));
      rechargeStatus.replaceChildren(h('p', { class: 'ok' }, 'Auto-recharge saved.'));
      toast(enabled.checked ? 'Auto-recharge is on.' : 'Auto-recharge is off.', { title: 'Communications Credits' });
      await reload();
    } catch (err) {
      rechargeStatus.replaceChildren(errorBox(err.message));
    }
  });

  const onHub = (e) => { if (e.detail.method === 'CreditsChanged') { reload(); reloadForecast(); } };
  window.addEventListener('hub', onHub);
  await Promise.all([reload(), reloadForecast()]);
  return () => window.removeEventListener('hub', onHub);
}
