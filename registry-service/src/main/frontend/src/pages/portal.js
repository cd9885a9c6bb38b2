// 我的申请 Family portal: the household's own applications, inviting the other adult of the
// household (each adult has an own account), and joining a household with an invitation code.
import { api } from '../api.js';
import { formatDate, label, t } from '../i18n.js';
import { approvalPanel } from '../fosterRegister.js';
import { fosterChildrenPanel } from '../fosterPortal.js';
import { couplePanel } from '../couplePortal.js';
import { journeyPanel, refusalReasons } from '../journey.js';
import { el, errorNotice, fill, initPage, notice, requireRole, stackOnPhones } from '../shell.js';

const REFRESH_MS = 30_000;

const main = initPage({ page: 'portal', titleKey: 'portal.title' });
const user = await requireRole(main, 'FAMILY');

const listMessage = el('div');
const listHost = el('div', { 'aria-busy': 'true' }, el('p', { class: 'muted' }, t('common.loading')));
// each adoption's steps, what to do now and the next deadline
const journeysHost = el('div', { dataset: { testid: 'journeys' } });
// the household's place in the foster register, once approved: approved on, valid until
const approvalHost = el('div');
// its foster children: care notes, the agreement to read and sign, the next visit (fosterPortal.js)
const fosterHost = el('div');
const coupleHost = el('div');

// --- the applications -----------------------------------------------------------------------

function lastEntry(application) {
  const history = [...(application.history ?? [])].sort((a, b) => String(b.at).localeCompare(String(a.at)));
  return history[0] ?? null;
}

/** Whether the reader submitted it: the first history entry (the oldest; ties keep the server's order) is theirs. */
function submittedByReader(application) {
  const history = [...(application.history ?? [])].sort((a, b) => String(a.at).localeCompare(String(b.at)));
  return history[0]?.byYou ?? true;
}

/**
 * A joint adoption waits for the spouse (民法典 art. 1101): the other adult of the household
 * confirms here; the submitter sees that it waits. A couple's family-style application waits for the
 * spouse too, who confirms it in the couple's panel (its own endpoint): the row only says that it waits.
 */
function awaitingSpouse(application) {
  const badge = el('span', { class: 'badge badge-status', dataset: { testid: 'portal-status', status: application.status } },
    t('portal.awaitingSpouse'));
  // a couple's family-style application is confirmed in its own panel (couplePortal.js), not as an adoption
  if (application.type !== 'ADOPTION') return badge;
  if (!user || submittedByReader(application)) {
    return [badge, el('div', { class: 'muted', dataset: { testid: 'portal-awaiting-own' } }, t('portal.awaitingSpouse.own'))];
  }
  const button = el('button', { type: 'button', class: 'button', dataset: { testid: 'portal-confirm' } }, t('portal.confirm'));
  button.addEventListener('click', async (event) => {
    event.stopPropagation();
    if (!window.confirm(t('portal.confirm.confirm'))) return;
    button.disabled = true;
    try {
      await api.confirmAsSpouse(application.id);
      fill(listMessage, notice('success', t('portal.confirm.done')));
      await load(false);
    } catch (error) {
      fill(listMessage, errorNotice(error));
      button.disabled = false;
    }
  });
  return [badge, el('div', { style: 'margin-top:0.4rem' }, button)];
}

