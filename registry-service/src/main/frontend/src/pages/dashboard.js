// 看板 Dashboard (directors: their institution; registrars: their jurisdiction; auditors: all):
// open and overdue tasks by step and by person, applications by status, median days from
// application to decision, children by category and placement. Every number is counted by the
// server under the user's scope. The filter (institution, period) lives in the URL; the same
// filter exports the numbers as CSV. Charts: ECharts with the SVG renderer (numbers are text).
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { formErrors } from '../household.js';
import { el, errorNotice, fill, initPage, requireRole } from '../shell.js';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const COLORS = { open: '#1d4f91', overdue: '#b3261e', count: '#1d4f91', median: '#1e6b3a' };
const PIE_COLORS = ['#1d4f91', '#1e6b3a', '#8a5a00', '#6b3fa0', '#b3261e', '#0f7b84', '#5b6470', '#c0602b'];

const main = initPage({ page: 'dashboard', titleKey: 'dashboard.title' });
const user = await requireRole(main, 'DIRECTOR', 'REGISTRAR', 'AUDITOR');

const params = new URLSearchParams(location.search);
const state = {
  institution: params.get('institution') ?? '',
  from: params.get('from') ?? '',
  to: params.get('to') ?? '',
};

// --- the filter -----------------------------------------------------------------------------

function field(id, name, labelKey, control) {
  return el('div', { class: 'field' },
    el('label', { for: id }, t(labelKey)),
    control,
    el('span', { class: 'field-error', id: `${id}-error`, hidden: true, dataset: { errorFor: name } }));
}

const institutionSelect = el('select', { id: 'dashboard-institution', dataset: { testid: 'dashboard-institution', field: 'institution', label: t('dashboard.institution') } },
  el('option', { value: '' }, t('dashboard.allInScope')));
const fromInput = el('input', { id: 'dashboard-from', type: 'date', dataset: { testid: 'dashboard-from', field: 'from', label: t('dashboard.from') } });
const toInput = el('input', { id: 'dashboard-to', type: 'date', dataset: { testid: 'dashboard-to', field: 'to', label: t('dashboard.to') } });
fromInput.value = state.from;
toInput.value = state.to;

const exportButton = el('button', { type: 'button', class: 'button button-secondary', dataset: { testid: 'dashboard-export' } }, t('dashboard.export'));
const filterForm = el('form', { novalidate: true, dataset: { testid: 'dashboard-filter' } },
  el('div', { class: 'filters' },
    field('dashboard-institution', 'institution', 'dashboard.institution', institutionSelect),
    field('dashboard-from', 'from', 'dashboard.from', fromInput),
    field('dashboard-to', 'to', 'dashboard.to', toInput),
    el('div', { class: 'field actions' },
      el('button', { type: 'submit', class: 'button', dataset: { testid: 'dashboard-submit' } }, t('dashboard.submit')),
      exportButton)));
const messages = el('div', { tabindex: '-1' });
const errors = formErrors(filterForm, messages, 'dashboard.errorSummary');

filterForm.addEventListener('submit', (event) => {
  event.preventDefault();
  state.institution = institutionSelect.value;
  state.from = fromInput.value;
  state.to = toInput.value;
  load();
});

exportButton.addEventListener('click', async () => {
  exportButton.disabled = true;
  try {
    const { blob, fileName } = await api.dashboardCsv(filterParams());
    const link = el('a', { href: URL.createObjectURL(blob), download: fileName, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  } catch (error) {
    showError(error);
  } finally {
    exportButton.disabled = false;
  }
});

function filterParams() {
  return { institution: state.institution, from: state.from, to: state.to };
}

function showError(error) {
  if (error.fieldErrors?.length) errors.show(error.fieldErrors, error.problem.detail);
  else fill(messages, errorNotice(error));
}

// --- the numbers ----------------------------------------------------------------------------

const results = el('div', { 'aria-busy': 'true' }, el('p', { class: 'muted' }, t('common.loading')));
let charts = [];

function tile(testid, labelKey, value, extra) {
  return el('div', { class: 'dashboard-tile', dataset: { testid } },
    el('span', { class: 'dashboard-tile-label' }, t(labelKey)),
    el('strong', { class: 'dashboard-tile-value', dataset: { testid: `${testid}-value` } }, String(value)),
    extra ? el('span', { class: 'muted' }, extra) : null);
}

function median(time) {
  return time.medianDays == null ? t('common.none') : t('dashboard.days', { days: time.medianDays });
}

/** A chart with the same numbers as a table beneath it (for screen readers, and to read exact values). */
function card(testid, titleKey, rows, columns, option) {
  const chartHost = el('div', { class: 'dashboard-chart', role: 'img', 'aria-label': t(titleKey), dataset: { testid: `${testid}-chart` } });
  const table = el('div', { class: 'dashboard-table' }, el('table', { dataset: { testid: `${testid}-table` } },
    el('thead', {}, el('tr', {}, columns.map(([key]) => el('th', { scope: 'col' }, t(key))))),
    el('tbody', {}, rows.map((row) => el('tr', {}, columns.map(([, value], index) =>
      el(index ? 'td' : 'th', index ? {} : { scope: 'row' }, String(value(row)))))))));
  const section = el('section', { class: 'panel dashboard-card', dataset: { testid } },
    el('h2', {}, t(titleKey)),
    rows.length ? [chartHost, el('details', {}, el('summary', {}, t('dashboard.showTable')), table)]
      : el('p', { class: 'empty-state', dataset: { testid: `${testid}-empty` } }, t('dashboard.empty')));
  if (rows.length) {
    chartHost.style.height = `${option.height}px`;
    // drawn once the host is in the page and has its width
    queueMicrotask(() => {
      const chart = echarts.init(chartHost, null, { renderer: 'svg' });
      chart.setOption(option.spec);
      charts.push(chart);
    });
  }
  return section;
}

/** Horizontal bars: long Chinese step names stay readable on a phone. */
function bars(names, series) {
  return {
    height: Math.max(140, 56 + names.length * (series.length > 1 ? 44 : 32)),
    spec: {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 8, right: 40, top: series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: names, axisLabel: { width: 120, overflow: 'break' } },
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, itemStyle: { color: s.color },
        label: { show: true, position: 'right' } })),
    },
  };
}

