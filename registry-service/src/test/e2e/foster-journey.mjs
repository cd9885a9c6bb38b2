// Browser test of the foster family journey through the real UI, in Debian's Chromium.
//
//   cd registry-service
//   (cd src/main/frontend && npm ci)       # once: installs playwright-core (no browser download)
//   node src/test/e2e/foster-journey.mjs http://localhost:PORT
//
// playwright-core is a devDependency of the frontend package and is resolved from there (via
// createRequire on that package.json), so no NODE_PATH is needed (ESM ignores NODE_PATH anyway).
// Chromium: apt-get install -y chromium (/usr/bin/chromium).
//
// Steps: apply as an eligible household → application page → caseworker worklist shows 材料审核
// → open, set user, claim, fill the form (all checklist boxes, 材料齐全), complete → assessor
// worklist shows 入户评估 for the same application. One line per step; exit 0 on success, 1 with
// the error (and target/e2e-failure.png) on failure.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(new URL('../../main/frontend/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const baseUrl = (process.argv[2] ?? '').replace(/\/+$/, '');
if (!/^https?:\/\//.test(baseUrl)) {
  console.error('usage: node src/test/e2e/foster-journey.mjs http://localhost:PORT');
  process.exit(2);
}
const failureShot = fileURLToPath(new URL('../../../target/e2e-failure.png', import.meta.url));
const TASK_WAIT_MS = 60_000;
const STEP_WAIT_MS = 15_000;

// --- test data ------------------------------------------------------------------------------

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** An 18-character resident ID (GB 11643) for someone of the given age, with a valid check character. */
function residentId(ageYears, { male = true, area = '360102' } = {}) {
  const birth = new Date();
  birth.setFullYear(birth.getFullYear() - ageYears);
  birth.setDate(birth.getDate() - 30 - Math.floor(Math.random() * 200)); // well past this year's birthday
  const date = `${birth.getFullYear()}${String(birth.getMonth() + 1).padStart(2, '0')}${String(birth.getDate()).padStart(2, '0')}`;
  let sequence = 100 + Math.floor(Math.random() * 899);
  if ((sequence % 2 === 1) !== male) sequence += 1; // odd = male
  const first17 = `${area}${date}${String(sequence).padStart(3, '0')}`;
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  return first17 + CHECK_CHARS[sum % 11];
}

const tag = Date.now().toString(36).slice(-4).toUpperCase();
const household = {
  address: `江西省南昌市东湖区八一大道 ${100 + Math.floor(Math.random() * 800)} 号`,
  hukouLocality: '江西省南昌市东湖区',
  phone: '13800138000',
  livingSpaceM2: '120',
  monthlyIncomeYuan: '12000',
  motivation: `我们家庭和睦，有照料孩子的经验，希望为需要家庭的孩子提供温暖的成长环境。（测试 ${tag}）`,
  members: [
    { name: `李照料${tag}`, residentId: residentId(40, { male: false }), role: 'PRIMARY_CAREGIVER', education: 'SENIOR_HIGH', healthNote: '健康' },
    { name: `王配偶${tag}`, residentId: residentId(42), role: 'SPOUSE', education: 'BACHELOR', healthNote: '健康' },
    { name: `王子女${tag}`, residentId: residentId(10), role: 'CHILD', education: 'PRIMARY', healthNote: '健康' },
  ],
};

// --- helpers --------------------------------------------------------------------------------

function step(message) {
  console.log(`[e2e] ${message}`);
}

