// 寄养安置 Placement board: the institution's foster families with capacity and occupancy (家庭寄养管理办法
// art. 9), its children in foster care with the end of their integration period (art. 14) and their
// next visit (arts. 16–17) as the engine's timers hold them, and the numbers the matching checks.
import { api } from '../api.js';
import { label, t } from '../i18n.js';
import { PLACEMENT_STATUSES, agreementLink, date, lastDay, period, statusBadge } from '../fosterPlacements.js';
import { el, errorNotice, fill, initPage, requireRole, stackOnPhones } from '../shell.js';

const main = initPage({ page: 'placements', titleKey: 'placements.title' });
const user = await requireRole(main, 'CASEWORKER', 'DIRECTOR');
const params = new URLSearchParams(location.search);

const message = el('div');
const placementsHost = el('div', { 'aria-busy': 'true' }, el('p', { class: 'muted' }, t('common.loading')));
const registerHost = el('div');
const rulesHost = el('div');

const statusFilter = el('select', { id: 'status-filter', dataset: { testid: 'placements-status' } },
  el('option', { value: '' }, t('placements.status.open')),
  PLACEMENT_STATUSES.map((status) => el('option', { value: status }, label('fosterStatus', status))));
statusFilter.value = params.get('status') ?? '';
statusFilter.addEventListener('change', () => {
  const search = new URLSearchParams(location.search);
  if (statusFilter.value) search.set('status', statusFilter.value);
  else search.delete('status');
  history.replaceState(null, '', `${location.pathname}${search.size ? `?${search}` : ''}`);
  load();
});

function placementRow(placement) {
  return el('tr', { dataset: { testid: 'placement-board-row', childId: placement.childId, status: placement.status } },
    el('td', {}, el('a', { href: `child.html?id=${encodeURIComponent(placement.childId)}`, dataset: { testid: 'board-child' } },
      placement.childName)),
    el('td', {}, placement.familyName, el('div', { class: 'muted' }, t('register.caregiver', { name: placement.primaryCaregiver }))),
    el('td', {}, statusBadge(placement)),
    el('td', {}, period(placement)),
    el('td', { dataset: { testid: 'board-integration-ends' } }, lastDay(placement.integrationEnds)),
    el('td', { dataset: { testid: 'board-next-visit' } }, date(placement.nextVisitDue)),
    el('td', {}, agreementLink(api.fosterAgreementUrl(placement.id))));
}

function renderPlacements(placements) {
  if (!placements.length) {
    fill(placementsHost, el('p', { class: 'empty-state', dataset: { testid: 'placements-empty' } }, t('placements.empty')));
    return;
  }
  const columns = ['child', 'family', 'status', 'period', 'integrationEnds', 'nextVisit', 'agreement'];
  fill(placementsHost, el('div', { class: 'table-wrap' }, stackOnPhones(el('table', { dataset: { testid: 'placements-table' } },
    el('caption', { class: 'visually-hidden' }, t('placements.children')),
    el('thead', {}, el('tr', {}, columns.map((column) => el('th', { scope: 'col' }, t(`placements.col.${column}`))))),
    el('tbody', {}, placements.map(placementRow))))));
}

function renderRegister(entries) {
  fill(registerHost, entries.length
    ? el('div', { class: 'table-wrap' }, stackOnPhones(el('table', { dataset: { testid: 'placements-register' } },
      el('caption', { class: 'visually-hidden' }, t('placements.register')),
      el('thead', {}, el('tr', {}, ['family', 'expiresOn', 'occupancy'].map((column) =>
        el('th', { scope: 'col' }, t(`placements.register.col.${column}`))))),
      el('tbody', {}, entries.map((entry) => el('tr', {
        class: entry.occupied >= entry.capacity ? 'is-overdue' : null,
        dataset: { testid: 'placements-register-row', familyId: entry.familyId },
      },
      el('td', {}, entry.familyName, el('div', { class: 'muted' }, t('register.caregiver', { name: entry.primaryCaregiver }))),
      el('td', {}, date(entry.expiresOn), ' ', el('span', { class: 'muted' }, t(`register.standing.${entry.standing}`))),
      el('td', { dataset: { testid: 'placements-occupancy' } },
        t('placements.occupancy', { occupied: entry.occupied, capacity: entry.capacity }))))))))
    : el('p', { class: 'empty-state' }, t('register.empty')));
}

/** A rule's number as its sentence reads it: the visit interval's months out of its ISO period (P1M). */
function ruleValue(rule) {
  return rule.name === 'visitInterval' ? (/^P(\d+)M$/.exec(rule.value)?.[1] ?? rule.value) : rule.value;
}

function renderRules(rules) {
  fill(rulesHost, el('dl', { class: 'summary', dataset: { testid: 'placements-rules' } },
    rules.map((rule) => [
      el('dt', {}, t(`fosterRule.${rule.name}`)),
      el('dd', { dataset: { testid: `rule-${rule.name}` } }, t(`fosterRule.${rule.name}.value`, { value: ruleValue(rule) }),
        el('div', { class: 'article' }, t(`fosterRule.${rule.name}.source`)))])));
}

async function load() {
  placementsHost.setAttribute('aria-busy', 'true');
  try {
    const [board, rules] = await Promise.all([api.fosterBoard(statusFilter.value || undefined), api.fosterRules()]);
    renderPlacements(board.placements ?? []);
    renderRegister(board.register ?? []);
    renderRules(rules ?? []);
    fill(message);
  } catch (error) {
    fill(message, errorNotice(error));
  } finally {
    placementsHost.setAttribute('aria-busy', 'false');
  }
}

if (user) {
  fill(main,
    el('h1', {}, t('placements.title')),
    el('p', { class: 'page-lead' }, t('placements.lead')),
    message,
    el('section', { class: 'panel', 'aria-labelledby': 'placements-children-title' },
      el('h2', { id: 'placements-children-title' }, t('placements.children')),
      el('div', { class: 'filters' }, el('div', { class: 'field' },
        el('label', { for: 'status-filter' }, t('placements.status')), statusFilter)),
      placementsHost),
    el('section', { class: 'panel', 'aria-labelledby': 'placements-register-title' },
      el('h2', { id: 'placements-register-title' }, t('placements.register')),
      el('p', { class: 'muted' }, t('placements.register.lead')),
      registerHost),
    el('section', { class: 'panel', 'aria-labelledby': 'placements-rules-title' },
      el('h2', { id: 'placements-rules-title' }, t('placements.rules')),
      rulesHost));
  load();
}
