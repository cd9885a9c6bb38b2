// 儿童档案 One child's file: identity, category, admission, disability, guardian, notes, placements,
// the way to adoption, and the change history. Caseworkers and directors start 送养 (the placement
// for adoption, 登记办法 art. 7); the registrar records a claim by the birth parents during the
// public notice (art. 8). A sealed file (民法典 art. 1110) is read only with a stated reason.
import { api } from '../api.js';
import { renderSealedReasonPrompt } from '../sealedReason.js';
import { formatDate, formatDateTime, label, t } from '../i18n.js';
import { el, errorNotice, fill, hasRole, initPage, notice, requireRole } from '../shell.js';

const main = initPage({ page: 'children', titleKey: 'childFile.title' });
const user = await requireRole(main, 'CASEWORKER', 'DIRECTOR', 'REGISTRAR', 'AUDITOR');
const params = new URLSearchParams(location.search);
const id = params.get('id');

const mayPlace = hasRole(user, 'CASEWORKER', 'DIRECTOR');
const mayRecordClaim = hasRole(user, 'REGISTRAR');

/** The reason given for reading a sealed file; sent with every read of it from then on. */
let reason = '';

const messages = el('div', { 'aria-live': 'polite' });
const reasonHost = el('div');
const fileHost = el('div');
const actionsHost = el('div');
const historyHost = el('div');

const none = () => el('span', { class: 'muted' }, t('common.none'));
const value = (content) => (content === null || content === undefined || content === '' ? none() : content);

function summary(pairs) {
  return el('dl', { class: 'summary' }, pairs.filter(Boolean).map(([key, content, testid]) => [
    el('dt', {}, t(key)),
    el('dd', { dataset: testid ? { testid } : {} }, value(content)),
  ]));
}

function section(titleKey, testid, ...content) {
  const headingId = `sec-${testid}`;
  return el('section', { class: 'panel', 'aria-labelledby': headingId, dataset: { testid } },
    el('h2', { id: headingId }, t(titleKey)), ...content);
}

const multiline = (textValue) => (textValue ? el('div', { style: 'white-space:pre-wrap' }, textValue) : null);

function renderFile(child) {
  const record = child.record ?? {};
  document.title = `${record.name} · ${t('childFile.title')} · ${t('app.name')}`;
  const placements = [...(child.placements ?? [])].sort((a, b) => String(b.startedOn).localeCompare(String(a.startedOn)));
  const hasDisability = record.disabilityType || record.disabilityGrade || record.disabilityCertificate;
  fill(fileHost,
    el('div', { class: 'page-head' },
      el('div', {},
        el('h1', { dataset: { testid: 'child-name' } }, record.name),
        el('div', { class: 'muted' }, child.categoryLabel || label('ChildCategory', record.category))),
      el('div', {},
        child.sealed ? el('span', { class: 'badge badge-sealed', dataset: { testid: 'child-sealed' } }, t('app.sealed')) : null,
        el('span', { class: 'badge badge-status', dataset: { testid: 'child-adoption-status', status: child.adoptionStatus ?? '' } },
          label('adoptionStatus', child.adoptionStatus)))),
    section('childFile.identity', 'child-identity', summary([
      ['child.name', record.name],
      ['child.sex', record.sex ? label('sex', record.sex) : null],
      ['child.birthDate', record.birthDate ? [formatDate(record.birthDate), record.birthDateEstimated ? t('child.estimated') : ''] : null],
      ['child.age', t('children.age', { age: child.age })],
      ['child.residentId', record.residentId ? el('span', { class: 'mono' }, record.residentId) : null],
      ['childFile.id', el('span', { class: 'mono' }, child.id), 'child-id'],
      ['child.institution', child.institutionCode],
    ])),
    section('childFile.admission', 'child-admission', summary([
      ['child.category', child.categoryLabel || label('ChildCategory', record.category)],
      ['child.admissionReason', child.admissionReasonLabel || label('AdmissionReason', record.admissionReason)],
      ['child.admissionDate', formatDate(record.admissionDate)],
      ['child.admissionRecord', multiline(record.admissionRecord)],
      child.dischargedOn ? ['child.discharged', [formatDate(child.dischargedOn), child.dischargeReason ? ` · ${child.dischargeReason}` : '']] : null,
    ])),
    section('childFile.disability', 'child-disability', hasDisability
      ? summary([
        ['child.disabilityType', record.disabilityType],
        ['child.disabilityGrade', record.disabilityGrade ? label('grade', record.disabilityGrade) : null],
        ['child.disabilityCertificate', record.disabilityCertificate ? el('span', { class: 'mono' }, record.disabilityCertificate) : null],
      ])
      : el('p', { class: 'muted' }, t('childFile.noDisability'))),
    section('childFile.notes', 'child-notes', summary([
      ['child.guardian', record.guardian, 'child-guardian'],
      ['child.healthNotes', multiline(record.healthNotes)],
      ['child.educationNotes', multiline(record.educationNotes)],
    ])),
    section('childFile.placements', 'child-placements', placements.length
      ? el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {},
          ['kind', 'from', 'to', 'household', 'reference', 'endReason'].map((col) => el('th', { scope: 'col' }, t(`childFile.placement.${col}`))))),
        el('tbody', {}, placements.map((placement) => el('tr', { dataset: { testid: 'placement-row', kind: placement.kind ?? '' } },
          el('td', {}, label('placement', placement.kind)),
          el('td', {}, formatDate(placement.startedOn)),
          el('td', {}, placement.endedOn ? formatDate(placement.endedOn) : el('span', { class: 'muted' }, t('childFile.placement.current'))),
          el('td', {}, value(placement.household)),
          el('td', { class: 'mono' }, value(placement.reference)),
          el('td', {}, value(placement.endReason)))))))
      : el('p', { class: 'muted' }, t('childFile.placements.empty'))));
}

