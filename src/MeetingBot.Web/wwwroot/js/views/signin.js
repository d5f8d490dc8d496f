import { h, errorBox } from '../dom.js';
import { api } from '../api.js';
import { signedIn } from '../app.js';

function initials(name) {
  return String(name ?? '?').split(/\s+/).map(w => w[0]).join('').slice(0, 2).toUpperCase();
}

function describeUser(u) {
  const bits = [];
  if (u.isTenantAdmin) bits.push('Tenant admin');
  if (u.hasAudioConferencing) bits.push('Audio Conferencing');
  return bits.join(' · ');
}

/** The local dev sign-in: pick one of the demo tenant's people. */
export async function renderSignIn(main, ctx) {
  main.append(h('h1', {}, 'Sign in'));
  let users;
  try {
    users = await api.devUsers();
  } catch (e) {
    main.append(errorBox(`Dev sign-in is not available: ${e.message}`));
    return null;
  }
  const status = h('div');
  const list = h('ul', { class: 'user-picker', 'aria-label': 'Demo users' });
  for (const u of users) {
    const id = u.id;
    const name = u.displayName;
    list.append(h('li', {}, h('button', {
      type: 'button',
      'data-user-id': id,
      onclick: async () => {
        status.replaceChildren();
        try {
          await signedIn(await api.signIn(id));
          const back = sessionStorage.getItem('meetingbot.returnTo');
          sessionStorage.removeItem('meetingbot.returnTo');
          ctx.navigate(back && !back.startsWith('#/signin') ? back : '#/meetings');
        } catch (e) {
          status.replaceChildren(errorBox(e.message));
        }
      },
    }, h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(name)),
       h('span', {}, h('strong', {}, name), h('br'), h('span', { class: 'hint' }, describeUser(u))))));
  }
  main.append(
    h('p', { class: 'muted' }, 'Local dev mode: choose a person of the Contoso demo tenant. Nothing leaves this machine.'),
    list, status);
  list.querySelector('button')?.focus();
  return null;
}
