// 任务 Task: claim / unclaim for the signed-in user, the task's Camunda form rendered with form-js,
// complete (only the assignee may). Auditors see the task read-only. A document check (材料审核,
// 审查申请材料, 准备送养材料) lists its required documents, each with its files or marked missing; staff
// upload a missing one here (for the family, or to the child's file).
import { api } from '../api.js';
import { formatDateTime, label, t } from '../i18n.js';
import { fieldLabel, renderForm, showServerErrors } from '../formjs.js';
import { STAFF_ROLES, el, errorNotice, fill, hasRole, initPage, notice, requireRole, worklistHref } from '../shell.js';

const main = initPage({ page: 'task', titleKey: 'task.title' });
const user = await requireRole(main, ...STAFF_ROLES, 'FAMILY', 'AUDITOR');
// auditors read everything and change nothing
const mayWork = hasRole(user, ...STAFF_ROLES, 'FAMILY');
const backHref = () => (hasRole(user, ...STAFF_ROLES) || !hasRole(user, 'FAMILY') ? worklistHref() : 'portal.html');
const backKey = hasRole(user, ...STAFF_ROLES) || !hasRole(user, 'FAMILY') ? 'common.back' : 'app.backPortal';
// The engine's task id: keep it as the string it came in.
const key = new URLSearchParams(location.search).get('key');

let task = null;
let form = null;
/** The read-only state last given to the form: setting it re-renders the form, which must not happen while someone types. */
let formReadOnly = null;
let busy = false;

const headHost = el('div');
const actionMessage = el('div', { 'aria-live': 'polite', dataset: { testid: 'task-message' } });
const claimButton = el('button', { type: 'button', class: 'button', dataset: { testid: 'claim' } }, t('task.claim'));
const unclaimButton = el('button', { type: 'button', class: 'button button-secondary', dataset: { testid: 'unclaim' } }, t('task.unclaim'));
const formErrors = el('div', { dataset: { testid: 'form-errors' } });
const formHint = el('div');
const formHost = el('div', { class: 'form-host', dataset: { testid: 'task-form' } });
const completeButton = el('button', { type: 'button', class: 'button', dataset: { testid: 'complete' } }, t('task.complete'));
const documentsHost = el('div');
const documentsMessage = el('div', { 'aria-live': 'polite', dataset: { testid: 'documents-message' } });
// staff who may upload to the case: to an application (caseworker, registrar) or a child's file (caseworker)
const mayUpload = hasRole(user, 'CASEWORKER', 'REGISTRAR');

function assignedToMe() {
  return Boolean(task?.assignee) && task.assignee === user?.username;
}

function summaryRow(term, ...value) {
  return [el('dt', {}, term), el('dd', {}, ...value)];
}

function renderHead() {
  const application = task.application;
  document.title = `${task.name} · ${t('app.name')}`;
  fill(headHost,
    el('div', { class: 'page-head' },
      el('div', {},
        el('h1', { dataset: { testid: 'task-name' } }, task.name || task.elementId),
        task.processName ? el('div', { class: 'muted' }, task.processName) : null),
      el('a', { class: 'button button-link', href: backHref() }, `← ${t(backKey)}`)),
    el('section', { class: 'panel' },
      el('dl', { class: 'summary' },
        summaryRow(t('task.application'), application
          ? [el('a', { href: `application.html?id=${encodeURIComponent(application.id)}`, dataset: { testid: 'task-application' } }, application.number),
            application.statusLabel ? [' ', el('span', { class: 'badge badge-status', dataset: { testid: 'task-application-status' } }, application.statusLabel)] : null]
          : t('common.none')),
        summaryRow(t('task.family'), el('span', { dataset: { testid: 'task-family' } }, task.family?.displayName ?? t('common.none'))),
        summaryRow(t('task.groups'), (task.candidateGroups ?? []).map((group) => el('span', { class: 'badge badge-group' }, label('group', group)))),
        summaryRow(t('task.assignee'), el('span', { dataset: { testid: 'task-assignee' } }, task.assigneeName ?? task.assignee ?? t('worklist.unassigned'))),
        summaryRow(t('task.created'), formatDateTime(task.createdAt) || t('common.none')),
        summaryRow(t('task.due'),
          el('span', { class: task.overdue ? 'overdue-text' : null, dataset: { testid: 'task-due' } }, formatDateTime(task.dueDate) || t('worklist.noDue')),
          ' ',
          task.overdue ? el('span', { class: 'badge badge-overdue' }, t('badge.overdue')) : null,
          task.escalated ? el('span', { class: 'badge badge-escalated' }, t('badge.escalated')) : null,
          task.reminded ? el('span', { class: 'badge badge-reminded' }, t('badge.reminded')) : null)),
      el('div', { class: 'actions', style: 'margin-top:1.25rem' }, claimButton, unclaimButton),
      actionMessage));
}

