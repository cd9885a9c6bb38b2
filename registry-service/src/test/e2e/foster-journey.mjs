// Browser test of the foster family journey through the real UI and the real Keycloak login, in
// Debian's Chromium (see session.mjs). Each person has a browser of their own.
//
//   cd registry-service
//   (cd src/main/frontend && npm ci)       # once: installs playwright-core (no browser download)
//   node src/test/e2e/foster-journey.mjs http://localhost:PORT PASSWORD TODAY
//
// PASSWORD is the demo users' password of the local realm (infra/keycloak/README.md); TODAY
// (YYYY-MM-DD) is the service's date by its engine clock, which the household's ages are counted on.
//
// Steps: the family wang.family@example.com signs in, opens 新建寄养申请, chooses 南昌市儿童福利院,
// applies as an eligible household → application page → signs out. The caseworker cw-nanchang
// signs in: the worklist shows 材料审核 for that application → open, claim, fill the form (all
// checklist boxes, 材料齐全), complete → on the application page assign the assessor as-donghu →
// signs out. The assessor as-donghu signs in: the worklist shows 入户评估 for the application.
// One line per step; exit 0 on success, 1 with the error (and target/e2e-failure.png) on failure.
import assert from 'node:assert/strict';
import { assignAssessor, fillHousehold, residentId, submitApplication } from './applications.mjs';
import { args, fail, login, logout, openBrowser, pass, shot, step } from './session.mjs';
import { checkAllBoxes, chooseInForm, claimTask, completeTask, findTaskRow, openTask, taskForm } from './tasks.mjs';

const [baseUrl, password, today] = args('node src/test/e2e/foster-journey.mjs http://localhost:PORT PASSWORD TODAY', 3);
const FAMILY = 'wang.family@example.com';
const CASEWORKER = 'cw-nanchang';
const ASSESSOR = 'as-donghu';
const INSTITUTION = '南昌市儿童福利院';

// --- test data ------------------------------------------------------------------------------

const tag = Date.now().toString(36).slice(-4).toUpperCase();
const household = {
  address: `江西省南昌市东湖区八一大道 ${100 + Math.floor(Math.random() * 800)} 号`,
  hukouLocality: '江西省南昌市东湖区',
  phone: '13800138000',
  livingSpaceM2: '120',
  monthlyIncomeYuan: '12000',
  motivation: `我们家庭和睦，有照料孩子的经验，希望为需要家庭的孩子提供温暖的成长环境。（测试 ${tag}）`,
  members: [
    { name: `李照料${tag}`, residentId: residentId(40, { today, male: false }), role: 'PRIMARY_CAREGIVER', education: 'SENIOR_HIGH', healthNote: '健康' },
    { name: `王配偶${tag}`, residentId: residentId(42, { today }), role: 'SPOUSE', education: 'BACHELOR', healthNote: '健康' },
    { name: `王子女${tag}`, residentId: residentId(10, { today }), role: 'CHILD', education: 'PRIMARY', healthNote: '健康' },
  ],
};

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
  await page.locator('[data-field="institutionCode"]').selectOption({ label: INSTITUTION });
  await fillHousehold(page, household);
  await page.locator('[data-field="motivation"]').fill(household.motivation);
  step(`filled the application to ${INSTITUTION}: 3 members, caregiver ID ${household.members[0].residentId}, income 12000, space 120`);
  await shot(page, 'family-apply');

  const { id: applicationId, number: applicationNumber } = await submitApplication(page, 'submit-application');
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
  const checkRow = await findTaskRow(page, baseUrl, { group: 'caseworker', taskName: '材料审核', applicationNumber });
  step(`caseworker worklist shows 材料审核 for ${applicationNumber}`);
  await shot(page, 'caseworker-worklist');
  const taskKey = await openTask(page, checkRow, '材料审核');
  assert.equal((await page.getByTestId('task-application').textContent()).trim(), applicationNumber);
  step(`opened task ${taskKey}`);

  await claimTask(page, CASEWORKER);
  step(`claimed as ${CASEWORKER}`);

  const form = await taskForm(page);
  const boxCount = await checkAllBoxes(form);
  assert.ok(boxCount > 0, 'the document check form has a checklist');
  await chooseInForm(form, '材料齐全');
  step(`filled the form: ${boxCount} documents checked, 材料齐全`);
  await shot(page, 'caseworker-task');

  await completeTask(page);
  step('completed 材料审核, back on the worklist');

  await assignAssessor(page, baseUrl, applicationId, ASSESSOR);
  step(`assigned assessor ${ASSESSOR} to ${applicationNumber}`);
  await shot(page, 'caseworker-application');
  await logout(page, baseUrl);
  await caseworker.close();

  // 3. the next task, for the assigned assessor
  const assessor = await openBrowser('assessor');
  page = assessor.page;
  await login(page, baseUrl, ASSESSOR, password);
  await page.waitForURL(/\/worklist\.html/);
  await findTaskRow(page, baseUrl, { group: 'assessor', taskName: '入户评估', applicationNumber });
  step(`assessor worklist shows 入户评估 for ${applicationNumber}`);
  await shot(page, 'assessor-worklist');

  step('foster journey passed');
  await pass();
} catch (error) {
  await fail(error);
}
