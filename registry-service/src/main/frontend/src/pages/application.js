// 申请进度 Application status: status and its history, rejection reasons, documents and upload;
// for caseworkers, directors and registrars the assignment of an assessor; for registrars sealing.
// A sealed record (民法典 art. 1110) is read only with a stated reason, asked for on the page.
import { api } from '../api.js';
import { renderSealedReasonPrompt } from '../sealedReason.js';
import { formatBytes, formatDate, formatDateTime, label, t } from '../i18n.js';
import { choices, field, formErrors, onFormSubmit, radioValue } from '../household.js';
import { STAFF_ROLES, el, errorNotice, fill, hasRole, initPage, notice, requireRole, stackOnPhones, worklistHref } from '../shell.js';

const REFRESH_MS = 15_000;

const main = initPage({ page: 'application', titleKey: 'app.title' });
const user = await requireRole(main, ...STAFF_ROLES, 'FAMILY', 'AUDITOR');
const params = new URLSearchParams(location.search);
const id = params.get('id');

const mayUpload = hasRole(user, 'CASEWORKER', 'FAMILY');
const mayAssign = hasRole(user, 'CASEWORKER', 'DIRECTOR', 'REGISTRAR');
const maySeal = hasRole(user, 'REGISTRAR');
// 民法典 art. 1104: the registrar or an assessor of the case hears the child; staff and auditors read it
const mayHearChild = hasRole(user, 'REGISTRAR', 'ASSESSOR');
const mayReadHearings = hasRole(user, ...STAFF_ROLES, 'AUDITOR');
/** Until then the child's views may be recorded (not while the spouse has to confirm, nor once registered). */
const HEARING_CLOSED = ['AWAITING_SPOUSE', 'REGISTERED', 'REJECTED', 'DISSOLUTION_REQUESTED', 'DISSOLVED'];
const isFamilyOnly = hasRole(user, 'FAMILY') && !hasRole(user, ...STAFF_ROLES);

/** The reason given for reading a sealed record; sent with every read of it from then on. */
let reason = '';
let needsReason = false;
let institutionNames = {};

const messages = el('div');
const reasonHost = el('div');
const headHost = el('div');
const statusHost = el('div');
const documentsHost = el('div');
const staffHost = el('div');
const hearingsHost = el('div', { dataset: { testid: 'child-hearings' } });
const hearingSection = el('section', { class: 'panel', 'aria-labelledby': 'hearing-title', hidden: true,
  dataset: { testid: 'child-consent' } },
el('h2', { id: 'hearing-title' }, t('app.hearing.title')),
el('p', { class: 'muted' }, t('app.hearing.lead')),
hearingsHost);
const uploadMessage = el('div', { 'aria-live': 'polite', dataset: { testid: 'upload-message' } });
const documentsSection = el('section', { class: 'panel', 'aria-labelledby': 'documents-title', hidden: true },
  el('h2', { id: 'documents-title' }, t('app.documents')),
  documentsHost);

function renderHead(application) {
  document.title = `${application.number} · ${t('app.title')} · ${t('app.name')}`;
  const family = application.family ?? {};
  const institution = application.institutionName
    ?? (application.institutionCode ? institutionNames[application.institutionCode] ?? application.institutionCode : null);
  fill(headHost,
    el('div', { class: 'page-head' },
      el('div', {},
        el('h1', {}, t('app.title')),
        el('div', { class: 'muted' }, label('appType', application.type))),
      el('div', {},
        application.sealed ? el('span', { class: 'badge badge-sealed', dataset: { testid: 'application-sealed' } }, t('app.sealed')) : null,
        el('span', { class: 'badge badge-status', dataset: { testid: 'application-status', status: application.status ?? '' } },
          application.statusLabel || application.status))),
    el('section', { class: 'panel' },
      el('dl', { class: 'summary' },
        el('dt', {}, t('app.number')), el('dd', { class: 'mono', dataset: { testid: 'application-number' } }, application.number),
        el('dt', {}, t('app.status')), el('dd', {}, application.statusLabel || application.status),
        institution ? [el('dt', {}, t('app.institution')), el('dd', { dataset: { testid: 'application-institution' } }, institution)] : null,
        // 家庭寄养管理办法 art. 23: the child's foster family applying comes first (the text says why)
        application.priority ? [el('dt', {}, t('app.priority')),
          el('dd', { dataset: { testid: 'application-priority' } }, application.priority)] : null,
        el('dt', {}, t('app.submittedAt')), el('dd', {}, formatDateTime(application.submittedAt) || t('common.none')),
        application.decidedAt ? [el('dt', {}, t('app.decidedAt')), el('dd', {}, formatDateTime(application.decidedAt))] : null,
        el('dt', {}, t('app.family')), el('dd', { dataset: { testid: 'application-family' } }, family.displayName ?? t('common.none')),
        family.address ? [el('dt', {}, t('app.address')), el('dd', {}, family.address)] : null,
        family.members?.length
          ? [el('dt', {}, t('app.members')), el('dd', {}, el('ul', { style: 'margin:0;padding-left:1.1rem' },
            family.members.map((member) => el('li', {},
              member.name, ' · ', member.roleLabel || label('role', member.role),
              member.age != null ? ` · ${t('app.member.age', { age: member.age })}` : ''))))]
          : null)));
}

