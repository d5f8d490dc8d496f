import { api } from './api.js';
import { clear, formatDateTime } from './dom.js';
import * as realtime from './realtime.js';
import * as phoneBanner from './phoneBanner.js';
import { watchApprovals } from './approvals.js';
import { startChat, stopChat } from './chat/chatPane.js';
import { toast } from './toasts.js';
import { renderSignIn } from './views/signin.js';
import { renderMeetings } from './views/meetings.js';
import { renderPreJoin } from './views/prejoin.js';
import { renderMeetingWindow } from './views/meetingWindow.js';
import { renderAdmin } from './views/admin.js';
import { renderDialIn } from './views/dialin.js';
import { renderPin } from './views/pin.js';
import { renderMeetingOptions } from './views/meetingOptions.js';

/** Who is signed in ({ userId, displayName, isTenantAdmin, tenantId }) and whether the dev endpoints exist. */
export const session = { me: null, devMode: false };

let cleanup = null;
const SIGNED_IN_MARKER = 'meetingbot.signedIn';

function normalizeMe(me) {
  if (!me) return null;
  return {
    userId: me.userId,
    displayName: me.displayName,
    isTenantAdmin: me.isTenantAdmin,
    tenantId: me.tenantId,
  };
}

export async function signedIn(me) {
  session.me = normalizeMe(me);
  localStorage.setItem(SIGNED_IN_MARKER, '1');
  updateChrome();
  startChat(session.me);
  try {
    await realtime.connect();
    // A phone left connected in an earlier visit still costs minutes: warn about it straight away.
    phoneBanner.rememberOrphanedLegs((await realtime.myOrphanedLegs()).map(phoneBanner.bannerLeg));
    // Calls waiting for this user's approval as organizer (toll-fraud guardrails), also after a reload.
    await watchApprovals(session.me);
  } catch (e) {
    toast(`Live updates are unavailable: ${e.message}`, { kind: 'warning', title: 'Connection' });
  }
}

async function signOut() {
  try { await api.signOut(); } catch { /* already signed out: the picker is shown either way */ }
  await realtime.disconnect();
  stopChat();
  phoneBanner.clearBanner();
  session.me = null;
  localStorage.removeItem(SIGNED_IN_MARKER);
  updateChrome();
  location.hash = '#/signin';
}

function updateChrome() {
  const me = session.me;
  document.getElementById('primary-nav').hidden = !me;
  document.querySelectorAll('[data-admin-only]').forEach(el => { el.hidden = !me?.isTenantAdmin; });
  document.getElementById('signed-in-as').textContent = me ? `Signed in as ${me.displayName}` : '';
  document.getElementById('sign-out').hidden = !me;
  document.getElementById('fast-forward').hidden = !(me && session.devMode);
}

function setCurrentNav(section) {
  document.querySelectorAll('[data-nav]').forEach(a => {
    if (a.dataset.nav === section) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

async function fastForward() {
  const button = document.getElementById('fast-forward');
  button.disabled = true;
  try {
    const result = await api.advanceClock(30);
    const now = result.now;
    const clock = document.getElementById('demo-clock');
    if (now) {
      clock.hidden = false;
      clock.textContent = `Demo clock: ${formatDateTime(now)}`;
    }
    toast('The demo clock moved forward 30 minutes.', { title: 'Dev' });
    window.dispatchEvent(new CustomEvent('clock-advanced'));
  } catch (e) {
    toast(e.message, { kind: 'error', title: 'Dev' });
  } finally {
    button.disabled = false;
  }
}

async function route() {
  if (cleanup) { try { cleanup(); } catch { /* a view's cleanup must not block navigation */ } cleanup = null; }
  // Each route renders into its own container: a slower view from an earlier route then fills a detached
  // element instead of mixing into the current page.
  const main = document.createElement('div');
  clear(document.getElementById('main')).append(main);
  const path = (location.hash.replace(/^#/, '') || '/').split('?')[0];
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);

  // "Find a local number" is for anyone who got the invite, signed in or not (as in Teams).
  const anonymousOk = parts[0] === 'signin' || parts[0] === 'dialin';
  if (!session.me && !anonymousOk) {
    sessionStorage.setItem('meetingbot.returnTo', location.hash);
    location.hash = '#/signin';
    return;
  }
  const ctx = { session, main, navigate: (hash) => { location.hash = hash; } };
  if (parts[0] === 'signin') { setCurrentNav(''); cleanup = await renderSignIn(main, ctx); }
  else if (parts[0] === 'dialin' && parts[1]) { setCurrentNav(''); cleanup = await renderDialIn(main, ctx, parts[1]); }
  else if (parts[0] === 'pin') { setCurrentNav(''); cleanup = await renderPin(main, ctx); }
  else if (parts[0] === 'meetings' && parts[1] && parts[2] === 'options') { setCurrentNav('meetings'); cleanup = await renderMeetingOptions(main, ctx, parts[1]); }
  else if (parts[0] === 'meetings' && parts[1] && parts[2] === 'live') { setCurrentNav('meetings'); cleanup = await renderMeetingWindow(main, ctx, parts[1]); }
  else if (parts[0] === 'meetings' && parts[1]) { setCurrentNav('meetings'); cleanup = await renderPreJoin(main, ctx, parts[1]); }
  else if (parts[0] === 'admin') { setCurrentNav('admin'); cleanup = await renderAdmin(main, ctx, parts[1] ?? 'users'); }
  else { setCurrentNav('meetings'); cleanup = await renderMeetings(main, ctx); }
  const heading = main.querySelector('h1');
  if (heading) document.title = `${heading.textContent} · MeetingBot`;
}

async function start() {
  document.getElementById('sign-out').addEventListener('click', signOut);
  document.getElementById('fast-forward').addEventListener('click', fastForward);
  phoneBanner.render();
  try {
    // Outside local dev mode /api/dev/* answers 404, which throws.
    await api.devUsers();
    session.devMode = true;
  } catch {
    session.devMode = false;
  }
  // The auth cookie is HttpOnly, so a readable marker says whether asking /api/me is worth a request
  // (a first visit then shows the picker without a 401 in the console).
  if (localStorage.getItem(SIGNED_IN_MARKER)) {
    try {
      const me = await api.me();
      if (me) await signedIn(me);
    } catch {
      session.me = null;
      localStorage.removeItem(SIGNED_IN_MARKER);
    }
  }
  updateChrome();
  window.addEventListener('hashchange', route);
  await route();
}

start();
