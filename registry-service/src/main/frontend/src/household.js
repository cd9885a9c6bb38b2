// Form building blocks the application pages share: labelled fields whose data-field is the JSON
// path the server names in problem+json errors, yes/no questions, the household (address, hukou,
// background, repeatable members) as HouseholdInput expects it, and the error display (per field
// plus a summary on top). Used by apply.js (寄养) and adopt.js (收养), and by children.js.
import { formatDate, label, t } from './i18n.js';
import { ageOn, parseResidentId } from './residentId.js';
import { el, errorNotice, fill } from './shell.js';

const ROLES = ['PRIMARY_CAREGIVER', 'SPOUSE', 'CHILD', 'OTHER_ADULT'];
const EDUCATION = ['NONE', 'PRIMARY', 'JUNIOR_MIDDLE', 'SENIOR_HIGH', 'VOCATIONAL', 'JUNIOR_COLLEGE', 'BACHELOR', 'POSTGRADUATE'];
// the server's rule (HouseholdInput): digits, +, - and spaces, 5 to 20 of them
const PHONE = /^[0-9+\- ]{5,20}$/;

export const domId = (path) => `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

export function requiredMark(required) {
  return required
    ? el('span', { class: 'req', 'aria-hidden': 'true' }, '*')
    : el('span', { class: 'muted' }, ` (${t('common.optional')})`);
}

/** Wraps a control with its label, hint and error slot. */
export function field(path, labelKey, control, { hintKey, required = true, context } = {}) {
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

/**
 * Gives the form's ids (and its test ids) a prefix of their own: field() names controls after the
 * server's fields, several forms on a page may share one ("from"), and a page's ids must be unique.
 */
export function ownIds(formElement, prefix) {
  for (const element of formElement.querySelectorAll('[id]')) element.id = `${prefix}${element.id}`;
  for (const label of formElement.querySelectorAll('label[for]')) label.htmlFor = `${prefix}${label.htmlFor}`;
  for (const element of formElement.querySelectorAll('[aria-describedby]')) {
    element.setAttribute('aria-describedby', element.getAttribute('aria-describedby').split(' ').map((id) => `${prefix}${id}`).join(' '));
  }
  for (const element of formElement.querySelectorAll('[data-testid]')) element.dataset.testid = `${prefix}${element.dataset.testid}`;
  return formElement;
}


export const text = (attrs = {}) => el('input', { type: 'text', ...attrs });
export const number = (attrs = {}) => el('input', { type: 'number', inputmode: 'decimal', min: 0, class: 'narrow', ...attrs });

/** A select of codes labelled under an i18n prefix, with an empty "请选择" first. */
export function select(values, prefix) {
  return el('select', {},
    el('option', { value: '' }, t('apply.choose')),
    values.map((value) => el('option', { value }, label(prefix, value))));
}

/** A yes/no question as a radio group; its fieldset carries data-field. */
/** A group of radio choices; options are [value, labelKey] pairs; the fieldset carries data-field. */
export function choices(path, labelKey, options, { required = true, hintKey } = {}) {
  const id = domId(path);
  const option = ([value, key]) => el('label', {},
    el('input', { type: 'radio', name: path, value, dataset: { testid: `${path}-${value}` } }), t(key));
  return el('fieldset', { class: 'field', id, dataset: { field: path, label: t(labelKey) }, 'aria-required': required ? 'true' : null },
    el('legend', {}, t(labelKey), requiredMark(required)),
    hintKey ? el('span', { class: 'hint' }, t(hintKey)) : null,
    el('div', { class: 'choices' }, options.map(option)),
    el('span', { class: 'field-error', id: `${id}-error`, hidden: true, dataset: { errorFor: path } }));
}

export function yesNo(path, labelKey, options = {}) {
  return choices(path, labelKey, [['true', 'common.yes'], ['false', 'common.no']], options);
}

/** A single checkbox (a declaration); the input carries data-field. */
export function checkbox(path, labelKey, { hintKey, required = false } = {}) {
  const id = domId(path);
  const input = el('input', { type: 'checkbox', id, name: path, dataset: { field: path, testid: path, label: t(labelKey) } });
  if (required) input.setAttribute('aria-required', 'true');
  return el('div', { class: 'field' },
    el('label', { class: 'declaration', for: id }, input, ' ', t(labelKey), required ? requiredMark(true) : null),
    hintKey ? el('span', { class: 'hint' }, t(hintKey)) : null,
    el('span', { class: 'field-error', id: `${id}-error`, hidden: true, dataset: { errorFor: path } }));
}

/** The value chosen in a radio group inside root, or null when unanswered. */
export function chosen(root, path) {
  return root.querySelector(`input[type=radio][name="${CSS.escape(path)}"]:checked`)?.value ?? null;
}

/** The value of a yes/no radio group inside root: true, false or null when unanswered. */
export function radioValue(root, path) {
  const value = chosen(root, path);
  return value === null ? null : value === 'true';
}

// --- the household --------------------------------------------------------------------------

/**
 * The household part of an application (HouseholdInput under "family"): returns its sections
 * (household, background, members), read() → the JSON, validate(family) → [{field, message}],
 * and start() which adds the first member (the primary caregiver).
 */
export function householdForm() {
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

  const membersHost = el('div', { dataset: { testid: 'members' } });
  const members = [];
  const addMemberButton = el('button', { type: 'button', class: 'button button-secondary', dataset: { testid: 'add-member' } }, `＋ ${t('apply.member.add')}`);

  /** (Re)builds every member block so ids, labels and data-field paths follow the current order. */
  function reindexMembers() {
    members.forEach((member, index) => {
      const base = `family.members[${index}]`;
      const context = t('apply.member', { n: index + 1 });
      const { controls } = member;
      member.heading.textContent = context;
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
    const member = {
      block: el('fieldset', { class: 'member' }), controls, derived,
      heading: el('h3'), removeButton: el('button', { type: 'button', class: 'button button-link' }),
    };
    member.removeButton.addEventListener('click', () => {
      members.splice(members.indexOf(member), 1);
      member.block.remove();
      reindexMembers();
      addMemberButton.focus();
    });
    return member;
  }

  function addMember(initial) {
    const member = memberBlock(initial);
    members.push(member);
    membersHost.append(member.block);
    reindexMembers();
    return member;
  }

  addMemberButton.addEventListener('click', () => addMember().controls.name.focus());

  const membersSection = el('section', { class: 'panel', 'aria-labelledby': 'sec-members', dataset: { field: 'family.members', label: t('apply.section.members') } },
    el('h2', { id: 'sec-members' }, t('apply.section.members')),
    el('span', { class: 'field-error', hidden: true, dataset: { errorFor: 'family.members' } }),
    membersHost,
    addMemberButton);

  const sections = [householdSection, backgroundSection, membersSection];
  const find = (path) => sections.map((section) => section.querySelector(`[data-field="${CSS.escape(path)}"]`)).find(Boolean);
  const value = (path) => find(path).value.trim();
  const numberValue = (path) => (value(path) === '' ? null : Number(value(path)));
  const radio = (path) => sections.map((section) => radioValue(section, path)).find((answer) => answer !== null) ?? null;

  function read() {
    return {
      address: value('family.address'),
      hukouLocality: value('family.hukouLocality'),
      localHukou: radio('family.localHukou'),
      fixedHome: radio('family.fixedHome'),
      livingSpaceM2: numberValue('family.livingSpaceM2'),
      monthlyIncomeYuan: numberValue('family.monthlyIncomeYuan'),
      phone: value('family.phone'),
      infectiousOrMentalIllness: radio('family.infectiousOrMentalIllness'),
      criminalRecord: radio('family.criminalRecord'),
      members: members.map(({ controls }) => ({
        name: controls.name.value.trim(),
        residentId: controls.residentId.value.trim().toUpperCase(),
        role: controls.role.value,
        education: controls.education.value,
        healthNote: controls.healthNote.value.trim(),
      })),
    };
  }

  /** Checks what the browser can know; the server re-checks everything and has the last word. */
  function validate(family) {
    const errors = [];
    const need = (path, present) => { if (!present) errors.push({ field: path, message: t('apply.err.required') }); };
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

  return {
    sections,
    read,
    validate,
    start: () => addMember({ role: 'PRIMARY_CAREGIVER' }),
  };
}

// --- errors ---------------------------------------------------------------------------------

/**
 * Error display of a form: show(errors, detail) puts each {field, message} next to the control
 * with that data-field and lists all of them in summaryHost; clear() removes them. A corrected
 * field loses its message as the user types.
 */
export function formErrors(formElement, summaryHost, summaryKey = 'apply.errorSummary') {
  const control = (path) => formElement.querySelector(`[data-field="${CSS.escape(path)}"]`);

  function clear() {
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

  function show(errors, detail) {
    clear();
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
      const message = target?.dataset.label ? t('common.fieldMessage', { label: target.dataset.label, message: error.message }) : error.message;
      return el('li', { dataset: { summaryFor: error.field ?? '' } }, anchor ? el('a', { href: anchor }, message) : message);
    });
    fill(summaryHost, el('div', { class: 'notice notice-error', role: 'alert' },
      el('strong', {}, detail || t(summaryKey)),
      items.length ? el('ul', {}, items) : null));
    summaryHost.focus();
  }

  const onEdit = (event) => {
    const owner = event.target.closest('[data-field]');
    const slot = owner && formElement.querySelector(`[data-error-for="${CSS.escape(owner.dataset.field)}"]`);
    if (!slot || slot.hidden) return;
    slot.hidden = true;
    slot.textContent = '';
    owner.removeAttribute('aria-invalid');
    // the summary lists what is still wrong: the fixed field leaves it, and the last one takes it away
    const listed = summaryHost.querySelectorAll('li[data-summary-for]');
    const fixed = [...listed].filter((item) => item.dataset.summaryFor === owner.dataset.field);
    fixed.forEach((item) => item.remove());
    if (fixed.length && fixed.length === listed.length) fill(summaryHost);
  };
  formElement.addEventListener('input', onEdit);
  formElement.addEventListener('change', onEdit);

  return { show, clear };
}

/**
 * A form's submit: the browser's own checks first ({@code check} returns [{field, message}]), then
 * {@code send} with the button busy; server field errors land next to their fields, anything else
 * in the summary. {@code send} does whatever success means (reset, report); when it navigates away it
 * returns LEAVING_PAGE, and the button stays busy so nothing is submitted twice.
 */
export const LEAVING_PAGE = Symbol('leaving page');

export function onFormSubmit(formElement, { check, send, button, busyKey, errors, summaryHost }) {
  formElement.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = check();
    if (problems.length) {
      errors.show(problems);
      return;
    }
    errors.clear();
    const idleText = button.textContent;
    button.disabled = true;
    button.textContent = t(busyKey);
    let outcome;
    try {
      outcome = await send();
    } catch (error) {
      if (error.status === 400 && error.fieldErrors?.length) errors.show(error.fieldErrors, error.problem.detail);
      else {
        fill(summaryHost, errorNotice(error));
        summaryHost.focus();
      }
    }
    if (outcome !== LEAVING_PAGE) {
      button.disabled = false;
      button.textContent = idleText;
    }
  });
}

/**
 * The submit flow both application pages share: on success, the new application's page. One key per
 * page load goes with every attempt (Idempotency-Key), so a double click or a retry after a lost
 * answer gets the application the first attempt made instead of a second one.
 */
export function onApplicationSubmit(formElement, { readBody, validate, send, submitButton, errors, summaryHost }) {
  let body;
  const submissionKey = newSubmissionKey();
  onFormSubmit(formElement, {
    check: () => validate(body = readBody()),
    send: async () => {
      const application = await send(body, submissionKey);
      location.href = `application.html?id=${encodeURIComponent(application.id)}&created=1`;
      return LEAVING_PAGE;
    },
    button: submitButton, busyKey: 'apply.submitting', errors, summaryHost,
  });
}

/** A random key for one submission (crypto.randomUUID needs a secure context; plain http on a LAN is not). */
export function newSubmissionKey() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