/** 送养 (caseworker, director) while nothing is under way; 生父母认领 (registrar) during the notice. */
function renderActions(child) {
  const status = child.adoptionStatus;
  const parts = [
    summary([
      ['childFile.adoption.status', label('adoptionStatus', status), 'child-adoption-status-text'],
      child.adoptionStatusNote ? ['childFile.claim.note', multiline(child.adoptionStatusNote)] : null,
    ]),
  ];
  // families cannot list children: the institution sends the approved applicants this link (adopt.html)
  if (status === 'AVAILABLE' && !child.sealed && mayPlace) {
    const link = new URL(`adopt.html?child=${encodeURIComponent(child.id)}`, location.href).href;
    parts.push(el('h3', { style: 'margin-top:1.5rem' }, t('childFile.adoptLink')),
      el('p', { class: 'muted' }, t('childFile.adoptLink.lead')),
      el('p', { class: 'mono', dataset: { testid: 'child-adopt-link' } }, link));
  }
  const canPlace = mayPlace && !child.sealed && !child.dischargedOn
    && (status === 'NOT_PLACED' || status === 'PLACEMENT_REFUSED' || !status);
  if (canPlace) {
    const button = el('button', { type: 'button', class: 'button', dataset: { testid: 'request-adoption-placement' } }, t('childFile.place'));
    button.addEventListener('click', async () => {
      if (!window.confirm(t('childFile.place.confirm'))) return;
      button.disabled = true;
      try {
        const updated = await api.requestAdoptionPlacement(id);
        fill(messages, notice('success', t('childFile.place.done')));
        show(updated);
        loadHistory();
      } catch (error) {
        fill(messages, errorNotice(error));
        button.disabled = false;
      }
    });
    parts.push(el('p', { class: 'muted' }, t('childFile.place.lead')), button);
  }
  if (mayRecordClaim && status === 'PLACEMENT_REQUESTED') parts.push(claimForm());
  fill(actionsHost, section('childFile.adoption', 'child-adoption', ...parts));
}