/** The required documents of a document check: present with their files (each opens), or missing. */
function renderDocuments() {
  const checklist = task.documents;
  if (!checklist) {
    fill(documentsHost);
    return;
  }
  fill(documentsHost,
    el('section', { class: 'panel', 'aria-labelledby': 'documents-title', dataset: { testid: 'task-documents' } },
      el('h2', { id: 'documents-title' }, t('task.documents')),
      el('p', { class: 'muted' }, t('task.documents.intro', { article: checklist.article })),
      documentsMessage,
      el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, t('task.documents.type')),
          el('th', { scope: 'col' }, t('task.documents.state')),
          el('th', { scope: 'col' }, t('task.documents.files')),
          mayUpload ? el('th', { scope: 'col' }, t('task.documents.upload')) : null)),
        el('tbody', {}, checklist.documents.map(requiredRow))))));
}

function requiredRow(required) {
  return el('tr', { dataset: { testid: 'required-document', type: required.type, present: String(required.present) } },
    el('th', { scope: 'row' }, required.label),
    el('td', {}, required.present
      ? el('span', { class: 'badge badge-status' }, t('task.documents.present'))
      : el('span', { class: 'badge badge-overdue' }, t('task.documents.missing'))),
    el('td', {}, required.files.map((file) => el('div', {},
      el('a', { href: file.href, download: file.fileName ?? true, dataset: { testid: 'document-file' } }, file.fileName),
      ' ',
      el('span', { class: 'muted' },
        file.byStaff ? t('task.documents.byStaff', { name: file.uploadedBy }) : t('task.documents.byFamily'),
        ' · ', formatDateTime(file.uploadedAt))))),
    mayUpload ? el('td', {}, uploadControl(required)) : null);
}

/** The list read again: someone (the family, a colleague) may have uploaded meanwhile. */
async function refreshDocuments() {
  const fresh = await api.task(key).catch(() => null);
  if (fresh) {
    task = { ...task, documents: fresh.documents };
    renderDocuments();
  }
}

function uploadControl(required) {
  const input = el('input', { type: 'file', 'aria-label': `${t('task.documents.upload')}: ${required.label}`,
    dataset: { testid: `upload-file-${required.type}` } });
  const button = el('button', { type: 'button', class: 'button button-secondary', dataset: { testid: `upload-${required.type}` } },
    t('task.documents.upload'));
  button.addEventListener('click', async () => {
    const file = input.files?.[0];
    if (!file) {
      fill(documentsMessage, notice('error', t('task.documents.chooseFile')));
      return;
    }
    button.disabled = true;
    try {
      const uploaded = task.application
        ? await api.uploadDocument(task.application.id, required.type, file)
        : await api.uploadChildDocument(task.child.id, required.type, file);
      await refreshDocuments();
      fill(documentsMessage, notice('success', t('task.documents.uploaded', { name: uploaded?.fileName ?? file.name })));
    } catch (error) {
      button.disabled = false;
      const fieldErrors = error.fieldErrors ?? [];
      fill(documentsMessage, fieldErrors.length
        ? notice('error', el('ul', {}, fieldErrors.map((fieldError) => el('li', {}, fieldError.message))))
        : errorNotice(error));
    }
  });
  return el('div', { class: 'actions' }, input, button);
}

/** Shows what the current user may do: claim, unclaim, fill in and complete. */
function renderState() {
  if (!task) return;
  const mine = assignedToMe();
  claimButton.hidden = !mayWork || mine || Boolean(task.assignee);
  // a director may release a colleague's claim; everyone else only their own
  unclaimButton.hidden = !mayWork || !task.assignee || !(mine || hasRole(user, 'DIRECTOR'));
  completeButton.hidden = !mayWork;
  claimButton.disabled = busy;
  unclaimButton.disabled = busy;
  completeButton.disabled = busy || !mine;
  // only on a change: a needless re-render (e.g. the same state read again) loses what
  // was typed into a field in the moment before form-js took it over
  if (form && formReadOnly !== !mine) {
    formReadOnly = !mine;
    form.setProperty('readOnly', formReadOnly);
  }
  if (!mayWork) fill(formHint, notice('info', t('task.readOnly')));
  else if (mine) fill(formHint);
  else if (task.assignee) fill(formHint, notice('warning', t('task.assignedToOther', { name: task.assigneeName ?? task.assignee })));
  else fill(formHint, notice('info', t('task.claimFirst')));
}

