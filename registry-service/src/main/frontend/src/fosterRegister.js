// What the foster register and the portal both show of an approval: its standing (valid, expiring
// within the warning period, expired), the capacity of 家庭寄养管理办法 art. 9, and the yearly renewal:
// failed or suspended, its stage and due date, and what is still missing (未成年人保护法 art. 98 checks).
import { formatDate, t } from './i18n.js';
import { el } from './shell.js';

const STANDING_BADGE = { VALID: 'badge-group', EXPIRING: 'badge-reminded', EXPIRED: 'badge-overdue' };

export function standingBadge(entry) {
  return el('span', { class: `badge ${STANDING_BADGE[entry.standing] ?? 'badge-group'}`,
    dataset: { testid: 'register-standing', standing: entry.standing ?? '' } },
  t(`register.standing.${entry.standing}`));
}

export function capacity(entry) {
  return [t('register.capacity', { count: entry.capacity }),
    el('div', { class: 'article' }, t('register.capacity.article'))];
}

/** Failed, expired or suspended, and the renewal under way with what it still needs; null when nothing is due. */
export function renewalStatus(entry) {
  const renewal = entry.renewal ?? {};
  const open = renewal.stage === 'RECHECK' || renewal.stage === 'APPROVAL';
  if (entry.status === 'ACTIVE' && !entry.suspended && !open) return null;
  return el('div', { dataset: { testid: 'renewal-status', status: entry.status ?? '', stage: renewal.stage ?? '' } },
    entry.status !== 'ACTIVE' ? el('span', { class: 'badge badge-overdue' }, t(`register.status.${entry.status}`)) : null,
    entry.suspended ? el('span', { class: 'badge badge-overdue' }, t('register.suspended')) : null,
    open ? [el('span', { class: 'badge badge-reminded' }, t(`register.renewal.${renewal.stage}`)), ' ',
      t('register.renewal.due', { date: formatDate(renewal.dueOn) })] : null,
    open && renewal.missing?.length
      ? el('ul', { dataset: { testid: 'renewal-missing' } }, renewal.missing.map((item) => el('li', {}, item)))
      : null);
}

/** The family's own approvals on the portal: approved on, valid until, capacity; nothing before approval. */
export function approvalPanel(entries) {
  if (!entries?.length) return null;
  return el('section', { class: 'panel', 'aria-labelledby': 'approval-title', dataset: { testid: 'foster-approval' } },
    el('h2', { id: 'approval-title' }, t('portal.approval.title')),
    el('p', { class: 'muted' }, t('portal.approval.lead')),
    entries.map((entry) => el('dl', { class: 'summary', dataset: { testid: 'foster-approval-entry', applicationNumber: entry.applicationNumber ?? '' } },
      el('dt', {}, t('portal.approval.approvedOn')),
      el('dd', {}, el('time', { datetime: entry.approvedOn, dataset: { testid: 'foster-approved-on' } }, formatDate(entry.approvedOn))),
      el('dt', {}, t('portal.approval.expiresOn')),
      el('dd', {}, el('time', { datetime: entry.expiresOn, dataset: { testid: 'foster-expires-on' } }, formatDate(entry.expiresOn)),
        ' ', standingBadge(entry)),
      el('dt', {}, t('portal.approval.capacity')),
      el('dd', {}, capacity(entry)),
      renewalStatus(entry) ? [el('dt', {}, t('portal.approval.renewal')), el('dd', {}, renewalStatus(entry))] : null)));
}
