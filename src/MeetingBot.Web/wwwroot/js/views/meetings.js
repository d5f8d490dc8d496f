import { h, field, errorBox, formatDateTime } from '../dom.js';
import { api } from '../api.js';

/** Accepts a meeting id, a join link (…/meet/{id}) or a client link (#/meetings/{id}). */
export function meetingIdFromInput(input) {
  const text = String(input ?? '').trim();
  if (!text) return '';
  const m = /(?:\/meet\/|#\/meetings\/|\/meetings\/)([^/?#\s]+)/i.exec(text);
  return decodeURIComponent(m ? m[1] : text);
}

function meetingRow(m) {
  const id = m.id;
  const ended = m.ended;
  return h('li', {},
    h('div', {},
      h('a', { href: `#/meetings/${encodeURIComponent(id)}` }, m.subject),
      h('div', { class: 'hint' },
        [formatDateTime(m.start), m.isOrganizer ? 'You are the organizer' : m.organizerId, ended ? 'Ended' : null].filter(Boolean).join(' · '))),
    ended ? null : h('a', { class: 'btn btn-primary', href: `#/meetings/${encodeURIComponent(id)}`, 'aria-label': `Join ${m.subject}` }, 'Join'));
}

export async function renderMeetings(main, ctx) {
  main.append(h('h1', {}, 'Meetings'));

  const subject = h('input', { type: 'text', name: 'subject', required: true, maxlength: 200, autocomplete: 'off' });
  const start = h('input', { type: 'datetime-local', name: 'start' });
  const duration = h('input', { type: 'number', name: 'duration', min: 5, max: 1440, step: 5, value: 30 });
  const scheduleStatus = h('div');
  const scheduleForm = h('form', { class: 'card', 'aria-labelledby': 'new-meeting-heading' },
    h('h2', { id: 'new-meeting-heading' }, 'New meeting'),
    field('Subject', subject).wrap,
    h('div', { class: 'field-row' },
      field('Start', start, 'Leave empty to start now').wrap,
      field('Duration (minutes)', duration).wrap),
    h('button', { type: 'submit', class: 'btn btn-primary' }, 'Schedule'),
    scheduleStatus);
  scheduleForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    scheduleStatus.replaceChildren();
    try {
      const startIso = start.value ? new Date(start.value).toISOString() : undefined;
      const meeting = await api.schedule(subject.value.trim(), startIso, Number(duration.value) || 30);
      ctx.navigate(`#/meetings/${encodeURIComponent(meeting.id)}`);
    } catch (err) {
      scheduleStatus.replaceChildren(errorBox(err.message));
    }
  });

  const link = h('input', { type: 'text', name: 'join-link', autocomplete: 'off' });
  const joinStatus = h('div');
  const joinForm = h('form', { class: 'card', 'aria-labelledby': 'join-heading' },
    h('h2', { id: 'join-heading' }, 'Join with a link or ID'),
    field('Meeting link or ID', link, 'Paste the "Join the meeting now" link from an invite').wrap,
    h('button', { type: 'submit', class: 'btn' }, 'Join'),
    joinStatus);
  joinForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const id = meetingIdFromInput(link.value);
    if (!id) { joinStatus.replaceChildren(errorBox('Enter a meeting link or ID.')); return; }
    ctx.navigate(`#/meetings/${encodeURIComponent(id)}`);
  });

  const listCard = h('section', { class: 'card', 'aria-labelledby': 'my-meetings-heading' }, h('h2', { id: 'my-meetings-heading' }, 'Your meetings'));
  main.append(h('div', { class: 'grid-2' }, listCard, h('div', {}, scheduleForm, joinForm)));
  try {
    const data = await api.meetings();
    const meetings = data;
    listCard.append(meetings.length
      ? h('ul', { class: 'meeting-list' }, meetings.map(meetingRow))
      : h('p', { class: 'muted' }, 'No meetings yet. Schedule one.'));
  } catch (err) {
    listCard.append(errorBox(err.message));
  }
  subject.focus();
  return null;
}
