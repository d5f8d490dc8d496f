// Thin fetch wrapper. Errors are problem details ({ type, title, status, detail, error }, docs/api.md): views show
// `detail` verbatim and branch on `error`.
export class ApiError extends Error {
  constructor(status, code, message, body) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

async function request(method, url, body) {
  return (await send(method, url, body)).data;
}

/** A request whose answer's status matters (a dial-out answers 202 with the approval when the organizer must approve). */
async function send(method, url, body) {
  const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = text; }
  }
  if (!response.ok) {
    const message = (data && typeof data === 'object' && (data.detail || data.title))
      || (typeof data === 'string' && data) || `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, data?.error ?? null, message, data);
  }
  return { status: response.status, data };
}

/** A dial-out: { leg } when it was placed, { approval } (ApprovalView) when it waits for the organizer (202). */
async function dialOut(url, number) {
  const { status, data } = await send('POST', url, { number });
  return status === 202 ? { approval: data } : { leg: data };
}

const enc = encodeURIComponent;

export const api = {
  get: (url) => request('GET', url),
  post: (url, body) => request('POST', url, body ?? {}),
  put: (url, body) => request('PUT', url, body ?? {}),
  del: (url) => request('DELETE', url),

  devUsers: () => request('GET', '/api/dev/users'),
  signIn: (userId) => request('POST', '/api/dev/signin', { userId }),
  signOut: () => request('POST', '/api/dev/signout', {}),
  me: () => request('GET', '/api/me'),

  meetings: () => request('GET', '/api/meetings'),
  schedule: (subject, start, durationMinutes) => request('POST', '/api/meetings', { subject, start, durationMinutes }),
  meeting: (id) => request('GET', `/api/meetings/${enc(id)}`),
  join: (id, audio) => request('POST', `/api/meetings/${enc(id)}/join`, { audio }),
  previewNumber: (id, number, kind = 'callMe') => request('POST', `/api/meetings/${enc(id)}/phone/preview`, { number, kind }),
  callMe: (id, number) => dialOut(`/api/meetings/${enc(id)}/callme`, number),
  addPhoneParticipant: (id, number) => dialOut(`/api/meetings/${enc(id)}/participants/phone`, number),
  approvals: () => request('GET', '/api/approvals'),
  approve: (approvalId) => request('POST', `/api/approvals/${enc(approvalId)}/approve`, {}),
  deny: (approvalId) => request('POST', `/api/approvals/${enc(approvalId)}/deny`, {}),
  leave: (id) => request('POST', `/api/meetings/${enc(id)}/leave`, {}),
  end: (id) => request('POST', `/api/meetings/${enc(id)}/end`, {}),
  hangUp: (legId) => request('POST', `/api/calls/${enc(legId)}/hangup`, {}),
  inviteCard: (id) => request('GET', `/api/cards/invite/${enc(id)}`),
  meetingOptions: (id) => request('GET', `/api/meetings/${enc(id)}/options`),
  setLobby: (id, bypass, dialInCallersBypass) => request('PUT', `/api/meetings/${enc(id)}/lobby`, { bypass, dialInCallersBypass }),
  lobby: (id) => request('GET', `/api/meetings/${enc(id)}/lobby`),
  admit: (id, participantId) => request('POST', `/api/meetings/${enc(id)}/lobby/${enc(participantId)}/admit`, {}),

  dialInNumbers: (tenantId) => request('GET', `/api/dialin/${enc(tenantId)}`),
  resetPin: () => request('POST', '/api/me/pin/reset', {}),
  setPin: (pin) => request('PUT', '/api/me/pin', { pin }),

  adminUsers: () => request('GET', '/api/admin/users'),
  assignLicense: (userId, sku) => request('POST', `/api/admin/users/${enc(userId)}/licenses`, { sku }),
  unassignLicense: (userId, sku) => request('DELETE', `/api/admin/users/${enc(userId)}/licenses/${enc(sku)}`),
  setDialOut: (userId, permission) => request('PUT', `/api/admin/users/${enc(userId)}/dialout`, { permission }),
  setDirectoryId: (userId, aadObjectId) => request('PUT', `/api/admin/users/${enc(userId)}/directory`, { aadObjectId }),
  subscriptions: () => request('GET', '/api/admin/subscriptions'),
  credits: () => request('GET', '/api/admin/credits'),
  forecast: () => request('GET', '/api/admin/forecast'),
  addFunds: (amount) => request('POST', '/api/admin/credits/funds', { amount }),
  setAutoRecharge: (enabled, threshold, amount) => request('PUT', '/api/admin/credits/autorecharge', { enabled, threshold, amount }),
  poolsReport: (months) => request('GET', `/api/admin/reports/pools?months=${enc(months)}`),
  usageReport: (query) => request('GET', `/api/admin/reports/usage?${query}`),
  usageCsvUrl: (query) => `/api/admin/reports/usage.csv?${query}`,

  advanceClock: (minutes) => request('POST', '/api/dev/clock/advance', { minutes }),
  simAnswer: (legId) => request('POST', `/api/sim/calls/${enc(legId)}/answer`, {}),
  simPhoneHangUp: (legId) => request('POST', `/api/sim/calls/${enc(legId)}/phone-hangup`, {}),
  simKeys: (legId, keys) => request('POST', `/api/sim/calls/${enc(legId)}/keys`, { keys }),
  orphanPolicy: () => request('GET', '/api/admin/orphan-policy'),
  setOrphanPolicy: (policy, endAfterMinutes) => request('PUT', '/api/admin/orphan-policy', { policy, endAfterMinutes }),
  guardrails: () => request('GET', '/api/admin/guardrails'),
  setGuardrails: (settings) => request('PUT', '/api/admin/guardrails', settings),
  setBudget: (userId, minutesPerMonth, moneyPerMonth) => request('PUT', `/api/admin/users/${enc(userId)}/budget`, { minutesPerMonth, moneyPerMonth }),
  resetBudget: (userId) => request('DELETE', `/api/admin/users/${enc(userId)}/budget`),
};
