// Working a task as staff do: find it on the worklist (paging through it), open it, claim it, fill
// its Camunda Form (rendered by form-js on task.html) and complete it. Shared by the journey scripts.
// The engine runs inside the service: a task is on the worklist as soon as the step before it has
// returned (same transaction), so the waits here only cover the pages' own loading.
import assert from 'node:assert/strict';
import { scan } from './applications.mjs';
import { STEP_WAIT_MS, poll } from './session.mjs';

/** How long the pages may take to show a task (or a status) the step before it has already committed. */
export const TASK_WAIT_MS = 5_000;

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The worklist row of an open task, or null: the task's name, and the application number, the
 * child's name (a 送养 task belongs to a child, not an application) or the residence unit's name (a
 * unit's review). Reads every page of the list.
 */
async function taskRow(page, url, { taskName, applicationNumber, childName, unitName }) {
  await page.goto(url);
  const summary = page.getByTestId('worklist-summary');
  await summary.waitFor({ timeout: 5_000 });
  for (;;) {
    let rows = page.locator(applicationNumber
      ? `[data-testid="task-row"][data-application-number="${applicationNumber}"]`
      : '[data-testid="task-row"]')
      .filter({ has: page.getByTestId('task-link').filter({ hasText: new RegExp(`^${escapeRegExp(taskName)}$`) }) });
    if (childName) rows = rows.filter({ hasText: childName });
    if (unitName) rows = rows.filter({ has: page.getByTestId('task-row-unit').filter({ hasText: new RegExp(`^${escapeRegExp(unitName)}$`) }) });
    if (await rows.count()) return rows.first();
    const next = page.getByTestId('page-next');
    if (await next.isDisabled()) return null;
    const shown = await summary.innerText();
    await next.click();
    await poll(async () => (await summary.innerText()) !== shown, { message: 'the next worklist page' });
  }
}

function worklistUrl(baseUrl, group, process) {
  const search = new URLSearchParams();
  if (group) search.set('candidateGroup', group);
  if (process) search.set('processId', process);
  const query = search.toString();
  return `${baseUrl}/worklist.html${query ? `?${query}` : ''}`;
}

const describe = ({ taskName, applicationNumber, childName, unitName }, group) =>
  `${taskName} for ${applicationNumber ?? childName ?? unitName} in the ${group ?? ''} worklist`;

/**
 * Opens the worklist (of a candidate group, of a process) and finds the task on it, reloading briefly;
 * returns its row.
 */
export async function findTaskRow(page, baseUrl, { group, process, timeout = TASK_WAIT_MS, ...task }) {
  return poll(() => taskRow(page, worklistUrl(baseUrl, group, process), task),
    { timeout, interval: 1_000, message: describe(task, group) });
}

/** Checks (reloading briefly) that the task has left the worklist: the engine has the completion. */
export async function awaitTaskGone(page, baseUrl, { group, timeout = TASK_WAIT_MS, ...task }) {
  await poll(async () => (await taskRow(page, worklistUrl(baseUrl, group), task)) === null,
    { timeout, interval: 1_000, message: `${describe(task, group)} to be done` });
}

/** Opens the task from its row; returns the task key once task.html shows the task. */
export async function openTask(page, row, taskName) {
  await row.getByTestId('task-link').click();
  // the key is the engine's task id, a text (not a number)
  await page.waitForURL(/\/task\.html\?key=[^&#]+/);
  assert.equal((await page.getByTestId('task-name').textContent()).trim(), taskName);
  return new URL(page.url()).searchParams.get('key');
}

/** Claims the open task for the signed-in user and waits until the page shows them as assignee. */
export async function claimTask(page, username) {
  await page.getByTestId('claim').click();
  await page.getByTestId('unclaim').waitFor({ state: 'visible' });
  await poll(async () => (await page.getByTestId('task-assignee').textContent()).trim() === username,
    { message: 'the assignee to show' });
}

/** The rendered form of the task page, once form-js has drawn it. */
export async function taskForm(page) {
  const form = page.getByTestId('task-form');
  await form.locator('.fjs-form').waitFor();
  return form;
}

/**
 * Picks an option by its label in the rendered form-js form: a radio, or a form-js select. With
 * {@code field} (the field's label) only in that field, for options that several fields share (无记录).
 */
export async function chooseInForm(form, optionLabel, { field } = {}) {
  const fields = (type) => (field ? form.locator(`.fjs-form-field${type}`).filter({ hasText: field }) : form);
  const radio = fields('').getByRole('radio', { name: optionLabel, exact: true });
  if (await radio.count()) {
    await radio.check();
    return;
  }
  const selects = field ? fields('-select').locator('.fjs-input-group') : form.locator('.fjs-form-field-select .fjs-input-group');
  for (let i = 0; i < await selects.count(); i += 1) {
    await selects.nth(i).click();
    const item = form.locator('.fjs-dropdownlist-item').filter({ hasText: optionLabel });
    if (await item.count()) {
      await item.first().click();
      return;
    }
    await selects.nth(i).click(); // close again
  }
  throw new Error(`no radio or select option "${optionLabel}" in the task form`);
}

/**
 * The required documents a document check's task page lists: each with its type, whether a file is
 * there, and the files' names.
 */
export async function requiredDocuments(page) {
  await page.getByTestId('task-documents').waitFor();
  return page.getByTestId('required-document').evaluateAll((rows) => rows.map((row) => ({
    type: row.dataset.type,
    present: row.dataset.present === 'true',
    files: [...row.querySelectorAll('[data-testid="document-file"]')].map((link) => link.textContent.trim()),
  })));
}

/** Uploads a scan for each document the task page lists as missing, as staff do for the family; returns their types. */
export async function uploadMissingDocuments(page) {
  const missing = (await requiredDocuments(page)).filter((document) => !document.present).map((document) => document.type);
  for (const type of missing) {
    await page.getByTestId(`upload-file-${type}`).setInputFiles(scan(`${type}.pdf`));
    await page.getByTestId(`upload-${type}`).click();
    await page.locator(`[data-testid="required-document"][data-type="${type}"][data-present="true"]`).waitFor();
  }
  return missing;
}

/** Ticks every box of the form's checklists; returns how many. */
export async function checkAllBoxes(form) {
  const boxes = form.locator('.fjs-form-field-checklist input[type="checkbox"]');
  const count = await boxes.count();
  for (let i = 0; i < count; i += 1) await boxes.nth(i).check();
  return count;
}

/**
 * Types a date (YYYY-MM-DD) into a form-js date field the way a user does: in the order its
 * placeholder shows for the browser's locale (zh-CN yyyy/mm/dd), confirmed with Enter.
 */
export async function fillDateInForm(form, fieldLabel, isoDate) {
  // form-js attaches its date picker (flatpickr) after the field renders, and on attaching writes the
  // field's value back into the input: typing into a field that has just been (re)drawn, as after a
  // claim, can be undone a moment later. Wait for the picker, then check the date stays, as a user would.
  const input = form.locator('.fjs-form-field-datetime').filter({ hasText: fieldLabel })
    .locator('input.fjs-input.flatpickr-input:enabled');
  const [year, month, day] = isoDate.split('-');
  // the placeholder in the page's words (年/月/日 in Chinese, yyyy/mm/dd in English) gives the order
  const placeholder = readablePlaceholder(await input.getAttribute('placeholder'));
  const typed = placeholder.replace('yyyy', year).replace('mm', month).replace('dd', day);
  await poll(async () => {
    await input.fill(typed);
    await input.press('Enter');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // the picker redraws the date in its own format (2026/12/4 for 2026/12/04): compare the date, not the text
    return sameDay(await input.inputValue(), placeholder, isoDate);
  }, { timeout: 10_000, interval: 200, message: `the date ${typed} to stay in ${fieldLabel}` });
}

/** A date field's placeholder as yyyy/mm/dd (or in its locale's order), whichever language it is in. */
export function readablePlaceholder(placeholder) {
  return (placeholder ?? 'yyyy/mm/dd').replace('年', 'yyyy').replace('月', 'mm').replace('日', 'dd');
}

/** Whether a date as the field shows it (in the placeholder's order, with or without leading zeros) is that day. */
export function sameDay(shown, placeholder, isoDate) {
  const order = placeholder.match(/yyyy|mm|dd/g) ?? ['yyyy', 'mm', 'dd'];
  const parts = shown.match(/\d+/g) ?? [];
  if (parts.length !== 3) return false;
  const value = Object.fromEntries(order.map((name, i) => [name, Number(parts[i])]));
  const [year, month, day] = isoDate.split('-').map(Number);
  return value.yyyy === year && value.mm === month && value.dd === day;
}

/** Completes the claimed task through the form and waits for the worklist it returns to. */
export async function completeTask(page) {
  await page.getByTestId('complete').click();
  await page.waitForURL(/\/worklist\.html/, { timeout: STEP_WAIT_MS }).catch(async (error) => {
    const problems = await page.getByTestId('form-errors').innerText().catch(() => '');
    throw new Error(`completing the task did not return to the worklist${problems ? `: ${problems}` : ''} (${error.message})`);
  });
}
