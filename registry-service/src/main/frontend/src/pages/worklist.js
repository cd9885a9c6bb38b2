// 工作台 Worklist: open user tasks projected from the engine, filtered and sorted by due date.
// The filters live in the URL (bookmarkable, and the browser test opens ?candidateGroup=...).
// The server shows each user only the tasks of their candidate groups and data scope; the group
// filter offers only the user's own groups (auditors, who read everything, get all of them).
import { api } from '../api.js';
import { formatDateTime, formatTime, label, t } from '../i18n.js';
import { STAFF_ROLES, WORKLIST_QUERY_KEY, el, errorNotice, fill, hasRole, initPage, notice, requireRole, stackOnPhones } from '../shell.js';

const TASK_GROUPS = ['caseworker', 'assessor', 'director', 'registrar'];
const PAGE_SIZE = 20;
const REFRESH_MS = 10_000;
const FAST_REFRESH_MS = 2_000;
const FAST_REFRESH_FOR_MS = 60_000;

const main = initPage({ page: 'worklist', titleKey: 'worklist.title' });
const user = await requireRole(main, ...STAFF_ROLES, 'AUDITOR');
// every journey with tasks for people, named by the service from its models; without it the filter offers "all" only
const PROCESSES = user ? await api.worklistProcesses().catch(() => []) : [];
const GROUPS = hasRole(user, 'AUDITOR')
  ? TASK_GROUPS
  : (user?.candidateGroups ?? []).filter((group) => !['auditor', 'admin', 'family'].includes(group));

const params = new URLSearchParams(location.search);
const state = {
  candidateGroup: GROUPS.includes(params.get('candidateGroup')) ? params.get('candidateGroup') : '',
  processId: params.get('processId') ?? '',
  overdue: params.get('overdue') === 'true',
  mine: params.get('mine') === 'true',
  page: Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0),
  direction: params.get('sort') === 'dueDate,desc' ? 'desc' : 'asc',
};
const justCompleted = params.has('completed');
const startedAt = Date.now();

// --- static frame -------------------------------------------------------------------------

const groupSelect = el('select', { id: 'filter-group', dataset: { testid: 'filter-group' } },
  el('option', { value: '' }, t('common.all')),
  GROUPS.map((group) => el('option', { value: group }, label('group', group))));
groupSelect.value = state.candidateGroup;

const processSelect = el('select', { id: 'filter-process', dataset: { testid: 'filter-process' } },
  el('option', { value: '' }, t('common.all')),
  PROCESSES.map((process) => el('option', { value: process.id }, process.name)));
if (state.processId && !PROCESSES.some((process) => process.id === state.processId)) {
  processSelect.append(el('option', { value: state.processId }, state.processId));
}
processSelect.value = state.processId;

const overdueBox = el('input', { id: 'filter-overdue', type: 'checkbox', dataset: { testid: 'filter-overdue' } });
overdueBox.checked = state.overdue;

const mineBox = el('input', { id: 'filter-mine', type: 'checkbox', dataset: { testid: 'filter-mine' } });
mineBox.checked = state.mine;

const refreshButton = el('button', { type: 'button', class: 'button button-secondary', dataset: { testid: 'refresh' } }, t('common.refresh'));
const updatedAt = el('span', { class: 'muted', 'aria-live': 'polite' });
const incidentsHost = el('div');
const messages = el('div');
const listHost = el('div', { 'aria-busy': 'true' }, el('p', { class: 'muted' }, t('common.loading')));

if (user) fill(main,
  el('h1', {}, t('worklist.title')),
  el('p', { class: 'page-lead' }, t('worklist.lead')),
  incidentsHost,
  justCompleted ? notice('success', t('worklist.completed')) : null,
  messages,
  el('section', { class: 'panel', 'aria-labelledby': 'filters-title' },
    el('h2', { id: 'filters-title', class: 'visually-hidden' }, t('worklist.filters')),
    el('div', { class: 'filters' },
      el('div', { class: 'field' }, el('label', { for: 'filter-group' }, t('worklist.group')), groupSelect),
      el('div', { class: 'field' }, el('label', { for: 'filter-process' }, t('worklist.process')), processSelect),
      el('label', { class: 'checkbox', for: 'filter-mine' }, mineBox, t('worklist.mine')),
      el('label', { class: 'checkbox', for: 'filter-overdue' }, overdueBox, t('worklist.overdueOnly')),
      el('div', { class: 'actions', style: 'margin-left:auto' }, updatedAt, refreshButton))),
  listHost);

// --- behaviour ----------------------------------------------------------------------------

