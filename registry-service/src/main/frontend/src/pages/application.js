// 申请进度 Application status: status and its history, rejection reasons, documents and upload.
import { api } from '../api.js';
import { formatBytes, formatDateTime, label, t } from '../i18n.js';
import { el, errorNotice, fill, initPage, notice } from '../shell.js';

const DOCUMENT_TYPES = ['ID_CARD', 'HUKOU_BOOK', 'INCOME_PROOF', 'HOUSING_PROOF', 'HEALTH_CERTIFICATE', 'MEMBERS_CONSENT', 'OTHER'];
const REFRESH_MS = 15_000;

const main = initPage({ page: 'application', titleKey: 'app.title' });
const params = new URLSearchParams(location.search);
const id = params.get('id');

const messages = el('div');
const headHost = el('div');
const statusHost = el('div');
const documentsHost = el('div');
const uploadMessage = el('div', { 'aria-live': 'polite', dataset: { testid: 'upload-message' } });

function renderHead(application) {
  document.title = `${application.number} · ${t('app.title')} · ${t('app.name')}`;
  const family = application.family ?? {};
  fill(headHost,
    el('div', { class: 'page-head' },
      el('div', {},
        el('h1', {}, t('app.title')),
        el('div', { class: 'muted' }, label('appType', application.type))),
      el('div', {}, el('span', { class: 'badge badge-status', dataset: { testid: 'application-status', status: application.status ?? '' } },
        application.statusLabel || application.status))),
    el('section', { class: 'panel' },
      el('dl', { class: 'summary' },
        el('dt', {}, t('app.number')), el('dd', { class: 'mono', dataset: { testid: 'application-number' } }, application.number),
        el('dt', {}, t('app.status')), el('dd', {}, application.statusLabel || application.status),
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
  const documents = application.documents ?? [];
  fill(documentsHost, documents.length
    ? el('div', { class: 'table-wrap' }, el('table', { dataset: { testid: 'documents' } },
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, t('app.doc.type')),
        el('th', { scope: 'col' }, t('app.doc.file')),
        el('th', { scope: 'col' }, t('app.doc.size')),
        el('th', { scope: 'col' }, t('app.doc.uploadedAt')),
        el('th', { scope: 'col' }, t('app.doc.sha256')))),
      el('tbody', {}, documents.map((doc) => el('tr', { dataset: { testid: 'document-row', type: doc.type ?? '' } },
        el('td', {}, doc.typeLabel || label('doc', doc.type)),
        el('td', {}, el('a', { href: api.documentUrl(doc.id), download: doc.fileName ?? true }, doc.fileName)),
        el('td', {}, formatBytes(doc.size)),
        el('td', {}, formatDateTime(doc.uploadedAt)),
        el('td', { class: 'mono', title: doc.sha256 ?? '' }, doc.sha256 ? `${doc.sha256.slice(0, 12)}…` : ''))))))
    : el('p', { class: 'muted', dataset: { testid: 'documents-empty' } }, t('app.documents.empty')));
}

function uploadForm() {
  const typeSelect = el('select', { id: 'upload-type', required: true, dataset: { testid: 'upload-type' } },
    el('option', { value: '' }, t('apply.choose')),
    DOCUMENT_TYPES.map((type) => el('option', { value: type }, label('doc', type))));
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

async function load() {
  try {
    const application = await api.application(id);
    fill(messages);
    renderHead(application);
    renderStatus(application);
    renderDocuments(application);
  } catch (error) {
    fill(messages, errorNotice(error));
  }
}

if (!id) {
  fill(main, notice('error', t('app.missingId')));
} else {
  fill(main,
    params.has('created') ? notice('success', t('app.created')) : null,
    messages,
    headHost,
    statusHost,
    el('section', { class: 'panel', 'aria-labelledby': 'documents-title' },
      el('h2', { id: 'documents-title' }, t('app.documents')),
      documentsHost,
      el('h3', { style: 'margin-top:1.5rem' }, t('app.upload')),
      uploadMessage,
      uploadForm()));
  load();
  // the process moves the status on its own: keep the page current
  setInterval(() => { if (document.visibilityState === 'visible') load(); }, REFRESH_MS);
}
