// 寄养家庭申请 Foster family application (家庭寄养管理办法 arts. 8–9, 12).
// Every control carries data-field = the JSON path the server names in problem+json errors
// (e.g. "family.members[0].residentId"), so client and server errors land in the same place.
import { api } from '../api.js';
import { formatDate, label, t } from '../i18n.js';
import { ageOn, parseResidentId } from '../residentId.js';
import { el, errorNotice, fill, initPage, requireRole } from '../shell.js';

const ROLES = ['PRIMARY_CAREGIVER', 'SPOUSE', 'CHILD', 'OTHER_ADULT'];
const EDUCATION = ['NONE', 'PRIMARY', 'JUNIOR_MIDDLE', 'SENIOR_HIGH', 'VOCATIONAL', 'JUNIOR_COLLEGE', 'BACHELOR', 'POSTGRADUATE'];
// the server's rule (FosterApplicationRequest): digits, +, - and spaces, 5 to 20 of them
const PHONE = /^[0-9+\- ]{5,20}$/;

const main = initPage({ page: 'apply', titleKey: 'apply.title' });
const user = await requireRole(main, 'FAMILY');

const domId = (path) => `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

function requiredMark(required) {
  return required
    ? el('span', { class: 'req', 'aria-hidden': 'true' }, '*')
    : el('span', { class: 'muted' }, ` (${t('common.optional')})`);
}

/** Wraps a control with its label, hint and error slot. */
function field(path, labelKey, control, { hintKey, required = true, context } = {}) {
  const id = domId(path);
  control.dataset.label = context ? `${context} · ${t(labelKey)}` : t(labelKey);
  const hintId = hintKey ? `${id}-hint` : null;
  control.id = id;
  control.name = path;
  control.dataset.field = path;
  control.dataset.testid = path;
  if (required) control.setAttribute('aria-required', 'true');
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return el('div', { class: 'field' },
    el('label', { for: id }, t(labelKey), requiredMark(required)),
    hintId ? el('span', { id: hintId, class: 'hint' }, t(hintKey)) : null,
    control,
    el('span', { class: 'field-error', id: `${id}-error`, hidden: true, dataset: { errorFor: path } }));
}

const text = (attrs = {}) => el('input', { type: 'text', ...attrs });
const number = (attrs = {}) => el('input', { type: 'number', inputmode: 'decimal', min: 0, class: 'narrow', ...attrs });

function select(values, prefix) {
  return el('select', {},
    el('option', { value: '' }, t('apply.choose')),
    values.map((value) => el('option', { value }, label(prefix, value))));
}

/** A yes/no question as a radio group; its fieldset carries data-field. */
function yesNo(path, labelKey) {
  const id = domId(path);
  const option = (value, key) => el('label', {},
    el('input', { type: 'radio', name: path, value, dataset: { testid: `${path}-${value}` } }), t(key));
  return el('fieldset', { class: 'field', id, dataset: { field: path, label: t(labelKey) }, 'aria-required': 'true' },
    el('legend', {}, t(labelKey), requiredMark(true)),
    el('div', { class: 'choices' }, option('true', 'common.yes'), option('false', 'common.no')),
    el('span', { class: 'field-error', id: `${id}-error`, hidden: true, dataset: { errorFor: path } }));
}

// --- institution ------------------------------------------------------------------------------

const institutionSelect = el('select', { style: 'min-width:18rem' }, el('option', { value: '' }, t('common.loading')));
const institutionNote = el('span', { class: 'derived', 'aria-live': 'polite', dataset: { testid: 'institution-jurisdiction' } });
const institutionMessage = el('div');
let institutions = [];

const institutionSection = el('section', { class: 'panel', 'aria-labelledby': 'sec-institution' },
  el('h2', { id: 'sec-institution' }, t('apply.section.institution')),
  institutionMessage,
  field('institutionCode', 'apply.institution', institutionSelect, { hintKey: 'apply.institution.hint' }));
institutionSelect.after(institutionNote);

institutionSelect.addEventListener('change', () => {
  const chosen = institutions.find((institution) => institution.code === institutionSelect.value);
  institutionNote.textContent = chosen?.jurisdictionName
    ? t('apply.institution.jurisdiction', { name: chosen.jurisdictionName }) : '';
});

async function loadInstitutions() {
  try {
    institutions = (await api.institutions()) ?? [];
    fill(institutionSelect,
      el('option', { value: '' }, t('apply.choose')),
      institutions.map((institution) => el('option', { value: institution.code }, institution.name)));
    // one institution only: nothing to choose
    if (institutions.length === 1) {
      institutionSelect.value = institutions[0].code;
      institutionSelect.dispatchEvent(new Event('change'));
    }
  } catch (error) {
    fill(institutionSelect, el('option', { value: '' }, t('apply.choose')));
    fill(institutionMessage, errorNotice(error));
  }
}

// --- household ----------------------------------------------------------------------------

const householdSection = el('section', { class: 'panel', 'aria-labelledby': 'sec-household' },
  el('h2', { id: 'sec-household' }, t('apply.section.household')),
  field('family.address', 'apply.address', text({ autocomplete: 'street-address', maxlength: 500 })),
  el('div', { class: 'grid-2' },
    field('family.hukouLocality', 'apply.hukouLocality', text({ maxlength: 200 }), { hintKey: 'apply.hukouLocality.hint' }),
    field('family.phone', 'apply.phone', el('input', { type: 'tel', autocomplete: 'tel', maxlength: 20 }), { hintKey: 'apply.phone.hint' })),
  el('div', { class: 'grid-2' },
    yesNo('family.localHukou', 'apply.localHukou'),
    yesNo('family.fixedHome', 'apply.fixedHome')),
  el('div', { class: 'grid-2' },
    field('family.livingSpaceM2', 'apply.livingSpace', number({ step: '0.1' })),
    field('family.monthlyIncomeYuan', 'apply.income', number({ step: '1' }))));

const backgroundSection = el('section', { class: 'panel', 'aria-labelledby': 'sec-background' },
  el('h2', { id: 'sec-background' }, t('apply.section.background')),
  yesNo('family.infectiousOrMentalIllness', 'apply.illness'),
  yesNo('family.criminalRecord', 'apply.criminal'));

// --- members (repeatable) ------------------------------------------------------------------

const membersHost = el('div', { dataset: { testid: 'members' } });
const members = [];

function memberBlock(initial = {}) {
  const controls = {
    name: text({ autocomplete: 'off', maxlength: 100 }),
    residentId: text({ autocomplete: 'off', maxlength: 18, spellcheck: 'false', class: 'narrow', style: 'width:16rem' }),
    role: select(ROLES, 'role'),
    education: select(EDUCATION, 'edu'),
    healthNote: text({ maxlength: 500 }),
  };
  controls.role.value = initial.role ?? '';
  const derived = el('span', { class: 'derived', 'aria-live': 'polite' });
  controls.residentId.addEventListener('input', () => {
    const parsed = parseResidentId(controls.residentId.value);
    derived.textContent = parsed
      ? t('apply.member.born', { date: formatDate(parsed.birthDate), age: ageOn(parsed.birthDate) })
      : '';
  });
  const heading = el('h3');
  const removeButton = el('button', { type: 'button', class: 'button button-link' });
  const block = el('fieldset', { class: 'member' });
  const member = { block, controls, heading, removeButton, derived };
  removeButton.addEventListener('click', () => {
    members.splice(members.indexOf(member), 1);
    block.remove();
    reindexMembers();
    addMemberButton.focus();
  });
  return member;
}

/** (Re)builds every member block so ids, labels and data-field paths follow the current order. */
function reindexMembers() {
  members.forEach((member, index) => {
    const base = `family.members[${index}]`;
    const context = t('apply.member', { n: index + 1 });
    const { controls } = member;
    member.heading.textContent = t('apply.member', { n: index + 1 });
    member.removeButton.textContent = t('apply.member.remove', { n: index + 1 });
    member.removeButton.hidden = members.length === 1;
    member.removeButton.dataset.testid = `remove-member-${index}`;
    member.block.dataset.testid = `member-${index}`;
    member.block.dataset.field = base;
    member.block.setAttribute('aria-labelledby', `${domId(base)}-title`);
    member.heading.id = `${domId(base)}-title`;
    const residentField = field(`${base}.residentId`, 'apply.member.residentId', controls.residentId, { hintKey: 'apply.member.residentId.hint', context });
    residentField.append(member.derived);
    fill(member.block,
      el('div', { class: 'member-head' }, member.heading, member.removeButton),
      el('div', { class: 'grid-2' },
        field(`${base}.name`, 'apply.member.name', controls.name, { context }),
        residentField),
      el('div', { class: 'grid-2' },
        field(`${base}.role`, 'apply.member.role', controls.role, { context }),
        field(`${base}.education`, 'apply.member.education', controls.education, { context })),
      field(`${base}.healthNote`, 'apply.member.healthNote', controls.healthNote, { hintKey: 'apply.member.healthNote.hint', required: false, context }));
  });
}

function addMember(initial) {
  const member = memberBlock(initial);
  members.push(member);
  membersHost.append(member.block);
  reindexMembers();
  return member;
}

const addMemberButton = el('button', { type: 'button', class: 'button button-secondary', dataset: { testid: 'add-member' } }, `＋ ${t('apply.member.add')}`);
addMemberButton.addEventListener('click', () => addMember().controls.name.focus());

const membersSection = el('section', { class: 'panel', 'aria-labelledby': 'sec-members', dataset: { field: 'family.members', label: t('apply.section.members') } },
  el('h2', { id: 'sec-members' }, t('apply.section.members')),
  el('span', { class: 'field-error', hidden: true, dataset: { errorFor: 'family.members' } }),
  membersHost,
  addMemberButton);

// --- motivation, submit --------------------------------------------------------------------

const motivationSection = el('section', { class: 'panel', 'aria-labelledby': 'sec-motivation' },
  el('h2', { id: 'sec-motivation' }, t('apply.section.motivation')),
  field('motivation', 'apply.motivation', el('textarea', { rows: 5, maxlength: 2000 }), { hintKey: 'apply.motivation.hint', required: false }));

const summaryHost = el('div', { tabindex: '-1', dataset: { testid: 'error-summary' } });
const submitButton = el('button', { type: 'submit', class: 'button', dataset: { testid: 'submit-application' } }, t('apply.submit'));

const formElement = el('form', { novalidate: true, dataset: { testid: 'apply-form' } },
  summaryHost,
  institutionSection,
  householdSection,
  backgroundSection,
  membersSection,
  motivationSection,
  el('div', { class: 'actions' }, submitButton));

if (user) {
  fill(main,
    el('h1', {}, t('apply.title')),
    el('p', { class: 'page-lead' }, t('apply.lead')),
    formElement);
  addMember({ role: 'PRIMARY_CAREGIVER' });
  loadInstitutions();
}

// --- reading, validating, showing errors ----------------------------------------------------

function control(path) {
  return formElement.querySelector(`[data-field="${CSS.escape(path)}"]`);
}

function radioValue(path) {
  const checked = formElement.querySelector(`input[type=radio][name="${CSS.escape(path)}"]:checked`);
  return checked ? checked.value === 'true' : null;
}

function numberValue(path) {
  const raw = control(path).value.trim();
  return raw === '' ? null : Number(raw);
}

function readBody() {
  const value = (path) => control(path).value.trim();
  return {
    institutionCode: value('institutionCode'),
    motivation: value('motivation'),
    family: {
      address: value('family.address'),
      hukouLocality: value('family.hukouLocality'),
      localHukou: radioValue('family.localHukou'),
      fixedHome: radioValue('family.fixedHome'),
      livingSpaceM2: numberValue('family.livingSpaceM2'),
      monthlyIncomeYuan: numberValue('family.monthlyIncomeYuan'),
      phone: value('family.phone'),
      infectiousOrMentalIllness: radioValue('family.infectiousOrMentalIllness'),
      criminalRecord: radioValue('family.criminalRecord'),
      members: members.map(({ controls }) => ({
        name: controls.name.value.trim(),
        residentId: controls.residentId.value.trim().toUpperCase(),
        role: controls.role.value,
        education: controls.education.value,
        healthNote: controls.healthNote.value.trim(),
      })),
    },
  };
}

/** Checks what the browser can know; the server re-checks everything and has the last word. */
function validate(body) {
  const errors = [];
  const need = (path, present) => { if (!present) errors.push({ field: path, message: t('apply.err.required') }); };
  const { family } = body;
  need('institutionCode', body.institutionCode);
  need('family.address', family.address);
  need('family.hukouLocality', family.hukouLocality);
  need('family.phone', family.phone);
  if (family.phone && !PHONE.test(family.phone)) errors.push({ field: 'family.phone', message: t('apply.err.phone') });
  for (const path of ['localHukou', 'fixedHome']) need(`family.${path}`, family[path] !== null);
  for (const path of ['livingSpaceM2', 'monthlyIncomeYuan']) {
    const amount = family[path];
    if (amount === null) need(`family.${path}`, false);
    else if (!Number.isFinite(amount) || amount <= 0) errors.push({ field: `family.${path}`, message: t('apply.err.number') });
  }
  for (const path of ['infectiousOrMentalIllness', 'criminalRecord']) need(`family.${path}`, family[path] !== null);
  family.members.forEach((member, index) => {
    const base = `family.members[${index}]`;
    need(`${base}.name`, member.name);
    need(`${base}.residentId`, member.residentId);
    if (member.residentId && !parseResidentId(member.residentId)) errors.push({ field: `${base}.residentId`, message: t('apply.err.residentId') });
    need(`${base}.role`, member.role);
    need(`${base}.education`, member.education);
  });
  const caregivers = family.members.filter((member) => member.role === 'PRIMARY_CAREGIVER').length;
  if (caregivers === 0) errors.push({ field: 'family.members', message: t('apply.err.caregiver') });
  if (caregivers > 1) errors.push({ field: 'family.members', message: t('apply.err.oneCaregiver') });
  return errors;
}

function clearErrors() {
  fill(summaryHost);
  for (const slot of formElement.querySelectorAll('[data-error-for]')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const invalid of formElement.querySelectorAll('[aria-invalid]')) {
    invalid.removeAttribute('aria-invalid');
    const describedBy = (invalid.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error'));
    if (describedBy.length) invalid.setAttribute('aria-describedby', describedBy.join(' '));
    else invalid.removeAttribute('aria-describedby');
  }
}

/** Puts each error next to its field (by data-field path) and lists all of them on top. */
function showErrors(errors, detail) {
  clearErrors();
  const items = errors.map((error) => {
    const slot = formElement.querySelector(`[data-error-for="${CSS.escape(error.field ?? '')}"]`);
    const target = error.field ? control(error.field) : null;
    if (slot) {
      slot.textContent = slot.textContent ? `${slot.textContent} ${error.message}` : error.message;
      slot.hidden = false;
    }
    if (target && slot?.id) {
      target.setAttribute('aria-invalid', 'true');
      const describedBy = new Set((target.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
      describedBy.add(slot.id);
      target.setAttribute('aria-describedby', [...describedBy].join(' '));
    }
    const anchor = target?.id ? `#${target.id}` : null;
    const text = target?.dataset.label ? t('common.fieldMessage', { label: target.dataset.label, message: error.message }) : error.message;
    return el('li', {}, anchor ? el('a', { href: anchor }, text) : text);
  });
  fill(summaryHost, el('div', { class: 'notice notice-error', role: 'alert' },
    el('strong', {}, detail || t('apply.errorSummary')),
    items.length ? el('ul', {}, items) : null));
  summaryHost.focus();
}

// a corrected field loses its error message
formElement.addEventListener('input', (event) => {
  const owner = event.target.closest('[data-field]');
  const slot = owner && formElement.querySelector(`[data-error-for="${CSS.escape(owner.dataset.field)}"]`);
  if (!slot || slot.hidden) return;
  slot.hidden = true;
  slot.textContent = '';
  owner.removeAttribute('aria-invalid');
});

formElement.addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = readBody();
  const errors = validate(body);
  if (errors.length) {
    showErrors(errors);
    return;
  }
  clearErrors();
  submitButton.disabled = true;
  submitButton.textContent = t('apply.submitting');
  try {
    const application = await api.submitFosterApplication(body);
    location.href = `application.html?id=${encodeURIComponent(application.id)}&created=1`;
  } catch (error) {
    submitButton.disabled = false;
    submitButton.textContent = t('apply.submit');
    if (error.status === 400 && error.fieldErrors.length) showErrors(error.fieldErrors, error.problem.detail);
    else {
      fill(summaryHost, errorNotice(error));
      summaryHost.focus();
    }
  }
});
