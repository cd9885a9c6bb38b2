// 寄养家庭申请 Foster family application (家庭寄养管理办法 arts. 8–9, 12); with ?journey=family-style the
// couple's application to an institution's call for in-institution family-style care (机构内家庭式养育:
// the call instead of the institution, the marriage and which partner cares full time).
// Every control carries data-field = the JSON path the server names in problem+json errors
// (e.g. "family.members[0].residentId"), so client and server errors land in the same place.
// The household part (and the error display) is shared with the adoption application: ../household.js.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { field, formErrors, householdForm, onApplicationSubmit } from '../household.js';
import { el, errorNotice, fill, initPage, requireRole } from '../shell.js';

const couple = new URLSearchParams(location.search).get('journey') === 'family-style';
const titleKey = couple ? 'apply.couple.title' : 'apply.title';
const main = initPage({ page: 'apply', titleKey });
const user = await requireRole(main, 'FAMILY');

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

// --- the couple: call, marriage, full-time partner (family-style care only) ------------------------

const callSelect = el('select', { style: 'min-width:18rem' }, el('option', { value: '' }, t('common.loading')));
const marriageInput = el('input', { type: 'date' });
const fullTimeSelect = el('select', {}, el('option', { value: '' }, t('apply.choose')),
  ['PRIMARY_CAREGIVER', 'SPOUSE'].map((role) => el('option', { value: role }, t(`apply.couple.fullTime.${role}`))));
const callMessage = el('div');
const coupleSection = el('section', { class: 'panel', 'aria-labelledby': 'sec-couple' },
  el('h2', { id: 'sec-couple' }, t('apply.couple.section')),
  callMessage,
  field('callId', 'apply.couple.call', callSelect),
  field('marriageRegisteredOn', 'apply.couple.marriage', marriageInput, { hintKey: 'apply.couple.marriage.hint' }),
  field('fullTimePartnerResidentId', 'apply.couple.fullTime', fullTimeSelect));

async function loadCalls() {
  try {
    const calls = (await api.familyStyleCalls()) ?? [];
    fill(callSelect, el('option', { value: '' }, calls.length ? t('apply.choose') : t('apply.couple.noCall')),
      calls.map((call) => el('option', { value: call.id }, `${call.institutionName} · ${call.title}`)));
  } catch (error) {
    fill(callMessage, errorNotice(error));
  }
}

// --- household, motivation, submit ----------------------------------------------------------

const household = householdForm();

const motivationInput = el('textarea', { rows: 5, maxlength: 2000 });
const motivationSection = el('section', { class: 'panel', 'aria-labelledby': 'sec-motivation' },
  el('h2', { id: 'sec-motivation' }, t('apply.section.motivation')),
  field('motivation', 'apply.motivation', motivationInput, { hintKey: 'apply.motivation.hint', required: false }));

const summaryHost = el('div', { tabindex: '-1', dataset: { testid: 'error-summary' } });
const submitButton = el('button', { type: 'submit', class: 'button', dataset: { testid: 'submit-application' } }, t('apply.submit'));

const formElement = el('form', { novalidate: true, dataset: { testid: 'apply-form' } },
  summaryHost,
  couple ? coupleSection : institutionSection,
  household.sections,
  motivationSection,
  el('div', { class: 'actions' }, submitButton));
const errors = formErrors(formElement, summaryHost);

if (user) {
  fill(main,
    el('h1', {}, t(titleKey)),
    el('p', { class: 'page-lead' }, t(couple ? 'apply.couple.lead' : 'apply.lead')),
    formElement);
  household.start();
  if (couple) loadCalls(); else loadInstitutions();
}

function readBody() {
  const family = household.read();
  if (couple) {
    const partner = family.members.find((member) => member.role === fullTimeSelect.value);
    return {
      callId: callSelect.value || null,
      marriageRegisteredOn: marriageInput.value || null,
      fullTimePartnerResidentId: partner?.residentId || null,
      motivation: motivationInput.value.trim(),
      family,
    };
  }
  return { institutionCode: institutionSelect.value.trim(), motivation: motivationInput.value.trim(), family };
}

function validate(body) {
  const problems = [];
  const need = (key, value) => { if (!value) problems.push({ field: key, message: t('apply.err.required') }); };
  if (couple) {
    need('callId', body.callId);
    need('marriageRegisteredOn', body.marriageRegisteredOn);
    need('fullTimePartnerResidentId', fullTimeSelect.value);
  } else {
    need('institutionCode', body.institutionCode);
  }
  return problems.concat(household.validate(body.family));
}

onApplicationSubmit(formElement, {
  readBody,
  validate,
  send: (body, submissionKey) => (couple ? api.submitCoupleApplication : api.submitFosterApplication)(body, submissionKey),
  submitButton,
  errors,
  summaryHost,
});
