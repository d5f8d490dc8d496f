import { h, uid, displayPhone } from './dom.js';
import { api } from './api.js';

const PREVIEW_DELAY_MS = 250;

/**
 * A phone number field that shows, as the user types, the E.164 number the meeting service will dial
 * (Teams normalizes a 10-digit US number to +1…). The server decides: it knows the organizer's country.
 */
export function phoneNumberInput(meetingId, { label, name }) {
  const input = h('input', { type: 'tel', name, autocomplete: 'tel', inputmode: 'tel', id: uid('phone') });
  const preview = h('span', { class: 'hint', id: `${input.id}-preview`, 'aria-live': 'polite', 'data-testid': `${name}-preview` });
  input.setAttribute('aria-describedby', preview.id);
  let timer = null;
  let seq = 0;
  const state = { e164: null };

  async function update() {
    const value = input.value.trim();
    const mine = ++seq;
    state.e164 = null;
    // Too short to be a number anywhere: skip the round trip rather than show an error mid-typing.
    if (value.replace(/\D/g, '').length < 7) { preview.textContent = ''; return; }
    try {
      const result = await api.previewNumber(meetingId, value);
      if (mine !== seq) return;
      state.e164 = result.e164 ?? result.E164;
      const display = result.display ?? displayPhone(state.e164);
      preview.replaceChildren('Will call ', h('span', { class: 'e164', 'data-testid': `${name}-e164` }, state.e164),
        display && display !== state.e164 ? ` (${display}${result.regionCode ? `, ${result.regionCode}` : ''})` : '');
    } catch (e) {
      if (mine !== seq) return;
      preview.textContent = e.message;
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, PREVIEW_DELAY_MS);
  });

  const wrap = h('div', { class: 'field' }, h('label', { for: input.id }, label), input, preview);
  return { wrap, input, preview, state, refresh: update };
}
