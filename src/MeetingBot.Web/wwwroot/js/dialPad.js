import { h, uid } from './dom.js';
import { api } from './api.js';

// The simulated phone's keypad: what the person holding the phone would press (1 to stay after leaving in the app,
// *6 mute, *1 minutes left). Keys go to POST /api/sim/calls/{legId}/keys in one press; the engine says what the phone
// played back, shown under the pad. Only the caller or the organizer may press (the engine checks; docs/api.md).
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const MAX_KEYS = 32;

export function dialPad(legId, { label = 'Phone keypad', onPressed } = {}) {
  const id = uid('dialpad');
  const typed = h('output', { class: 'dialpad-typed', id: `${id}-typed`, 'data-testid': 'dialpad-typed', 'aria-label': 'Keys to send' });
  const heard = h('p', { class: 'dialpad-heard', role: 'status', 'data-testid': 'dialpad-heard' });
  let buffer = '';
  const show = () => { typed.value = buffer; typed.textContent = buffer; };

  async function send(keys) {
    if (!keys) return;
    heard.textContent = '';
    heard.classList.remove('error');
    try {
      const leg = await api.simKeys(legId, keys);
      // A CallLegView: prompts is null until the network has played something.
      const prompts = leg.prompts ?? [];
      heard.textContent = prompts.length ? `🔊 ${prompts[prompts.length - 1].text}` : `Sent ${keys}.`;
      onPressed?.(leg);
    } catch (e) {
      heard.classList.add('error');
      heard.textContent = e.message;
    }
  }

  const pad = h('div', { class: 'dialpad-keys', role: 'group', 'aria-label': 'Keys' },
    KEYS.map(k => h('button', {
      type: 'button', class: 'btn btn-small', 'data-key': k, 'aria-label': `Key ${k}`,
      onclick: () => { if (buffer.length < MAX_KEYS) { buffer += k; show(); } },
    }, k)));
  const sendButton = h('button', {
    type: 'button', class: 'btn btn-small btn-primary', 'data-testid': 'dialpad-send',
    onclick: async () => { const keys = buffer; buffer = ''; show(); await send(keys); },
  }, 'Send keys');
  const clearButton = h('button', { type: 'button', class: 'btn btn-small', onclick: () => { buffer = ''; show(); } }, 'Clear');
  const shortcut = (keys, text) => h('button', { type: 'button', class: 'btn btn-small', 'data-keys': keys, onclick: () => send(keys) }, text);

  return h('details', { class: 'dialpad', 'data-testid': 'dialpad', 'data-leg-id': legId },
    h('summary', {}, label),
    h('div', { class: 'dialpad-shortcuts' }, shortcut('1', 'Stay on the phone (1)'), shortcut('*6', 'Mute / unmute (*6)'), shortcut('*1', 'Minutes left (*1)')),
    pad,
    h('div', { class: 'dialpad-actions' }, typed, clearButton, sendButton),
    heard);
}
