import { h, clear, errorBox, displayPhone } from '../dom.js';
import { api } from '../api.js';
import { legStateWords, joinMeetingGroup } from '../realtime.js';
import { phoneNumberInput } from '../phoneInput.js';
import { heldText } from '../approvals.js';
import { rememberOrphanedLegs, bannerLeg } from '../phoneBanner.js';
import { toast } from '../toasts.js';
import { dialPad } from '../dialPad.js';
import { rememberMyLeg } from './prejoin.js';
import { openMeetingChat } from '../chat/chatPane.js';

// The meeting is a MeetingView (Api/Contracts/MeetingView.cs): participants are ParticipantViews, legs CallLegViews.
function participantsOf(meeting) {
  return meeting.participants.filter(p => !p.leftAt);
}

function isPhone(p) {
  return p.isPhoneOnly || Boolean(p.phoneLegId) || p.audioMode === 'PhoneAudio';
}

function sameUser(a, b) {
  return String(a ?? '').toLowerCase() === String(b).toLowerCase();
}

function myLeg(meetingId) {
  try { return JSON.parse(sessionStorage.getItem(`meetingbot.myLeg.${meetingId}`) ?? 'null'); } catch { return null; }
}

export async function renderMeetingWindow(main, ctx, meetingId) {
  const me = ctx.session.me;
  let meeting;
  try {
    meeting = await api.meeting(meetingId);
  } catch (e) {
    main.append(h('h1', {}, 'Meeting'), errorBox(e.message), h('a', { href: '#/meetings' }, 'Back to meetings'));
    return null;
  }
  const { isOrganizer, subject } = meeting;

  const roster = h('ul', { class: 'roster', 'aria-label': 'Participants', 'data-testid': 'roster' });
  const rosterCount = h('span');
  const myAudio = h('p', { class: 'muted', 'data-testid': 'my-audio' });
  // The call panel's keypad for my connected phone (simulation): kept across roster refreshes while it is the same leg.
  const phonePanel = h('div', { class: 'phone-panel', 'data-testid': 'phone-panel' });
  const stageText = h('p', { role: 'status', 'data-testid': 'stage-text' }, 'You are in the meeting.');
  const stageStatus = h('div');
  const leave = h('button', { type: 'button', class: 'btn btn-danger' }, 'Leave');
  const chat = h('button', { type: 'button', class: 'btn', onclick: () => openMeetingChat(meetingId) }, 'Meeting chat');
  const end = isOrganizer ? h('button', { type: 'button', class: 'btn' }, 'End meeting') : null;

  const add = phoneNumberInput(meetingId, { label: 'Phone number to add', name: 'add-number', kind: 'addParticipant' });
  const addButton = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Call');
  const addStatus = h('div');
  const addForm = h('form', { 'aria-label': 'Add participant by phone' }, add.wrap, addButton, addStatus);

  const callAgain = phoneNumberInput(meetingId, { label: 'Phone number', name: 'rejoin-number' });
  const callAgainButton = h('button', { type: 'submit', class: 'btn' }, 'Call me');
  const callAgainStatus = h('div');
  const callAgainForm = h('form', { class: 'stage-phone', 'aria-label': 'Phone audio' },
    h('details', {}, h('summary', {}, 'Switch to phone audio (Call me)'), callAgain.wrap, callAgainButton, callAgainStatus));
  callAgainForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    callAgainStatus.replaceChildren();
    callAgainButton.disabled = true;
    try {
      const { leg, approval } = await api.callMe(meetingId, callAgain.input.value.trim());
      if (approval) { callAgainStatus.replaceChildren(h('div', { class: 'notice', role: 'status', 'data-testid': 'held' }, heldText(approval))); return; }
      rememberMyLeg(meetingId, { legId: leg.id, toNumber: leg.toNumber, meetingId });
      await refresh();
    } catch (err) {
      callAgainStatus.replaceChildren(errorBox(err.message));
    } finally {
      callAgainButton.disabled = false;
    }
  });

  // The organizer admits people waiting in the lobby (dial-in callers wait there unless the options let them in).
  const lobbyList = h('ul', { class: 'lobby-list', 'aria-label': 'Waiting in lobby', 'data-testid': 'lobby' });
  const lobbyCount = h('span');
  const lobbyEmpty = h('p', { class: 'hint' }, 'No one is waiting.');
  const lobbyStatus = h('div');
  const lobbyHeading = h('h2', { id: 'lobby-heading', tabindex: -1 }, 'Waiting in lobby', lobbyCount);
  const lobbySection = isOrganizer
    ? h('section', { 'aria-labelledby': 'lobby-heading' }, lobbyHeading, lobbyList, lobbyEmpty, lobbyStatus,
      h('p', {}, h('a', { href: `#/meetings/${encodeURIComponent(meetingId)}/options` }, 'Meeting options')))
    : null;

  async function admit(p, button) {
    lobbyStatus.replaceChildren();
    button.disabled = true;
    const next = button.closest('li')?.nextElementSibling?.querySelector('button')?.dataset.participantId;
    try {
      await api.admit(meetingId, p.id);
      await refresh();
      // Keep keyboard users in the list: the next person's Admit button, else the heading.
      (lobbyList.querySelector(`button[data-participant-id="${CSS.escape(next ?? '')}"]`) ?? lobbyHeading).focus();
    } catch (e) {
      button.disabled = false;
      lobbyStatus.replaceChildren(errorBox(e.message));
    }
  }

  function renderLobby(waiting) {
    if (!lobbySection) return;
    clear(lobbyList);
    lobbyCount.textContent = ` (${waiting.length})`;
    lobbyEmpty.hidden = waiting.length > 0;
    for (const p of waiting) {
      const name = p.displayName;
      const button = h('button', {
        type: 'button', class: 'btn btn-small btn-primary', 'aria-label': `Admit ${name}`,
        dataset: { participantId: p.id }, disabled: meeting.ended,
      }, 'Admit');
      button.addEventListener('click', () => admit(p, button));
      lobbyList.append(h('li', { 'data-participant-id': p.id },
        h('span', { 'aria-hidden': 'true' }, isPhone(p) ? '📞' : '💻'),
        h('span', { class: 'who' }, name, isPhone(p) ? h('span', { class: 'leg-state' }, ' · dialed in') : null),
        button));
    }
  }

  function renderRoster(m) {
    const everyone = participantsOf(m);
    const waiting = isOrganizer ? everyone.filter(p => p.inLobby) : [];
    const people = everyone.filter(p => !waiting.includes(p));
    renderLobby(waiting);
    // When the options keep people in the lobby, say so until the organizer admits me (a push refreshes this).
    const myself = everyone.find(p => sameUser(p.userId, me.userId));
    stageText.textContent = myself?.inLobby
      ? 'You are waiting in the lobby. Someone in the meeting will let you in soon.'
      : 'You are in the meeting.';
    const legs = m.legs;
    clear(roster);
    rosterCount.textContent = ` (${people.length})`;
    for (const p of people) {
      const legId = p.phoneLegId;
      const leg = legs.find(l => l.id === legId);
      const state = leg ? legStateWords(leg.state) : '';
      const phone = isPhone(p);
      const name = p.displayName;
      // Someone added by phone can be hung up by whoever added them and by the organizer (the engine checks again).
      const live = leg && ['Ringing', 'Connected'].includes(leg.state);
      const mayHangUp = live && leg.kind === 'AddedParticipant' && (isOrganizer || sameUser(leg.requestedByUserId, me.userId));
      const hangUp = mayHangUp ? h('button', {
        type: 'button', class: 'btn btn-small btn-danger', 'aria-label': `Hang up ${name}`,
        onclick: async () => {
          try { await api.hangUp(legId); await refresh(); }
          catch (e) { stageStatus.replaceChildren(errorBox(e.message)); }
        },
      }, 'Hang up') : null;
      roster.append(h('li', { 'data-participant-id': p.id },
        h('span', { 'aria-hidden': 'true' }, phone ? '📞' : '💻'),
        h('span', { class: 'who' }, name, phone ? h('span', { class: 'visually-hidden' }, ' (phone)') : null,
          p.inLobby ? h('span', { class: 'leg-state' }, ' · in lobby') : null,
          state ? h('span', { class: 'leg-state' }, ` · ${state}`) : null,
          live && leg.isMuted ? h('span', { class: 'leg-state', 'data-testid': 'leg-muted' }, ' · 🔇 muted') : null),
        hangUp,
        promptsOf(leg)));
    }
    const mine = myLeg(meetingId);
    if (mine) {
      const leg = legs.find(l => l.id === mine.legId);
      const state = leg ? legStateWords(leg.state) : '';
      myAudio.textContent = `Phone audio: ${displayPhone(mine.toNumber)}${state ? ` (${state})` : ''}${leg?.isMuted ? ' · muted' : ''}`;
      const connected = leg?.state === 'Connected';
      if (!connected) phonePanel.replaceChildren();
      else if (phonePanel.dataset.legId !== mine.legId || !phonePanel.firstChild) {
        phonePanel.replaceChildren(dialPad(mine.legId, { label: 'Phone keypad (simulation)', onPressed: () => refresh() }));
      }
      phonePanel.dataset.legId = connected ? mine.legId : '';
    } else {
      myAudio.textContent = 'Computer audio';
      phonePanel.replaceChildren();
    }
    if (m.ended) {
      stageStatus.replaceChildren(h('div', { class: 'notice' }, 'This meeting has ended.'));
      leave.textContent = 'Close';
      end?.remove();
      addForm.hidden = true;
      callAgainForm.hidden = true;
    }
  }

  // What the phone network played on a leg (a warning before the cut-off), as the person on the phone heard it.
  function promptsOf(leg) {
    // null until the network has played something (CallLegView.Prompts).
    const prompts = leg?.prompts ?? [];
    if (!prompts.length) return null;
    return h('ul', { class: 'leg-prompts', 'aria-label': 'Played on the phone', 'data-testid': 'leg-prompts' },
      prompts.map(pr => h('li', {}, '🔊 ', pr.text)));
  }

  // Beyond Teams: before the cut-off, the dialer and the organizer may hang up, or (admins) add funds.
  // The payload is a CutOffWarningMessage (Hubs/Messages).
  function showCutOffWarning(payload) {
    const { legId } = payload;
    const hangUp = h('button', {
      type: 'button', class: 'btn btn-small btn-danger',
      onclick: async () => {
        try { await api.hangUp(legId); stageStatus.replaceChildren(); await refresh(); }
        catch (e) { stageStatus.replaceChildren(errorBox(e.message)); }
      },
    }, 'Hang up');
    const addFunds = payload.canAddFunds ? h('a', { class: 'btn btn-small', href: '#/admin/credits' }, 'Add funds') : null;
    stageStatus.replaceChildren(h('div', { class: 'notice', role: 'alert', 'data-testid': 'cut-off-warning' },
      `${displayPhone(payload.toNumber)}: ${payload.message} `, addFunds, ' ', hangUp));
  }

  async function refresh() {
    try {
      meeting = await api.meeting(meetingId);
      renderRoster(meeting);
    } catch (e) {
      stageStatus.replaceChildren(errorBox(e.message));
    }
  }

  addForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    addStatus.replaceChildren();
    if (!add.input.value.trim()) { addStatus.replaceChildren(errorBox('Enter the phone number to call.')); return; }
    addButton.disabled = true;
    try {
      const { approval } = await api.addPhoneParticipant(meetingId, add.input.value.trim());
      if (approval) addStatus.replaceChildren(h('div', { class: 'notice', role: 'status', 'data-testid': 'held' }, heldText(approval)));
      add.input.value = '';
      add.preview.textContent = '';
      await refresh();
    } catch (err) {
      addStatus.replaceChildren(errorBox(err.message));
    } finally {
      addButton.disabled = false;
    }
  });

  leave.addEventListener('click', async () => {
    if (meeting.ended) { stillConnectedAfterEnd(); ctx.navigate('#/meetings'); return; }
    leave.disabled = true;
    try {
      const result = await api.leave(meetingId);
      const still = result.phoneLegsStillConnected;
      if (still.length) rememberOrphanedLegs(still.map(bannerLeg));
      sessionStorage.removeItem(`meetingbot.myLeg.${meetingId}`);
      ctx.navigate('#/meetings');
    } catch (e) {
      leave.disabled = false;
      stageStatus.replaceChildren(errorBox(e.message));
    }
  });

  end?.addEventListener('click', async () => {
    end.disabled = true;
    try {
      await api.end(meetingId);
      await refresh();
      stillConnectedAfterEnd();
    } catch (e) {
      end.disabled = false;
      stageStatus.replaceChildren(errorBox(e.message));
    }
  });

  // Ending the meeting does not hang up a "Call me" phone either (the seed's gotcha): keep warning about it.
  function stillConnectedAfterEnd() {
    const mine = myLeg(meetingId);
    if (!mine) return;
    const leg = meeting.legs.find(l => l.id === mine.legId);
    const state = leg ? leg.state : 'Connected';
    if (state === 'Connected' || state === 'Ringing') rememberOrphanedLegs([mine]);
    sessionStorage.removeItem(`meetingbot.myLeg.${meetingId}`);
  }

  main.append(h('div', { class: 'meeting-window' },
    h('section', { class: 'stage', 'aria-labelledby': 'meeting-heading' },
      h('h1', { id: 'meeting-heading' }, subject),
      stageText,
      myAudio,
      phonePanel,
      callAgainForm,
      stageStatus,
      h('div', { class: 'stage-toolbar', role: 'toolbar', 'aria-label': 'Meeting controls' }, chat, end, leave)),
    h('aside', { class: 'card', 'aria-labelledby': 'roster-heading' },
      lobbySection,
      h('h2', { id: 'roster-heading' }, 'Participants', rosterCount),
      roster,
      h('h3', {}, 'Add participant'),
      addForm)));
  renderRoster(meeting);

  const onHub = (e) => {
    const payload = e.detail.payload;
    const about = payload.meetingId;
    if (about && about !== meetingId) return;
    refresh();
    if (e.detail.method === 'MeetingEnded') stillConnectedAfterEnd();
    if (e.detail.method === 'CutOffWarning') showCutOffWarning(payload);
  };
  const onClock = () => refresh();
  window.addEventListener('hub', onHub);
  window.addEventListener('clock-advanced', onClock);
  try {
    await joinMeetingGroup(meetingId);
  } catch (e) {
    toast(`Live updates for this meeting are unavailable: ${e.message}`, { kind: 'warning', title: 'Connection' });
  }
  leave.focus();
  return () => {
    window.removeEventListener('hub', onHub);
    window.removeEventListener('clock-advanced', onClock);
  };
}