function row(application) {
  const href = `application.html?id=${encodeURIComponent(application.id)}`;
  const last = lastEntry(application);
  // a sealed record (民法典 art. 1110) is hidden from others, not from the adopters: marked, still open
  const tr = el('tr', { class: 'clickable', dataset: { testid: 'portal-row', applicationNumber: application.number ?? '' } },
    el('td', {}, el('a', { href, class: 'mono', dataset: { testid: 'portal-link' } }, application.number),
      application.sealed
        ? [' ', el('span', { class: 'badge badge-sealed', title: t('portal.sealed.hint'), dataset: { testid: 'portal-sealed' } },
          t('app.sealed'))]
        : null),
    el('td', {}, label('appType', application.type)),
    el('td', {}, application.status === 'AWAITING_SPOUSE'
      ? awaitingSpouse(application)
      : el('span', { class: 'badge badge-status', dataset: { testid: 'portal-status', status: application.status ?? '' } },
        application.statusLabel || application.status)),
    el('td', {}, application.submittedAt
      ? el('time', { datetime: application.submittedAt }, formatDate(application.submittedAt)) : t('common.none')),
    el('td', { dataset: { testid: 'portal-last' } }, last
      ? [el('time', { datetime: last.at, class: 'muted' }, formatDate(last.at)), ' ', last.statusLabel || last.status,
        last.note ? el('div', { class: 'muted' }, last.note) : null]
      : t('common.none')));
  tr.addEventListener('click', (event) => {
    if (!event.target.closest('a, button')) location.href = href;
  });
  return tr;
}

function renderList(applications) {
  if (!applications.length) {
    fill(listHost, el('div', { class: 'empty-state', dataset: { testid: 'portal-empty' } },
      el('p', {}, t('portal.empty')),
      el('a', { class: 'button', href: 'apply.html', dataset: { testid: 'portal-apply' } }, t('portal.applyNow'))));
    return;
  }
  fill(listHost, el('div', { class: 'table-wrap' }, stackOnPhones(el('table', { dataset: { testid: 'portal-table' } },
    el('caption', { class: 'visually-hidden' }, t('portal.title')),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('portal.col.number')),
      el('th', { scope: 'col' }, t('portal.col.type')),
      el('th', { scope: 'col' }, t('portal.col.status')),
      el('th', { scope: 'col' }, t('portal.col.submitted')),
      el('th', { scope: 'col' }, t('portal.col.last')))),
    el('tbody', {}, applications.map(row))))));
}

async function dissolutionApplied() {
  await load();
  fill(listMessage, notice('success', t('journey.dissolution.done')));
}

async function load(clearMessage = true) {
  listHost.setAttribute('aria-busy', 'true');
  try {
    const [applications, approvals, fosterChildren, couple] = await Promise.all([
      api.myApplications().then((list) => list ?? []), api.myFosterApproval(),
      fosterChildrenPanel({ message: listMessage, onSigned: () => load(false) }),
      couplePanel({ message: listMessage, onChanged: () => load(false) })]);
    renderList(applications);
    fill(approvalHost, approvalPanel(approvals));
    fill(fosterHost, fosterChildren);
    fill(coupleHost, couple);
    // the periodic refresh leaves an open dissolution form alone, so nothing typed is lost
    if (!clearMessage && journeysHost.querySelector('details[open]')) return;
    // an adoption's panel tells its way, a refusal included; any other refused application says why here
    fill(journeysHost, await Promise.all(applications.map((application) => {
      if (application.type === 'ADOPTION') return journeyPanel(application, dissolutionApplied);
      if (application.status === 'REJECTED' && application.rejectionReasons?.length) {
        return el('section', { class: 'panel', dataset: { testid: 'refused-application', applicationNumber: application.number } },
          el('h2', {}, `${label('appType', application.type)} ${application.number}`),
          refusalReasons(application.rejectionReasons));
      }
      return null;
    })));
    if (clearMessage) fill(listMessage);
  } catch (error) {
    fill(listMessage, errorNotice(error));
  } finally {
    listHost.setAttribute('aria-busy', 'false');
  }
}

// --- invitation -----------------------------------------------------------------------------

const inviteResult = el('div', { 'aria-live': 'polite', dataset: { testid: 'invite-result' } });
const inviteButton = el('button', { type: 'button', class: 'button button-secondary', dataset: { testid: 'invite' } },
  t('portal.invite.button'));