function queryString() {
  const search = new URLSearchParams();
  if (state.candidateGroup) search.set('candidateGroup', state.candidateGroup);
  if (state.processId) search.set('processId', state.processId);
  if (state.mine) search.set('mine', 'true');
  if (state.overdue) search.set('overdue', 'true');
  if (state.page) search.set('page', String(state.page));
  if (state.direction === 'desc') search.set('sort', 'dueDate,desc');
  return search.toString();
}

function syncUrl() {
  const query = queryString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
  sessionStorage.setItem(WORKLIST_QUERY_KEY, query);
}

function onFilterChange() {
  state.candidateGroup = groupSelect.value;
  state.processId = processSelect.value;
  state.overdue = overdueBox.checked;
  state.mine = mineBox.checked;
  state.page = 0;
  load();
}

groupSelect.addEventListener('change', onFilterChange);
processSelect.addEventListener('change', onFilterChange);
overdueBox.addEventListener('change', onFilterChange);
mineBox.addEventListener('change', onFilterChange);
refreshButton.addEventListener('click', () => load());

function taskHref(task) {
  return `task.html?key=${encodeURIComponent(task.key)}`;
}

function flags(task) {
  return [
    task.overdue ? el('span', { class: 'badge badge-overdue', dataset: { testid: 'badge-overdue' } }, t('badge.overdue')) : null,
    task.escalated ? el('span', { class: 'badge badge-escalated', dataset: { testid: 'badge-escalated' } }, t('badge.escalated')) : null,
    task.reminded ? el('span', { class: 'badge badge-reminded', dataset: { testid: 'badge-reminded' } }, t('badge.reminded')) : null,
  ];
}

function row(task) {
  const stop = (event) => event.stopPropagation();
  const tr = el('tr', {
    class: `clickable${task.overdue ? ' is-overdue' : ''}`,
    dataset: {
      testid: 'task-row',
      taskKey: task.key,
      elementId: task.elementId ?? '',
      applicationNumber: task.application?.number ?? '',
    },
  },
  el('td', {}, el('a', { href: taskHref(task), dataset: { testid: 'task-link' } }, task.name || task.elementId),
    task.processName ? el('div', { class: 'muted', dataset: { testid: 'task-row-process' } }, task.processName) : null),
  el('td', {}, task.application
    ? [el('a', { href: `application.html?id=${encodeURIComponent(task.application.id)}`, onclick: stop }, task.application.number),
      task.application.statusLabel ? el('div', { class: 'muted', dataset: { testid: 'task-row-status' } }, task.application.statusLabel) : null]
    : t('common.none')),
  // a child's placement (送养) belongs to no application: the row names the child and links the file;
  // a unit's review (机构内家庭式养育) names the unit and links the units board
  el('td', {}, task.family?.displayName
    ?? (task.child ? el('a', { href: `child.html?id=${encodeURIComponent(task.child.id)}`, onclick: stop },
      task.child.name, task.child.fileNumber ? el('div', { class: 'muted mono' }, task.child.fileNumber) : null)
      : task.unit ? el('a', { href: 'units.html', onclick: stop, dataset: { testid: 'task-row-unit' } }, task.unit.name)
        : t('common.none'))),
  el('td', {}, (task.candidateGroups ?? []).map((group) => el('span', { class: 'badge badge-group' }, label('group', group)))),
  el('td', { dataset: { testid: 'task-row-assignee' } }, task.assigneeName ?? task.assignee ?? el('span', { class: 'muted' }, t('worklist.unassigned'))),
  el('td', { class: task.overdue ? 'overdue-text' : null },
    task.dueDate ? el('time', { datetime: task.dueDate, dataset: { testid: 'task-row-due' } }, formatDateTime(task.dueDate))
      : el('span', { class: 'muted' }, t('worklist.noDue'))),
  el('td', {}, flags(task)));
  tr.addEventListener('click', () => { location.href = taskHref(task); });
  return tr;
}

function sortHeader() {
  const ascending = state.direction === 'asc';
  const button = el('button', {
    type: 'button', class: 'sort-button', dataset: { testid: 'sort-due' },
    title: ascending ? t('worklist.sortDesc') : t('worklist.sortAsc'),
  }, t('worklist.col.due'), el('span', { class: 'arrow', 'aria-hidden': 'true' }, ascending ? '▲' : '▼'));
  button.addEventListener('click', () => {
    state.direction = ascending ? 'desc' : 'asc';
    state.page = 0;
    load();
  });
  return el('th', { scope: 'col', 'aria-sort': ascending ? 'ascending' : 'descending' }, button);
}

