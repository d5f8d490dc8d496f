import { Subject, fromPromise } from './observable.js';

/** Web Chat's connection status numbers (botframework-directlinejs ConnectionStatus). */
export const ConnectionStatus = Object.freeze({ Uninitialized: 0, Connecting: 1, Online: 2, ExpiredToken: 3, FailedToConnect: 4, Ended: 5 });

/** The largest activity the hub accepts, as JSON text (WebChatChannel.MaxActivityChars). */
export const MAX_ACTIVITY_CHARS = 16 * 1024;

const HISTORY_PAGE = 50;
// Enough for a long conversation; activity$ replays this many to a late subscriber.
const REPLAY = 2000;

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.detail ?? `${response.status} ${response.statusText}`);
  return body;
}

/**
 * Web Chat's Direct Line interface (activity$, connectionStatus$, postActivity, end) over MeetingBot's chat hub
 * (/hubs/chat, authenticated by the sign-in cookie). One object per conversation. History comes from
 * GET /api/chat/{id}/activities, live activities from the hub; Web Chat puts both in timestamp order and shows an
 * activity it already has (same id) in its place, which is how a card the bot updates is redrawn.
 */
export function createChatDirectLine(conversationId, { onDeleted } = {}) {
  const connectionStatus$ = new Subject({ replay: 1 });
  const activity$ = new Subject({ replay: REPLAY });
  const seen = new Set();
  // Posts waiting for their echo, by Web Chat's clientActivityID: the echo carries the id before the bot's turn is over.
  const echoes = new Map();
  let before = null;
  let connection = null;
  let ended = false;
  connectionStatus$.next(ConnectionStatus.Uninitialized);

  // Web Chat holds back (and warns about) a reply to an activity it never saw: a reply whose message is on an older
  // page, not loaded yet, is shown as a plain message.
  function deliver(activity) {
    if (activity.replyToId && !seen.has(activity.replyToId)) delete activity.replyToId;
    if (activity.id) seen.add(activity.id);
    const clientId = activity.channelData?.clientActivityID;
    if (clientId && echoes.has(clientId)) {
      echoes.get(clientId)(activity.id);
      echoes.delete(clientId);
    }
    activity$.next(activity);
  }

  async function loadPage(cursor) {
    const query = new URLSearchParams({ take: String(HISTORY_PAGE) });
    if (cursor !== null) query.set('before', String(cursor));
    const page = await getJson(`/api/chat/${encodeURIComponent(conversationId)}/activities?${query}`);
    for (const activity of page.activities) if (activity?.id) seen.add(activity.id);
    for (const activity of page.activities) if (activity) deliver(activity);
    return page.before ?? null;
  }

  async function open() {
    await connection.invoke('OpenConversation', conversationId);
    before = await loadPage(null);
  }

  const ready = (async () => {
    connectionStatus$.next(ConnectionStatus.Connecting);
    const signalR = window.signalR;
    connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/chat')
      .withAutomaticReconnect()
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    connection.on('Activity', (id, activity) => { if (id === conversationId) deliver(activity); });
    connection.on('ActivityDeleted', (id, activityId) => { if (id === conversationId) onDeleted?.(activityId); });
    connection.onreconnecting(() => connectionStatus$.next(ConnectionStatus.Connecting));
    // Whatever was said while the connection was down is in the history: the newest page fills the gap.
    connection.onreconnected(() => open().then(() => connectionStatus$.next(ConnectionStatus.Online),
      () => connectionStatus$.next(ConnectionStatus.FailedToConnect)));
    connection.onclose(() => { if (!ended) connectionStatus$.next(ConnectionStatus.FailedToConnect); });
    try {
      await connection.start();
      await open();
      connectionStatus$.next(ConnectionStatus.Online);
    } catch (e) {
      connectionStatus$.next(ConnectionStatus.FailedToConnect);
      throw e;
    }
  })();
  // A failed start is reported through connectionStatus$; the promise is awaited again by postActivity.
  ready.catch(() => {});

  return {
    activity$,
    connectionStatus$,

    /**
     * Answers the id the host gave the activity as soon as its echo (with Web Chat's clientActivityID) arrives on
     * activity$, which is before the hub call returns: that waits for the bot's whole turn, and Web Chat marks a
     * message failed when its post takes longer than its send timeout.
     */
    postActivity(activity) {
      const size = JSON.stringify(activity).length;
      if (size > MAX_ACTIVITY_CHARS) {
        return fromPromise(Promise.reject(new Error(`The message is ${size} characters of JSON; the chat accepts at most ${MAX_ACTIVITY_CHARS}.`)));
      }
      const clientId = activity.channelData?.clientActivityID;
      return fromPromise(ready.then(() => new Promise((resolve, reject) => {
        if (clientId) echoes.set(clientId, resolve);
        connection.invoke('PostActivity', conversationId, activity).then(resolve, reason => {
          echoes.delete(clientId);
          reject(reason);
        });
      })));
    },

    /** Whether an older page of history exists. */
    get hasOlder() { return before !== null; },

    /** Shows the page of history before the oldest shown; Web Chat sorts it in above. */
    async loadOlder() {
      if (before === null) return false;
      before = await loadPage(before);
      return before !== null;
    },

    end() {
      ended = true;
      connectionStatus$.next(ConnectionStatus.Ended);
      connection?.stop();
    },
  };
}
