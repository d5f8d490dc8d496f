import { toast } from './toasts.js';
import { displayPhone } from './dom.js';

/** Every server→client method of /hubs/meeting. Each push becomes a toast and a DOM event views can react to. */
export const HUB_METHODS = [
  'CallingFeatureUnavailable', 'HangUpReminder', 'CallLegStateChanged', 'ParticipantJoined', 'ParticipantLeft',
  'MeetingEnded', 'PoolLow', 'CreditsChanged', 'OrphanedLegEnded', 'AddedPhoneStillConnected', 'CutOffWarning',
  'DialOutApprovalRequested', 'DialOutApprovalDecided',
];

/** Pushes that a view turns into its own toast (with buttons), not the plain one. */
const OWN_TOAST = new Set(['DialOutApprovalRequested']);

let connection = null;
let joinedMeetingId = null;

// Payload fields are read case-insensitively and by either name, so the client survives small contract drift.
export function pick(obj, ...names) {
  if (!obj || typeof obj !== 'object') return undefined;
  for (const name of names) {
    if (obj[name] !== undefined) return obj[name];
    const key = Object.keys(obj).find(k => k.toLowerCase() === name.toLowerCase());
    if (key !== undefined) return obj[key];
  }
  return undefined;
}

const LEG_STATES = ['Ringing', 'Connected', 'CutOff', 'Ended'];
export function legStateName(state) {
  return typeof state === 'number' ? (LEG_STATES[state] ?? String(state)) : String(state ?? '');
}

/** The words people read for a leg state. */
export function legStateWords(state) {
  const name = legStateName(state);
  return { Ringing: 'ringing', Connected: 'connected', CutOff: 'cut off', Ended: 'ended' }[name] ?? name;
}

function describe(method, p) {
  const message = pick(p, 'message');
  switch (method) {
    case 'CallingFeatureUnavailable':
      return { kind: 'error', text: message ?? 'You are not set up to use this calling feature. Please contact your IT administrator.' };
    case 'HangUpReminder':
      return { kind: 'warning', text: message ?? `Your phone (${displayPhone(pick(p, 'toNumber'))}) is still connected to the meeting. Hang up your phone too.` };
    case 'CallLegStateChanged': {
      const state = legStateName(pick(p, 'state'));
      const words = { Ringing: 'ringing', Connected: 'connected', CutOff: 'cut off', Ended: 'ended' }[state] ?? state;
      // *6 on a connected phone sends its state again with muted set (or cleared: read as connected).
      if (state === 'Connected' && pick(p, 'muted') === true) return { kind: 'info', text: `Phone call to ${displayPhone(pick(p, 'toNumber'))} muted.` };
      return { kind: state === 'CutOff' ? 'warning' : 'info', text: message ?? `Phone call to ${displayPhone(pick(p, 'toNumber'))} ${words}.` };
    }
    case 'ParticipantJoined': {
      const how = pick(p, 'isPhoneOnly') ? ' by phone' : '';
      const lobby = pick(p, 'inLobby') ? ' and is waiting in the lobby' : '';
      return { kind: 'info', text: message ?? `${pick(p, 'displayName') ?? 'Someone'} joined${how}${lobby}.` };
    }
    case 'ParticipantLeft':
      return { kind: 'info', text: message ?? `${pick(p, 'displayName') ?? 'Someone'} left.` };
    case 'MeetingEnded': {
      const still = Number(pick(p, 'phoneLegsStillConnected') ?? 0);
      const tail = still > 0 ? ` ${still} phone call${still === 1 ? ' is' : 's are'} still connected: hang up your phone too.` : '';
      return { kind: still > 0 ? 'warning' : 'info', text: message ?? `The meeting has ended.${tail}` };
    }
    case 'PoolLow':
      return { kind: 'warning', text: message ?? `Dial-out minute pool ${pick(p, 'thresholdPercent')}% used: ${pick(p, 'minutesUsed')} of ${pick(p, 'minutesAvailable')} minutes.` };
    case 'CreditsChanged': {
      const balance = Number(pick(p, 'balance'));
      const reason = pick(p, 'reason');
      return { kind: 'info', text: message ?? `Communications Credits balance is now ${Number.isFinite(balance) ? `$${balance.toFixed(2)}` : balance}${reason ? ` (${reason})` : ''}.` };
    }
    case 'AddedPhoneStillConnected':
      return { kind: 'warning', text: message ?? `${displayPhone(pick(p, 'toNumber'))}, whom you added by phone, is still connected after you left.` };
    case 'CutOffWarning':
      return { kind: 'warning', text: `${displayPhone(pick(p, 'toNumber'))}: ${message ?? `about ${pick(p, 'minutesLeft')} minute(s) left before the call is cut off.`}` };
    case 'DialOutApprovalDecided':
      // DialOutApprovalDecidedMessage (docs/realtime.md): the requester's sentence.
      return { kind: p.approval.status === 'Approved' && !p.approval.callRefusal ? 'info' : 'warning', text: p.message };
    case 'OrphanedLegEnded':
      return { kind: 'info', text: message ?? `Your organization's policy ended the phone call to ${displayPhone(pick(p, 'toNumber'))} that stayed connected after you left.` };
    default:
      return { kind: 'info', text: message ?? method };
  }
}

const TITLES = {
  CallingFeatureUnavailable: 'Calling', HangUpReminder: 'Phone still connected', CallLegStateChanged: 'Phone call',
  ParticipantJoined: 'Roster', ParticipantLeft: 'Roster', MeetingEnded: 'Meeting', PoolLow: 'Minute pool',
  CreditsChanged: 'Communications Credits', OrphanedLegEnded: 'Phone call', AddedPhoneStillConnected: 'Phone still connected',
  CutOffWarning: 'Call running out of minutes', DialOutApprovalDecided: 'Call approval',
};

function onPush(method, args) {
  const payload = args.length === 1 ? args[0] : args;
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
  for (const method of HUB_METHODS) connection.on(method, (...args) => onPush(method, args));
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
