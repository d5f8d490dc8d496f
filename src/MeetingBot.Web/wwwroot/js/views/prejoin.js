import { h, errorBox, formatDateTime } from '../dom.js';
import { api } from '../api.js';
import { joinMeetingGroup } from '../realtime.js';
import { renderAdaptiveCard } from '../invite.js';
import { phoneNumberInput } from '../phoneInput.js';
import { heldText } from '../approvals.js';

export const NO_DIAL_IN = 'The organizer does not have access to dial-in information for this meeting.';

/** Whether "Phone audio" can work: the invite (MeetingView.invite) carries dial-in details only when the organizer has Audio Conferencing. */
export function phoneAudioAvailable(meeting) {
  return Boolean(meeting.invite?.dialIn);
}

export function rememberMyLeg(meetingId, leg) {
  sessionStorage.setItem(`meetingbot.myLeg.${meetingId}`, JSON.stringify(leg));
}

function audioOption(value, labelText, hintText, { disabled = false, checked = false } = {}) {
  const id = `audio-${value}`;
  const radio = h('input', { type: 'radio', name: 'audio', value, id, disabled, checked });
  const hint = hintText ? h('span', { class: 'hint', id: `${id}-hint` }, hintText) : null;
  if (hint) radio.setAttribute('aria-describedby', hint.id);
  const li = h('li', { class: `audio-option${disabled ? ' disabled' : ''}`, title: disabled ? hintText : null },
    radio, h('div', {}, h('label', { for: id }, labelText), hint));
  return { li, radio };
}

export async function renderPreJoin(main, ctx, meetingId) {
  let meeting;
  try {
    meeting = await api.meeting(meetingId);
  } catch (e) {
    main.append(h('h1', {}, 'Join a meeting'), errorBox(e.message), h('a', { href: '#/meetings' }, 'Back to meetings'));
    return null;
  }
  const subject = meeting.subject;
  const ended = meeting.ended;
  const canPhone = phoneAudioAvailable(meeting);

  const computer = audioOption('computer', 'Computer audio', 'Use your computer\'s microphone and speakers.', { checked: true });
  const phone = audioOption('phone', 'Phone audio', canPhone ? 'The meeting calls your phone ("Call me"). You see content here.' : NO_DIAL_IN, { disabled: !canPhone });
  const none = audioOption('none', 'Don\'t use audio', 'Join without audio.');

  const number = phoneNumberInput(meetingId, { label: 'Phone number to call', name: 'callme-number' });
  const callMe = h('button', { type: 'button', class: 'btn btn-primary' }, 'Call me');
  const phonePanel = h('div', { class: 'card', hidden: true, 'aria-label': 'Phone audio' }, number.wrap, callMe);
  const joinNow = h('button', { type: 'button', class: 'btn btn-primary' }, 'Join now');
  const status = h('div');

  function sync() {
    const usePhone = phone.radio.checked;
    phonePanel.hidden = !usePhone;
    joinNow.hidden = usePhone;
  }
  [computer.radio, phone.radio, none.radio].forEach(r => r.addEventListener('change', () => {
    sync();
    if (phone.radio.checked) number.input.focus();
  }));

  joinNow.addEventListener('click', async () => {
    status.replaceChildren();
    joinNow.disabled = true;
    try {
      await api.join(meetingId, none.radio.checked ? 'none' : 'computer');
      ctx.navigate(`#/meetings/${encodeURIComponent(meetingId)}/live`);
    } catch (e) {
      status.replaceChildren(errorBox(e.message));
    } finally {
      joinNow.disabled = false;
    }
  });

  callMe.addEventListener('click', async () => {
    status.replaceChildren();
    if (!number.input.value.trim()) { status.replaceChildren(errorBox('Enter the phone number to call.')); number.input.focus(); return; }
    callMe.disabled = true;
    try {
      const { leg, approval } = await api.callMe(meetingId, number.input.value.trim());
      if (approval) { status.replaceChildren(h('div', { class: 'notice', role: 'status', 'data-testid': 'held' }, heldText(approval))); return; }
      rememberMyLeg(meetingId, {
        legId: leg.id,
        toNumber: leg.toNumber,
        meetingId,
      });
      ctx.navigate(`#/meetings/${encodeURIComponent(meetingId)}/live`);
    } catch (e) {
      status.replaceChildren(errorBox(e.message));
    } finally {
      callMe.disabled = false;
    }
  });

  const left = h('section', { class: 'card', 'aria-labelledby': 'prejoin-heading' },
    h('h1', { id: 'prejoin-heading' }, subject),
    h('p', { class: 'muted' }, [formatDateTime(meeting.start), meeting.organizerName].filter(Boolean).join(' · ')),
    h('div', { class: 'video-preview', role: 'img', 'aria-label': 'Camera is off' }, 'Your camera is off'),
    ended
      ? errorBox('This meeting has ended.')
      : h('fieldset', {}, h('legend', {}, 'Choose your audio and video settings'),
        h('ul', { class: 'audio-options' }, computer.li, phone.li, none.li)),
    ended ? null : phonePanel,
    ended ? null : joinNow,
    status);

  const inviteSection = h('section', { class: 'card', 'aria-labelledby': 'invite-heading' }, h('h2', { id: 'invite-heading' }, 'Invite'));
  main.append(h('div', { class: 'prejoin' }, left, inviteSection));
  sync();

  try {
    const cardJson = await api.inviteCard(meetingId);
    inviteSection.append(renderAdaptiveCard(cardJson, {
      onJoin: () => joinNow.focus(),
      onSubmit: (data) => {
        const action = data.action.toLowerCase();
        if (action.includes('callme') || action.includes('phone')) {
          if (!phone.radio.disabled) { phone.radio.checked = true; sync(); number.input.focus(); }
        } else {
          joinNow.focus();
        }
      },
    }));
  } catch (e) {
    inviteSection.append(errorBox(e.message));
  }
  // Organizers may subscribe before joining, so the pushes of their own join (phone ringing, connected) arrive too;
  // for others the hub refuses until they are in, and the meeting window subscribes then.
  if (!ended && meeting.isOrganizer) joinMeetingGroup(meetingId).catch(() => {});
  (ended ? left : joinNow).focus?.();
  return null;
}
