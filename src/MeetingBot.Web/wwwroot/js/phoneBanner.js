import { h, clear, displayPhone } from './dom.js';
import { api } from './api.js';
import { toast } from './toasts.js';
import { dialPad } from './dialPad.js';

// The seed's gotcha: leaving in the client does not hang up a "Call me" phone. The banner stays (across pages and
// reloads of this tab) until that phone leg really ends.
const KEY = 'meetingbot.orphanedLegs';

function load() {
  try { return JSON.parse(sessionStorage.getItem(KEY) ?? '[]'); } catch { return []; }
}

function save(legs) {
  sessionStorage.setItem(KEY, JSON.stringify(legs));
  render();
}

/** What the banner keeps of a CallLegView (Api/Contracts/CallLegView.cs). */
export function bannerLeg(view) {
  return { legId: view.id, toNumber: view.toNumber, meetingId: view.meetingId };
}

export function rememberOrphanedLegs(legs) {
  const known = load();
  for (const leg of legs) {
    if (leg.legId && !known.some(k => k.legId === leg.legId)) known.push(leg);
  }
  save(known);
}

export function forgetLeg(legId) {
  save(load().filter(l => l.legId !== legId));
}

export function clearBanner() {
  sessionStorage.removeItem(KEY);
  render();
}

async function endCall(leg, button) {
  button.disabled = true;
  try {
    await api.hangUp(leg.legId);
    forgetLeg(leg.legId);
    toast(`Phone call to ${displayPhone(leg.toNumber)} ended.`, { title: 'Phone call' });
  } catch (e) {
    button.disabled = false;
    // The leg is already over (cut off, or hung up on the phone): nothing left to warn about.
    if (e.status === 409 || e.status === 404) forgetLeg(leg.legId);
    toast(e.message, { kind: 'error', title: 'Phone call' });
  }
}

export function render() {
  const banner = document.getElementById('phone-banner');
  const legs = load();
  clear(banner);
  banner.hidden = legs.length === 0;
  for (const leg of legs) {
    const button = h('button', { type: 'button', class: 'btn btn-danger', 'data-leg-id': leg.legId }, 'End phone call');
    button.addEventListener('click', () => endCall(leg, button));
    banner.append(
      h('span', { 'aria-hidden': 'true' }, '📞'),
      h('p', {}, `Your phone is still connected to the meeting (${displayPhone(leg.toNumber)}) and is using minutes. You left in the client — hang up your phone too.`),
      button,
      // If the organization asks, the phone hears "Press 1 to stay on the phone": the keypad answers it (simulation).
      dialPad(leg.legId, { label: 'Phone keypad (simulation)' }));
  }
}

window.addEventListener('hub', (e) => {
  const { method, payload } = e.detail;
  if (method === 'OrphanedLegEnded') forgetLeg(payload.legId);
  if (method === 'CallLegStateChanged' && ['Ended', 'CutOff'].includes(payload.state)) forgetLeg(payload.legId);
});
