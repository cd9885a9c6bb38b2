// 儿童档案 One child's file: identity, category, admission, disability, guardian, notes, placements,
// documents, the way to adoption, and the change history. Caseworkers and directors of the child's
// institution keep it: they edit its fields, add placements and upload documents, and start 送养
// (the placement for adoption, 登记办法 art. 7); the registrar records a claim by the birth parents
// during the public notice (art. 8); the institution records an adoptee's root-seeking visits (寻根回访).
// A sealed file (民法典 art. 1110) is read only with a stated reason, its documents and visits too, and
// nobody changes it but for a visit, which its caseworker records by the file's number (children.html).
import { api } from '../api.js';
import { childRecordForm } from '../childRecordForm.js';
import { fosterCareSection } from '../childFosterCare.js';
import { field, formErrors, onFormSubmit, select, text } from '../household.js';
import { rootSeekingVisitForm, rootSeekingVisitList } from '../rootSeeking.js';
import { renderSealedReasonPrompt } from '../sealedReason.js';
import { formatBytes, formatDate, formatDateTime, label, t } from '../i18n.js';
import { el, errorNotice, fill, hasRole, initPage, notice, requireRole } from '../shell.js';

// an adoption is placed by its registration, foster care by the signed agreement of its journey; never by hand
// family-style care starts with the director's assignment to a residence unit (units.html), not by hand
const PLACEMENT_KINDS = ['KIN', 'INSTITUTION'];
const DOCUMENT_TYPES = ['ADMISSION_RECORD', 'FOUNDLING_POLICE_REPORT', 'PARENTS_DEATH_PROOF', 'DISABILITY_CERTIFICATE',
  'MEDICAL_REPORT', 'PHOTO', 'GUARDIANSHIP_JUDGMENT', 'OTHER'];
// what the server accepts (anjia.documents.content-types); the picker offers only these
const ACCEPTED_FILES = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,.heic,application/pdf,image/jpeg,image/png,image/tiff,image/heic';
// history values that are codes, and the labels they are shown with
const CODED_FIELDS = { sex: 'sex', category: 'ChildCategory', admissionReason: 'AdmissionReason', disabilityGrade: 'grade',
  currentPlacement: 'placement', adoptionStatus: 'adoptionStatus', needsProfessionalCare: 'yesNo' };

const main = initPage({ page: 'children', titleKey: 'childFile.title' });
const user = await requireRole(main, 'CASEWORKER', 'DIRECTOR', 'REGISTRAR', 'AUDITOR');
const params = new URLSearchParams(location.search);
const id = params.get('id');

const mayKeep = hasRole(user, 'CASEWORKER', 'DIRECTOR');
const mayRecordClaim = hasRole(user, 'REGISTRAR');

/** The reason given for reading a sealed file; sent with every read of it from then on. */
let reason = '';
/** The file as last read. */
let current = null;

const messages = el('div', { 'aria-live': 'polite' });
const reasonHost = el('div');
const fileHost = el('div');
const documentsHost = el('div');
const actionsHost = el('div');
const historyHost = el('div');
const visitsHost = el('div');

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
        mayKeep && !child.sealed
          ? el('button', { type: 'button', class: 'button button-secondary', onclick: openEdit, 'aria-controls': 'child-edit',
            dataset: { testid: 'edit-open' } }, t('childFile.edit.open'))
          : null,
        ' ',
        child.sealed ? el('span', { class: 'badge badge-sealed', dataset: { testid: 'child-sealed' } }, t('app.sealed')) : null,
        el('span', { class: 'badge badge-status', dataset: { testid: 'child-adoption-status', status: child.adoptionStatus ?? '' } },
          label('adoptionStatus', child.adoptionStatus)))),
    section('childFile.identity', 'child-identity', summary([
      ['child.name', record.name],
      ['child.sex', record.sex ? label('sex', record.sex) : null],
      ['child.birthDate', record.birthDate ? [formatDate(record.birthDate), record.birthDateEstimated ? t('child.estimated') : ''] : null],
      ['child.age', t('children.age', { age: child.age })],
      ['child.residentId', record.residentId ? el('span', { class: 'mono' }, record.residentId) : null],
      ['childFile.id', el('span', { class: 'mono' }, child.fileNumber), 'child-file-number'],
      ['child.institution', child.institutionName || child.institutionCode],
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
      ['child.needsProfessionalCare', t(record.needsProfessionalCare ? 'common.yes' : 'common.no')],
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
      : el('p', { class: 'muted' }, t('childFile.placements.empty')),
    mayKeep && !child.sealed && !child.dischargedOn ? placementForm : null));
}

