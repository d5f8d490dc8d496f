import { h, field, errorBox } from '../dom.js';
import { api } from '../api.js';

function hashQuery() {
  return new URLSearchParams(location.hash.split('?')[1] ?? '');
}

/**
 * "Reset PIN" from the invite: the organizer's dial-in PIN (entered after the conference ID to join as the organizer,
 * past the lobby). The page always acts on the signed-in person's own PIN; a new one is shown once.
 */
export async function renderPin(main, ctx) {
  const me = ctx.session.me;
  main.append(h('h1', {}, 'Dial-in PIN'));
  let profile = null;
  try { profile = await api.me(); } catch { /* the page works without the licence hint */ }

  const intro = [];
  const linkFor = hashQuery().get('for');
  if (linkFor && linkFor.toLowerCase() !== String(me.userId).toLowerCase()) {
    intro.push(h('div', { class: 'notice', 'data-testid': 'pin-other-user' },
      `This link was sent for ${linkFor}. You are signed in as ${me.displayName}: the changes below apply to your own PIN.`));
  }
  if (profile && !profile.hasAudioConferencing) {
    intro.push(h('div', { class: 'notice' },
      'You have no Audio Conferencing license, so your invites have no dial-in number: a PIN matters only once you do.'));
  }

  // Reset: a new random PIN, shown here once (nothing can read it back later).
  const resetButton = h('button', { type: 'button', class: 'btn btn-primary' }, 'Reset PIN');
  const resetResult = h('div', { 'data-testid': 'new-pin' });
  resetButton.addEventListener('click', async () => {
    resetResult.replaceChildren();
    resetButton.disabled = true;
    try {
      const { pin } = await api.resetPin();
      resetResult.replaceChildren(h('p', { class: 'ok', role: 'status' }, 'Your new PIN is ', h('strong', { class: 'e164' }, pin),
        '. Write it down: it is shown only this once.'));
    } catch (e) {
      resetResult.replaceChildren(errorBox(e.message));
    } finally {
      resetButton.disabled = false;
    }
  });

  const pinInput = h('input', {
    type: 'text', name: 'pin', inputmode: 'numeric', autocomplete: 'off', maxlength: 12, spellcheck: false, required: true,
  });
  const setStatus = h('div');
  const setForm = h('form', { 'aria-labelledby': 'set-pin-heading', novalidate: true },
    field('New PIN', pinInput, '4 to 12 digits.').wrap,
    h('button', { type: 'submit', class: 'btn' }, 'Set PIN'),
    setStatus);
  setForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    setStatus.replaceChildren();
    pinInput.removeAttribute('aria-invalid');
    try {
      await api.setPin(pinInput.value.trim());
      pinInput.value = '';
      setStatus.replaceChildren(h('p', { class: 'ok', role: 'status' }, 'Your PIN was changed.'));
    } catch (err) {
      // The engine's own words ("A PIN is 4 to 12 digits.") say what is wrong.
      pinInput.setAttribute('aria-invalid', 'true');
      setStatus.replaceChildren(errorBox(err.message));
      pinInput.focus();
    }
  });

  main.append(
    ...intro,
    h('p', { class: 'muted' }, 'When you dial in to a meeting you organize, enter this PIN after the conference ID to start the meeting as its organizer. Callers without it wait in the lobby unless the meeting options let them in.'),
    h('div', { class: 'grid-2' },
      h('section', { class: 'card', 'aria-labelledby': 'reset-pin-heading' },
        h('h2', { id: 'reset-pin-heading' }, 'Reset PIN'),
        h('p', {}, 'Replaces your PIN with a new 5-digit one.'),
        resetButton, resetResult),
      h('section', { class: 'card' },
        h('h2', { id: 'set-pin-heading' }, 'Choose your own PIN'),
        setForm)));
  resetButton.focus();
  return null;
}
