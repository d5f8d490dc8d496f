import { h, clear, errorBox, field, formatMoney } from '../dom.js';
import { api } from '../api.js';
import { toast } from '../toasts.js';

// Beyond Teams: toll-fraud guardrails (monthly dial-out budgets, organizer approval outside Zone A or above a rate)
// and the guard for phones left connected after their user left. Shapes: GuardrailsView, UserBudgetView,
// OrphanedLegPolicyView (docs/api.md). Both are stored: a restart keeps what an admin set here.

/** An empty field is no limit (null); otherwise the number typed. */
function limitOf(input) {
  const text = input.value.trim();
  return text === '' ? null : Number(text);
}

function limitText(minutes, money, currency) {
  if (minutes === null && money === null) return 'No limit';
  return `${minutes === null ? 'any minutes' : `${minutes} min`} and ${money === null ? 'any money' : formatMoney(money, currency)} a month`;
}

function budgetRow(u, currency, reload) {
  const status = h('div');
  const minutes = h('input', { type: 'number', min: 0, max: 100000, step: 1, value: u.isOverride && u.minutesPerMonth !== null ? u.minutesPerMonth : '', placeholder: 'No limit', 'aria-label': `Minutes a month for ${u.displayName}`, size: 8 });
  const money = h('input', { type: 'number', min: 0, max: 100000, step: '0.01', value: u.isOverride && u.moneyPerMonth !== null ? u.moneyPerMonth : '', placeholder: 'No limit', 'aria-label': `Money a month for ${u.displayName}`, size: 8 });
  const save = h('button', { type: 'button', class: 'btn btn-small' }, 'Save');
  save.addEventListener('click', async () => {
    status.replaceChildren();
    try {
      const set = await api.setBudget(u.userId, limitOf(minutes), limitOf(money));
      toast(`${set.displayName}: ${limitText(set.minutesPerMonth, set.moneyPerMonth, currency)}.`, { title: 'Dial-out budget' });
      await reload();
    } catch (e) { status.replaceChildren(errorBox(e.message)); }
  });
  const useDefault = h('button', { type: 'button', class: 'btn btn-small btn-subtle', disabled: !u.isOverride }, 'Use default');
  useDefault.addEventListener('click', async () => {
    status.replaceChildren();
    try { await api.resetBudget(u.userId); toast(`${u.displayName} has the tenant default budget again.`, { title: 'Dial-out budget' }); await reload(); }
    catch (e) { status.replaceChildren(errorBox(e.message)); }
  });
  const used = `${u.minutesUsed} min${u.minutesLeft === null ? '' : ` (${u.minutesLeft} left)`} · ${formatMoney(u.moneySpent, currency)}${u.moneyLeft === null ? '' : ` (${formatMoney(u.moneyLeft, currency)} left)`}`;
  return h('tr', { 'data-user-id': u.userId },
    h('th', { scope: 'row' }, u.displayName),
    h('td', {}, limitText(u.minutesPerMonth, u.moneyPerMonth, currency), u.isOverride ? null : h('span', { class: 'hint' }, ' (default)')),
    h('td', { class: u.isSpent ? 'spent' : null }, used, u.isSpent ? h('strong', {}, ' · spent') : null),
    h('td', {}, h('div', { class: 'field-row' }, minutes, money, save, useDefault), status));
}

