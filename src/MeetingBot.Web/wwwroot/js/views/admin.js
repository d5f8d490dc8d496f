import { h } from '../dom.js';
import { renderUsersPage } from './adminUsers.js';
import { renderCreditsPage } from './adminCredits.js';
import { renderPoolsPage } from './adminPools.js';
import { renderUsagePage } from './adminUsage.js';
import { renderGuardrailsPage } from './adminGuardrails.js';

const PAGES = [
  { key: 'users', title: 'Users', render: renderUsersPage },
  { key: 'credits', title: 'Communications Credits', render: renderCreditsPage },
  { key: 'pools', title: 'PSTN minute pools', render: renderPoolsPage },
  { key: 'usage', title: 'PSTN usage', render: renderUsagePage },
  { key: 'guardrails', title: 'Guardrails', render: renderGuardrailsPage },
];

/** The admin center: a left rail like the Teams admin center, one page per task. */
export async function renderAdmin(main, ctx, pageKey) {
  const page = PAGES.find(p => p.key === pageKey) ?? PAGES[0];
  const nav = h('nav', { class: 'admin-nav', 'aria-label': 'Admin center' },
    PAGES.map(p => h('a', { href: `#/admin/${p.key}`, 'aria-current': p === page ? 'page' : null }, p.title)));
  const content = h('div', { class: 'admin-content' });
  main.append(h('div', { class: 'admin-layout' }, nav, content));
  if (!ctx.session.me?.isTenantAdmin) {
    content.append(h('h1', {}, page.title), h('div', { class: 'error', role: 'alert' }, 'Only a tenant admin can do that.'));
    return null;
  }
  return page.render(content, ctx);
}
