import { h, errorBox } from '../dom.js';
import { api } from '../api.js';

// Teams' words for each lobby setting; the API speaks the LobbyBypass names.
const BYPASS_CHOICES = {
  Everyone: { label: 'Everyone', hint: 'No one waits in the lobby.' },
  PeopleInMyOrganization: { label: 'People in my organization', hint: 'People of your organization join directly.' },
  OnlyOrganizer: { label: 'Only me', hint: 'Everyone else waits in the lobby until you admit them.' },
};

/** "Meeting options" from the invite: who bypasses the lobby, and whether phone callers do. Organizer only. */
export async function renderMeetingOptions(main, ctx, meetingId) {
  const back = h('a', { href: `#/meetings/${encodeURIComponent(meetingId)}` }, 'Back to the meeting');
  let options;
  try {
    options = await api.meetingOptions(meetingId);
  } catch (e) {
    main.append(h('h1', {}, 'Meeting options'));
    if (e.status === 403) {
      // Say who can change them: the meeting itself is readable by anyone in the tenant.
      let organizer = null;
      try { organizer = (await api.meeting(meetingId)).organizerName; } catch { /* the generic words suffice */ }
      main.append(h('div', { class: 'notice', role: 'alert', 'data-testid': 'options-not-organizer' },
        organizer
          ? `Only the organizer, ${organizer}, can change the options of this meeting.`
          : 'Only the meeting organizer can change the options of this meeting.'),
      h('p', {}, back));
    } else {
      main.append(errorBox(e.message), h('p', {}, back));
    }
    return null;
  }

  const choices = (options.lobbyBypassChoices?.length ? options.lobbyBypassChoices : Object.keys(BYPASS_CHOICES));
  const radios = choices.map(value => {
    const words = BYPASS_CHOICES[value] ?? { label: value, hint: '' };
    const id = `bypass-${value}`;
    const radio = h('input', { type: 'radio', name: 'bypass', value, id, checked: value === options.lobbyBypass, disabled: options.ended });
    const hint = words.hint ? h('span', { class: 'hint', id: `${id}-hint` }, words.hint) : null;
    if (hint) radio.setAttribute('aria-describedby', hint.id);
    return { radio, li: h('li', { class: 'audio-option' }, radio, h('div', {}, h('label', { for: id }, words.label), hint)) };
  });
  const dialIn = h('input', { type: 'checkbox', id: 'dialin-bypass', name: 'dialInCallersBypass', checked: options.dialInCallersBypass, disabled: options.ended });
  const save = h('button', { type: 'submit', class: 'btn btn-primary', disabled: options.ended }, 'Save');
  const status = h('div');

  const form = h('form', { class: 'card', 'aria-labelledby': 'options-heading' },
    h('fieldset', {}, h('legend', {}, 'Who can bypass the lobby?'), h('ul', { class: 'audio-options' }, radios.map(r => r.li))),
    h('div', { class: 'check-row' }, dialIn,
      h('label', { for: 'dialin-bypass' }, 'People dialing in by phone can bypass the lobby')),
    h('p', { class: 'hint' }, 'Otherwise callers who join with the conference ID wait until you admit them from the meeting window.'),
    save, status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    status.replaceChildren();
    const bypass = radios.find(r => r.radio.checked)?.radio.value;
    save.disabled = true;
    try {
      await api.setLobby(meetingId, bypass, dialIn.checked);
      status.replaceChildren(h('p', { class: 'ok', role: 'status' }, 'Meeting options saved.'));
    } catch (err) {
      status.replaceChildren(errorBox(err.message));
    } finally {
      save.disabled = options.ended;
    }
  });

  main.append(h('div', {},
    h('h1', { id: 'options-heading' }, 'Meeting options'),
    h('p', { class: 'muted' }, options.subject),
    options.ended ? h('div', { class: 'notice' }, 'This meeting has ended: its options can no longer change.') : null,
    form,
    h('p', {}, back)));
  (radios.find(r => r.radio.checked)?.radio ?? save).focus();
  return null;
}