function claimForm() {
  const input = el('textarea', { id: 'claim-note', rows: 3, maxlength: 2000, 'aria-required': 'true', dataset: { testid: 'claim-note' } });
  const error = el('span', { class: 'field-error', id: 'claim-note-error', hidden: true });
  const button = el('button', { type: 'submit', class: 'button button-danger', dataset: { testid: 'claim-submit' } }, t('childFile.claim.button'));
  const formElement = el('form', { novalidate: true, dataset: { testid: 'claim-form' } },
    el('h3', { style: 'margin-top:1.5rem' }, t('childFile.claim')),
    el('p', { class: 'muted' }, t('childFile.claim.lead')),
    el('div', { class: 'field' },
      el('label', { for: 'claim-note' }, t('childFile.claim.note'), el('span', { class: 'req', 'aria-hidden': 'true' }, '*')),
      input, error),
    button);
  const showError = (message) => {
    error.textContent = message;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', error.id);
    input.focus();
  };
  input.addEventListener('input', () => { error.hidden = true; input.removeAttribute('aria-invalid'); });
  formElement.addEventListener('submit', async (event) => {
    event.preventDefault();
    const note = input.value.trim();
    if (!note) {
      showError(t('childFile.claim.required'));
      return;
    }
    if (!window.confirm(t('childFile.claim.confirm'))) return;
    button.disabled = true;
    try {
      await api.birthParentClaim(id, note);
      fill(messages, notice('success', t('childFile.claim.done')));
      input.value = '';
      // the process moves the status: read again in a moment
      setTimeout(load, 2000);
    } catch (failure) {
      const noteProblem = failure.status === 400 && failure.fieldErrors.find((fieldError) => fieldError.field === 'note');
      if (noteProblem) showError(noteProblem.message);
      else fill(messages, errorNotice(failure));
    } finally {
      button.disabled = false;
    }
  });
  return formElement;
}

function renderHistory(changes) {
  const sorted = [...changes].sort((a, b) => String(b.changedAt).localeCompare(String(a.changedAt)));
  fill(historyHost, section('childFile.history', 'child-history', sorted.length
    ? el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {},
        ['at', 'actor', 'field', 'old', 'new'].map((col) => el('th', { scope: 'col' }, t(`childFile.history.${col}`))))),
      el('tbody', {}, sorted.map((change) => el('tr', { dataset: { testid: 'change-row', field: change.field ?? '' } },
        el('td', {}, el('time', { datetime: change.changedAt }, formatDateTime(change.changedAt))),
        el('td', {}, value(change.actor)),
        el('td', {}, fieldLabel(change.field)),
        el('td', {}, value(change.oldValue)),
        el('td', {}, value(change.newValue)))))))
    : el('p', { class: 'muted' }, t('childFile.history.empty'))));
}

/** A changed field in words when the page knows it ("birthDate" → 出生日期). */
function fieldLabel(name) {
  const key = `child.${name}`;
  const translated = t(key);
  return translated === key ? name : translated;
}

function show(child) {
  renderFile(child);
  renderActions(child);
}

async function loadHistory() {
  try {
    renderHistory((await api.childHistory(id, reason || undefined)) ?? []);
  } catch (error) {
    fill(historyHost, errorNotice(error));
  }
}

/** A sealed file: asks for the reason, then reads again with it. */
function renderReasonPrompt() {
  renderSealedReasonPrompt(reasonHost, {
    initial: reason,
    leadKey: 'childFile.sealed.lead',
    onReason: async (given) => {
      reason = given;
      await load();
    },
  });
}

async function load() {
  try {
    const child = await api.child(id, reason || undefined);
    fill(reasonHost);
    show(child);
    await loadHistory();
  } catch (error) {
    const reasonError = error.status === 400 && error.fieldErrors.find((fieldError) => fieldError.field === 'reason');
    if (reasonError) {
      if (!reasonHost.firstChild) renderReasonPrompt();
      return;
    }
    fill(messages, errorNotice(error));
  }
}

if (!user) {
  // requireRole said why
} else if (!id) {
  fill(main, notice('error', t('childFile.missingId')));
} else {
  fill(main,
    el('p', { class: 'back-link' }, el('a', { class: 'button button-link', href: 'children.html', dataset: { testid: 'back' } }, `← ${t('common.backChildren')}`)),
    params.has('created') ? notice('success', t('childFile.created')) : null,
    messages,
    reasonHost,
    fileHost,
    actionsHost,
    historyHost);
  await load();
}
