// What the placement board, the child's file and the family portal show alike of a foster placement
// (家庭寄养安置): its status, its period, the last day of a period the engine ends at 24:00, and the
// agreement (家庭寄养管理办法 art. 12(5)) as a PDF link.
import { formatDate, label, t } from './i18n.js';
import { el } from './shell.js';

const STATUS_BADGE = {
  PROPOSED: 'badge-reminded', AWAITING_SIGNATURES: 'badge-reminded', ACTIVE: 'badge-group',
  REFUSED: 'badge-overdue', WITHDRAWN: 'badge-overdue', ENDED: 'badge-status',
};

export const PLACEMENT_STATUSES = Object.keys(STATUS_BADGE);

export function statusBadge(placement) {
  return el('span', { class: `badge ${STATUS_BADGE[placement.status] ?? 'badge-status'}`,
    dataset: { testid: 'foster-status', status: placement.status ?? '' } },
  label('fosterStatus', placement.status));
}

export function date(value) {
  return value ? el('time', { datetime: value }, formatDate(value)) : el('span', { class: 'muted' }, t('common.none'));
}

/** The agreement's period: 2026年3月2日 – 2027年3月2日. */
export function period(placement) {
  return [date(placement.from), ' – ', date(placement.until)];
}

/**
 * The last day of a period the engine ends at 24:00 of that day (an integration period's timer is set
 * to the start of the next day): shown as the day itself.
 */
export function lastDay(instant) {
  return instant ? date(new Date(Date.parse(instant) - 1).toISOString()) : date(null);
}

/** The agreement as a PDF, opened in a new tab (the browser's viewer; it can be saved or printed there). */
export function agreementLink(href) {
  return el('a', { href, target: '_blank', rel: 'noopener', dataset: { testid: 'foster-agreement-link' } },
    t('foster.agreement.pdf'));
}
