// 寄养期间 A foster placement while the child lives with the family: the visits' records (家庭寄养管理办法
// arts. 16–17), respites (短期托养, art. 20) and termination (解除寄养, arts. 18–19). The family asks for a
// respite or to end the placement on its portal; staff see the record on the child's file, arrange a
// respite, add a visit's photos and (the director) end the placement for a reason of the articles.
import { api } from './api.js';
import { field, formErrors, onFormSubmit, ownIds, select } from './household.js';
import { formatDate, formatDateTime, label, t } from './i18n.js';
import { el, fill, hasRole, notice } from './shell.js';

// the reasons of arts. 18–19 the director may choose; a family's request is its own, on the portal
const TERMINATION_REASONS = ['ABUSE', 'NO_LONGER_QUALIFIED', 'MAJOR_CHANGE', 'FUNDRAISING', 'BREACH',
  'RELATIONSHIP_BREAKDOWN', 'RECLAIMED', 'MEDICAL_OR_SCHOOLING'];
const ACCEPTED_PHOTOS = '.jpg,.jpeg,.png,.heic,image/jpeg,image/png,image/heic';

/** A small form whose refusals land next to its fields; {@code read} returns the body, {@code send} posts it. */
function careForm({ testid, titleKey, leadKey, fields, submitKey, read, required, send, done }) {
  const summary = el('div', { tabindex: '-1' });
  const message = el('div', { 'aria-live': 'polite', dataset: { testid: 'message' } });
  const submit = el('button', { type: 'submit', class: 'button', dataset: { testid: 'submit' } }, t(submitKey));
  const form = el('form', { novalidate: true, dataset: { testid } },
    el('h3', {}, t(titleKey)),
    leadKey ? el('p', { class: 'muted' }, t(leadKey)) : null,
    summary, ...fields, el('div', { class: 'actions' }, submit), message);
  ownIds(form, `${testid}-`);
  const errors = formErrors(form, summary);
  let body;
  onFormSubmit(form, {
    check: () => {
      fill(message);
      body = read();
      return required.filter((name) => !body[name]).map((name) => ({ field: name, message: t('apply.err.required') }));
    },
    send: async () => {
      await send(body);
      form.reset();
      await done(message);
    },
    button: submit, busyKey: 'fosterCare.sending', errors, summaryHost: summary,
  });
  return form;
}

/** The period, reason and standing of each respite, latest first. */
function respiteList(respites) {
  if (!respites.length) return el('p', { class: 'muted' }, t('fosterCare.respites.none'));
  return el('ul', { class: 'plain', dataset: { testid: 'respites' } }, respites.map((respite) => el('li', {
    dataset: { testid: 'respite', status: respite.status },
  },
  el('strong', {}, `${formatDate(respite.from)} — ${formatDate(respite.until)}`), ' ',
  el('span', { class: 'badge badge-status' }, label('respiteStatus', respite.status)), ' ',
  t(respite.requestedByFamily ? 'fosterCare.respite.byFamily' : 'fosterCare.respite.byInstitution'),
  el('div', { class: 'muted' }, respite.reason),
  respite.decisionNote ? el('div', {}, t('fosterCare.respite.note'), respite.decisionNote) : null,
  respite.returnedOn ? el('div', {}, t('fosterCare.respite.returnedOn', { date: formatDate(respite.returnedOn) })) : null)));
}