inviteButton.addEventListener('click', async () => {
  inviteButton.disabled = true;
  try {
    const { code } = await api.inviteFamilyMember();
    fill(inviteResult, notice('success',
      el('div', {}, t('portal.invite.code'), '：'),
      el('div', { class: 'invitation-code', dataset: { testid: 'invitation-code' } }, code),
      el('div', { class: 'muted' }, t('portal.invite.codeHint'))));
  } catch (error) {
    // no household yet: nothing to invite to
    fill(inviteResult, error.status === 404 ? notice('warning', t('portal.invite.noHousehold')) : errorNotice(error));
  } finally {
    inviteButton.disabled = false;
  }
});

// --- joining --------------------------------------------------------------------------------

const codeInput = el('input', {
  id: 'join-code', type: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: 100, class: 'narrow',
  'aria-describedby': 'join-code-error', dataset: { testid: 'join-code' },
});
const codeError = el('span', { class: 'field-error', id: 'join-code-error', hidden: true });
const joinResult = el('div', { 'aria-live': 'polite', dataset: { testid: 'join-result' } });
const joinButton = el('button', { type: 'submit', class: 'button', dataset: { testid: 'join-submit' } }, t('portal.join.button'));

function showCodeError(message) {
  codeError.textContent = message;
  codeError.hidden = false;
  codeInput.setAttribute('aria-invalid', 'true');
  codeInput.focus();
}

const joinForm = el('form', { novalidate: true, dataset: { testid: 'join-form' } },
  el('div', { class: 'filters' },
    el('div', { class: 'field' },
      el('label', { for: 'join-code' }, t('portal.join.code')),
      codeInput,
      codeError),
    el('div', { class: 'field' }, joinButton)));

codeInput.addEventListener('input', () => {
  codeError.hidden = true;
  codeInput.removeAttribute('aria-invalid');
});

joinForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  fill(joinResult);
  const code = codeInput.value.trim();
  if (!code) {
    showCodeError(t('portal.join.required'));
    return;
  }
  joinButton.disabled = true;
  try {
    await api.joinFamily(code);
    codeInput.value = '';
    fill(joinResult, notice('success', t('portal.join.done')));
    await load();
  } catch (error) {
    const codeProblem = error.status === 400 && error.fieldErrors.find((fieldError) => fieldError.field === 'code');
    if (codeProblem) showCodeError(codeProblem.message);
    else fill(joinResult, errorNotice(error));
  } finally {
    joinButton.disabled = false;
  }
});

// --- page -----------------------------------------------------------------------------------

if (user) {
  fill(main,
    el('div', { class: 'page-head' },
      el('div', {},
        el('h1', {}, t('portal.title')),
        el('p', { class: 'page-lead', style: 'margin-bottom:0' }, t('portal.lead'))),
      el('div', { class: 'actions' },
        el('a', { class: 'button', href: 'apply.html', dataset: { testid: 'portal-new' } }, `＋ ${t('nav.apply')}`),
        el('a', { class: 'button button-secondary', href: 'apply.html?journey=family-style', dataset: { testid: 'portal-new-couple' } },
          `＋ ${t('portal.applyFamilyStyle')}`))),
    listMessage,
    fosterHost,
    coupleHost,
    approvalHost,
    el('section', { class: 'panel', 'aria-labelledby': 'list-title' },
      el('h2', { id: 'list-title', class: 'visually-hidden' }, t('portal.title')),
      listHost),
    journeysHost,
    el('div', { class: 'grid-2 portal-household' },
      el('section', { class: 'panel', 'aria-labelledby': 'invite-title' },
        el('h2', { id: 'invite-title' }, t('portal.invite.title')),
        el('p', { class: 'muted' }, t('portal.invite.lead')),
        inviteButton,
        inviteResult),
      el('section', { class: 'panel', 'aria-labelledby': 'join-title' },
        el('h2', { id: 'join-title' }, t('portal.join.title')),
        el('p', { class: 'muted' }, t('portal.join.lead')),
        joinResult,
        joinForm)));
  load();
  setInterval(() => { if (document.visibilityState === 'visible') load(false); }, REFRESH_MS);
}
