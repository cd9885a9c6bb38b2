// 家庭式养育单元 (机构内家庭式养育, seeds 000 专栏4.2, 003 三(一)): the institution's residence units with
// occupancy, couple, children (ages and care notes, so groups are mixed sensibly) and the next review;
// the director creates units, assigns children (capacity and siblings checked by the server, refusals
// next to the fields), ends a child's stay, closes an empty unit and opens calls for couples (招募公告).
// Caseworkers and auditors read.
import { api } from '../api.js';
import { formatDate, t } from '../i18n.js';
import { field, formErrors, number, onFormSubmit, ownIds, text } from '../household.js';
import { el, errorNotice, fill, hasRole, initPage, notice, requireRole, stackOnPhones } from '../shell.js';

const main = initPage({ page: 'units', titleKey: 'units.title' });
const user = await requireRole(main, 'CASEWORKER', 'DIRECTOR', 'AUDITOR');
const director = hasRole(user, 'DIRECTOR');

const lead = el('p', { class: 'lead' });
const message = el('div', { tabindex: '-1' });
const boardHost = el('div', { 'aria-busy': 'true' }, el('p', { class: 'muted' }, t('common.loading')));
const formsHost = el('div');
const callsHost = el('section', { class: 'panel', 'aria-labelledby': 'calls-title', dataset: { testid: 'calls' } });
fill(main, el('h1', {}, t('units.title')), lead, message, boardHost, formsHost, callsHost);

function childLine(unit, child) {
  return el('li', { dataset: { testid: 'unit-child', childId: child.childId } },
    el('a', { href: `child.html?id=${encodeURIComponent(child.childId)}` }, t('units.child', { name: child.name, age: child.age })),
    child.healthNotes ? el('div', { class: 'muted' }, child.healthNotes) : null,
    child.educationNotes ? el('div', { class: 'muted' }, child.educationNotes) : null,
    director ? endForm(unit, child) : null);
}

function endForm(unit, child) {
  const reason = text({ maxlength: 500 });
  return directorForm({ testid: 'unit-end-form', idPrefix: `end-${child.childId}-`, submitKey: 'units.end', inline: true },
    [field('reason', 'units.end.reason', reason)],
    async () => { await api.endUnitAssignment(unit.id, child.childId, { reason: reason.value }); await load(); });
}

// A director's form on this page: its fields, one submit button, the server's refusals next to the fields.
function directorForm({ testid, idPrefix, submitKey, title, inline }, fields, send) {
  const button = el('button', { type: 'submit', class: inline ? 'secondary' : null }, t(submitKey));
  const summary = el('div', { tabindex: '-1' });
  const form = ownIds(el('form', { class: inline ? 'inline-form' : null, dataset: { testid } }, title, summary, fields, button), idPrefix);
  const errors = formErrors(form, summary, 'units.errorSummary');
  onFormSubmit(form, { check: () => [], button, busyKey: 'units.saving', errors, summaryHost: summary, send: () => send(form) });
  return form;
}

function unitRow(unit) {
  const review = unit.nextReviewDue
    ? el('span', {}, formatDate(unit.nextReviewDue), unit.reviewOverdue ? el('strong', { class: 'badge badge-warn' }, ` ${t('units.overdue')}`) : null)
    : '—';
  const close = director && unit.state !== 'CLOSED' && unit.occupancy === 0
    ? el('button', { type: 'button', class: 'secondary', dataset: { testid: 'unit-close' }, onclick: async () => {
      try { await api.updateResidenceUnit(unit.id, { state: 'CLOSED' }); await load(); } catch (error) { fill(message, errorNotice(error)); }
    } }, t('units.close'))
    : null;
  return el('tr', { dataset: { testid: 'unit-row', unitId: unit.id, state: unit.state } },
    el('td', {}, unit.name, el('div', { class: 'muted' }, unit.place), close),
    el('td', {}, `${unit.occupancy} / ${unit.capacity}`),
    el('td', {}, t(`units.state.${unit.state}`)),
    el('td', { dataset: { testid: 'unit-couple' } }, unit.couple
      ? [el('a', { href: `application.html?id=${encodeURIComponent(unit.coupleApplicationId)}` }, unit.couple.household),
        el('div', { class: 'muted' }, t('units.couple.until', { date: formatDate(unit.couple.contractUntil) })),
        el('a', { href: api.familyStyleContractUrl(unit.couple.contractId), target: '_blank', rel: 'noopener' }, t('units.couple.contract'))]
      : t('units.couple.none')),
    el('td', {}, unit.children.length ? el('ul', { class: 'plain' }, unit.children.map((child) => childLine(unit, child))) : '—'),
    el('td', { dataset: { testid: 'unit-next-review' } }, review));
}

