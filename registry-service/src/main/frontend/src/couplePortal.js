// The couple's portal section (机构内家庭式养育, issue 11): their family-style applications (and the
// confirmation the other spouse gives from an own account), the contract with the institution to read
// (PDF) and sign once per spouse, its term and how long until it ends and where its renewal re-check
// stands (what is asked of them before a renewal); once the contract is in force,
// their residence unit with the children they raise (care notes, not the whole file, and each child's
// note from the last review) and the review dates.
import { api } from './api.js';
import { formatDate, t } from './i18n.js';
import { el, errorNotice, fill, notice } from './shell.js';

/** The panel, or null when the household has no family-style application. */
export async function couplePanel({ message, onChanged }) {
  const view = await api.myFamilyStyle();
  if (!view || (!view.applications.length && !view.contracts.length && !view.homes.length)) return null;
  return el('section', { class: 'panel', 'aria-labelledby': 'couple-title', dataset: { testid: 'couple-portal' } },
    el('h2', { id: 'couple-title' }, t('couplePortal.title')),
    view.applications.map((application) => el('p', { dataset: { testid: 'couple-application' } },
      `${application.number} · ${application.institutionName} · ${application.statusLabel} `,
      application.awaitingMyConfirmation
        ? action(t('couplePortal.confirm'), () => api.confirmFamilyStyle(application.id), message, onChanged, t('couplePortal.confirm.done'))
        : null)),
    view.contracts.map((contract) => el('article', { dataset: { testid: 'couple-contract', status: contract.status } },
      el('h3', {}, t('couplePortal.contract'), ' ', el('span', { class: 'muted' }, t(`couplePortal.status.${contract.status}`))),
      el('dl', { class: 'summary' },
        el('dt', {}, t('couplePortal.term')),
        el('dd', {}, `${formatDate(contract.termFrom)} – ${formatDate(contract.termUntil)}`,
          contract.status === 'ACTIVE' ? ` (${t('couplePortal.daysToEnd', { days: contract.daysToEnd })})` : ''),
        el('dt', {}, t('couplePortal.unit')), el('dd', {}, contract.unitName ?? t('common.none')),
        el('dt', {}, t('couplePortal.duties')), el('dd', { style: 'white-space:pre-wrap' }, contract.duties),
        el('dt', {}, t('couplePortal.signatures')),
        el('dd', {}, [contract.applicantSigned, contract.spouseSigned, contract.directorSigned]
          .map((signed, i) => `${t(`couplePortal.signer.${i}`)}${signed ? '✓' : '—'}`).join('  ')),
        contract.status === 'ACTIVE' ? [el('dt', {}, t('couplePortal.recheck')),
          el('dd', { dataset: { testid: 'couple-recheck', recheck: contract.recheck } }, t(`couplePortal.recheck.${contract.recheck}`))] : null),
      el('p', {}, el('a', { href: api.myFamilyStyleContractUrl(contract.id), target: '_blank', rel: 'noopener' },
        t('couplePortal.contractPdf'))),
      contract.mySignatureDue
        ? action(t('couplePortal.sign'), () => api.signFamilyStyleContract(contract.id), message, onChanged, t('couplePortal.sign.done'))
        : null)),
    view.homes.map(home));
}

function home(unit) {
  return el('article', { dataset: { testid: 'couple-home' } },
    el('h3', {}, t('couplePortal.home', { name: unit.name }), ' ', el('span', { class: 'muted' }, unit.place)),
    el('dl', { class: 'summary' },
      el('dt', {}, t('couplePortal.lastReview')), el('dd', {}, unit.lastReviewOn ? formatDate(unit.lastReviewOn) : t('common.none')),
      el('dt', {}, t('couplePortal.nextReview')),
      el('dd', { dataset: { testid: 'couple-next-review' } }, unit.nextReviewDue ? formatDate(unit.nextReviewDue) : t('common.none'),
        unit.reviewOverdue ? el('strong', { class: 'badge badge-warn' }, ` ${t('units.overdue')}`) : null)),
    unit.children.length
      ? el('ul', { class: 'plain' }, unit.children.map((child) => el('li', { dataset: { testid: 'couple-child' } },
        el('strong', {}, t('units.child', { name: child.name, age: child.age })),
        el('span', { class: 'muted' }, ` · ${t('couplePortal.since', { date: formatDate(child.livesHereSince) })}`),
        child.healthNotes ? el('div', {}, `${t('couplePortal.health')}：${child.healthNotes}`) : null,
        child.educationNotes ? el('div', {}, `${t('couplePortal.education')}：${child.educationNotes}`) : null,
        child.lastReview
          ? el('div', { class: 'muted', dataset: { testid: 'couple-child-review' } }, t('couplePortal.reviewNote', {
            date: formatDate(child.lastReview.heldOn),
            note: [child.lastReview.health, child.lastReview.schooling, child.lastReview.development].filter(Boolean).join('；') }))
          : null)))
      : el('p', { class: 'muted' }, t('couplePortal.noChildren')));
}

function action(label, run, message, onChanged, done) {
  const button = el('button', { type: 'button', class: 'button' }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await run();
      await onChanged();
      fill(message, notice('success', done));
    } catch (error) {
      fill(message, errorNotice(error));
      button.disabled = false;
    }
  });
  return button;
}
