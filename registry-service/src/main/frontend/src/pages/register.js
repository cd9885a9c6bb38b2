// 寄养家庭名册 Foster register: the approved foster families of the user's scope (institution staff:
// their institution's; registrars: their jurisdiction's; auditors: all, read-only), with approval,
// expiry (marked when expiring or expired) and how many children a family may take.
import { api } from '../api.js';
import { formatDate, t } from '../i18n.js';
import { capacity, renewalStatus, standingBadge } from '../fosterRegister.js';
import { el, errorNotice, fill, hasRole, initPage, requireRole, stackOnPhones } from '../shell.js';

const main = initPage({ page: 'register', titleKey: 'register.title' });
const user = await requireRole(main, 'CASEWORKER', 'DIRECTOR', 'REGISTRAR', 'AUDITOR');
// institution staff see one institution: naming it on every row says nothing
const showsInstitution = hasRole(user, 'REGISTRAR', 'AUDITOR');

const listMessage = el('div');
const listHost = el('div', { 'aria-busy': 'true' }, el('p', { class: 'muted' }, t('common.loading')));

function date(value) {
  return value ? el('time', { datetime: value }, formatDate(value)) : t('common.none');
}

function row(entry, institutionNames) {
  return el('tr', { class: entry.standing === 'EXPIRED' ? 'is-overdue' : null,
    dataset: { testid: 'register-row', applicationNumber: entry.applicationNumber ?? '', standing: entry.standing ?? '' } },
  el('td', {},
    el('a', { href: `application.html?id=${encodeURIComponent(entry.applicationId)}`, dataset: { testid: 'register-family' } },
      entry.familyName),
    el('div', { class: 'muted' }, t('register.caregiver', { name: entry.primaryCaregiver })),
    el('div', { class: 'muted mono' }, entry.applicationNumber)),
  showsInstitution ? el('td', {}, institutionNames[entry.institutionCode] ?? entry.institutionCode) : null,
  el('td', { dataset: { testid: 'register-approved-on' } }, date(entry.approvedOn)),
  el('td', {}, el('span', { dataset: { testid: 'register-expires-on' } }, date(entry.expiresOn)), ' ', standingBadge(entry),
    renewalStatus(entry)),
  el('td', { dataset: { testid: 'register-capacity' } }, capacity(entry)));
}

function renderList(entries, institutionNames) {
  if (!entries.length) {
    fill(listHost, el('p', { class: 'empty-state', dataset: { testid: 'register-empty' } }, t('register.empty')));
    return;
  }
  const columns = ['family', showsInstitution ? 'institution' : null, 'approvedOn', 'expiresOn', 'capacity'].filter(Boolean);
  fill(listHost,
    el('div', { class: 'table-wrap' }, stackOnPhones(el('table', { dataset: { testid: 'register-table' } },
      el('caption', { class: 'visually-hidden' }, t('register.title')),
      el('thead', {}, el('tr', {}, columns.map((column) => el('th', { scope: 'col' }, t(`register.col.${column}`))))),
      el('tbody', {}, entries.map((entry) => row(entry, institutionNames)))))),
    el('p', { class: 'muted', dataset: { testid: 'register-occupancy' } }, t('register.occupancy')));
}

async function institutionNames() {
  try {
    return Object.fromEntries(((await api.institutions()) ?? []).map((institution) => [institution.code, institution.name]));
  } catch {
    return {}; // the code is shown instead
  }
}

async function load() {
  try {
    const [entries, names] = await Promise.all([api.fosterRegister(), showsInstitution ? institutionNames() : {}]);
    renderList(entries ?? [], names);
  } catch (error) {
    fill(listMessage, errorNotice(error));
    fill(listHost);
  } finally {
    listHost.setAttribute('aria-busy', 'false');
  }
}

if (user) {
  fill(main,
    el('h1', {}, t('register.title')),
    el('p', { class: 'page-lead' }, t('register.lead')),
    listMessage,
    el('section', { class: 'panel', 'aria-labelledby': 'register-list-title' },
      el('h2', { id: 'register-list-title', class: 'visually-hidden' }, t('register.title')),
      listHost));
  load();
}
