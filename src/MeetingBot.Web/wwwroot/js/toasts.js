import { h } from './dom.js';

const MAX_VISIBLE = 4;
const AUTO_DISMISS_MS = 20000;

/** Shows a notification in the live region. Errors stay until dismissed: they are what the user must act on. */
export function toast(text, { kind = 'info', title } = {}) {
  const region = document.getElementById('toasts');
  const item = h('div', { class: `toast toast-${kind}`, dataset: { kind } },
    h('div', { class: 'toast-body' }, title ? h('span', { class: 'toast-kind' }, title) : null, h('span', { class: 'toast-text' }, text)),
    h('button', { type: 'button', class: 'btn btn-subtle btn-small', 'aria-label': 'Dismiss notification', onclick: () => item.remove() }, '✕'));
  region.append(item);
  while (region.children.length > MAX_VISIBLE) {
    const oldest = [...region.children].find(c => c.dataset.kind !== 'error') ?? region.firstElementChild;
    oldest.remove();
  }
  if (kind !== 'error') setTimeout(() => item.remove(), AUTO_DISMISS_MS);
  return item;
}
