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
// applies as an eligible household → application page, uploads four of the six documents of
// art. 12(1) → signs out. The caseworker cw-nanchang signs in: the worklist shows 材料审核 for that
// application → open, claim: the task page lists the six documents, four with the family's files
// (one opened: the download is the file) and two missing; in English the decision's options read
// English, in Chinese again Chinese only; 材料齐全 is refused naming the two;
// she uploads them for the family (shown as hers), completes → on the application page assigns
// the assessor as-donghu → signs out. The assessor as-donghu signs in: the worklist shows 入户评估 for the application.
// One line per step; exit 0 on success, 1 with the error (and target/e2e-failure.png) on failure.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { assignAssessor, fillHousehold, residentId, scan, submitApplication, uploadOnApplicationPage } from './applications.mjs';
import { args, fail, login, logout, openBrowser, pass, shot, step } from './session.mjs';
import {
  chooseInForm, claimTask, completeTask, findTaskRow, openTask, requiredDocuments, taskForm, uploadMissingDocuments,
} from './tasks.mjs';

const [baseUrl, password, today] = args('node src/test/e2e/foster-journey.mjs http://localhost:PORT PASSWORD TODAY', 3);
const FAMILY = 'wang.family@example.com';
const CASEWORKER = 'cw-nanchang';
const ASSESSOR = 'as-donghu';
const INSTITUTION = '南昌市儿童福利院';
// 家庭寄养管理办法 art. 12(1), in the order the document check lists them
const DOCUMENTS = ['ID_CARD', 'HUKOU_BOOK', 'INCOME_PROOF', 'HOUSING_PROOF', 'HEALTH_CERTIFICATE', 'MEMBERS_CONSENT'];
const FAMILY_UPLOADS = DOCUMENTS.slice(0, 4);

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
  for (const type of FAMILY_UPLOADS) await uploadOnApplicationPage(page, type, `${type}-${tag}.pdf`);
  step(`the family uploaded ${FAMILY_UPLOADS.join(', ')}`);
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

  const listed = await requiredDocuments(page);
  assert.deepEqual(listed.map((document) => document.type), DOCUMENTS, 'the documents of art. 12(1)');
  assert.deepEqual(listed.filter((document) => document.present).map((document) => document.files[0]),
    FAMILY_UPLOADS.map((type) => `${type}-${tag}.pdf`), 'the family\'s files, each listed');
  const idCardLink = page.locator('[data-testid="required-document"][data-type="ID_CARD"] [data-testid="document-file"]');
  const [download] = await Promise.all([page.waitForEvent('download'), idCardLink.click()]);
  assert.equal(fs.readFileSync(await download.path()).toString(), scan(`ID_CARD-${tag}.pdf`).buffer.toString(),
    'the download is the family\'s file');
  step(`the task page lists ${listed.length} documents: ${FAMILY_UPLOADS.length} with the family's files (ID card opened), `
    + `missing ${listed.filter((document) => !document.present).map((document) => document.type).join(', ')}`);

  // the form's options in the page's language: English after switching, Chinese again after switching back
  await Promise.all([page.waitForEvent('load'), page.getByTestId('lang-en').click()]);
  const english = await taskForm(page);
  assert.equal(await english.getByRole('radio', { name: 'Documents complete', exact: true }).count(), 1);
  assert.equal(await english.getByRole('radio', { name: 'Not accepted', exact: true }).count(), 1);
  assert.equal(await english.getByRole('radio', { name: '材料齐全', exact: true }).count(), 0);
  await Promise.all([page.waitForEvent('load'), page.getByTestId('lang-zh-CN').click()]);
  const form = await taskForm(page);
  assert.equal(await form.getByRole('radio', { name: 'Documents complete', exact: true }).count(), 0);
  step('in English the decision reads Documents complete / Not accepted, in Chinese 材料齐全 / 不予受理');
  await chooseInForm(form, '材料齐全');
  await page.getByTestId('complete').click();
  const refusal = page.getByTestId('form-errors');
  await refusal.filter({ hasText: '缺少健康证明' }).waitFor();
  assert.match(await refusal.innerText(), /缺少家庭成员同意书：尚未上传文件/);
  assert.match(page.url(), /\/task\.html/, 'still on the task: nothing was completed');
  step(`材料齐全 without two files refused: ${(await refusal.innerText()).replace(/\s+/g, ' ').trim()}`);
  await shot(page, 'caseworker-task-missing');

  const uploaded = await uploadMissingDocuments(page);
  const consent = page.locator('[data-testid="required-document"][data-type="MEMBERS_CONSENT"]');
  // named as people know her, never by her login
  assert.match(await consent.innerText(), /南昌市儿童福利院 社工 张敏 代为上传/);
  assert.doesNotMatch(await consent.innerText(), new RegExp(CASEWORKER));
  step(`${CASEWORKER} uploaded ${uploaded.join(', ')} for the family, listed as hers`);
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
