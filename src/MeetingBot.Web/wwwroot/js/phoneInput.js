import { h, uid } from './dom.js';
import { api } from './api.js';

const PREVIEW_DELAY_MS = 250;

/**
 * A phone number field that shows, as the user types, the E.164 number the meeting service will dial
 * (Teams normalizes a 10-digit US number to +1…) and, before anything is dialed, what it would cost: the country and
 * zone, who would pay (pooled minutes, credits at a rate, or refused with the reason) and the dial-out policy's
 * verdict. The server decides and words it (the bot's confirm card says the same); `kind` is callMe or addParticipant.
 */
export function phoneNumberInput(meetingId, { label, name, kind = 'callMe' }) {
  const input = h('input', { type: 'tel', name, autocomplete: 'tel', inputmode: 'tel', id: uid('phone') });
  const preview = h('span', { class: 'hint', id: `${input.id}-preview`, 'aria-live': 'polite', 'data-testid': `${name}-preview` });
  const cost = h('dl', { class: 'cost-preview', 'data-testid': `${name}-cost`, hidden: true });
  input.setAttribute('aria-describedby', preview.id);
  let timer = null;
  let seq = 0;
  const state = { e164: null, wouldDial: null };

  async function update() {
    const value = input.value.trim();
    const mine = ++seq;
    state.e164 = null;
    state.wouldDial = null;
    cost.hidden = true;
    // Too short to be a number anywhere: skip the round trip rather than show an error mid-typing.
    if (value.replace(/\D/g, '').length < 7) { preview.textContent = ''; return; }
    try {
      const result = await api.previewNumber(meetingId, value, kind);
      if (mine !== seq) return;
      state.e164 = result.e164;
      const display = result.display;
      preview.replaceChildren('Will call ', h('span', { class: 'e164', 'data-testid': `${name}-e164` }, state.e164),
        display && display !== state.e164 ? ` (${display}${result.regionCode ? `, ${result.regionCode}` : ''})` : '');
      showCost(result);
    } catch (e) {
      if (mine !== seq) return;
      preview.textContent = e.message;
    }
  }

  function showCost(result) {
    state.wouldDial = result.wouldDial;
    const row = (term, text, testid) => [h('dt', {}, term), h('dd', { 'data-testid': `${name}-${testid}` }, text)];
    const zone = result.country ? `${result.country} (${result.regionCode}), ${result.isZoneA ? 'Zone A' : 'outside Zone A'}` : null;
    cost.replaceChildren(
      ...(zone ? row('Country', zone, 'country') : []),
      ...(result.payerText ? row('Paid by', result.payerText, 'payer') : []),
      ...(result.dialOutPolicy?.text ? row('Dial-out policy', result.dialOutPolicy.text, 'policy') : []),
      ...(result.approvalText ? row('Approval', result.approvalText, 'approval') : []));
    if (result.message) cost.append(h('div', { class: 'error', role: 'alert', 'data-testid': `${name}-refusal` }, result.message));
    cost.hidden = cost.childElementCount === 0;
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, PREVIEW_DELAY_MS);
  });

  const wrap = h('div', { class: 'field' }, h('label', { for: input.id }, label), input, preview, cost);
  return { wrap, input, preview, state, refresh: update };
}