// --- editing the file -----------------------------------------------------------------------

const recordForm = childRecordForm();
const editSummary = el('div', { tabindex: '-1', dataset: { testid: 'edit-errors' } });
const editSubmit = el('button', { type: 'submit', class: 'button', dataset: { testid: 'edit-submit' } }, t('childFile.edit.submit'));
const editCancel = el('button', { type: 'button', class: 'button button-secondary', dataset: { testid: 'edit-cancel' } }, t('childFile.edit.cancel'));
const editForm = el('form', { novalidate: true, dataset: { testid: 'edit-form' } },
  editSummary,
  el('p', { class: 'muted' }, t('childFile.edit.lead')),
  recordForm.sections,
  el('div', { class: 'actions' }, editSubmit, editCancel));
const editErrors = formErrors(editForm, editSummary);
const editPanel = el('section', { id: 'child-edit', class: 'panel', 'aria-labelledby': 'sec-child-edit', hidden: true, dataset: { testid: 'child-edit' } },
  el('h2', { id: 'sec-child-edit' }, t('childFile.edit')),
  editForm);

/** Editing starts from what is on file now. */
function openEdit() {
  recordForm.fillFrom(current.record ?? {});
  editErrors.clear();
  editPanel.hidden = false;
  editPanel.scrollIntoView({ block: 'start' });
  recordForm.focus();
}

editCancel.addEventListener('click', () => {
  editPanel.hidden = true;
  fileHost.querySelector('[data-testid="edit-open"]')?.focus();
});

let edited;
onFormSubmit(editForm, {
  check: () => recordForm.validate(edited = recordForm.read()),
  send: async () => {
    const updated = await api.updateChild(id, edited);
    editPanel.hidden = true;
    fill(messages, notice('success', t('childFile.edit.done')));
    show(updated);
    await loadHistory();
  },
  button: editSubmit, busyKey: 'childFile.edit.submitting', errors: editErrors, summaryHost: editSummary,
});

// --- adding a placement ---------------------------------------------------------------------

const placementControls = {
  kind: select(PLACEMENT_KINDS, 'placement'),
  from: el('input', { type: 'date', class: 'narrow' }),
  household: text({ maxlength: 200 }),
  reference: text({ maxlength: 100, autocomplete: 'off' }),
};
const placementSummary = el('div', { tabindex: '-1', dataset: { testid: 'placement-errors' } });
const placementMessage = el('div', { 'aria-live': 'polite', dataset: { testid: 'placement-message' } });
const placementSubmit = el('button', { type: 'submit', class: 'button', dataset: { testid: 'placement-submit' } }, t('childFile.placement.submit'));
const placementForm = el('form', { novalidate: true, dataset: { testid: 'placement-form' } },
  el('h3', { style: 'margin-top:1.5rem' }, t('childFile.placement.add')),
  el('p', { class: 'muted' }, t('childFile.placement.add.lead')),
  placementSummary,
  el('div', { class: 'grid-2' },
    field('kind', 'childFile.placement.kind', placementControls.kind),
    field('from', 'childFile.placement.from', placementControls.from)),
  el('div', { class: 'grid-2' },
    field('household', 'childFile.placement.household', placementControls.household, { required: false, hintKey: 'childFile.placement.household.hint' }),
    field('reference', 'childFile.placement.reference', placementControls.reference, { required: false, hintKey: 'childFile.placement.reference.hint' })),
  el('div', { class: 'actions' }, placementSubmit),
  placementMessage);
// the field names are the server's (errors land next to them); the test ids say whose they are
for (const [name, control] of Object.entries(placementControls)) control.dataset.testid = `placement-${name}`;
const placementErrors = formErrors(placementForm, placementSummary);

