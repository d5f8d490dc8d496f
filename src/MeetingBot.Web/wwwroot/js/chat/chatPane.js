import { h, clear } from '../dom.js';
import { api } from '../api.js';
import { createChatDirectLine } from './directLine.js';

// Web Chat is about 4 MB: loaded when the pane first opens, not with every page.
const WEB_CHAT_SCRIPT = 'lib/webchat.js';
const OPEN_KEY = 'meetingbot.chatOpen';
const CONVERSATION_KEY = 'meetingbot.chatConversation';
// The bot's invite card says which meeting its Join is for (CardActions.ShowPreJoin).
const SHOW_PRE_JOIN = 'showPreJoin';

let loading = null;
let me = null;
let directLine = null;
let conversations = [];

function loadWebChat() {
  if (window.WebChat) return Promise.resolve();
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = WEB_CHAT_SCRIPT;
    script.onload = () => resolve();
    script.onerror = () => { loading = null; reject(new Error('The chat could not be loaded.')); };
    document.head.append(script);
  });
  return loading;
}

function pane() { return document.getElementById('chat-pane'); }
function toggle() { return document.getElementById('chat-toggle'); }

function initials(name) {
  return String(name ?? '').split(/\s+/).filter(Boolean).slice(0, 2).map(w => w[0].toUpperCase()).join('') || '?';
}

/**
 * Card buttons that belong to the client rather than the chat: the invite's Join opens the pre-join screen (as Teams
 * opens the meeting) instead of asking the bot for a pre-join card.
 */
function clientActions() {
  return () => next => action => {
    const value = action.type === 'DIRECT_LINE/POST_ACTIVITY' ? action.payload?.activity?.value : null;
    if (value?.action === SHOW_PRE_JOIN && typeof value.meetingId === 'string') {
      location.hash = `#/meetings/${encodeURIComponent(value.meetingId)}`;
      return undefined;
    }
    return next(action);
  };
}

async function refreshConversations(select) {
  conversations = await api.get('/api/chat/conversations');
  const current = select.value || sessionStorage.getItem(CONVERSATION_KEY);
  clear(select).append(...conversations.map(c =>
    h('option', { value: c.id, selected: c.id === current }, c.kind === 'personal' ? `${c.title} (1:1)` : `Meeting chat: ${c.title}`)));
  if (!conversations.some(c => c.id === select.value)) select.value = conversations[0]?.id ?? '';
}

function renderConversation(conversationId) {
  directLine?.end();
  const host = pane().querySelector('.chat-webchat');
  // A fresh element per conversation: Web Chat keeps its state in the element it rendered into.
  const surface = h('div', { class: 'chat-surface', dataset: { conversation: conversationId } });
  clear(host).append(surface);
  let store = null;
  directLine = createChatDirectLine(conversationId, {
    onDeleted: activityID => store?.dispatch({ type: 'DIRECT_LINE/DELETE_ACTIVITY', payload: { activityID } }),
  });
  store = window.WebChat.createStore({}, clientActions());
  window.WebChat.renderWebChat({
    directLine,
    store,
    userID: me.userId,
    username: me.displayName,
    locale: 'en-US',
    styleOptions: {
      accent: '#5b5fc7',
      bubbleBorderRadius: 6,
      bubbleFromUserBackground: '#e8ebfa',
      bubbleFromUserBorderColor: '#e8ebfa',
      botAvatarInitials: 'MB',
      botAvatarBackgroundColor: '#5b5fc7',
      userAvatarInitials: initials(me.displayName),
      hideUploadButton: true,
      rootHeight: '100%',
    },
  }, surface);
  sessionStorage.setItem(CONVERSATION_KEY, conversationId);
  const older = pane().querySelector('.chat-older');
  older.hidden = true;
  const shown = directLine;
  // The first page arrives with the connection; offer older ones once it is known whether there are any.
  shown.connectionStatus$.subscribe(status => { if (status === 2 && shown === directLine) older.hidden = !shown.hasOlder; });
}

async function open(conversationId) {
  const p = pane();
  p.hidden = false;
  document.body.classList.add('chat-open');
  toggle().setAttribute('aria-expanded', 'true');
  sessionStorage.setItem(OPEN_KEY, '1');
  const select = p.querySelector('select');
  const status = p.querySelector('.chat-status');
  status.textContent = '';
  try {
    await loadWebChat();
    await refreshConversations(select);
    if (conversationId && conversations.some(c => c.id === conversationId)) select.value = conversationId;
    if (directLine && pane().querySelector('.chat-surface')?.dataset.conversation === select.value) return;
    renderConversation(select.value);
  } catch (e) {
    status.textContent = e.message;
  }
}

function close() {
  pane().hidden = true;
  document.body.classList.remove('chat-open');
  toggle().setAttribute('aria-expanded', 'false');
  sessionStorage.removeItem(OPEN_KEY);
}

/** Opens the chat pane on a meeting's chat (from the meeting window). */
export function openMeetingChat(meetingId) {
  const id = conversations.find(c => c.meetingId === meetingId)?.id ?? (me && `meeting:${String(me.tenantId ?? '').toLowerCase()}:${meetingId}`);
  return open(id);
}

/** Shows the Chat button once someone is signed in, and the pane again if it was open before a reload. */
export function startChat(signedIn) {
  me = signedIn;
  const p = pane();
  if (!p.dataset.ready) {
    p.dataset.ready = '1';
    toggle().addEventListener('click', () => (p.hidden ? open() : close()));
    p.querySelector('.chat-close').addEventListener('click', close);
    const select = p.querySelector('select');
    select.addEventListener('change', () => open(select.value));
    // A meeting scheduled or joined since the list was read has a chat too.
    select.addEventListener('focus', () => refreshConversations(select).catch(() => {}));
    const older = p.querySelector('.chat-older');
    older.addEventListener('click', async () => {
      older.disabled = true;
      try { older.hidden = !(await directLine.loadOlder()); } finally { older.disabled = false; }
    });
  }
  toggle().hidden = false;
  if (sessionStorage.getItem(OPEN_KEY)) open(sessionStorage.getItem(CONVERSATION_KEY));
}

/** Signing out ends the chat's connection and hides the pane. */
export function stopChat() {
  directLine?.end();
  directLine = null;
  me = null;
  clear(pane().querySelector('.chat-webchat'));
  close();
  sessionStorage.removeItem(CONVERSATION_KEY);
  toggle().hidden = true;
}
