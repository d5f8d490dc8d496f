import { h, clear, errorBox, uid } from '../dom.js';
import { api } from '../api.js';
import { toast } from '../toasts.js';
import { SKUS, DIAL_OUT, skuName } from './adminNames.js';

function userRow(u, skus, reload) {
  // AdminUserView (docs/api.md, /openapi/v1.json): enums as their names.
  const id = u.id;
  const name = u.displayName;
  const licenses = u.licenses;
  const permission = u.dialOutPermission;
  const status = h('div');

  // When each license was assigned: past months' minute pools are computed from these dates.
  const since = sku => u.licenseHistory.filter(s => s.sku === sku && !s.unassignedAt).map(s => s.assignedAt).pop();
  const sinceText = sku => since(sku) ? `since ${new Date(since(sku)).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}` : 'since before dates were kept';
  const chips = licenses.map(sku => h('span', { class: 'chip', title: `${skuName(sku)}, assigned ${sinceText(sku)}` }, skuName(sku),
    h('small', { class: 'chip-since' }, ` ${sinceText(sku)}`),
    h('button', {
      type: 'button', 'aria-label': `Remove ${skuName(sku)} from ${name}`,
      onclick: async () => {
        try { await api.unassignLicense(id, sku); toast(`${skuName(sku)} removed from ${name}.`, { title: 'Licenses' }); await reload(); }
        catch (e) { status.replaceChildren(errorBox(e.message)); }
      },
    }, '✕')));

  const skuSelect = h('select', { id: uid('sku'), 'aria-label': `License to assign to ${name}` },
    skus.filter(s => !licenses.includes(s)).map(s => h('option', { value: s }, skuName(s))));
  const assign = h('button', { type: 'button', class: 'btn btn-small' }, 'Assign');
  assign.addEventListener('click', async () => {
    status.replaceChildren();
    try { await api.assignLicense(id, skuSelect.value); toast(`${skuName(skuSelect.value)} assigned to ${name}.`, { title: 'Licenses' }); await reload(); }
    catch (e) { status.replaceChildren(errorBox(e.message)); }
  });

  const dialOut = h('select', { id: uid('dialout'), 'aria-label': `Dial-out permission for ${name}` },
    DIAL_OUT.map(d => h('option', { value: d.value, selected: d.value === permission }, d.label)));
  const save = h('button', { type: 'button', class: 'btn btn-small' }, 'Save');
  save.addEventListener('click', async () => {
    status.replaceChildren();
    try { await api.setDialOut(id, dialOut.value); toast(`Dial-out for ${name}: ${DIAL_OUT.find(d => d.value === dialOut.value).label}.`, { title: 'Audio Conferencing' }); await reload(); }
    catch (e) { status.replaceChildren(errorBox(e.message)); }
  });

  // Teams names people by their Microsoft Entra object id: mapping it is what lets their Teams chats act as them.
  const objectId = h('input', {
    id: uid('aad'), type: 'text', 'aria-label': `Teams (Microsoft Entra) object id of ${name}`, value: u.aadObjectId ?? '',
    placeholder: 'Not mapped', spellcheck: 'false', autocomplete: 'off', maxlength: '64', size: '36',
  });
  const map = h('button', { type: 'button', class: 'btn btn-small' }, 'Map');
  map.addEventListener('click', async () => {
    status.replaceChildren();
    try { await api.setDirectoryId(id, objectId.value.trim()); toast(`${name}'s Teams chats now act as ${name}.`, { title: 'Teams identity' }); await reload(); }
    catch (e) { status.replaceChildren(errorBox(e.message)); }
  });

  return h('tr', { 'data-user-id': id },
    h('th', { scope: 'row' }, name, h('br'), h('span', { class: 'hint' }, u.upn), u.isTenantAdmin ? h('span', { class: 'hint' }, ' · admin') : null),
    h('td', {}, chips.length ? chips : h('span', { class: 'muted' }, 'None'), status),
    h('td', {}, h('div', { class: 'field-row' }, skuSelect, assign)),
    h('td', {}, h('div', { class: 'field-row' }, dialOut, save)),
    h('td', {}, h('div', { class: 'field-row' }, objectId, map)));
}

export async function renderUsersPage(content) {
  content.append(h('h1', {}, 'Users'));
  const subsBox = h('section', { class: 'card', 'aria-labelledby': 'subs-heading' }, h('h2', { id: 'subs-heading' }, 'Licenses'));
  const usersBox = h('section', { class: 'card', 'aria-labelledby': 'users-heading' }, h('h2', { id: 'users-heading' }, 'Manage users'));
  content.append(usersBox, subsBox);

  async function reload() {
    let subs = [];
    try {
      const data = await api.subscriptions();
      subs = data;
    } catch (e) {
      clear(subsBox).append(errorBox(e.message));
    }
    const skus = subs.length ? subs.map(s => s.sku) : SKUS;
    if (subs.length) {
      clear(subsBox).append(h('h2', { id: 'subs-heading' }, 'Licenses'), h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Product'), h('th', { scope: 'col', class: 'num' }, 'Purchased'), h('th', { scope: 'col', class: 'num' }, 'Assigned'), h('th', { scope: 'col', class: 'num' }, 'Available'))),
        h('tbody', {}, subs.map(s => {
          const { purchased, assigned } = s;
          return h('tr', {}, h('th', { scope: 'row' }, skuName(s.sku)), h('td', { class: 'num' }, purchased), h('td', { class: 'num' }, assigned), h('td', { class: 'num' }, Math.max(0, purchased - assigned)));
        }))));
    }
    try {
      const data = await api.adminUsers();
      const users = data;
      clear(usersBox).append(h('h2', { id: 'users-heading' }, 'Manage users'), h('div', { class: 'table-scroll' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Display name'), h('th', { scope: 'col' }, 'Licenses'), h('th', { scope: 'col' }, 'Assign license'), h('th', { scope: 'col' }, 'Dial-out from meetings'), h('th', { scope: 'col' }, 'Teams identity'))),
        h('tbody', {}, users.map(u => userRow(u, skus, reload))))));
    } catch (e) {
      clear(usersBox).append(h('h2', { id: 'users-heading' }, 'Manage users'), errorBox(e.message));
    }
  }
  await reload();
  return null;
}