let placement;
onFormSubmit(placementForm, {
  check: () => {
    fill(placementMessage);
    placement = Object.fromEntries(Object.entries(placementControls).map(([name, control]) => [name, control.value.trim() || null]));
    return ['kind', 'from'].filter((name) => !placement[name]).map((name) => ({ field: name, message: t('apply.err.required') }));
  },
  send: async () => {
    const updated = await api.placeChild(id, placement);
    placementForm.reset();
    fill(placementMessage, notice('success', t('childFile.placement.done', { kind: label('placement', placement.kind) })));
    show(updated);
    await loadHistory();
  },
  button: placementSubmit, busyKey: 'childFile.placement.submitting', errors: placementErrors, summaryHost: placementSummary,
});

// --- documents ------------------------------------------------------------------------------

const uploadControls = {
  type: select(DOCUMENT_TYPES, 'childDoc'),
  file: el('input', { type: 'file', accept: ACCEPTED_FILES }),
};
const uploadSummary = el('div', { tabindex: '-1', dataset: { testid: 'upload-errors' } });
const uploadMessage = el('div', { 'aria-live': 'polite', dataset: { testid: 'upload-message' } });
const uploadSubmit = el('button', { type: 'submit', class: 'button', dataset: { testid: 'upload-submit' } }, t('app.upload.button'));
const uploadForm = el('form', { novalidate: true, dataset: { testid: 'upload-form' } },
  el('h3', { style: 'margin-top:1.5rem' }, t('childFile.upload')),
  el('p', { class: 'hint' }, t('childFile.upload.lead')),
  uploadSummary,
  el('div', { class: 'grid-2' },
    field('type', 'app.doc.type', uploadControls.type),
    field('file', 'app.doc.file', uploadControls.file)),
  el('div', { class: 'actions' }, uploadSubmit),
  uploadMessage);
for (const [name, control] of Object.entries(uploadControls)) control.dataset.testid = `upload-${name}`;
const uploadErrors = formErrors(uploadForm, uploadSummary);

onFormSubmit(uploadForm, {
  check: () => {
    fill(uploadMessage);
    const problems = [];
    if (!uploadControls.type.value) problems.push({ field: 'type', message: t('app.upload.chooseType') });
    if (!uploadControls.file.files?.[0]) problems.push({ field: 'file', message: t('app.upload.chooseFile') });
    return problems;
  },
  send: async () => {
    const file = uploadControls.file.files[0];
    const uploaded = await api.uploadChildDocument(id, uploadControls.type.value, file);
    uploadForm.reset();
    fill(uploadMessage, notice('success', t('app.upload.done', { name: uploaded?.fileName ?? file.name })));
    await Promise.all([loadDocuments(), loadHistory()]);
  },
  button: uploadSubmit, busyKey: 'app.upload.uploading', errors: uploadErrors, summaryHost: uploadSummary,
});

function renderDocuments(documents) {
  const sorted = [...documents].sort((a, b) => String(b.uploadedAt).localeCompare(String(a.uploadedAt)));
  fill(documentsHost, section('childFile.documents', 'child-documents',
    sorted.length
      ? el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {},
          ['app.doc.type', 'app.doc.file', 'app.doc.size', 'childFile.doc.uploadedBy', 'app.doc.uploadedAt', 'app.doc.sha256']
            .map((key) => el('th', { scope: 'col' }, t(key))))),
        el('tbody', {}, sorted.map((doc) => el('tr', { dataset: { testid: 'document-row', type: doc.type ?? '' } },
          el('td', {}, doc.typeLabel || label('childDoc', doc.type)),
          el('td', {}, el('a', { href: api.childDocumentUrl(id, doc.id, reason || undefined), download: doc.fileName ?? true,
            dataset: { testid: 'document-link' } }, doc.fileName)),
          el('td', {}, formatBytes(doc.size)),
          el('td', {}, value(doc.uploadedBy)),
          el('td', {}, el('time', { datetime: doc.uploadedAt }, formatDateTime(doc.uploadedAt))),
          el('td', { class: 'mono', title: doc.sha256 ?? '', dataset: { testid: 'document-sha256' } },
            doc.sha256 ? `${doc.sha256.slice(0, 12)}…` : ''))))))
      : el('p', { class: 'muted', dataset: { testid: 'documents-empty' } }, t('childFile.documents.empty')),
    mayKeep && !current?.sealed ? uploadForm : null));
}

