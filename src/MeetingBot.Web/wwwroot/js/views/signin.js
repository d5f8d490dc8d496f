import { h, errorBox } from '../dom.js';
import { api } from '../api.js';
import { signedIn } from '../app.js';

function initials(name) {
  return String(name ?? '?').split(/\s+/).map(w => w[0]).join('').slice(0, 2).toUpperCase();
}

function describeUser(u) {
  const bits = [];
  if (u.isTenantAdmin) bits.push('Tenant admin');
  const licenses = u.licenses ?? u.skus ?? [];
  if (u.hasAudioConferencing || licenses.some(l => /AudioConferencing/i.test(String(l)))) bits.push('Audio Conferencing');
  if (licenses.some(l => /CommunicationsCredits/i.test(String(l)))) bits.push('Communications Credits');
  if (u.upn) bits.unshift(u.upn);
  return bits.join(' · ');
}

/** The local dev sign-in: pick one of the demo tenant's people. */
export async function renderSignIn(main, ctx) {
  main.append(h('h1', {}, 'Sign in'));
  let users;
  try {
    const data = await api.devUsers();
    users = Array.isArray(data) ? data : data?.users ?? [];
  } catch (e) {
    main.append(errorBox(`Dev sign-in is not available: ${e.message}`));
    return null;
  }
  const status = h('div');
  const list = h('ul', { class: 'user-picker', 'aria-label': 'Demo users' });
  for (const u of users) {
    const id = u.userId ?? u.id;
    const name = u.displayName ?? id;
    list.append(h('li', {}, h('button', {
      type: 'button',
      'data-user-id': id,
      onclick: async () => {
        status.replaceChildren();
        try {
          const me = await api.signIn(id);
          await signedIn(me ?? await api.me());
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
