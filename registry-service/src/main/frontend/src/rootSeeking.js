// 寻根回访 Root-seeking visits: an adoptee, often grown up and sometimes with the adoptive parents, comes back
// to the institution that raised them, which receives the visitor and records the visit on the child's file
// (seed 003 三(五)). A sealed file (民法典 art. 1110) is named by its number: the caseworker who receives the
// visitor may not open it. Whoever may read the file reads its visits (child.html).
import { field, formErrors, newSubmissionKey, onFormSubmit, ownIds, text } from './household.js';
import { formatDate, formatDateTime, t } from './i18n.js';
import { el, fill, notice, stackOnPhones } from './shell.js';

const REQUIRED = ['visitedOn', 'visitor', 'notes'];

/**
 * The form that records a visit. byFileNumber: the file is named by its number (POST /api/root-seeking-visits,
 * whose visit fields sit under "visit"); otherwise it is the page's file. send(body, key) records it; one
 * Idempotency-Key per filled form, so a double tap or a retry records the visit once.
 */
export function rootSeekingVisitForm({ byFileNumber = false, send, onRecorded = () => {} }) {
  const path = (name) => (byFileNumber ? `visit.${name}` : name);
  const fileNumber = byFileNumber ? text({ maxlength: 40, autocomplete: 'off', class: 'mono' }) : null;
  const controls = {
    visitedOn: el('input', { type: 'date', class: 'narrow' }),
    visitor: text({ maxlength: 200 }),
    companions: text({ maxlength: 500 }),
    notes: el('textarea', { rows: 4, maxlength: 4000 }),
  };
  const summary = el('div', { tabindex: '-1', dataset: { testid: 'errors' } });
  const message = el('div', { 'aria-live': 'polite', dataset: { testid: 'message' } });
  const submit = el('button', { type: 'submit', class: 'button', dataset: { testid: 'submit' } }, t('rootSeeking.submit'));
  // its own ids and test ids (visit-…): the file's page has other forms with a "notes"
  const form = ownIds(el('form', { novalidate: true, dataset: { testid: 'visit-form' } },
    summary,
    fileNumber ? field('fileNumber', 'rootSeeking.fileNumber', fileNumber, { hintKey: 'rootSeeking.fileNumber.hint' }) : null,
    el('div', { class: 'grid-2' },
      field(path('visitedOn'), 'rootSeeking.visitedOn', controls.visitedOn),
      field(path('visitor'), 'rootSeeking.visitor', controls.visitor, { hintKey: 'rootSeeking.visitor.hint' })),
    field(path('companions'), 'rootSeeking.companions', controls.companions, { required: false }),
    field(path('notes'), 'rootSeeking.notes', controls.notes, { hintKey: 'rootSeeking.notes.hint' }),
    el('div', { class: 'actions' }, submit),
    message), 'visit-');
  const errors = formErrors(form, summary);

  let key = newSubmissionKey();
  let visit;
  let number;
  onFormSubmit(form, {
    check: () => {
      fill(message);
      visit = Object.fromEntries(Object.entries(controls).map(([name, control]) => [name, control.value.trim() || null]));
      number = fileNumber?.value.trim();
      const missing = REQUIRED.filter((name) => !visit[name]).map((name) => ({ field: path(name), message: t('apply.err.required') }));
      return fileNumber && !number ? [{ field: 'fileNumber', message: t('apply.err.required') }, ...missing] : missing;
    },
    send: async () => {
      const recorded = await send(byFileNumber ? { fileNumber: number, visit } : visit, key);
      key = newSubmissionKey();
      form.reset();
      fill(message, notice('success', byFileNumber
        ? t('rootSeeking.recordedOnFile', { fileNumber: number, visitor: recorded.visitor, date: formatDate(recorded.visitedOn) })
        : t('rootSeeking.recorded', { visitor: recorded.visitor, date: formatDate(recorded.visitedOn) })));
      await onRecorded(recorded);
    },
    button: submit, busyKey: 'rootSeeking.submitting', errors, summaryHost: summary,
  });
  return form;
}

/** The visits on a file, in the order they happened. */
export function rootSeekingVisitList(visits) {
  if (!visits.length) return el('p', { class: 'muted', dataset: { testid: 'visits-empty' } }, t('rootSeeking.none'));
  return el('div', { class: 'table-wrap' }, stackOnPhones(el('table', { dataset: { testid: 'visits-table' } },
    el('thead', {}, el('tr', {}, ['visitedOn', 'visitor', 'companions', 'notes', 'recordedBy'].map((col) =>
      el('th', { scope: 'col' }, t(`rootSeeking.col.${col}`))))),
    el('tbody', {}, visits.map((visit) => el('tr', { dataset: { testid: 'visit-row' } },
      el('td', {}, el('time', { datetime: visit.visitedOn }, formatDate(visit.visitedOn))),
      el('td', {}, visit.visitor),
      el('td', {}, visit.companions ?? t('common.none')),
      el('td', { style: 'white-space:pre-wrap' }, visit.notes),
      el('td', {}, visit.recordedBy, el('br'), el('span', { class: 'muted' }, formatDateTime(visit.recordedAt)))))))));
}
