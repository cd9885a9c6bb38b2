// 儿童档案 Children's files: the files of the user's institution (caseworkers, directors) or
// jurisdiction (registrars), all for auditors; sealed files are not listed. Caseworkers and
// directors open a new file here (建立儿童档案, POST /api/children with a ChildRecord).
import { api } from '../api.js';
import { formatDate, label, t } from '../i18n.js';
import { checkbox, field, formErrors, select, text } from '../household.js';
import { parseResidentId } from '../residentId.js';
import { el, errorNotice, fill, hasRole, initPage, requireRole } from '../shell.js';

const PAGE_SIZE = 50;
const SEXES = ['MALE', 'FEMALE'];
const CATEGORIES = ['INSTITUTION_RAISED', 'INSTITUTION_ENTRUSTED', 'COMMUNITY_ORPHAN', 'DE_FACTO_UNSUPPORTED',
  'IN_DIFFICULTY', 'LEFT_BEHIND', 'DISABLED', 'HIV_AFFECTED'];
const ADMISSION_REASONS = ['FOUNDLING', 'PARENTS_DEAD', 'PARENTS_INCAPABLE', 'COURT_APPOINTED_GUARDIANSHIP', 'OTHER'];

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
      ['name', 'age', 'category', 'placement', 'adoption', 'admitted'].map((col) => el('th', { scope: 'col' }, t(`children.col.${col}`))))),
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

const today = () => new Date().toISOString().slice(0, 10);
const date = () => el('input', { type: 'date', class: 'narrow', max: today() });
const area = (rows, maxlength) => el('textarea', { rows, maxlength });

const controls = {
  name: text({ autocomplete: 'off', maxlength: 100 }),
  sex: select(SEXES, 'sex'),
  birthDate: date(),
  residentId: text({ autocomplete: 'off', maxlength: 18, spellcheck: 'false', class: 'narrow', style: 'width:16rem' }),
  category: select(CATEGORIES, 'ChildCategory'),
  admissionReason: select(ADMISSION_REASONS, 'AdmissionReason'),
  admissionDate: date(),
  admissionRecord: area(4, 4000),
  disabilityType: text({ maxlength: 40 }),
  disabilityGrade: select(['1', '2', '3', '4'], 'grade'),
  disabilityCertificate: text({ maxlength: 60, autocomplete: 'off' }),
  healthNotes: area(3, 4000),
  educationNotes: area(3, 4000),
  guardian: text({ maxlength: 200 }),
};
const estimatedField = checkbox('birthDateEstimated', 'child.birthDateEstimated', {});

const summaryHost = el('div', { tabindex: '-1', dataset: { testid: 'admit-errors' } });
const admitMessage = el('div', { 'aria-live': 'polite', dataset: { testid: 'admit-message' } });
const submitButton = el('button', { type: 'submit', class: 'button', dataset: { testid: 'admit-submit' } }, t('children.admit.submit'));

const admitForm = el('form', { novalidate: true, hidden: true, dataset: { testid: 'admit-form' } },
  summaryHost,
  el('p', { class: 'muted' }, t('children.admit.lead')),
  el('h3', {}, t('children.section.identity')),
  el('div', { class: 'grid-2' },
    field('name', 'child.name', controls.name),
    field('sex', 'child.sex', controls.sex)),
  el('div', { class: 'grid-2' },
    el('div', {}, field('birthDate', 'child.birthDate', controls.birthDate), estimatedField),
    field('residentId', 'child.residentId', controls.residentId, { hintKey: 'child.residentId.hint', required: false })),
  el('h3', {}, t('children.section.admission')),
  el('div', { class: 'grid-2' },
    field('category', 'child.category', controls.category),
    field('admissionReason', 'child.admissionReason', controls.admissionReason)),
  field('admissionDate', 'child.admissionDate', controls.admissionDate),
  field('admissionRecord', 'child.admissionRecord', controls.admissionRecord, { hintKey: 'child.admissionRecord.hint' }),
  el('h3', {}, t('children.section.disability')),
  el('p', { class: 'hint' }, t('children.section.disability.hint')),
  el('div', { class: 'grid-2' },
    field('disabilityType', 'child.disabilityType', controls.disabilityType, { required: false }),
    field('disabilityGrade', 'child.disabilityGrade', controls.disabilityGrade, { required: false })),
  field('disabilityCertificate', 'child.disabilityCertificate', controls.disabilityCertificate, { required: false }),
  el('h3', {}, t('children.section.notes')),
  field('healthNotes', 'child.healthNotes', controls.healthNotes, { required: false }),
  field('educationNotes', 'child.educationNotes', controls.educationNotes, { required: false }),
  field('guardian', 'child.guardian', controls.guardian, { hintKey: 'child.guardian.hint' }),
  el('div', { class: 'actions' }, submitButton));
