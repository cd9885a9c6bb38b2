// 儿童档案 Children's files: the files of the user's institution (caseworkers, directors) or
// jurisdiction (registrars), all for auditors; sealed files are not listed. Caseworkers and
// directors open a new file here (建立儿童档案, POST /api/children with a ChildRecord), and record an
// adoptee's root-seeking visit (寻根回访) by the file's number, the only way to a sealed file they may not open.
import { api } from '../api.js';
import { formatDate, label, t } from '../i18n.js';
import { childRecordForm } from '../childRecordForm.js';
import { LEAVING_PAGE, formErrors, onFormSubmit } from '../household.js';
import { rootSeekingVisitForm } from '../rootSeeking.js';
import { el, errorNotice, fill, hasRole, initPage, requireRole } from '../shell.js';

const PAGE_SIZE = 50;

const main = initPage({ page: 'children', titleKey: 'children.title' });
const user = await requireRole(main, 'CASEWORKER', 'DIRECTOR', 'REGISTRAR', 'AUDITOR');
const mayAdmit = hasRole(user, 'CASEWORKER', 'DIRECTOR');
const params = new URLSearchParams(location.search);
let page = Math.max(Number.parseInt(params.get('page') ?? '0', 10) || 0, 0);

const childHref = (child) => `child.html?id=${encodeURIComponent(child.id)}`;

// --- the list -------------------------------------------------------------------------------

const listMessage = el('div');
const listHost = el('div', { 'aria-busy': 'true' }, el('p', { class: 'muted' }, t('common.loading')));
const pager = el('nav', { class: 'pagination', 'aria-label': t('worklist.pagination') });

function row(child) {
  const record = child.record ?? {};
  const href = childHref(child);
  const tr = el('tr', { class: 'clickable', dataset: { testid: 'child-row', childId: child.id } },
    el('td', { class: 'mono', dataset: { testid: 'child-file-number' } }, child.fileNumber),
    el('td', {}, el('a', { href, dataset: { testid: 'child-link' } }, record.name)),
    el('td', {}, t('children.age', { age: child.age }), record.birthDateEstimated ? el('span', { class: 'muted' }, t('child.estimated')) : null),
    el('td', {}, child.categoryLabel || label('ChildCategory', record.category)),
    el('td', { dataset: { testid: 'child-placement' } }, child.currentPlacement ? label('placement', child.currentPlacement) : t('common.none')),
    el('td', {}, el('span', { class: 'badge badge-status', dataset: { testid: 'child-adoption-status', status: child.adoptionStatus ?? '' } },
      label('adoptionStatus', child.adoptionStatus))),
    el('td', {}, record.admissionDate ? el('time', { datetime: record.admissionDate }, formatDate(record.admissionDate)) : t('common.none')));
  tr.addEventListener('click', (event) => {
    if (!event.target.closest('a')) location.href = href;
  });
  return tr;
}

function renderPager(count) {
  const go = (target) => {
    page = target;
    const search = new URLSearchParams(location.search);
    if (page) search.set('page', String(page)); else search.delete('page');
    history.replaceState(null, '', `${location.pathname}${search.toString() ? `?${search}` : ''}`);
    load();
  };
  fill(pager,
    page > 0 ? el('button', { type: 'button', class: 'button button-secondary', onclick: () => go(page - 1), dataset: { testid: 'children-prev' } }, t('children.prev')) : null,
    el('span', { class: 'muted' }, ` ${t('children.page', { page: page + 1 })} `),
    count === PAGE_SIZE ? el('button', { type: 'button', class: 'button button-secondary', onclick: () => go(page + 1), dataset: { testid: 'children-next' } }, t('children.next')) : null);
}

function renderList(children) {
  renderPager(children.length);
  if (!children.length) {
    fill(listHost, el('p', { class: 'empty-state', dataset: { testid: 'children-empty' } }, t('children.empty')));
    return;
  }
  fill(listHost, el('div', { class: 'table-wrap' }, el('table', { dataset: { testid: 'children-table' } },
    el('caption', { class: 'visually-hidden' }, t('children.title')),
    el('thead', {}, el('tr', {},
      ['fileNumber', 'name', 'age', 'category', 'placement', 'adoption', 'admitted'].map((col) => el('th', { scope: 'col' }, t(`children.col.${col}`))))),
    el('tbody', {}, children.map(row)))));
}

