// The fields of a child's file as ChildRecord has them (POST /api/children to admit, PUT
// /api/children/{id} to edit): the same controls, checks and layout on children.html and child.html.
// Every control's data-field is the name the server uses in its problem+json errors.
import { t } from './i18n.js';
import { checkbox, field, select, text } from './household.js';
import { parseResidentId } from './residentId.js';
import { el } from './shell.js';

const SEXES = ['MALE', 'FEMALE'];
const CATEGORIES = ['INSTITUTION_RAISED', 'INSTITUTION_ENTRUSTED', 'COMMUNITY_ORPHAN', 'DE_FACTO_UNSUPPORTED',
  'IN_DIFFICULTY', 'LEFT_BEHIND', 'DISABLED', 'HIV_AFFECTED'];
const ADMISSION_REASONS = ['FOUNDLING', 'PARENTS_DEAD', 'PARENTS_INCAPABLE', 'COURT_APPOINTED_GUARDIANSHIP', 'OTHER'];
const REQUIRED = ['name', 'sex', 'birthDate', 'category', 'admissionReason', 'admissionDate', 'admissionRecord', 'guardian'];

/** Returns { sections, focus(), read(), validate(record), fillFrom(record) }; sections go into a form. */
export function childRecordForm() {
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
  const estimated = estimatedField.querySelector('[data-field="birthDateEstimated"]');
  // 家庭寄养管理办法 art. 7: such a child is not placed with a foster family
  const professionalCareField = checkbox('needsProfessionalCare', 'child.needsProfessionalCare', { hintKey: 'child.needsProfessionalCare.hint' });
  const professionalCare = professionalCareField.querySelector('[data-field="needsProfessionalCare"]');

  const sections = [
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
    professionalCareField,
    field('guardian', 'child.guardian', controls.guardian, { hintKey: 'child.guardian.hint' }),
  ];

  function read() {
    const value = (name) => controls[name].value.trim();
    const orNull = (name) => value(name) || null;
    return {
      name: value('name'),
      sex: orNull('sex'),
      birthDate: orNull('birthDate'),
      birthDateEstimated: estimated.checked,
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
      needsProfessionalCare: professionalCare.checked,
    };
  }

  /** What the browser can check; the server re-checks everything. */
  function validate(record) {
    const problems = [];
    REQUIRED.forEach((name) => { if (!record[name]) problems.push({ field: name, message: t('apply.err.required') }); });
    if (record.residentId && !parseResidentId(record.residentId)) problems.push({ field: 'residentId', message: t('apply.err.residentId') });
    return problems;
  }

  /** Puts a file's current record into the controls (editing starts from what is on file). */
  function fillFrom(record) {
    for (const [name, control] of Object.entries(controls)) {
      control.value = record[name] === null || record[name] === undefined ? '' : String(record[name]);
    }
    estimated.checked = Boolean(record.birthDateEstimated);
    professionalCare.checked = Boolean(record.needsProfessionalCare);
  }

  return { sections, read, validate, fillFrom, focus: () => controls.name.focus() };
}
