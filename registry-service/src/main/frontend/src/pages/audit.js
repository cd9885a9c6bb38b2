// 审计日志 Audit log (auditors): search the hash-chained log, newest first, and verify the chain.
// The search lives in the URL (actor, objectType, objectId, action, page).
import { api } from '../api.js';
import { formatDateTime, label, t } from '../i18n.js';
import { verifyPanel } from '../auditVerify.js';
import { el, errorNotice, fill, initPage, notice, requireRole } from '../shell.js';

const ACTIONS = ['READ', 'CREATE', 'UPDATE', 'DENIED', 'AUTHENTICATION_FAILED', 'SIGNED_IN', 'SIGNED_OUT',
  'TOKEN_ISSUED', 'ACCOUNT_CHANGED', 'ACCOUNT_CHANGE_FAILED'];
const OBJECT_TYPES = ['APPLICATION', 'FAMILY', 'DOCUMENT', 'TASK', 'REQUEST', 'KEYCLOAK_EVENT'];
const PAGE_SIZE = 50;

const main = initPage({ page: 'audit', titleKey: 'audit.title' });
const user = await requireRole(main, 'AUDITOR');

const params = new URLSearchParams(location.search);
const state = {
  actor: params.get('actor') ?? '',
  objectType: params.get('objectType') ?? '',
  objectId: params.get('objectId') ?? '',
  action: ACTIONS.includes(params.get('action')) ? params.get('action') : '',
  page: Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0),
};

// --- search form ----------------------------------------------------------------------------

function textInput(id, value) {
  const input = el('input', { id, type: 'text', autocomplete: 'off', maxlength: 200, dataset: { testid: id } });
  input.value = value;
  return input;
}

function choice(id, values, prefix, value) {
  const select = el('select', { id, dataset: { testid: id } },
    el('option', { value: '' }, t('common.all')),
    values.map((code) => el('option', { value: code }, `${label(prefix, code)}`)));
  if (value && !values.includes(value)) select.append(el('option', { value }, value));
  select.value = value;
  return select;
}

const actorInput = textInput('audit-actor', state.actor);
const typeSelect = choice('audit-object-type', OBJECT_TYPES, 'objectType', state.objectType);
const objectIdInput = textInput('audit-object-id', state.objectId);
const actionSelect = choice('audit-action', ACTIONS, 'auditAction', state.action);
const resetButton = el('button', { type: 'button', class: 'button button-link', dataset: { testid: 'audit-reset' } }, t('audit.reset'));

const searchForm = el('form', { novalidate: true, dataset: { testid: 'audit-search' } },
  el('div', { class: 'filters' },
    el('div', { class: 'field' }, el('label', { for: 'audit-actor' }, t('audit.actor')), actorInput),
    el('div', { class: 'field' }, el('label', { for: 'audit-object-type' }, t('audit.objectType')), typeSelect),
    el('div', { class: 'field' }, el('label', { for: 'audit-object-id' }, t('audit.objectId')), objectIdInput),
    el('div', { class: 'field' }, el('label', { for: 'audit-action' }, t('audit.action')), actionSelect),
    el('div', { class: 'field actions' },
      el('button', { type: 'submit', class: 'button', dataset: { testid: 'audit-submit' } }, t('audit.submit')),
      resetButton)));

const messages = el('div');
const resultHost = el('div', { 'aria-busy': 'true' }, el('p', { class: 'muted' }, t('common.loading')));

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  state.actor = actorInput.value.trim();
  state.objectType = typeSelect.value;
  state.objectId = objectIdInput.value.trim();
  state.action = actionSelect.value;
  state.page = 0;
  load();
});

resetButton.addEventListener('click', () => {
  actorInput.value = '';
  typeSelect.value = '';
  objectIdInput.value = '';
  actionSelect.value = '';
  searchForm.requestSubmit();
});

// --- results --------------------------------------------------------------------------------

function short(hash) {
  return hash ? `${hash.slice(0, 10)}…` : t('common.none');
}

/** The object's id, shortened; clicking it shows every entry about that object. */
function objectIdLink(objectId) {
  const shortened = objectId.length > 14 ? `${objectId.slice(0, 8)}…` : objectId;
  return el('div', {}, el('button', {
    type: 'button', class: 'sort-button mono object-id', title: `${objectId}\n${t('audit.byObject')}`,
    dataset: { testid: 'audit-object-link' },
    onclick: () => {
      objectIdInput.value = objectId;
      searchForm.requestSubmit();
    },
  }, shortened));
}