/** The reason and its article, the family's written request, the end, the written notice and the filing. */
function terminationSummary(termination, noticeUrl) {
  if (!termination) return null;
  return el('dl', { class: 'summary', dataset: { testid: 'termination-record' } },
    termination.requestText ? [el('dt', {}, t('fosterCare.termination.request')),
      el('dd', {}, termination.requestText, ' ', el('span', { class: 'muted' }, formatDateTime(termination.requestedAt)))] : null,
    termination.reasonLabel ? [el('dt', {}, t('fosterCare.termination.reason')),
      el('dd', { dataset: { testid: 'termination-recorded-reason' } }, `${termination.reasonLabel}（${termination.article}）`)] : null,
    termination.details ? [el('dt', {}, t('fosterCare.termination.details')), el('dd', {}, termination.details)] : null,
    termination.endedOn && termination.reasonLabel ? [el('dt', {}, t('fosterCare.termination.endedOn')),
      el('dd', {}, formatDate(termination.endedOn), ' ', el('a', { href: noticeUrl, target: '_blank', rel: 'noopener',
        dataset: { testid: 'termination-notice-link' } }, t('fosterCare.termination.notice')))] : null,
    [el('dt', {}, t('fosterCare.termination.filed')), el('dd', { dataset: { testid: 'termination-filed' } },
      termination.filedOn ? `${formatDate(termination.filedOn)} ${termination.filedWith ?? ''}` : t('fosterCare.termination.notFiled'))]);
}

const respiteFields = () => [
  el('div', { class: 'grid-2' },
    field('from', 'fosterCare.respite.from', el('input', { type: 'date', class: 'narrow' })),
    field('until', 'fosterCare.respite.until', el('input', { type: 'date', class: 'narrow' }), { hintKey: 'fosterCare.respite.until.hint' })),
  field('reason', 'fosterCare.respite.reason', el('textarea', { rows: 2, maxlength: 2000 })),
];

const valueOf = (form, name) => form.querySelector(`[data-field="${name}"]`)?.value.trim() || null;

/**
 * The family's part of an active placement on its portal: its respites and a termination, and the two
 * requests it may make. {@code reload} redraws the portal after a request.
 */
export async function familyCarePanel(placement, reload) {
  const record = await api.ownFosterCareRecord(placement.id);
  const host = el('div', { class: 'foster-care', dataset: { testid: 'family-care' } },
    placement.adoptionNotifiedAt ? notice('info', t('fosterCare.adoptionNotice', { date: formatDate(placement.adoptionNotifiedAt) })) : null,
    el('h3', {}, t('fosterCare.respites')),
    respiteList(record.respites),
    terminationSummary(record.termination, api.myFosterTerminationNoticeUrl(placement.id)));
  if (placement.status !== 'ACTIVE') return host;
  const respiteForm = careForm({
    testid: 'respite-request', titleKey: 'fosterCare.respite.ask', leadKey: 'fosterCare.respite.ask.lead',
    fields: respiteFields(), submitKey: 'fosterCare.respite.ask.submit', required: ['from', 'until', 'reason'],
    read: () => ({ from: valueOf(respiteForm, 'from'), until: valueOf(respiteForm, 'until'), reason: valueOf(respiteForm, 'reason') }),
    send: (body) => api.requestRespite(placement.id, body),
    done: async () => reload(t('fosterCare.respite.asked')),
  });
  const terminationForm = careForm({
    testid: 'termination-request', titleKey: 'fosterCare.termination.ask', leadKey: 'fosterCare.termination.ask.lead',
    fields: [field('reason', 'fosterCare.termination.askReason', el('textarea', { rows: 3, maxlength: 4000 }))],
    submitKey: 'fosterCare.termination.ask.submit', required: ['reason'],
    read: () => ({ reason: valueOf(terminationForm, 'reason') }),
    send: (body) => api.requestFosterTermination(placement.id, body),
    done: async () => reload(t('fosterCare.termination.asked')),
  });
  host.append(respiteForm, record.termination?.requestText ? null : terminationForm);
  return host;
}

