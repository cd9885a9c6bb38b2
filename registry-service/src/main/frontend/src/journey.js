// 收养进度: an adoption's way as GET /api/applications/{id}/journey tells it — each step with its
// article, what happens now (and whether the family has to act), the next deadline; for a
// registered adoption, the application to register an agreed dissolution (民法典 arts. 1114–1116).
import { api } from './api.js';
import { formatDate, t } from './i18n.js';
import { formErrors, onFormSubmit } from './household.js';
import { el, errorNotice, fill, notice } from './shell.js';

const STATE_MARK = { DONE: '✓', CURRENT: '●', UPCOMING: '○', REFUSED: '✕' };

function step(item) {
  return el('li', { class: `journey-step journey-${item.state.toLowerCase()}`,
    dataset: { testid: 'journey-step', code: item.code, state: item.state } },
  el('span', { class: 'journey-mark', 'aria-hidden': 'true' }, STATE_MARK[item.state] ?? ''),
  el('span', { class: 'visually-hidden' }, t(`journey.state.${item.state}`)),
  el('span', { class: 'journey-label' }, item.label),
  item.at ? el('time', { class: 'muted', datetime: item.at }, ` ${formatDate(item.at)}`) : null,
  item.article ? el('div', { class: 'muted journey-article' }, item.article) : null);
}

function deadline(next) {
  if (!next) return el('p', { class: 'muted', dataset: { testid: 'journey-no-deadline' } }, t('journey.noDeadline'));
  return el('p', { dataset: { testid: 'journey-deadline', code: next.code, lastDay: next.lastDay } },
    el('strong', {}, next.label), '：',
    el('time', { datetime: next.lastDay }, t('journey.lastDay', { day: formatDate(next.lastDay) })),
    next.article ? el('span', { class: 'muted' }, `（${next.article}）`) : null);
}

/** One field of the dissolution form; ids carry the application, since the portal may show several. */
function dissolutionField(applicationId, path, labelKey, control) {
  const id = `dissolution-${path}-${applicationId}`;
  Object.assign(control, { id, name: path });
  control.dataset.field = path;
  control.dataset.label = t(labelKey);
  const error = el('span', { class: 'field-error', id: `${id}-error`, hidden: true, dataset: { errorFor: path } });
  return control.type === 'checkbox'
    ? el('div', { class: 'field' }, el('label', { for: id }, control, ' ', t(labelKey)), error)
    : el('div', { class: 'field' }, el('label', { for: id }, t(labelKey)), control, error);
}

/** The dissolution application: the agreement's date, the adoptee's consent, the reason. */
function dissolutionForm(applicationId, onDone) {
  const summary = el('div', { tabindex: '-1', dataset: { testid: 'dissolution-errors' } });
  const signedOn = el('input', { type: 'date', dataset: { testid: 'dissolution-date' } });
  const consents = el('input', { type: 'checkbox', dataset: { testid: 'dissolution-consent' } });
  const reason = el('textarea', { rows: 3, maxlength: 2000, dataset: { testid: 'dissolution-reason' } });
  const submit = el('button', { type: 'submit', class: 'button button-secondary', dataset: { testid: 'dissolution-submit' } },
    t('journey.dissolution.submit'));
  const form = el('form', { novalidate: true, dataset: { testid: 'dissolution-form' } },
    el('p', { class: 'muted' }, t('journey.dissolution.lead')),
    summary,
    dissolutionField(applicationId, 'agreementSignedOn', 'journey.dissolution.signedOn', signedOn),
    dissolutionField(applicationId, 'childConsents', 'journey.dissolution.childConsents', consents),
    dissolutionField(applicationId, 'reason', 'journey.dissolution.reason', reason),
    submit);
  onFormSubmit(form, {
    check: () => [[signedOn, 'agreementSignedOn'], [reason, 'reason']]
      .filter(([control]) => !control.value.trim())
      .map(([, field]) => ({ field, message: t('apply.err.required') })),
    send: async () => {
      await api.requestDissolution(applicationId, {
        agreementSignedOn: signedOn.value, reason: reason.value.trim(), childConsents: consents.checked ? true : null,
      });
      await onDone();
    },
    button: submit, busyKey: 'journey.dissolution.submitting', errors: formErrors(form, summary), summaryHost: summary,
  });
  return el('details', { class: 'journey-dissolution' }, el('summary', {}, t('journey.dissolution.title')), form);
}

/** Why an application was refused: every unmet rule with its article, as the decision recorded it. */
export function refusalReasons(reasons) {
  return el('div', { class: 'refusal', dataset: { testid: 'refusal' } },
    el('h3', {}, t('journey.refusal.title')),
    el('p', {}, t('journey.refusal.lead')),
    el('ul', { class: 'reasons' }, reasons.map((reason) => el('li', { dataset: { testid: 'refusal-reason', rule: reason.rule ?? '' } },
      reason.reason,
      reason.article ? el('div', { class: 'article' }, reason.article) : null))));
}

/** A panel for one adoption application; onDissolutionApplied() runs after a dissolution application. */
export async function journeyPanel(application, onDissolutionApplied) {
  const title = el('h2', {}, t('journey.title', { number: application.number }));
  const panel = el('section', { class: 'panel journey', dataset: { testid: 'journey', applicationNumber: application.number } },
    title);
  try {
    const journey = await api.journey(application.id);
    fill(panel, title,
      el('div', { class: 'journey-now', dataset: { testid: 'journey-now', familyActs: String(journey.familyActs) } },
        notice(journey.familyActs ? 'warning' : 'info',
          el('strong', {}, t(journey.familyActs ? 'journey.youAct' : 'journey.othersAct')), ' ', journey.now)),
      journey.status === 'REJECTED' && journey.rejectionReasons?.length ? refusalReasons(journey.rejectionReasons) : null,
      journey.childHeardOn ? el('p', { class: 'muted', dataset: { testid: 'journey-child-heard' } },
        t('journey.childHeard', { day: formatDate(journey.childHeardOn) })) : null,
      journey.certificateNumber ? el('p', { dataset: { testid: 'journey-certificate' } },
        t('journey.certificate'), '：', el('strong', { class: 'mono' }, journey.certificateNumber)) : null,
      journey.dissolutionCertificateNumber ? el('p', { dataset: { testid: 'journey-dissolution-certificate' } },
        t('journey.dissolutionCertificate'), '：', el('strong', { class: 'mono' }, journey.dissolutionCertificateNumber)) : null,
      el('h3', {}, t('journey.nextDeadline')),
      deadline(journey.nextDeadline),
      el('h3', {}, t('journey.steps')),
      el('ol', { class: 'journey-steps' }, journey.steps.map(step)),
      journey.status === 'REGISTERED' ? dissolutionForm(application.id, onDissolutionApplied) : null);
  } catch (error) {
    fill(panel, title, errorNotice(error));
  }
  return panel;
}