function pager(page, count) {
  const number = page?.number ?? 0;
  const go = (target) => () => { state.page = target; load(); };
  return el('div', { class: 'list-footer' },
    el('span', { dataset: { testid: 'worklist-summary' } },
      t('worklist.summary', { page: number + 1, count })),
    el('nav', { class: 'actions', 'aria-label': t('worklist.pagination') },
      el('button', { type: 'button', class: 'button button-secondary', disabled: number <= 0, onclick: go(number - 1), dataset: { testid: 'page-prev' } }, t('worklist.prev')),
      el('button', { type: 'button', class: 'button button-secondary', disabled: !page?.hasNext, onclick: go(number + 1), dataset: { testid: 'page-next' } }, t('worklist.next'))));
}

function renderList(result) {
  const tasks = result?.content ?? [];
  const head = el('thead', {}, el('tr', {},
    el('th', { scope: 'col' }, t('worklist.col.task')),
    el('th', { scope: 'col' }, t('worklist.col.application')),
    el('th', { scope: 'col' }, t('worklist.col.family')),
    el('th', { scope: 'col' }, t('worklist.col.groups')),
    el('th', { scope: 'col' }, t('worklist.col.assignee')),
    sortHeader(),
    el('th', { scope: 'col' }, t('worklist.col.flags'))));
  const body = el('tbody', {}, tasks.length
    ? tasks.map(row)
    : el('tr', {}, el('td', { colspan: 7, class: 'muted', dataset: { testid: 'worklist-empty' } }, t('worklist.empty'))));
  fill(listHost,
    el('div', { class: 'table-wrap' }, stackOnPhones(el('table', { dataset: { testid: 'worklist-table' } },
      el('caption', { class: 'visually-hidden' }, t('worklist.title')), head, body))),
    pager(result?.page, tasks.length));
}

function renderIncidents(incidents) {
  if (!Array.isArray(incidents) || incidents.length === 0) {
    fill(incidentsHost);
    return;
  }
  fill(incidentsHost, el('section', { class: 'panel incidents', role: 'region', 'aria-labelledby': 'incidents-title', dataset: { testid: 'incidents' } },
    el('h2', { id: 'incidents-title' }, `${t('incidents.title')} (${incidents.length})`),
    el('p', {}, t('incidents.lead')),
    el('ul', {}, incidents.map((incident) => el('li', { dataset: { testid: 'incident' } },
      el('strong', {}, incident.errorType ?? ''), ' ',
      incident.application
        ? el('a', { href: `application.html?id=${encodeURIComponent(incident.application.id)}` }, incident.application.number)
        : null,
      ' ', el('span', { class: 'muted' }, `${incident.processName ?? ''} · ${incident.elementId ?? ''}`),
      incident.createdAt ? el('span', { class: 'muted' }, ` · ${t('incidents.at', { time: formatDateTime(incident.createdAt) })}`) : null,
      incident.errorMessage ? el('div', { class: 'mono' }, incident.errorMessage) : null)))));
}

let loading = false;

async function load() {
  if (loading) return;
  loading = true;
  syncUrl();
  listHost.setAttribute('aria-busy', 'true');
  try {
    const [result, incidents] = await Promise.all([
      api.worklist({
        candidateGroup: state.candidateGroup,
        processId: state.processId,
        assignee: state.mine ? user.username : undefined,
        overdue: state.overdue ? 'true' : undefined,
        page: state.page,
        size: PAGE_SIZE,
        sort: `dueDate,${state.direction}`,
      }),
      // the incidents panel is a side dish: its failure must not hide the worklist
      api.incidents().catch(() => null),
    ]);
    // a page past the end (tasks completed meanwhile): step back
    if (result?.page && state.page > 0 && (result.content?.length ?? 0) === 0) {
      state.page -= 1;
      loading = false;
      return load();
    }
    fill(messages);
    renderList(result);
    if (incidents !== null) renderIncidents(incidents);
    updatedAt.textContent = t('common.updatedAt', { time: formatTime(new Date()) });
  } catch (error) {
    fill(messages, errorNotice(error));
  } finally {
    listHost.setAttribute('aria-busy', 'false');
    loading = false;
  }
}

// The engine projects tasks asynchronously: poll, faster right after a completion.
function scheduleRefresh() {
  const fast = justCompleted && Date.now() - startedAt < FAST_REFRESH_FOR_MS;
  setTimeout(async () => {
    if (document.visibilityState === 'visible') await load();
    scheduleRefresh();
  }, fast ? FAST_REFRESH_MS : REFRESH_MS);
}

if (user) {
  load();
  scheduleRefresh();
}