/** One visit: its observations and photos; staff who keep the file may add photos. */
function visitItem(placement, visit, mayKeep, reload) {
  const photos = el('div', { class: 'photos' }, visit.photos.map((documentId, index) => el('a', {
    href: api.childDocumentUrl(placement.childId, documentId), target: '_blank', rel: 'noopener', dataset: { testid: 'visit-photo' },
  }, t('fosterCare.visit.photo', { n: index + 1 }))));
  const item = el('li', { dataset: { testid: 'visit' } },
    el('strong', {}, formatDate(visit.visitedOn)), ' ', el('span', { class: 'muted' }, visit.visitor),
    el('dl', { class: 'summary' },
      el('dt', {}, t('fosterCare.visit.health')), el('dd', {}, visit.health ?? ''),
      el('dt', {}, t('fosterCare.visit.schooling')), el('dd', {}, visit.schooling ?? ''),
      el('dt', {}, t('fosterCare.visit.wellbeing')), el('dd', {}, visit.wellbeing ?? ''),
      el('dt', {}, t('fosterCare.visit.findings')), el('dd', {}, visit.findings ?? '')),
    photos);
  if (mayKeep) {
    const input = el('input', { type: 'file', accept: ACCEPTED_PHOTOS, 'aria-label': t('fosterCare.visit.addPhoto'),
      dataset: { testid: 'visit-photo-file' } });
    const message = el('span', { 'aria-live': 'polite' });
    input.addEventListener('change', async () => {
      if (!input.files.length) return;
      try {
        await api.uploadVisitPhoto(placement.id, visit.id, input.files[0]);
        await reload(t('fosterCare.visit.photoAdded'));
      } catch (error) {
        fill(message, error.problem?.detail ?? t('common.error'));
      }
    });
    item.append(el('label', { class: 'muted' }, t('fosterCare.visit.addPhoto'), ' ', input), message);
  }
  return item;
}

/**
 * Staff's part of a placement on the child's file: visits, respites, termination; a respite the
 * institution arranges (caseworker or director) and the director's termination.
 */
export async function staffCarePanel(placement, user, reload) {
  const record = await api.fosterCareRecord(placement.id);
  const mayKeep = hasRole(user, 'CASEWORKER', 'DIRECTOR');
  const host = el('div', { class: 'foster-care', dataset: { testid: 'staff-care' } },
    el('h3', {}, t('fosterCare.visits')),
    record.visits.length
      ? el('ul', { class: 'plain', dataset: { testid: 'visits' } }, record.visits.map((visit) => visitItem(placement, visit, mayKeep, reload)))
      : el('p', { class: 'muted' }, t('fosterCare.visits.none')),
    el('h3', {}, t('fosterCare.respites')),
    respiteList(record.respites),
    terminationSummary(record.termination, api.fosterTerminationNoticeUrl(placement.id)));
  if (placement.status !== 'ACTIVE' || !mayKeep) return host;
  const respiteForm = careForm({
    testid: 'respite-arrange', titleKey: 'fosterCare.respite.arrange', leadKey: 'fosterCare.respite.arrange.lead',
    fields: respiteFields(), submitKey: 'fosterCare.respite.arrange.submit', required: ['from', 'until', 'reason'],
    read: () => ({ from: valueOf(respiteForm, 'from'), until: valueOf(respiteForm, 'until'), reason: valueOf(respiteForm, 'reason') }),
    send: (body) => api.arrangeRespite(placement.id, body),
    done: async () => reload(t('fosterCare.respite.arranged')),
  });
  host.append(respiteForm);
  if (hasRole(user, 'DIRECTOR')) {
    const terminationForm = careForm({
      testid: 'termination', titleKey: 'fosterCare.termination.end', leadKey: 'fosterCare.termination.end.lead',
      fields: [field('reason', 'fosterCare.termination.reason', select(TERMINATION_REASONS, 'TerminationReason')),
        field('details', 'fosterCare.termination.details', el('textarea', { rows: 2, maxlength: 4000 }), { required: false })],
      submitKey: 'fosterCare.termination.end.submit', required: ['reason'],
      read: () => ({ reason: valueOf(terminationForm, 'reason'), details: valueOf(terminationForm, 'details') }),
      send: (body) => api.terminateFosterPlacement(placement.id, body),
      done: async () => reload(t('fosterCare.termination.ended')),
    });
    host.append(terminationForm);
  }
  return host;
}
