// The family portal's foster children (家庭寄养): for each placement of the household from the
// director's approval on, what the family needs to care for the child (name, age, health and care
// notes; not the whole file), the agreement to read (PDF) and sign (家庭寄养管理办法 art. 12(5)), and
// the next visit (arts. 16–17); once placed, its respites and a termination, and the requests for
// either (fosterCare.js). One card per child, so it reads on a phone.
import { api } from './api.js';
import { formatDate, t } from './i18n.js';
import { familyCarePanel } from './fosterCare.js';
import { agreementLink, date, period, statusBadge } from './fosterPlacements.js';
import { el, errorNotice, fill, notice } from './shell.js';

/**
 * The panel, or null when the household fosters no child; {@code message} is the portal's own (it
 * outlives this panel), {@code onSigned} reloads the portal.
 */
export async function fosterChildrenPanel({ message, onSigned }) {
  const placements = (await api.myFosterPlacements()) ?? [];
  if (!placements.length) return null;
  return el('section', { class: 'panel', 'aria-labelledby': 'foster-children-title', dataset: { testid: 'foster-children' } },
    el('h2', { id: 'foster-children-title' }, t('fosterPortal.title')),
    el('p', { class: 'muted' }, t('fosterPortal.lead')),
    placements.map((placement) => card(placement, message, onSigned)));
}

function card(placement, message, onSigned) {
  const multiline = (value) => (value ? el('div', { style: 'white-space:pre-wrap' }, value) : t('common.none'));
  return el('article', { class: 'foster-child', dataset: { testid: 'foster-child', status: placement.status } },
    el('h3', {}, el('span', { dataset: { testid: 'foster-child-name' } }, placement.childName), ' ',
      el('span', { class: 'muted' }, t('children.age', { age: placement.childAge })), ' ', statusBadge(placement)),
    el('dl', { class: 'summary' },
      el('dt', {}, t('child.healthNotes')), el('dd', { dataset: { testid: 'foster-child-health' } }, multiline(placement.healthNotes)),
      el('dt', {}, t('child.educationNotes')), el('dd', {}, multiline(placement.educationNotes)),
      el('dt', {}, t('fosterPortal.period')), el('dd', {}, period(placement)),
      el('dt', {}, t('foster.propose.caregiver')), el('dd', {}, placement.primaryCaregiver),
      el('dt', {}, t('foster.propose.integrationDays')), el('dd', {}, t('foster.integrationDays', { days: placement.integrationDays })),
      placement.status === 'ACTIVE'
        ? [el('dt', {}, t('fosterPortal.nextVisit')), el('dd', { dataset: { testid: 'foster-next-visit' } }, date(placement.nextVisitDue))]
        : null,
      el('dt', {}, t('fosterPortal.agreement')),
      el('dd', {}, agreementLink(api.myFosterAgreementUrl(placement.id)), ' ', signature(placement, message, onSigned))),
    care(placement, message, onSigned));
}

/** Respites and termination of a placement that has started (filled in when the record arrives). */
function care(placement, message, reload) {
  if (!placement.startedOn) return null;
  const host = el('div', { 'aria-busy': 'true' });
  familyCarePanel(placement, async (done) => {
    await reload();
    fill(message, notice('success', done));
  }).then((panel) => {
    host.removeAttribute('aria-busy');
    fill(host, panel);
  }, (error) => fill(host, errorNotice(error)));
  return host;
}

/** Signed on a day, or the button to sign after reading the agreement; the agreement takes effect once both have signed. */
function signature(placement, message, onSigned) {
  if (placement.familySignedAt) {
    return el('div', { class: 'muted', dataset: { testid: 'foster-signed' } },
      t('fosterPortal.signed', { day: formatDate(placement.familySignedAt) }));
  }
  if (placement.status !== 'AWAITING_SIGNATURES') return null;
  const button = el('button', { type: 'button', class: 'button', dataset: { testid: 'foster-sign' } }, t('fosterPortal.sign'));
  button.addEventListener('click', async () => {
    if (!window.confirm(t('fosterPortal.sign.confirm'))) return;
    button.disabled = true;
    try {
      await api.signFosterAgreement(placement.id);
      await onSigned();
      fill(message, notice('success', t('fosterPortal.sign.done')));
    } catch (error) {
      fill(message, errorNotice(error));
      button.disabled = false;
    }
  });
  return el('div', { style: 'margin-top:0.4rem' }, el('p', { class: 'hint' }, t('fosterPortal.sign.lead')), button);
}