/** Admin center › Guardrails. */
export async function renderGuardrailsPage(content) {
  content.append(h('h1', {}, 'Guardrails'));
  const rulesBox = h('section', { class: 'card', 'aria-labelledby': 'rules-heading', 'data-testid': 'guardrails' });
  const budgetsBox = h('section', { class: 'card', 'aria-labelledby': 'budgets-heading', 'data-testid': 'budgets' });
  const orphanBox = h('section', { class: 'card', 'aria-labelledby': 'orphan-heading', 'data-testid': 'orphan-policy' });
  content.append(rulesBox, budgetsBox, orphanBox);

  async function reload() {
    let g;
    try { g = await api.guardrails(); }
    catch (e) { clear(rulesBox).append(errorBox(e.message)); return; }
    renderRules(g);
    renderBudgets(g);
  }

  function renderRules(g) {
    const minutes = h('input', { type: 'number', name: 'default-minutes', min: 0, max: 100000, step: 1, value: g.defaultMinutesPerMonth ?? '', placeholder: 'No limit' });
    const money = h('input', { type: 'number', name: 'default-money', min: 0, max: 100000, step: '0.01', value: g.defaultMoneyPerMonth ?? '', placeholder: 'No limit' });
    const zoneA = h('input', { type: 'checkbox', name: 'approval-zone-a', id: 'approval-zone-a', checked: g.approvalOutsideZoneA });
    const rate = h('input', { type: 'number', name: 'approval-rate', min: 0, max: 100, step: '0.001', value: g.approvalAboveRatePerMinute ?? '', placeholder: 'Off' });
    const expiry = h('input', { type: 'number', name: 'approval-expiry', min: 1, max: 1440, step: 1, value: g.approvalExpiryMinutes, required: true });
    const status = h('div');
    const form = h('form', {},
      h('h3', {}, 'Default monthly dial-out budget'),
      h('p', { class: 'hint' }, 'Each user\'s "Call me" and add-by-phone calls together, per calendar month (UTC). Pooled minutes count as minutes and cost no money. A call in progress is cut off at the minute the budget runs out, with a warning before.'),
      h('div', { class: 'field-row' }, field(`Minutes a month`, minutes).wrap, field(`Money a month (${g.currency})`, money).wrap),
      h('h3', {}, 'Organizer approval'),
      h('p', { class: 'hint' }, 'Such a call is not dialed until the meeting organizer approves it (a card in chat and a notification here). The organizer\'s own calls need no approval.'),
      h('div', { class: 'field checks' }, h('label', { for: zoneA.id }, zoneA, 'Destinations outside Zone A need approval')),
      h('div', { class: 'field-row' }, field(`Also above this rate a minute (${g.currency})`, rate).wrap, field('Requests expire after (minutes)', expiry).wrap),
      h('button', { type: 'submit', class: 'btn btn-primary' }, 'Save guardrails'), status);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      status.replaceChildren();
      try {
        const set = await api.setGuardrails({
          defaultMinutesPerMonth: limitOf(minutes), defaultMoneyPerMonth: limitOf(money), approvalOutsideZoneA: zoneA.checked,
          approvalAboveRatePerMinute: limitOf(rate), approvalExpiryMinutes: Number(expiry.value),
        });
        toast('Guardrails saved.', { title: 'Guardrails' });
        renderRules(set);
        renderBudgets(set);
      } catch (err) { status.replaceChildren(errorBox(err.message)); }
    });
    clear(rulesBox).append(h('h2', { id: 'rules-heading' }, 'Toll-fraud guardrails'), form);
  }

  function renderBudgets(g) {
    clear(budgetsBox).append(
      h('h2', { id: 'budgets-heading' }, `Budgets this month (${g.month})`),
      h('p', { class: 'hint' }, 'Leave a field empty for no limit; 0 allows nothing. "Use default" gives the user the tenant default again.'),
      h('div', { class: 'table-scroll' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'User'), h('th', { scope: 'col' }, 'Budget'), h('th', { scope: 'col' }, 'Used this month'), h('th', { scope: 'col' }, 'Own budget (minutes, money)'))),
        h('tbody', {}, g.users.map(u => budgetRow(u, g.currency, reload))))));
  }

  async function renderOrphan() {
    let p;
    try { p = await api.orphanPolicy(); }
    catch (e) { clear(orphanBox).append(errorBox(e.message)); return; }
    const choice = h('select', { name: 'orphan-policy', id: 'orphan-policy' },
      [['Off', 'Off: reminders only (as Teams)'], ['Ask', 'Ask: "Press 1 to stay on the phone"'], ['End', 'End the call after a number of minutes']]
        .map(([value, label]) => h('option', { value, selected: value === p.policy }, label)));
    const minutes = h('input', { type: 'number', name: 'orphan-minutes', min: 1, max: 1440, step: 1, value: p.endAfterMinutes ?? 5 });
    const minutesField = field('End after (minutes)', minutes);
    const sync = () => { minutesField.wrap.hidden = choice.value !== 'End'; };
    choice.addEventListener('change', sync);
    sync();
    const status = h('div');
    const form = h('form', {},
      h('p', { class: 'hint' }, `A "Call me" phone stays connected (and billed) after its user leaves the meeting in the app. Under Ask, no key within ${p.answerTimeoutSeconds} s hangs it up.`),
      h('div', { class: 'field-row' }, field('Policy', choice).wrap, minutesField.wrap),
      h('button', { type: 'submit', class: 'btn btn-primary' }, 'Save policy'), status);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      status.replaceChildren();
      try {
        const set = await api.setOrphanPolicy(choice.value, choice.value === 'End' ? Number(minutes.value) : null);
        toast(`Orphaned phone policy: ${set.policy}${set.policy === 'End' ? ` after ${set.endAfterMinutes} min` : ''}.`, { title: 'Guardrails' });
      } catch (err) { status.replaceChildren(errorBox(err.message)); }
    });
    clear(orphanBox).append(h('h2', { id: 'orphan-heading' }, 'Phone left connected after leaving'), form);
  }

  await Promise.all([reload(), renderOrphan()]);
  return null;
}