function renderStatus(application) {
  const history = [...(application.history ?? [])].sort((a, b) => String(b.at).localeCompare(String(a.at)));
  const reasons = application.rejectionReasons ?? [];
  fill(statusHost,
    reasons.length
      ? el('section', { class: 'panel', 'aria-labelledby': 'rejection-title', dataset: { testid: 'rejection-reasons' } },
        el('h2', { id: 'rejection-title' }, t('app.rejection')),
        el('p', {}, t('app.rejection.lead')),
        el('ul', { class: 'reasons' }, reasons.map((reason) => el('li', { dataset: { rule: reason.rule ?? '' } },
          reason.reason,
          reason.article ? el('div', { class: 'article' }, reason.article) : null))))
      : null,
    el('section', { class: 'panel', 'aria-labelledby': 'history-title' },
      el('h2', { id: 'history-title' }, t('app.history')),
      history.length
        ? el('ol', { class: 'timeline', dataset: { testid: 'history' } }, history.map((entry) => el('li', {},
          el('time', { datetime: entry.at }, formatDateTime(entry.at)),
          el('strong', {}, entry.statusLabel || entry.status),
          entry.actor ? el('span', { class: 'muted' }, ` · ${entry.actor}`) : null,
          entry.note ? el('div', { class: 'muted' }, entry.note) : null)))
        : el('p', { class: 'muted' }, t('app.history.empty'))));
}

function renderDocuments(application) {
  renderUploadTypes(application);
  const documents = application.documents ?? [];
  fill(documentsHost, documents.length
    ? el('div', { class: 'table-wrap' }, stackOnPhones(el('table', { dataset: { testid: 'documents' } },
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, t('app.doc.type')),
        el('th', { scope: 'col' }, t('app.doc.file')),
        el('th', { scope: 'col' }, t('app.doc.size')),
        el('th', { scope: 'col' }, t('app.doc.uploadedAt')),
        el('th', { scope: 'col' }, t('app.doc.sha256')))),
      el('tbody', {}, documents.map((doc) => el('tr', { dataset: { testid: 'document-row', type: doc.type ?? '' } },
        el('td', {}, doc.typeLabel || label('doc', doc.type)),
        el('td', {}, el('a', { href: api.documentUrl(doc.id, reason), download: doc.fileName ?? true }, doc.fileName)),
        el('td', {}, formatBytes(doc.size)),
        el('td', {}, formatDateTime(doc.uploadedAt)),
        el('td', { class: 'mono', title: doc.sha256 ?? '' }, doc.sha256 ? `${doc.sha256.slice(0, 12)}…` : '')))))))
    : el('p', { class: 'muted', dataset: { testid: 'documents-empty' } }, t('app.documents.empty')));
}

// the types this application takes (its journey's documents, from the server); filled once it loads
const typeSelect = el('select', { id: 'upload-type', required: true, dataset: { testid: 'upload-type' } });

function renderUploadTypes(application) {
  const chosen = typeSelect.value;
  fill(typeSelect, el('option', { value: '' }, t('apply.choose')),
    (application.uploadTypes ?? []).map((type) => el('option', { value: type }, label('doc', type))));
  typeSelect.value = chosen;
}

