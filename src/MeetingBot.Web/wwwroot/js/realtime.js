import { toast } from './toasts.js';
import { displayPhone } from './dom.js';

/** Every server→client method of /hubs/meeting. Each push becomes a toast and a DOM event views can react to. */
export const HUB_METHODS = [
  'CallingFeatureUnavailable', 'HangUpReminder', 'CallLegStateChanged', 'ParticipantJoined', 'ParticipantLeft',
  'MeetingEnded', 'PoolLow', 'CreditsChanged', 'OrphanedLegEnded', 'AddedPhoneStillConnected', 'CutOffWarning',
  'DialOutApprovalRequested', 'DialOutApprovalDecided',
];

/** Pushes that a view turns into its own toast (approvals.js: Approve / Deny buttons, a decision worded for each side). */
const OWN_TOAST = new Set(['DialOutApprovalRequested', 'DialOutApprovalDecided']);

let connection = null;
let joinedMeetingId = null;

// Payloads are the records in src/MeetingBot.Web/Hubs/Messages, camelCase, enums as their names (docs/realtime.md).

/** The words people read for a leg state (Ringing, Connected, CutOff or Ended). */
export function legStateWords(state) {
  return { Ringing: 'ringing', Connected: 'connected', CutOff: 'cut off', Ended: 'ended' }[state] ?? state;
}

function describe(method, p) {
  switch (method) {
    case 'CallingFeatureUnavailable':
      return { kind: 'error', text: p.message };
    case 'HangUpReminder':
      return { kind: 'warning', text: p.message };
    case 'CallLegStateChanged': {
      // *6 on a connected phone sends its state again with muted set (or cleared: read as connected).
      if (p.state === 'Connected' && p.muted) return { kind: 'info', text: `Phone call to ${displayPhone(p.toNumber)} muted.` };
      return { kind: p.state === 'CutOff' ? 'warning' : 'info', text: `Phone call to ${displayPhone(p.toNumber)} ${legStateWords(p.state)}.` };
    }
    case 'ParticipantJoined': {
      const how = p.isPhoneOnly ? ' by phone' : '';
      const lobby = p.inLobby ? ' and is waiting in the lobby' : '';
      return { kind: 'info', text: `${p.displayName} joined${how}${lobby}.` };
    }
    case 'ParticipantLeft':
      return { kind: 'info', text: `${p.displayName} left.` };
    case 'MeetingEnded': {
      const still = p.phoneLegsStillConnected;
      const tail = still > 0 ? ` ${still} phone call${still === 1 ? ' is' : 's are'} still connected: hang up your phone too.` : '';
      return { kind: still > 0 ? 'warning' : 'info', text: `The meeting has ended.${tail}` };
    }
    case 'PoolLow':
      return { kind: 'warning', text: `Dial-out minute pool ${p.thresholdPercent}% used: ${p.minutesUsed} of ${p.minutesAvailable} minutes.` };
    case 'CreditsChanged':
      return { kind: 'info', text: `Communications Credits balance is now $${p.balance.toFixed(2)}${p.reason ? ` (${p.reason})` : ''}.` };
    case 'AddedPhoneStillConnected':
      return { kind: 'warning', text: p.message };
    case 'CutOffWarning':
      return { kind: 'warning', text: `${displayPhone(p.toNumber)}: ${p.message}` };
    case 'OrphanedLegEnded':
      return { kind: 'info', text: p.message ?? `Your organization's policy ended the phone call to ${displayPhone(p.toNumber)} that stayed connected after you left.` };
    default:
      return { kind: 'info', text: method };
  }
}

const TITLES = {
  CallingFeatureUnavailable: 'Calling', HangUpReminder: 'Phone still connected', CallLegStateChanged: 'Phone call',
  ParticipantJoined: 'Roster', ParticipantLeft: 'Roster', MeetingEnded: 'Meeting', PoolLow: 'Minute pool',
  CreditsChanged: 'Communications Credits', OrphanedLegEnded: 'Phone call', AddedPhoneStillConnected: 'Phone still connected',
  CutOffWarning: 'Call running out of minutes',
};

function onPush(method, payload) {
  if (!OWN_TOAST.has(method)) {
    const { kind, text } = describe(method, payload);
    toast(text, { kind, title: TITLES[method] });
  }
  window.dispatchEvent(new CustomEvent('hub', { detail: { method, payload } }));
}

export async function connect() {
  if (connection) return connection;
  const signalR = window.signalR;
  connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/meeting')
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  for (const method of HUB_METHODS) connection.on(method, (payload) => onPush(method, payload));
  // A burst's roster events of one meeting come as one message: each is handled as if it had come alone, in order.
  connection.on('MeetingEvents', (batch) => {
    for (const e of batch.events) if (HUB_METHODS.includes(e.method)) onPush(e.method, e.payload);
  });
  connection.onreconnected(async () => {
    if (joinedMeetingId) await connection.invoke('JoinMeeting', joinedMeetingId).catch(() => {});
  });
  await connection.start();
  return connection;
}

export async function disconnect() {
  const c = connection;
  connection = null;
  joinedMeetingId = null;
  if (c) await c.stop();
}

/** Subscribes to a meeting's pushes; returns the hub's snapshot of the meeting. */
export async function joinMeetingGroup(meetingId) {
  const c = await connect();
  joinedMeetingId = meetingId;
  return c.invoke('JoinMeeting', meetingId);
}

export async function myOrphanedLegs() {
  const c = await connect();
  return c.invoke('GetMyOrphanedLegs');
}

export function isConnected() {
  return connection?.state === 'Connected';
}