async function claim() {
  busy = true;
  renderState();
  try {
    await api.claim(key);
    task = { ...task, assignee: user.username };
    busy = false;
    renderHead();
    renderState();
    fill(actionMessage, notice('success', t('task.claimed')));
  } catch (error) {
    busy = false;
    renderState();
    fill(actionMessage, errorNotice(error));
  }
}

async function unclaim() {
  busy = true;
  renderState();
  try {
    await api.unclaim(key);
    task = { ...task, assignee: null };
    busy = false;
    renderHead();
    renderState();
    fill(actionMessage, notice('info', t('task.unclaimed')));
  } catch (error) {
    busy = false;
    renderState();
    fill(actionMessage, errorNotice(error));
  }
}

async function send(variables) {
  busy = true;
  renderState();
  completeButton.textContent = t('task.completing');
  try {
    await api.complete(key, variables);
    location.href = hasRole(user, ...STAFF_ROLES) ? worklistHref({ completed: '1' }) : backHref();
  } catch (error) {
    busy = false;
    completeButton.textContent = t('task.complete');
    renderState();
    const fieldErrors = error.fieldErrors ?? [];
    if (error.status === 400 && fieldErrors.length && form) {
      showServerErrors(form, fieldErrors);
      // a missing document's message names the document itself; it is marked in the list above too
      const missingDocument = (fieldError) => fieldError.field.startsWith('documents.');
      if (task.documents && fieldErrors.some(missingDocument)) await refreshDocuments();
      fill(formErrors, notice('error',
        el('strong', {}, t('task.serverInvalid')), ' ', error.problem.detail ?? '',
        el('ul', {}, fieldErrors.map((fieldError) => el('li', { dataset: { field: fieldError.field } },
          missingDocument(fieldError) ? fieldError.message
            : t('common.fieldMessage', { label: fieldLabel(form, fieldError.field), message: fieldError.message }))))));
    } else {
      fill(formErrors, errorNotice(error));
    }
    formErrors.scrollIntoView({ block: 'nearest' });
  }
}

// form-js fires "submit" even when the form is invalid: only send when there are no errors.
function onFormSubmit({ data, errors }) {
  if (busy) return;
  const count = Object.keys(errors ?? {}).length;
  if (count > 0) {
    fill(formErrors, notice('error', t('task.formInvalid', { count })));
    formHost.querySelector('.fjs-has-errors input, .fjs-has-errors textarea, .fjs-has-errors button')?.focus();
    return;
  }
  fill(formErrors);
  send(data);
}

completeButton.addEventListener('click', () => {
  if (!assignedToMe()) return;
  if (form) form.submit(); // → onFormSubmit
  else send({});
});
claimButton.addEventListener('click', claim);
unclaimButton.addEventListener('click', unclaim);

async function start() {
  if (!key) {
    fill(main, notice('error', t('task.missingKey')));
    return;
  }
  try {
    task = await api.task(key);
  } catch (error) {
    fill(main, error.status === 404 ? notice('warning', t('task.notFound')) : errorNotice(error),
      el('p', {}, el('a', { href: backHref() }, t(backKey))));
    return;
  }
  fill(main,
    headHost,
    documentsHost,
    el('section', { class: 'panel', 'aria-labelledby': 'form-title' },
      el('h2', { id: 'form-title' }, t('task.formTitle')),
      formHint,
      formErrors,
      formHost,
      el('div', { class: 'actions', style: 'margin-top:1rem' }, completeButton)));
  renderHead();
  renderDocuments();
  if (task.form) {
    // the schema is a JSON object; accept it as a string too (as stored in a .form file)
    const schema = typeof task.form === 'string' ? JSON.parse(task.form) : task.form;
    form = await renderForm(formHost, schema, task.variables);
    form.on('submit', onFormSubmit);
    // once every field is valid again, drop the summary above the form
    form.on('changed', ({ errors }) => {
      if (formErrors.firstChild && Object.keys(errors ?? {}).length === 0) fill(formErrors);
    });
  } else {
    fill(formHost, el('p', { class: 'muted' }, t('task.noForm')));
  }
  renderState();
}

if (user) start();