function uploadForm() {
  const fileInput = el('input', { id: 'upload-file', type: 'file', required: true, dataset: { testid: 'upload-file' } });
  const button = el('button', { type: 'submit', class: 'button', dataset: { testid: 'upload-submit' } }, t('app.upload.button'));
  const formElement = el('form', { class: 'filters', novalidate: true },
    el('div', { class: 'field' }, el('label', { for: 'upload-type' }, t('app.doc.type')), typeSelect),
    el('div', { class: 'field' }, el('label', { for: 'upload-file' }, t('app.doc.file')), fileInput),
    el('div', { class: 'field' }, button));
  formElement.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = fileInput.files?.[0];
    if (!typeSelect.value) {
      fill(uploadMessage, notice('error', t('app.upload.chooseType')));
      typeSelect.focus();
      return;
    }
    if (!file) {
      fill(uploadMessage, notice('error', t('app.upload.chooseFile')));
      fileInput.focus();
      return;
    }
    button.disabled = true;
    button.textContent = t('app.upload.uploading');
    try {
      const doc = await api.uploadDocument(id, typeSelect.value, file);
      fill(uploadMessage, notice('success', t('app.upload.done', { name: doc?.fileName ?? file.name })));
      formElement.reset();
      await load();
    } catch (error) {
      const fieldErrors = error.fieldErrors ?? [];
      fill(uploadMessage, fieldErrors.length
        ? notice('error', error.problem.detail ?? '', el('ul', {}, fieldErrors.map((e) => el('li', {}, e.message))))
        : errorNotice(error));
    } finally {
      button.disabled = false;
      button.textContent = t('app.upload.button');
    }
  });
  return formElement;
}

/** A sealed record: asks for the reason, then reads again with it. */
function renderReasonPrompt() {
  renderSealedReasonPrompt(reasonHost, {
    initial: reason,
    leadKey: 'app.sealed.lead',
    onReason: async (given) => {
      reason = given;
      await load();
    },
  });
}

// --- assessors: who is assigned; staff choose among the jurisdiction's assessors (Keycloak) ----

const assessorSelect = el('select', { id: 'assessor-choice', dataset: { testid: 'assign-assessor-choice' } });
const assessorMessage = el('div', { 'aria-live': 'polite', dataset: { testid: 'assign-assessor-message' } });
const assignedHost = el('div', { dataset: { testid: 'assessors-assigned' } });
const assessorSection = el('section', { class: 'panel', 'aria-labelledby': 'assign-title', hidden: true },
  el('h2', { id: 'assign-title' }, t('app.assign.title')),
  el('p', { class: 'muted' }, t('app.assign.lead')),
  assignedHost);

function assessorForm() {
  const button = el('button', { type: 'submit', class: 'button', dataset: { testid: 'assign-assessor-submit' } }, t('app.assign.button'));
  const formElement = el('form', { class: 'filters', novalidate: true, dataset: { testid: 'assign-assessor' } },
    el('div', { class: 'field' }, el('label', { for: assessorSelect.id }, t('app.assign.choose')), assessorSelect),
    el('div', { class: 'field' }, button));
  formElement.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = assessorSelect.value;
    if (!chosen) {
      fill(assessorMessage, notice('error', t('app.assign.required')));
      assessorSelect.focus();
      return;
    }
    const name = assessorSelect.selectedOptions[0]?.textContent ?? chosen;
    button.disabled = true;
    try {
      await api.assignAssessor(id, chosen);
      fill(assessorMessage, notice('success', t('app.assign.done', { name })));
      await load();
    } catch (error) {
      const fieldErrors = error.fieldErrors ?? [];
      fill(assessorMessage, fieldErrors.length
        ? notice('error', el('ul', {}, fieldErrors.map((e) => el('li', {}, e.message))))
        : errorNotice(error));
    } finally {
      button.disabled = false;
    }
  });
  return formElement;
}