const errors = formErrors(admitForm, summaryHost);

const toggleButton = el('button', { type: 'button', class: 'button', 'aria-expanded': 'false', dataset: { testid: 'admit-open' } }, t('children.admit.open'));
toggleButton.addEventListener('click', () => {
  admitForm.hidden = !admitForm.hidden;
  toggleButton.setAttribute('aria-expanded', String(!admitForm.hidden));
  toggleButton.textContent = admitForm.hidden ? t('children.admit.open') : t('children.admit.cancel');
  if (!admitForm.hidden) controls.name.focus();
});

function readRecord() {
  const value = (name) => controls[name].value.trim();
  const orNull = (name) => value(name) || null;
  return {
    name: value('name'),
    sex: orNull('sex'),
    birthDate: orNull('birthDate'),
    birthDateEstimated: admitForm.querySelector('[data-field="birthDateEstimated"]').checked,
    residentId: value('residentId') ? value('residentId').toUpperCase() : null,
    category: orNull('category'),
    admissionReason: orNull('admissionReason'),
    admissionDate: orNull('admissionDate'),
    admissionRecord: value('admissionRecord'),
    disabilityType: orNull('disabilityType'),
    disabilityGrade: value('disabilityGrade') ? Number(value('disabilityGrade')) : null,
    disabilityCertificate: orNull('disabilityCertificate'),
    healthNotes: orNull('healthNotes'),
    educationNotes: orNull('educationNotes'),
    guardian: value('guardian'),
  };
}

/** What the browser can check; the server re-checks everything. */
function validate(record) {
  const problems = [];
  const need = (name) => { if (!record[name]) problems.push({ field: name, message: t('apply.err.required') }); };
  ['name', 'sex', 'birthDate', 'category', 'admissionReason', 'admissionDate', 'admissionRecord', 'guardian'].forEach(need);
  if (record.residentId && !parseResidentId(record.residentId)) problems.push({ field: 'residentId', message: t('apply.err.residentId') });
  return problems;
}

admitForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  fill(admitMessage);
  const record = readRecord();
  const problems = validate(record);
  if (problems.length) {
    errors.show(problems);
    return;
  }
  errors.clear();
  submitButton.disabled = true;
  submitButton.textContent = t('children.admit.submitting');
  try {
    const child = await api.admitChild(record);
    location.href = `${childHref(child)}&created=1`;
  } catch (error) {
    submitButton.disabled = false;
    submitButton.textContent = t('children.admit.submit');
    if (error.status === 400 && error.fieldErrors.length) errors.show(error.fieldErrors, error.problem.detail);
    else {
      fill(summaryHost, errorNotice(error));
      summaryHost.focus();
    }
  }
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
    listMessage,
    el('section', { class: 'panel', 'aria-labelledby': 'children-list-title' },
      el('h2', { id: 'children-list-title', class: 'visually-hidden' }, t('children.title')),
      listHost,
      pager));
  if (params.has('admit') && mayAdmit) toggleButton.click();
  load();
}