function pie(rows) {
  return {
    height: 300,
    spec: {
      animation: false,
      color: PIE_COLORS,
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', radius: ['35%', '62%'], center: ['50%', '42%'],
        label: { formatter: '{c}' },
        data: rows.map((row) => ({ name: row.label, value: row.count })) }],
    },
  };
}

function render(view) {
  charts.forEach((chart) => chart.dispose());
  charts = [];
  const steps = view.tasksByStep;
  const people = view.tasksByPerson;
  const statuses = view.applicationsByStatus;
  const times = view.decisionTimes;
  const decided = times.filter((time) => time.decided > 0);
  const stepName = (s) => `${s.name}（${s.processName}）`;
  const openAndOverdue = [['dashboard.col.open', (r) => r.open], ['dashboard.col.overdue', (r) => r.overdue]];
  fill(results,
    el('p', { class: 'muted', dataset: { testid: 'dashboard-scope' } }, scopeLine(view)),
    el('div', { class: 'dashboard-tiles' },
      tile('tile-open', 'dashboard.tile.open', view.totals.openTasks),
      tile('tile-overdue', 'dashboard.tile.overdue', view.totals.overdueTasks),
      tile('tile-applications', 'dashboard.tile.applications', view.totals.applications),
      tile('tile-children', 'dashboard.tile.children', view.totals.children),
      times.map((time) => tile(`tile-median-${time.journey}`, `dashboard.tile.median.${time.journey}`, median(time),
        t('dashboard.decided', { count: time.decided })))),
    el('div', { class: 'dashboard-grid' },
      card('chart-steps', 'dashboard.tasksByStep', steps,
        [['dashboard.col.step', stepName], ...openAndOverdue],
        bars(steps.map(stepName), [
          { name: t('dashboard.col.open'), data: steps.map((s) => s.open), color: COLORS.open },
          { name: t('dashboard.col.overdue'), data: steps.map((s) => s.overdue), color: COLORS.overdue }])),
      card('chart-people', 'dashboard.tasksByPerson', people,
        [['dashboard.col.person', (p) => p.label], ...openAndOverdue],
        bars(people.map((p) => p.label), [
          { name: t('dashboard.col.open'), data: people.map((p) => p.open), color: COLORS.open },
          { name: t('dashboard.col.overdue'), data: people.map((p) => p.overdue), color: COLORS.overdue }])),
      card('chart-statuses', 'dashboard.applicationsByStatus', statuses,
        [['dashboard.col.status', (s) => s.label], ['dashboard.col.count', (s) => s.count]],
        bars(statuses.map((s) => s.label), [
          { name: t('dashboard.col.count'), data: statuses.map((s) => s.count), color: COLORS.count }])),
      card('chart-decisions', 'dashboard.decisionTimes', decided,
        [['dashboard.col.journey', (d) => d.label], ['dashboard.col.decided', (d) => d.decided],
          ['dashboard.col.median', (d) => d.medianDays]],
        bars(decided.map((d) => d.label), [
          { name: t('dashboard.col.median'), data: decided.map((d) => Number(d.medianDays)), color: COLORS.median }])),
      card('chart-categories', 'dashboard.childrenByCategory', view.childrenByCategory,
        [['dashboard.col.category', (c) => c.label], ['dashboard.col.count', (c) => c.count]],
        pie(view.childrenByCategory)),
      card('chart-placements', 'dashboard.childrenByPlacement', view.childrenByPlacement,
        [['dashboard.col.placement', (c) => c.label], ['dashboard.col.count', (c) => c.count]],
        pie(view.childrenByPlacement))));
}

function scopeLine(view) {
  const chosen = view.institutions.find((i) => i.code === view.filter.institution);
  const where = chosen ? chosen.name : view.institutions.map((i) => i.name).join('、') || t('common.none');
  const period = view.filter.from || view.filter.to
    ? t('dashboard.period', { from: view.filter.from ?? '…', to: view.filter.to ?? '…' })
    : t('dashboard.allTime');
  return t('dashboard.scope', { where, period });
}

function fillInstitutions(institutions) {
  if (institutionSelect.options.length > 1) return;
  institutionSelect.append(...institutions.map((i) => el('option', { value: i.code }, i.name)));
  institutionSelect.value = state.institution;
}

function syncUrl() {
  const search = new URLSearchParams();
  for (const name of ['institution', 'from', 'to']) if (state[name]) search.set(name, state[name]);
  const query = search.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

async function load() {
  errors.clear();
  fill(messages);
  results.setAttribute('aria-busy', 'true');
  try {
    const view = await api.dashboard(filterParams());
    syncUrl();
    fillInstitutions(view.institutions);
    render(view);
  } catch (error) {
    showError(error);
  } finally {
    results.setAttribute('aria-busy', 'false');
  }
}

const resize = () => charts.forEach((chart) => chart.resize());
window.addEventListener('resize', resize);

if (user) {
  fill(main,
    el('h1', {}, t('dashboard.title')),
    el('p', { class: 'page-lead' }, t('dashboard.lead')),
    el('section', { class: 'panel', 'aria-label': t('dashboard.filter') }, filterForm),
    messages,
    results);
  load();
}