async function renderAssessors() {
  const { assigned, candidates } = await api.assessors(id);
  assessorSection.hidden = false;
  fill(assignedHost, assigned.length
    ? el('ul', {}, assigned.map((assessor) => el('li', { dataset: { testid: 'assessor-assigned', username: assessor.username } },
      assessor.name, el('span', { class: 'muted' }, ` · ${formatDate(assessor.assignedAt)}`))))
    : el('p', { class: 'muted', dataset: { testid: 'assessors-none' } }, t('app.assign.none')));
  if (!mayAssign) return;
  const kept = assessorSelect.value;
  const open = candidates.filter((candidate) => !assigned.some((a) => a.username === candidate.username));
  fill(assessorSelect, el('option', { value: '' }, open.length ? t('apply.choose') : t('app.assign.noCandidates')),
    open.map((candidate) => el('option', { value: candidate.username }, candidate.name)));
  assessorSelect.value = open.some((c) => c.username === kept) ? kept : '';
  if (!assessorSection.querySelector('[data-testid="assign-assessor"]')) {
    assessorSection.append(assessorMessage, assessorForm());
  }
}

/** A small form of one text input and a button, with its own message line. */
function oneFieldForm({ idBase, labelKey, buttonKey, testid, requiredKey, onSubmit, danger = false }) {
  const input = el('input', { id: `${idBase}-input`, type: 'text', maxlength: 200, autocomplete: 'off', dataset: { testid: `${testid}-input` } });
  const button = el('button', { type: 'submit', class: danger ? 'button button-danger' : 'button', dataset: { testid: `${testid}-submit` } }, t(buttonKey));
  const message = el('div', { 'aria-live': 'polite', dataset: { testid: `${testid}-message` } });
  const formElement = el('form', { class: 'filters', novalidate: true, dataset: { testid } },
    el('div', { class: 'field' }, el('label', { for: input.id }, t(labelKey)), input),
    el('div', { class: 'field' }, button));
  formElement.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) {
      fill(message, notice('error', t(requiredKey)));
      input.focus();
      return;
    }
    button.disabled = true;
    try {
      const done = await onSubmit(value);
      if (done) {
        fill(message, notice('success', done));
        input.value = '';
      } else {
        fill(message);
      }
    } catch (error) {
      const fieldErrors = error.fieldErrors ?? [];
      fill(message, fieldErrors.length
        ? notice('error', error.problem.detail ?? '', el('ul', {}, fieldErrors.map((e) => el('li', {}, e.message))))
        : errorNotice(error));
    } finally {
      button.disabled = false;
    }
  });
  return [formElement, message];
}

function renderStaffActions(application) {
  const sections = [];
  if (maySeal && !application.sealed) {
    const [formElement, message] = oneFieldForm({
      idBase: 'seal', labelKey: 'app.seal.reason', buttonKey: 'app.seal.button',
      testid: 'seal', requiredKey: 'app.seal.required', danger: true,
      onSubmit: async (sealReason) => {
        if (!window.confirm(t('app.seal.confirm'))) return null;
        await api.seal(id, sealReason);
        reason = sealReason;
        await load();
        return null;
      },
    });
    sections.push(el('section', { class: 'panel', 'aria-labelledby': 'seal-title' },
      el('h2', { id: 'seal-title' }, t('app.seal.title')),
      el('p', { class: 'muted' }, t('app.seal.lead')),
      message, formElement));
  }
  // keep a form the user is typing in: build the sections once
  if (!staffHost.firstChild || staffHost.dataset.sealed !== String(application.sealed)) {
    staffHost.dataset.sealed = String(application.sealed);
    fill(staffHost, sections);
  }
}

function renderHearings(hearings) {
  fill(hearingsHost, hearings.length
    ? el('ul', { class: 'reasons' }, hearings.map((hearing) => el('li', { dataset: { testid: 'child-hearing', consents: String(hearing.consents) } },
      el('strong', {}, t(hearing.consents ? 'app.hearing.consents' : 'app.hearing.refuses')), ' · ',
      el('time', { datetime: hearing.heardOn }, formatDate(hearing.heardOn)), ' · ',
      hearing.heardByName, '（', label('userRole', hearing.heardByRole), '）',
      el('div', {}, t('app.hearing.words'), '：', hearing.childWords))))
    : el('p', { class: 'muted', dataset: { testid: 'child-hearings-empty' } }, t('app.hearing.none')));
}