async function loadDocuments() {
  try {
    renderDocuments((await api.childDocuments(id, reason || undefined)) ?? []);
  } catch (error) {
    fill(documentsHost, errorNotice(error));
  }
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
  if (status === 'AVAILABLE' && !child.sealed && mayKeep) {
    const link = new URL(`adopt.html?child=${encodeURIComponent(child.id)}`, location.href).href;
    parts.push(el('h3', { style: 'margin-top:1.5rem' }, t('childFile.adoptLink')),
      el('p', { class: 'muted' }, t('childFile.adoptLink.lead')),
      el('p', { class: 'mono', dataset: { testid: 'child-adopt-link' } }, link));
  }
  const canPlace = mayKeep && !child.sealed && !child.dischargedOn
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
        el('td', { dataset: { testid: 'change-old' } }, changeValue(change.field, change.oldValue)),
        el('td', { dataset: { testid: 'change-new' } }, changeValue(change.field, change.newValue)))))))
    : el('p', { class: 'muted' }, t('childFile.history.empty'))));
}

/** A changed field in words when the page knows it ("birthDate" → 出生日期). */
function fieldLabel(name) {
  const key = `child.${name}`;
  const translated = t(key);
  return translated === key ? name : translated;
}

/** A changed value in words where it is a code the page knows (FOSTER → 家庭寄养; a document's type). */
function changeValue(name, raw) {
  if (raw === null || raw === undefined || raw === '') return none();
  if (CODED_FIELDS[name]) return label(CODED_FIELDS[name], raw);
  if (raw === 'true' || raw === 'false') return t(raw === 'true' ? 'common.yes' : 'common.no');
  if (name === 'documents') {
    const [type, ...fileName] = raw.split(': ');
    return fileName.length ? t('childFile.history.document', { type: label('childDoc', type), name: fileName.join(': ') }) : raw;
  }
  return raw;
}

// --- root-seeking visits (寻根回访) ------------------------------------------------------------

const visitsList = el('div');
const visitForm = mayKeep
  ? rootSeekingVisitForm({ send: (visit, key) => api.recordRootSeekingVisit(id, visit, key), onRecorded: () => loadVisits() })
  : null;
// shown once the file is read: its visits are read with it, with the same reason
const visitsSection = section('rootSeeking.title', 'root-seeking',
  el('p', { class: 'muted' }, t('rootSeeking.fileLead')),
  visitsList,
  visitForm ? [el('h3', { style: 'margin-top:1.5rem' }, t('rootSeeking.open')), visitForm] : null);

async function loadVisits() {
  try {
    fill(visitsList, rootSeekingVisitList((await api.rootSeekingVisits(id, reason || undefined)) ?? []));
  } catch (error) {
    fill(visitsList, errorNotice(error));
  }
}

// 家庭寄养: the journey's placements, the child's hearings, and the caseworker's match (childFosterCare.js),
// for the staff who keep a file they may read (a sealed one is nobody's to place)
const fosterHost = el('div');
let foster = null;

function show(child) {
  current = child;
  renderFile(child);
  renderActions(child);
  if (mayKeep && !child.sealed && !foster) {
    foster = fosterCareSection(id, {
      mayPropose: hasRole(user, 'CASEWORKER'),
      user,
      onChange: async () => {
        show(await api.child(id, reason || undefined));
        await loadHistory();
      },
    });
    fill(fosterHost, foster.element);
  }
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
    fill(visitsHost, visitsSection);
    await Promise.all([loadDocuments(), loadVisits(), loadHistory()]);
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
    editPanel,
    fileHost,
    fosterHost,
    documentsHost,
    visitsHost,
    actionsHost,
    historyHost);
  await load();
}
