// 收养申请 Adoption application (民法典 arts. 1093–1118; 中国公民收养子女登记办法 art. 6).
// Families cannot list children: the child comes from the link the institution sent
// (adopt.html?child=<id>); without it the page asks for the child's reference number.
// The household is the same form as the foster application (../household.js). The applicant states
// the marital status; a married applicant adopts jointly (art. 1101): the spouse is listed in the
// household and confirms afterwards on 我的申请. The child's consent (art. 1104) is not asked here:
// the registrar or assessor hears the child.
import { api } from '../api.js';
import { label, t } from '../i18n.js';
import { checkbox, choices, chosen, field, formErrors, householdForm, text, onApplicationSubmit } from '../household.js';
import { el, fill, initPage, notice, requireRole } from '../shell.js';

const MARITAL_STATUSES = ['UNMARRIED', 'MARRIED', 'DIVORCED', 'WIDOWED'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const main = initPage({ page: 'adopt', titleKey: 'adopt.title' });
const user = await requireRole(main, 'FAMILY');
const childFromLink = new URLSearchParams(location.search).get('child')?.trim() ?? '';
const linkValid = UUID.test(childFromLink);

// --- the child ------------------------------------------------------------------------------

const childInput = text({ autocomplete: 'off', spellcheck: 'false', maxlength: 36, style: 'max-width:24rem' });
const childSection = el('section', { class: 'panel', 'aria-labelledby': 'sec-child' },
  el('h2', { id: 'sec-child' }, t('adopt.section.child')),
  linkValid
    ? [el('div', { dataset: { testid: 'adopt-child-from-link' } }),
      el('span', { hidden: true, dataset: { errorFor: 'childId' }, class: 'field-error' })]
    : field('childId', 'adopt.childId', childInput, { hintKey: 'adopt.childId.hint' }));
if (!linkValid && childFromLink) childInput.value = childFromLink;

/** The child of the link, named as the institution's file names it: name, sex, age (nothing more). */
async function introduceChild() {
  const host = childSection.querySelector('[data-testid="adopt-child-from-link"]');
  try {
    const child = await api.adoptableChild(childFromLink);
    fill(host, notice('info', t('adopt.childFromLink', { name: child.name, sex: label('sex', child.sex), age: child.age })));
  } catch {
    fill(host, notice('error', t('adopt.childUnavailable')));
  }
}

// --- household, declarations, motivation ----------------------------------------------------

const household = householdForm();

const declarationsSection = el('section', { class: 'panel', 'aria-labelledby': 'sec-declarations' },
  el('h2', { id: 'sec-declarations' }, t('adopt.section.declarations')),
  checkbox('canRaiseAndProtect', 'adopt.capacity', { hintKey: 'adopt.capacity.hint', required: true }),
  checkbox('confidential', 'adopt.confidential', { hintKey: 'adopt.confidential.hint' }),
  choices('maritalStatus', 'adopt.maritalStatus', MARITAL_STATUSES.map((status) => [status, `maritalStatus.${status}`]),
    { hintKey: 'adopt.maritalStatus.hint' }));

const motivationInput = el('textarea', { rows: 5, maxlength: 2000 });
const motivationSection = el('section', { class: 'panel', 'aria-labelledby': 'sec-motivation' },
  el('h2', { id: 'sec-motivation' }, t('adopt.section.motivation')),
  field('motivation', 'adopt.motivation', motivationInput, { required: false }));

const summaryHost = el('div', { tabindex: '-1', dataset: { testid: 'error-summary' } });
const submitButton = el('button', { type: 'submit', class: 'button', dataset: { testid: 'submit-adoption' } }, t('adopt.submit'));

const formElement = el('form', { novalidate: true, dataset: { testid: 'adopt-form' } },
  summaryHost,
  childSection,
  household.sections,
  declarationsSection,
  motivationSection,
  el('div', { class: 'actions' }, submitButton));
const errors = formErrors(formElement, summaryHost);

if (user) {
  fill(main,
    el('h1', {}, t('adopt.title')),
    el('p', { class: 'page-lead' }, t('adopt.lead')),
    formElement);
  household.start();
  if (linkValid) introduceChild();
}

const checked = (path) => formElement.querySelector(`[data-field="${CSS.escape(path)}"]`).checked;

function readBody() {
  return {
    childId: linkValid ? childFromLink : childInput.value.trim(),
    confidential: checked('confidential'),
    canRaiseAndProtect: checked('canRaiseAndProtect'),
    maritalStatus: chosen(formElement, 'maritalStatus'),
    motivation: motivationInput.value.trim(),
    family: household.read(),
  };
}

function validate(body) {
  const problems = [];
  if (!body.childId) problems.push({ field: 'childId', message: t('apply.err.required') });
  else if (!UUID.test(body.childId)) problems.push({ field: 'childId', message: t('adopt.err.childId') });
  problems.push(...household.validate(body.family));
  const spouseListed = (body.family.members ?? []).some((member) => member.role === 'SPOUSE');
  if (!body.maritalStatus) problems.push({ field: 'maritalStatus', message: t('apply.err.required') });
  else if (spouseListed && body.maritalStatus !== 'MARRIED') {
    problems.push({ field: 'maritalStatus', message: t('adopt.err.spouseWithoutMarriage') });
  }
  if (!body.canRaiseAndProtect) problems.push({ field: 'canRaiseAndProtect', message: t('adopt.err.capacity') });
  return problems;
}

onApplicationSubmit(formElement, {
  readBody,
  validate,
  send: (body, submissionKey) => api.submitAdoptionApplication(body, submissionKey),
  submitButton,
  errors,
  summaryHost,
});