/** The official records the day, the child's answer and words; errors next to their fields. */
function hearingForm() {
  const summary = el('div', { tabindex: '-1' });
  // field() gives each control its id, name, data-field and data-testid (heardOn, childWords)
  const heardOn = el('input', { type: 'date' });
  const words = el('textarea', { rows: 3, maxlength: 2000 });
  const button = el('button', { type: 'submit', class: 'button', dataset: { testid: 'hearing-submit' } }, t('app.hearing.submit'));
  const message = el('div', { 'aria-live': 'polite' });
  const formElement = el('form', { novalidate: true, dataset: { testid: 'hearing-form' } },
    summary, message,
    field('heardOn', 'app.hearing.heardOn', heardOn),
    choices('consents', 'app.hearing.answer', [['true', 'app.hearing.consents'], ['false', 'app.hearing.refuses']]),
    field('childWords', 'app.hearing.words', words, { hintKey: 'app.hearing.words.hint' }),
    el('div', { class: 'actions' }, button));
  const errors = formErrors(formElement, summary);
  const read = () => ({ heardOn: heardOn.value || null, consents: radioValue(formElement, 'consents'), childWords: words.value.trim() });
  onFormSubmit(formElement, {
    check: () => {
      const body = read();
      return [
        !body.heardOn && { field: 'heardOn', message: t('apply.err.required') },
        body.consents === null && { field: 'consents', message: t('apply.err.required') },
        !body.childWords && { field: 'childWords', message: t('apply.err.required') },
      ].filter(Boolean);
    },
    send: async () => {
      await api.hearChild(id, read());
      formElement.reset();
      fill(message, notice('success', t('app.hearing.done')));
      await load();
    },
    button, busyKey: 'app.hearing.saving', errors, summaryHost: summary,
  });
  return formElement;
}

async function renderChildConsent(application) {
  if (application.type !== 'ADOPTION' || !mayReadHearings) return;
  hearingSection.hidden = false;
  renderHearings((await api.childHearings(id)) ?? []);
  const open = mayHearChild && !HEARING_CLOSED.includes(application.status);
  const form = hearingSection.querySelector('[data-testid="hearing-form"]');
  if (open && !form) hearingSection.append(hearingForm());
  if (!open && form) form.remove();
}

async function load() {
  try {
    const application = await api.application(id, reason || undefined);
    needsReason = false;
    fill(messages);
    fill(reasonHost);
    documentsSection.hidden = false;
    renderHead(application);
    renderStatus(application);
    renderDocuments(application);
    renderStaffActions(application);
    if (!application.sealed && mayReadHearings) {
      await renderAssessors();
      await renderChildConsent(application);
    }
  } catch (error) {
    const reasonError = error.status === 400 && error.fieldErrors.find((fieldError) => fieldError.field === 'reason');
    if (reasonError) {
      needsReason = true;
      fill(messages);
      if (!reasonHost.firstChild) renderReasonPrompt();
      return;
    }
    fill(messages, errorNotice(error));
  }
}

async function loadInstitutionNames() {
  try {
    for (const institution of (await api.institutions()) ?? []) institutionNames[institution.code] = institution.name;
  } catch {
    institutionNames = {}; // the code is shown instead
  }
}

if (!user) {
  // requireRole said why
} else if (!id) {
  fill(main, notice('error', t('app.missingId')));
} else {
  const back = isFamilyOnly
    ? el('a', { class: 'button button-link', href: 'portal.html', dataset: { testid: 'back' } }, `← ${t('app.backPortal')}`)
    : hasRole(user, ...STAFF_ROLES)
      ? el('a', { class: 'button button-link', href: worklistHref(), dataset: { testid: 'back' } }, `← ${t('common.back')}`)
      : null;
  if (mayUpload) {
    documentsSection.append(
      el('h3', { style: 'margin-top:1.5rem' }, t('app.upload')),
      uploadMessage,
      uploadForm());
  }
  fill(main,
    back ? el('p', { class: 'back-link' }, back) : null,
    params.has('created') ? notice('success', t('app.created')) : null,
    messages,
    reasonHost,
    headHost,
    statusHost,
    documentsSection,
    assessorSection,
    hearingSection,
    staffHost);
  await loadInstitutionNames();
  await load();
  // the process moves the status on its own: keep the page current
  setInterval(() => { if (document.visibilityState === 'visible' && !needsReason) load(); }, REFRESH_MS);
}
