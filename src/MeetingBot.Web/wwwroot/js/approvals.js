import { h, formatDateTime } from './dom.js';
import { api } from './api.js';
import { toast } from './toasts.js';

// Toll-fraud guardrails: a dial-out outside Zone A (or above the tenant's rate) waits for the meeting organizer. The
// organizer sees each request as a toast with Approve / Deny, from the DialOutApprovalRequested push or, after a reload,
// from GET /api/approvals. Shapes: ApprovalView (docs/api.md).

const shown = new Map();

function requestText(a) {
  const what = a.kind === 'CallMe' ? 'to be called at' : 'to add';
  return `${a.requesterName} wants ${what} ${a.display} in meeting ${a.meetingId}: ${a.reasonText}. Expires ${formatDateTime(a.expiresAt)}.`;
}

/** The organizer's toast for one pending approval (once per approval). */
export function showApproval(a) {
  if (a.status !== 'Pending' || shown.has(a.id)) return;
  const status = h('span', { class: 'toast-status' });
  const decide = (approve) => async () => {
    for (const b of buttons) b.disabled = true;
    try {
      const decided = approve ? await api.approve(a.id) : await api.deny(a.id);
      item.remove();
      shown.delete(a.id);
      toast(decided.status === 'Approved'
        ? (decided.callRefusal ? `Approved, but the call could not be placed: ${decided.callRefusalMessage}` : `Approved: calling ${decided.display} for ${decided.requesterName}.`)
        : `Denied: ${decided.display} was not dialed.`, { kind: decided.status === 'Approved' && !decided.callRefusal ? 'info' : 'warning', title: 'Call approval', sticky: true });
    } catch (e) {
      status.textContent = e.message;
      for (const b of buttons) b.disabled = false;
    }
  };
  const buttons = [
    h('button', { type: 'button', class: 'btn btn-primary btn-small', onclick: decide(true), 'data-testid': 'approve' }, 'Approve'),
    h('button', { type: 'button', class: 'btn btn-small', onclick: decide(false), 'data-testid': 'deny' }, 'Deny'),
  ];
  const item = toast(requestText(a), { kind: 'warning', title: 'Approve this call?', actions: [...buttons, status] });
  item.dataset.approvalId = a.id;
  shown.set(a.id, item);
}

/** Removes the toast of an approval decided elsewhere (another tab, the bot, or expiry). */
function forget(a) {
  shown.get(a.id)?.remove();
  shown.delete(a.id);
}

/**
 * A decision reaches the requester and the organizer. The requester reads its sentence ("Lee Gu approved the call …");
 * the organizer's page only drops the request's toast — this tab's own confirmation already says what happened.
 */
function decided(me, approval, message) {
  forget(approval);
  if (approval.requesterId === me.userId) {
    toast(message, { kind: approval.status === 'Approved' && !approval.callRefusal ? 'info' : 'warning', title: 'Call approval' });
  }
}

/** Listens for approval pushes, and shows the requests already waiting for the signed-in organizer. */
export async function watchApprovals(me) {
  if (!watching) {
    watching = true;
    window.addEventListener('hub', (e) => {
      const { method, payload } = e.detail;
      if (method === 'DialOutApprovalRequested') showApproval(payload.approval);
      else if (method === 'DialOutApprovalDecided') decided(me, payload.approval, payload.message);
    });
  }
  const list = await api.approvals();
  for (const a of list) if (a.organizerId === me.userId) showApproval(a);
}

let watching = false;

/** What the requester reads while the organizer decides. */
export function heldText(a) {
  return `Waiting for ${a.organizerName} to approve the call to ${a.display} (${a.reasonText}). Nothing is dialed until then; the request expires ${formatDateTime(a.expiresAt)}.`;
}