function renderBoard(board) {
  const months = /^P(\d+)M$/.exec(board.reviewInterval ?? '');
  const interval = months ? t('units.months', { n: months[1] }) : board.reviewInterval;
  fill(lead, t('units.lead', { max: board.maxCapacity, interval }));
  boardHost.removeAttribute('aria-busy');
  if (!board.units.length) {
    fill(boardHost, el('p', { class: 'empty-state', dataset: { testid: 'units-empty' } }, t('units.empty')));
    return;
  }
  const columns = ['unit', 'occupancy', 'state', 'couple', 'children', 'nextReview'];
  fill(boardHost, el('div', { class: 'table-wrap' }, stackOnPhones(el('table', { dataset: { testid: 'units-table' } },
    el('caption', { class: 'visually-hidden' }, t('units.title')),
    el('thead', {}, el('tr', {}, columns.map((column) => el('th', { scope: 'col' }, t(`units.col.${column}`))))),
    el('tbody', {}, board.units.map(unitRow))))));
}

function createForm(board) {
  const name = text({ maxlength: 100 });
  const place = text({ maxlength: 200 });
  const capacity = number({ min: 1, max: board.maxCapacity, value: board.maxCapacity });
  return directorForm({ testid: 'unit-create-form', idPrefix: 'create-', submitKey: 'units.submit', title: el('h2', {}, t('units.create')) },
    [field('name', 'units.name', name), field('place', 'units.place', place), field('capacity', 'units.capacity', capacity)],
    async (form) => {
      await api.createResidenceUnit({ name: name.value, place: place.value, capacity: capacity.value ? Number(capacity.value) : null });
      form.reset();
      fill(message, notice('success', t('units.saved')));
      await load();
    });
}

/**
 * Every child of the institution: /api/children answers a plain list, one page of at most 200 (newest
 * admissions first), so the pages are read until one comes back short.
 */
async function institutionChildren() {
  const size = 200;
  const all = [];
  for (let page = 0; ; page += 1) {
    const batch = (await api.children({ page, size })) ?? [];
    all.push(...batch);
    if (batch.length < size) return all;
  }
}

async function assignForm(board) {
  const open = board.units.filter((unit) => unit.state !== 'CLOSED');
  const unitSelect = el('select', {}, open.map((unit) => el('option', { value: unit.id }, `${unit.name}（${unit.occupancy}/${unit.capacity}）`)));
  const inCare = (await institutionChildren()).filter((child) => child.currentPlacement === 'INSTITUTION' && !child.dischargedOn);
  const children = el('select', { multiple: true, size: Math.min(8, Math.max(2, inCare.length)) },
    inCare.map((child) => el('option', { value: child.id }, t('units.child', { name: child.record?.name ?? child.name, age: child.age }))));
  const apart = el('textarea', { rows: 2, maxlength: 500 });
  return directorForm({ testid: 'unit-assign-form', idPrefix: 'assign-', submitKey: 'units.assign.submit', title: el('h2', {}, t('units.assign')) },
    [field('unitId', 'units.assign.unit', unitSelect), field('childIds', 'units.assign.children', children),
      field('siblingsApartReason', 'units.assign.apart', apart, { required: false })],
    async () => {
      const childIds = [...children.selectedOptions].map((option) => option.value);
      await api.assignToUnit(unitSelect.value, { childIds, siblingsApartReason: apart.value || null });
      fill(message, notice('success', t('units.saved')));
      await load();
    });
}

// 招募公告: couples apply to an open call on the portal (apply.html?journey=family-style)
async function renderCalls() {
  const calls = ((await api.familyStyleCalls()) ?? []).filter((call) => !user.institution || call.institutionCode === user.institution);
  fill(callsHost, el('h2', { id: 'calls-title' }, t('units.calls')),
    calls.length
      ? el('ul', { class: 'plain' }, calls.map((call) => el('li', { dataset: { testid: 'call' } },
        el('strong', {}, call.title), ` · ${formatDate(call.opensOn)} – ${formatDate(call.closesOn)} · `,
        t('units.calls.places', { n: call.places }))))
      : el('p', { class: 'muted' }, t('units.calls.none')),
    director ? callForm() : null);
}

function callForm() {
  const title = text({ maxlength: 200 });
  const description = el('textarea', { rows: 3, maxlength: 4000 });
  const opensOn = el('input', { type: 'date' });
  const closesOn = el('input', { type: 'date' });
  const places = number({ min: 1, value: 1 });
  return directorForm({ testid: 'call-form', idPrefix: 'call-', submitKey: 'units.calls.submit', title: el('h3', {}, t('units.calls.open')) },
    [field('title', 'units.calls.title', title), field('description', 'units.calls.description', description, { required: false }),
      field('opensOn', 'units.calls.opensOn', opensOn), field('closesOn', 'units.calls.closesOn', closesOn),
      field('places', 'units.calls.placesLabel', places)],
    async () => {
      await api.openFamilyStyleCall({ title: title.value, description: description.value || null, opensOn: opensOn.value || null,
        closesOn: closesOn.value || null, places: places.value ? Number(places.value) : null });
      fill(message, notice('success', t('units.calls.saved')));
      await renderCalls();
    });
}

async function load() {
  try {
    const board = await api.residenceUnits();
    renderBoard(board);
    if (director) fill(formsHost, createForm(board), board.units.some((unit) => unit.state !== 'CLOSED') ? await assignForm(board) : null);
  } catch (error) {
    fill(boardHost, errorNotice(error));
  }
}

await load();
try {
  await renderCalls();
} catch (error) {
  fill(callsHost, errorNotice(error));
}
