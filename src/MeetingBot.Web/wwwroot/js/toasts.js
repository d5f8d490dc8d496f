import { h } from './dom.js';

const MAX_VISIBLE = 4;
const AUTO_DISMISS_MS = 20000;

/**
 * Shows a notification in the live region. Errors stay until dismissed: they are what the user must act on, as do
 * toasts with `actions` (buttons, e.g. Approve / Deny) and those that answer the user's own decision (`sticky`): later
 * pushes never evict them.
 */
export function toast(text, { kind = 'info', title, actions = [], sticky: keep = false } = {}) {
  const region = document.getElementById('toasts');
  const sticky = keep || kind === 'error' || actions.length > 0;
  const item = h('div', { class: `toast toast-${kind}`, dataset: { kind, sticky: sticky ? 'yes' : 'no' } },
    h('div', { class: 'toast-body' }, title ? h('span', { class: 'toast-kind' }, title) : null, h('span', { class: 'toast-text' }, text),
      actions.length ? h('div', { class: 'toast-actions' }, actions) : null),
    h('button', { type: 'button', class: 'btn btn-subtle btn-small', 'aria-label': 'Dismiss notification', onclick: () => item.remove() }, '✕'));
  region.append(item);
  while (region.children.length > MAX_VISIBLE) {
    const oldest = [...region.children].find(c => c.dataset.sticky !== 'yes') ?? region.firstElementChild;
    oldest.remove();
  }
  if (!sticky) setTimeout(() => item.remove(), AUTO_DISMISS_MS);
  return item;
}