function row(entry) {
  const denied = ['DENIED', 'AUTHENTICATION_FAILED', 'ACCOUNT_CHANGE_FAILED'].includes(entry.action);
  const roles = (entry.roles ?? '').split(',').filter(Boolean).map((role) => label('userRole', role.trim())).join('、');
  return el('tr', { class: denied ? 'is-denied' : null, dataset: { testid: 'audit-row', action: entry.action ?? '' } },
    el('td', { class: 'mono' }, String(entry.id)),
    el('td', {}, el('time', { datetime: entry.occurredAt }, formatDateTime(entry.occurredAt))),
    el('td', {}, entry.actor ?? t('common.none'), roles ? el('div', { class: 'muted' }, roles) : null),
    el('td', {}, el('span', { class: `badge ${denied ? 'badge-escalated' : 'badge-group'}` }, label('auditAction', entry.action))),
    el('td', {}, label('objectType', entry.objectType), entry.objectId ? objectIdLink(entry.objectId) : null),
    el('td', {}, (entry.fields ?? []).join('、') || t('common.none')),
    el('td', {}, entry.reason || t('common.none')),
    el('td', { class: 'mono' }, entry.address || t('common.none')),
    el('td', { class: 'mono', title: `${entry.hash ?? ''}\n← ${entry.previousHash ?? ''}` }, short(entry.hash)));
}

function pager(count) {
  const go = (target) => () => { state.page = target; load(); };
  return el('div', { class: 'list-footer' },
    el('span', { dataset: { testid: 'audit-summary' } }, t('audit.page', { page: state.page + 1, count })),
    el('nav', { class: 'actions', 'aria-label': t('worklist.pagination') },
      el('button', { type: 'button', class: 'button button-secondary', disabled: state.page <= 0, onclick: go(state.page - 1), dataset: { testid: 'audit-prev' } }, t('worklist.prev')),
      // the API gives no total: a full page means there may be more
      el('button', { type: 'button', class: 'button button-secondary', disabled: count < PAGE_SIZE, onclick: go(state.page + 1), dataset: { testid: 'audit-next' } }, t('worklist.next'))));
}

function renderResults(entries) {
  fill(resultHost,
    el('div', { class: 'table-wrap' }, el('table', { class: 'audit-table', dataset: { testid: 'audit-table' } },
      el('caption', { class: 'visually-hidden' }, t('audit.title')),
      el('thead', {}, el('tr', {},
        ['id', 'time', 'actor', 'action', 'object', 'fields', 'reason', 'address', 'hash']
          .map((column) => el('th', { scope: 'col' }, t(`audit.col.${column}`))))),
      el('tbody', {}, entries.length
        ? entries.map(row)
        : el('tr', {}, el('td', { colspan: 9, class: 'muted', dataset: { testid: 'audit-empty' } }, t('audit.empty')))))),
    pager(entries.length));
}

function syncUrl() {
  const search = new URLSearchParams();
  for (const name of ['actor', 'objectType', 'objectId', 'action']) if (state[name]) search.set(name, state[name]);
  if (state.page) search.set('page', String(state.page));
  const query = search.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

async function load() {
  syncUrl();
  resultHost.setAttribute('aria-busy', 'true');
  try {
    const entries = await api.audit({
      actor: state.actor, objectType: state.objectType, objectId: state.objectId, action: state.action,
      page: state.page, size: PAGE_SIZE,
    });
    fill(messages);
    renderResults(entries ?? []);
  } catch (error) {
    const fieldErrors = error.fieldErrors ?? [];
    fill(messages, fieldErrors.length
      ? notice('error', error.problem.detail ?? '', el('ul', {}, fieldErrors.map((e) => el('li', {}, e.message))))
      : errorNotice(error));
  } finally {
    resultHost.setAttribute('aria-busy', 'false');
  }
}

if (user) {
  fill(main,
    el('div', { class: 'page-head' },
      el('div', {},
        el('h1', {}, t('audit.title')),
        el('p', { class: 'page-lead', style: 'margin-bottom:0' }, t('audit.lead'))),
      verifyPanel()),
    messages,
    el('section', { class: 'panel', 'aria-labelledby': 'audit-search-title' },
      el('h2', { id: 'audit-search-title', class: 'visually-hidden' }, t('audit.search')),
      searchForm),
    resultHost);
  load();
}