async function load() {
  listHost.setAttribute('aria-busy', 'true');
  try {
    renderList((await api.children({ page, size: PAGE_SIZE })) ?? []);
    fill(listMessage);
  } catch (error) {
    fill(listMessage, errorNotice(error));
  } finally {
    listHost.setAttribute('aria-busy', 'false');
  }
}

// --- admitting a child ----------------------------------------------------------------------

const recordForm = childRecordForm();

const summaryHost = el('div', { tabindex: '-1', dataset: { testid: 'admit-errors' } });
const admitMessage = el('div', { 'aria-live': 'polite', dataset: { testid: 'admit-message' } });
const submitButton = el('button', { type: 'submit', class: 'button', dataset: { testid: 'admit-submit' } }, t('children.admit.submit'));

const admitForm = el('form', { novalidate: true, hidden: true, dataset: { testid: 'admit-form' } },
  summaryHost,
  el('p', { class: 'muted' }, t('children.admit.lead')),
  recordForm.sections,
  el('div', { class: 'actions' }, submitButton));
const errors = formErrors(admitForm, summaryHost);

const toggleButton = el('button', { type: 'button', class: 'button', 'aria-expanded': 'false', dataset: { testid: 'admit-open' } }, t('children.admit.open'));
toggleButton.addEventListener('click', () => {
  admitForm.hidden = !admitForm.hidden;
  toggleButton.setAttribute('aria-expanded', String(!admitForm.hidden));
  toggleButton.textContent = admitForm.hidden ? t('children.admit.open') : t('children.admit.cancel');
  if (!admitForm.hidden) recordForm.focus();
});

let admitted;
onFormSubmit(admitForm, {
  check: () => {
    fill(admitMessage);
    return recordForm.validate(admitted = recordForm.read());
  },
  send: async () => {
    const child = await api.admitChild(admitted);
    location.href = `${childHref(child)}&created=1`;
    return LEAVING_PAGE;
  },
  button: submitButton, busyKey: 'children.admit.submitting', errors, summaryHost,
});

// --- a root-seeking visit by the file's number (寻根回访) --------------------------------------

const visitForm = rootSeekingVisitForm({ byFileNumber: true, send: api.recordRootSeekingVisitByFileNumber });
visitForm.hidden = true;
const visitToggle = el('button', { type: 'button', class: 'button button-secondary', 'aria-expanded': 'false', dataset: { testid: 'visit-open' } }, t('rootSeeking.open'));
visitToggle.addEventListener('click', () => {
  visitForm.hidden = !visitForm.hidden;
  visitToggle.setAttribute('aria-expanded', String(!visitForm.hidden));
  visitToggle.textContent = visitForm.hidden ? t('rootSeeking.open') : t('rootSeeking.cancel');
  if (!visitForm.hidden) visitForm.querySelector('input')?.focus();
});

// --- page -----------------------------------------------------------------------------------

if (user) {
  fill(main,
    el('div', { class: 'page-head' },
      el('div', {},
        el('h1', {}, t('children.title')),
        el('p', { class: 'page-lead', style: 'margin-bottom:0' }, t('children.lead')))),
    mayAdmit
      ? el('section', { class: 'panel', 'aria-labelledby': 'admit-title', dataset: { testid: 'admit' } },
        el('div', { class: 'member-head' }, el('h2', { id: 'admit-title' }, t('children.admit')), toggleButton),
        admitMessage,
        admitForm)
      : null,
    mayAdmit
      ? el('section', { class: 'panel', 'aria-labelledby': 'visit-title', dataset: { testid: 'root-seeking' } },
        el('div', { class: 'member-head' }, el('h2', { id: 'visit-title' }, t('rootSeeking.title')), visitToggle),
        el('p', { class: 'muted' }, t('rootSeeking.lead')),
        visitForm)
      : null,
    listMessage,
    el('section', { class: 'panel', 'aria-labelledby': 'children-list-title' },
      el('h2', { id: 'children-list-title', class: 'visually-hidden' }, t('children.title')),
      listHost,
      pager));
  if (params.has('admit') && mayAdmit) toggleButton.click();
  load();
}
