// The child's file, 家庭寄养: the child's foster placements from the journey (status, family, period,
// agreement PDF), the child's hearings (家庭寄养管理办法 art. 11) and, for the caseworker, the forms to
// record a hearing and to propose a match with a family of the register. The server's refusals (arts.
// 7, 9, 11, 14) land next to their fields. A foster placement is never typed in by hand: it reaches the
// file when both sides have signed the agreement (art. 12(5)).
import { api } from './api.js';
import { formatDate, t } from './i18n.js';
import { field, formErrors, number, onFormSubmit, ownIds, radioValue, text, yesNo } from './household.js';
import { staffCarePanel } from './fosterCare.js';
import { agreementLink, date, period, statusBadge } from './fosterPlacements.js';
import { el, errorNotice, fill, notice, stackOnPhones } from './shell.js';

const DEFAULT_LIABILITY = '违反本协议的一方承担相应责任；乙方不履行协议的，甲方可以解除寄养关系（《家庭寄养管理办法》第十九条）。';

/**
 * The section for one child; {@code mayPropose}: the signed-in caseworker may record hearings and
 * propose (the API's rule); {@code user} decides what the placements' care panels offer;
 * {@code onChange} runs after a change, so the file and its history follow.
 */
export function fosterCareSection(childId, { mayPropose, user, onChange }) {
  const message = el('div', { 'aria-live': 'polite', dataset: { testid: 'foster-message' } });
  const placementsHost = el('div', { 'aria-busy': 'true' }, el('p', { class: 'muted' }, t('common.loading')));
  const hearingsHost = el('div');
  const consentStatus = el('span', { dataset: { testid: 'consent-status' } });
  let rules = {};

  // --- the child's hearing (art. 11) ---

  const consentControls = {
    heardOn: el('input', { type: 'date', class: 'narrow' }),
    childWords: el('textarea', { rows: 2, maxlength: 2000 }),
  };
  const consentChoice = yesNo('consents', 'foster.consent.consents');
  const consentSummary = el('div', { tabindex: '-1' });
  const consentSubmit = el('button', { type: 'submit', class: 'button button-secondary', dataset: { testid: 'consent-submit' } },
    t('foster.consent.submit'));
  const consentForm = el('form', { novalidate: true, dataset: { testid: 'foster-consent-form' } },
    el('h3', { style: 'margin-top:1.5rem' }, t('foster.consent.title')),
    el('p', { class: 'muted' }, t('foster.consent.lead')),
    consentSummary,
    el('div', { class: 'grid-2' },
      field('heardOn', 'foster.consent.heardOn', consentControls.heardOn),
      consentChoice),
    field('childWords', 'foster.consent.childWords', consentControls.childWords),
    el('div', { class: 'actions' }, consentSubmit));
  ownIds(consentForm, 'foster-');
  const consentErrors = formErrors(consentForm, consentSummary);
  let hearing;
  onFormSubmit(consentForm, {
    check: () => {
      hearing = { heardOn: consentControls.heardOn.value || null, consents: radioValue(consentForm, 'consents'),
        childWords: consentControls.childWords.value.trim() || null };
      return Object.entries(hearing).filter(([, value]) => value === null)
        .map(([name]) => ({ field: name, message: t('apply.err.required') }));
    },
    send: async () => {
      await api.recordFosterConsent(childId, hearing);
      consentForm.reset();
      fill(message, notice('success', t('foster.consent.done')));
      await load();
      onChange();
    },
    button: consentSubmit, busyKey: 'foster.submitting', errors: consentErrors, summaryHost: consentSummary,
  });

  // --- the match (arts. 7, 9, 11, 12(5), 14) ---

  const familySelect = el('select', {}, el('option', { value: '' }, t('apply.choose')));
  const controls = {
    familyId: familySelect,
    from: el('input', { type: 'date', class: 'narrow' }),
    until: el('input', { type: 'date', class: 'narrow' }),
    primaryCaregiver: text({ maxlength: 100 }),
    integrationDays: number({ min: 1, step: 1 }),
    liability: el('textarea', { rows: 3, maxlength: 4000 }),
  };
  controls.liability.value = DEFAULT_LIABILITY;
  // siblings in care go to the same family unless the reason they do not is written down
  const siblingsHost = el('div', { class: 'field', dataset: { field: 'siblingIds', label: t('foster.propose.siblings') } });
  const apartReason = el('textarea', { rows: 2, maxlength: 2000 });
  let families = [];
  familySelect.addEventListener('change', () => {
    const chosen = families.find((entry) => entry.familyId === familySelect.value);
    if (chosen) controls.primaryCaregiver.value = chosen.primaryCaregiver;
  });
  // the child's consent is not a control of this form: its refusal shows here, by the hearings above
  const consentSlot = el('div', { class: 'field', dataset: { field: 'childConsent', label: t('foster.consent.title') } },
    el('span', { class: 'hint' }, t('foster.consent.title'), '：', consentStatus),
    el('span', { class: 'field-error', id: 'f-childConsent-error', hidden: true, dataset: { errorFor: 'childConsent' } }),
    el('span', { class: 'field-error', id: 'f-childId-error', hidden: true, dataset: { errorFor: 'childId' } }));
  const proposeSummary = el('div', { tabindex: '-1', dataset: { testid: 'propose-errors' } });
  const proposeSubmit = el('button', { type: 'submit', class: 'button', dataset: { testid: 'propose-submit' } },
    t('foster.propose.submit'));
  const proposeForm = el('form', { novalidate: true, dataset: { testid: 'foster-propose-form' } },
    el('h3', { style: 'margin-top:1.5rem' }, t('foster.propose.title')),
    el('p', { class: 'muted' }, t('foster.propose.lead')),
    proposeSummary,
    consentSlot,
    field('familyId', 'foster.propose.family', controls.familyId, { hintKey: 'foster.propose.family.hint' }),
    el('div', { class: 'grid-2' },
      field('from', 'foster.propose.from', controls.from),
      field('until', 'foster.propose.until', controls.until)),
    el('div', { class: 'grid-2' },
      field('primaryCaregiver', 'foster.propose.caregiver', controls.primaryCaregiver, { hintKey: 'foster.propose.caregiver.hint' }),
      field('integrationDays', 'foster.propose.integrationDays', controls.integrationDays, { hintKey: 'foster.propose.integrationDays.hint' })),
    field('liability', 'foster.propose.liability', controls.liability),
    siblingsHost,
    field('siblingsApartReason', 'foster.propose.apartReason', apartReason, { required: false, hintKey: 'foster.propose.apartReason.hint' }),
    el('div', { class: 'actions' }, proposeSubmit));
  ownIds(proposeForm, 'foster-');
  const proposeErrors = formErrors(proposeForm, proposeSummary);
  let proposal;
  onFormSubmit(proposeForm, {
    check: () => {
      proposal = Object.fromEntries(Object.entries(controls).map(([name, control]) => [name, control.value.trim() || null]));
      const missing = Object.entries(proposal).filter(([, value]) => !value)
        .map(([name]) => ({ field: name, message: t('apply.err.required') }));
      proposal = { ...proposal, childId, integrationDays: proposal.integrationDays && Number(proposal.integrationDays),
        siblingIds: [...siblingsHost.querySelectorAll('input:checked')].map((box) => box.value),
        siblingsApartReason: apartReason.value.trim() || null };
      return missing;
    },
    send: async () => {
      await api.proposeFosterPlacement(proposal);
      fill(message, notice('success', t('foster.propose.done')));
      await load();
      onChange();
    },
    button: proposeSubmit, busyKey: 'foster.submitting', errors: proposeErrors, summaryHost: proposeSummary,
  });

  // --- reading ---

  function renderPlacements(placements) {
    fill(placementsHost, placements.length
      ? el('div', { class: 'table-wrap' }, stackOnPhones(el('table', { dataset: { testid: 'foster-placements' } },
        el('thead', {}, el('tr', {}, ['status', 'family', 'period', 'startedOn', 'signatures', 'agreement'].map((column) =>
          el('th', { scope: 'col' }, t(`foster.col.${column}`))))),
        el('tbody', {}, placements.map((placement) => el('tr', { dataset: { testid: 'foster-placement-row', status: placement.status } },
          el('td', {}, statusBadge(placement), placement.decisionNote ? el('div', { class: 'muted' }, placement.decisionNote) : null),
          el('td', { dataset: { testid: 'foster-family' } }, placement.familyName,
            el('div', { class: 'muted' }, t('register.caregiver', { name: placement.primaryCaregiver }))),
          el('td', {}, period(placement), el('div', { class: 'muted' }, t('foster.integrationDays', { days: placement.integrationDays }))),
          el('td', {}, date(placement.startedOn), placement.endedOn ? [' – ', date(placement.endedOn)] : null),
          el('td', {}, t('foster.signatures', {
            family: placement.familySignedAt ? formatDate(placement.familySignedAt) : t('foster.unsigned'),
            director: placement.directorSignedAt ? formatDate(placement.directorSignedAt) : t('foster.unsigned'),
          })),
          el('td', {}, agreementLink(api.fosterAgreementUrl(placement.id)))))))))
      : el('p', { class: 'muted', dataset: { testid: 'foster-placements-empty' } }, t('foster.placements.empty')));
  }

  /** A box per sibling still on file, ticked: placed together unless the caseworker unticks and says why. */
  function renderSiblings(siblings) {
    fill(siblingsHost, siblings.length ? [
      el('span', { class: 'hint' }, t('foster.propose.siblings')),
      siblings.map((sibling) => el('label', { style: 'display:block' },
        el('input', { type: 'checkbox', value: sibling.id, checked: true, dataset: { testid: 'foster-sibling' } }), ' ', sibling.name)),
      el('span', { class: 'field-error', id: 'foster-f-siblingIds-error', hidden: true, dataset: { errorFor: 'siblingIds' } }),
    ] : null);
  }

  /** What happened while each started placement lasted: visits, respites, termination (fosterCare.js). */
  async function renderCare(placements) {
    const reload = async (done) => {
      await load();
      fill(message, notice('success', done));
      onChange();
    };
    for (const placement of placements.filter((p) => p.startedOn)) {
      placementsHost.append(el('h3', {}, t('foster.care.title', { family: placement.familyName })),
        await staffCarePanel(placement, user, reload));
    }
  }

  function renderHearings(hearings) {
    const latest = hearings[0];
    fill(consentStatus, latest
      ? t(latest.consents ? 'foster.consent.latestYes' : 'foster.consent.latestNo', { day: formatDate(latest.heardOn) })
      : t('foster.consent.none', { age: rules.childConsentAge ?? 8 }));
    fill(hearingsHost, hearings.length
      ? el('ul', { dataset: { testid: 'foster-hearings' } }, hearings.map((h) => el('li', {},
        date(h.heardOn), ' · ', h.consents ? t('common.yes') : t('common.no'), ' · ', h.heardByName,
        h.childWords ? el('div', { class: 'muted' }, `“${h.childWords}”`) : null)))
      : null);
  }

  function renderFamilies(entries) {
    // an expired entry takes no child (the server refuses it too); the occupancy says who has room
    families = entries.filter((entry) => entry.standing !== 'EXPIRED');
    const chosen = familySelect.value;
    fill(familySelect, el('option', { value: '' }, t('apply.choose')), families.map((entry) => el('option', { value: entry.familyId },
      t('foster.propose.familyOption', { name: entry.familyName, occupied: entry.occupied, capacity: entry.capacity }))));
    familySelect.value = chosen;
  }

  async function load() {
    try {
      const [placements, hearings, ruleList, register, child] = await Promise.all([
        api.childFosterPlacements(childId), api.fosterConsents(childId), api.fosterRules(),
        mayPropose ? api.fosterRegister() : [], api.child(childId)]);
      const siblings = mayPropose
        ? (await Promise.all((child.siblings ?? []).map((id) => api.child(id)))).filter((sibling) => !sibling.dischargedOn)
        : [];
      rules = Object.fromEntries((ruleList ?? []).map((rule) => [rule.name, rule.value]));
      if (!controls.integrationDays.value) controls.integrationDays.value = rules.minIntegrationDays ?? '';
      renderPlacements(placements ?? []);
      await renderCare(placements ?? []);
      renderSiblings(siblings.map((sibling) => ({ id: sibling.id, name: sibling.record?.name ?? sibling.name })));
      renderHearings(hearings ?? []);
      renderFamilies(register ?? []);
    } catch (error) {
      fill(message, errorNotice(error));
    } finally {
      placementsHost.setAttribute('aria-busy', 'false');
    }
  }

  const section = el('section', { class: 'panel', 'aria-labelledby': 'sec-child-foster', dataset: { testid: 'child-foster' } },
    el('h2', { id: 'sec-child-foster' }, t('foster.title')),
    el('p', { class: 'muted' }, t('foster.lead')),
    message,
    placementsHost,
    hearingsHost,
    mayPropose ? [consentForm, proposeForm] : null);
  load();
  return { element: section, reload: load };
}