/** Polls fn until it returns a truthy value or the time is up. */
async function poll(fn, { timeout = STEP_WAIT_MS, interval = 500, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${message}${lastError ? ` (last error: ${lastError.message})` : ''}`);
}

/** Opens the worklist for a group and reloads until the task for the application shows up. */
async function findTaskRow(page, group, applicationNumber, taskName) {
  await page.goto(`${baseUrl}/index.html?candidateGroup=${group}`);
  return poll(async () => {
    await page.getByTestId('worklist-table').waitFor({ timeout: 5_000 });
    const row = page.locator(`[data-testid="task-row"][data-application-number="${applicationNumber}"]`).filter({ hasText: taskName });
    if (await row.count()) return row.first();
    await page.waitForTimeout(1_500);
    await page.reload();
    return null;
  }, { timeout: TASK_WAIT_MS, interval: 0, message: `${taskName} for ${applicationNumber} in the ${group} worklist` });
}

/** Picks an option by its label in the rendered form-js form: a radio, or a form-js select. */
async function chooseInForm(form, optionLabel) {
  const radio = form.getByRole('radio', { name: optionLabel, exact: true });
  if (await radio.count()) {
    await radio.check();
    return;
  }
  const selects = form.locator('.fjs-form-field-select .fjs-input-group');
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

// --- the journey ----------------------------------------------------------------------------

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'anjia-e2e-'));
const browserErrors = [];
let context;
let page;

try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(STEP_WAIT_MS);
  page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (error) => browserErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') browserErrors.push(`console: ${message.text()}`); });

  // 1. the application
  await page.goto(`${baseUrl}/apply.html`);
  await page.getByTestId('apply-form').waitFor();
  const field = (name) => page.locator(`[data-field="${name}"]`);
  await field('family.address').fill(household.address);
  await field('family.hukouLocality').fill(household.hukouLocality);
  await field('family.phone').fill(household.phone);
  await page.getByTestId('family.localHukou-true').check();
  await page.getByTestId('family.fixedHome-true').check();
  await field('family.livingSpaceM2').fill(household.livingSpaceM2);
  await field('family.monthlyIncomeYuan').fill(household.monthlyIncomeYuan);
  await page.getByTestId('family.infectiousOrMentalIllness-false').check();
  await page.getByTestId('family.criminalRecord-false').check();
  for (const [index, member] of household.members.entries()) {
    if (index > 0) await page.getByTestId('add-member').click();
    const base = `family.members[${index}]`;
    await field(`${base}.name`).fill(member.name);
    await field(`${base}.residentId`).fill(member.residentId);
    await field(`${base}.role`).selectOption(member.role);
    await field(`${base}.education`).selectOption(member.education);
    await field(`${base}.healthNote`).fill(member.healthNote);
  }
  await field('motivation').fill(household.motivation);
  step(`filled the application: 3 members, caregiver ID ${household.members[0].residentId}, income 12000, space 120`);

  await page.getByTestId('submit-application').click();
  await page.waitForURL(/\/application\.html\?id=/, { timeout: STEP_WAIT_MS }).catch(async (error) => {
    const summary = await page.getByTestId('error-summary').innerText().catch(() => '');
    throw new Error(`submitting the application did not lead to its page${summary ? `: ${summary}` : ''} (${error.message})`);
  });
  const applicationNumber = (await poll(
    async () => (await page.getByTestId('application-number').textContent())?.trim(),
    { message: 'the application number' }));
  const status = (await page.getByTestId('application-status').textContent()).trim();
  assert.ok(status.length > 0, 'the application page shows a status');
  assert.match(status, /提交|受理|审核|评估|SUBMITTED/, `unexpected status after submission: ${status}`);
  step(`submitted: application ${applicationNumber}, status ${status}`);

  // 2. the caseworker's document check
  const checkRow = await findTaskRow(page, 'caseworker', applicationNumber, '材料审核');
  step(`caseworker worklist shows 材料审核 for ${applicationNumber}`);
  await checkRow.getByTestId('task-link').click();
  await page.waitForURL(/\/task\.html\?key=\d+/);
  assert.equal((await page.getByTestId('task-name').textContent()).trim(), '材料审核');
  assert.equal((await page.getByTestId('task-application').textContent()).trim(), applicationNumber);
  step(`opened task ${new URL(page.url()).searchParams.get('key')}`);

  const user = `测试社工${tag}`;
  await page.getByTestId('current-user').fill(user);
  await page.getByTestId('claim').click();
  await page.getByTestId('unclaim').waitFor({ state: 'visible' });
  await poll(async () => (await page.getByTestId('task-assignee').textContent()).trim() === user, { message: 'the assignee to show' });
  step(`claimed as ${user}`);

  const form = page.getByTestId('task-form');
  await form.locator('.fjs-form').waitFor();
  const boxes = form.locator('.fjs-form-field-checklist input[type="checkbox"]');
  const boxCount = await boxes.count();
  assert.ok(boxCount > 0, 'the document check form has a checklist');
  for (let i = 0; i < boxCount; i += 1) await boxes.nth(i).check();
  await chooseInForm(form, '材料齐全');
  step(`filled the form: ${boxCount} documents checked, 材料齐全`);

  await page.getByTestId('complete').click();
  await page.waitForURL(/\/index\.html/, { timeout: STEP_WAIT_MS }).catch(async (error) => {
    const problems = await page.getByTestId('form-errors').innerText().catch(() => '');
    throw new Error(`completing the task did not return to the worklist${problems ? `: ${problems}` : ''} (${error.message})`);
  });
  step('completed 材料审核, back on the worklist');

  // 3. the next task, for the assessor
  await findTaskRow(page, 'assessor', applicationNumber, '入户评估');
  step(`assessor worklist shows 入户评估 for ${applicationNumber}`);

  step('foster journey passed');
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
  process.exit(0);
} catch (error) {
  console.error(`[e2e] FAILED: ${error?.stack ?? error}`);
  if (page) console.error(`[e2e] at ${page.url()}`);
  for (const line of browserErrors.slice(-10)) console.error(`[e2e] browser ${line}`);
  try {
    fs.mkdirSync(path.dirname(failureShot), { recursive: true });
    await page?.screenshot({ path: failureShot, fullPage: true });
    console.error(`[e2e] screenshot: ${failureShot}`);
  } catch (shotError) {
    console.error(`[e2e] no screenshot: ${shotError.message}`);
  }
  await context?.close().catch(() => {});
  fs.rmSync(profile, { recursive: true, force: true });
  process.exit(1);
}
