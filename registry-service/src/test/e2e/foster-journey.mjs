// Browser test of the foster family journey through the real UI and the real Keycloak login, in
// Debian's Chromium (see session.mjs). Each person has a browser of their own.
//
//   cd registry-service
//   (cd src/main/frontend && npm ci)       # once: installs playwright-core (no browser download)
//   node src/test/e2e/foster-journey.mjs http://localhost:PORT PASSWORD
//
// PASSWORD is the demo users' password of the local realm (infra/keycloak/README.md).
//
// Steps: the family wang.family@example.com signs in, opens 新建寄养申请, chooses 南昌市儿童福利院,
// applies as an eligible household → application page → signs out. The caseworker cw-nanchang
// signs in: the worklist shows 材料审核 for that application → open, claim, fill the form (all
// checklist boxes, 材料齐全), complete → on the application page assign the assessor as-donghu →
// signs out. The assessor as-donghu signs in: the worklist shows 入户评估 for the application.
// One line per step; exit 0 on success, 1 with the error (and target/e2e-failure.png) on failure.
import assert from 'node:assert/strict';
import { STEP_WAIT_MS, args, fail, login, logout, openBrowser, pass, poll, shot, step } from './session.mjs';

const [baseUrl, password] = args('node src/test/e2e/foster-journey.mjs http://localhost:PORT PASSWORD', 2);
const TASK_WAIT_MS = 60_000;
const FAMILY = 'wang.family@example.com';
const CASEWORKER = 'cw-nanchang';
const ASSESSOR = 'as-donghu';
const INSTITUTION = '南昌市儿童福利院';

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

/** Opens the worklist for a group and reloads until the task for the application shows up. */
async function findTaskRow(page, group, applicationNumber, taskName) {
  await page.goto(`${baseUrl}/worklist.html?candidateGroup=${group}`);
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

try {
  // 1. the family applies
  const family = await openBrowser('family');
  let page = family.page;
  await login(page, baseUrl, FAMILY, password);
  await page.waitForURL(/\/portal\.html/);
  await page.getByTestId('user-name').waitFor();
  step(`family home: 我的申请, header shows ${(await page.getByTestId('user-name').innerText()).trim()} (${(await page.getByTestId('user-role').innerText()).trim()})`);
  await shot(page, 'family-portal');

  await page.getByTestId('nav-apply').click();
  await page.waitForURL(/\/apply\.html/);
  await page.getByTestId('apply-form').waitFor();
  const field = (name) => page.locator(`[data-field="${name}"]`);
  await field('institutionCode').selectOption({ label: INSTITUTION });
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
  step(`filled the application to ${INSTITUTION}: 3 members, caregiver ID ${household.members[0].residentId}, income 12000, space 120`);
  await shot(page, 'family-apply');

  await page.getByTestId('submit-application').click();
  await page.waitForURL(/\/application\.html\?id=/, { timeout: STEP_WAIT_MS }).catch(async (error) => {
    const summary = await page.getByTestId('error-summary').innerText().catch(() => '');
    throw new Error(`submitting the application did not lead to its page${summary ? `: ${summary}` : ''} (${error.message})`);
  });
  const applicationId = new URL(page.url()).searchParams.get('id');
  const applicationNumber = (await poll(
    async () => (await page.getByTestId('application-number').textContent())?.trim(),
    { message: 'the application number' }));
  const status = (await page.getByTestId('application-status').textContent()).trim();
  assert.ok(status.length > 0, 'the application page shows a status');
  assert.match(status, /提交|受理|审核|评估|SUBMITTED/, `unexpected status after submission: ${status}`);
  step(`submitted: application ${applicationNumber}, status ${status}`);
  await shot(page, 'family-application');
  await logout(page, baseUrl);
  await family.close();

  // 2. the caseworker's document check, then the assessor's assignment
  const caseworker = await openBrowser('caseworker');
  page = caseworker.page;
  await login(page, baseUrl, CASEWORKER, password);
  await page.waitForURL(/\/worklist\.html/);
  await page.getByTestId('filter-group').waitFor();
  const groups = await page.getByTestId('filter-group').locator('option').evaluateAll(
    (options) => options.map((option) => option.value).filter(Boolean));
  assert.deepEqual(groups, ['caseworker'], `the caseworker's group filter offers only her group, not ${groups}`);
  const checkRow = await findTaskRow(page, 'caseworker', applicationNumber, '材料审核');
  step(`caseworker worklist shows 材料审核 for ${applicationNumber}`);
  await shot(page, 'caseworker-worklist');
  await checkRow.getByTestId('task-link').click();
  await page.waitForURL(/\/task\.html\?key=\d+/);
  assert.equal((await page.getByTestId('task-name').textContent()).trim(), '材料审核');
  assert.equal((await page.getByTestId('task-application').textContent()).trim(), applicationNumber);
  step(`opened task ${new URL(page.url()).searchParams.get('key')}`);

  await page.getByTestId('claim').click();
  await page.getByTestId('unclaim').waitFor({ state: 'visible' });
  await poll(async () => (await page.getByTestId('task-assignee').textContent()).trim() === CASEWORKER,
    { message: 'the assignee to show' });
  step(`claimed as ${CASEWORKER}`);

  const form = page.getByTestId('task-form');
  await form.locator('.fjs-form').waitFor();
  const boxes = form.locator('.fjs-form-field-checklist input[type="checkbox"]');
  const boxCount = await boxes.count();
  assert.ok(boxCount > 0, 'the document check form has a checklist');
  for (let i = 0; i < boxCount; i += 1) await boxes.nth(i).check();
  await chooseInForm(form, '材料齐全');
  step(`filled the form: ${boxCount} documents checked, 材料齐全`);
  await shot(page, 'caseworker-task');

  await page.getByTestId('complete').click();
  await page.waitForURL(/\/worklist\.html/, { timeout: STEP_WAIT_MS }).catch(async (error) => {
    const problems = await page.getByTestId('form-errors').innerText().catch(() => '');
    throw new Error(`completing the task did not return to the worklist${problems ? `: ${problems}` : ''} (${error.message})`);
  });
  step('completed 材料审核, back on the worklist');

  await page.goto(`${baseUrl}/application.html?id=${encodeURIComponent(applicationId)}`);
  await page.getByTestId('assign-assessor').waitFor();
  await page.getByTestId('assign-assessor-input').fill(ASSESSOR);
  await page.getByTestId('assign-assessor-submit').click();
  await poll(async () => (await page.getByTestId('assign-assessor-message').innerText()).includes(ASSESSOR),
    { message: 'the assignment to be confirmed' });
  step(`assigned assessor ${ASSESSOR} to ${applicationNumber}`);
  await shot(page, 'caseworker-application');
  await logout(page, baseUrl);
  await caseworker.close();

  // 3. the next task, for the assigned assessor
  const assessor = await openBrowser('assessor');
  page = assessor.page;
  await login(page, baseUrl, ASSESSOR, password);
  await page.waitForURL(/\/worklist\.html/);
  await findTaskRow(page, 'assessor', applicationNumber, '入户评估');
  step(`assessor worklist shows 入户评估 for ${applicationNumber}`);
  await shot(page, 'assessor-worklist');

  step('foster journey passed');
  await pass();
} catch (error) {
  await fail(error);
}
