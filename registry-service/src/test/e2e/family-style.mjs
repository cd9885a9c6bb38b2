// Browser test of in-institution family-style care (机构内家庭式养育), from the call to a child living
// with the couple, through the real pages and the real Keycloak login, in Debian's Chromium (see
// session.mjs). Each person has a browser of their own.
//
//   node src/test/e2e/family-style.mjs http://localhost:PORT PASSWORD WIFE HUSBAND UNIT_NAME CHILD_ID CHILD_NAME TODAY
//
// WIFE and HUSBAND are two new family accounts; CHILD_ID (CHILD_NAME) a child of Nanchang in the
// institution's care, admitted through the API (FamilyStyleBrowserTest); UNIT_NAME the name the
// director gives the new residence unit; TODAY (YYYY-MM-DD) the service's date by its engine clock.
//
// Steps: the director dir-nanchang opens a call (夫妻招募公告) and creates a residence unit on units.html.
// The wife applies on the portal (apply.html?journey=family-style) to that call for both, the application
// waits for her husband; she gives him the household's invitation code, he joins with it and confirms
// (确认共同申请) in the couple's panel, where the adoption's 确认共同收养 is not offered. She uploads the
// marriage certificate, ID card and health certificate. The caseworker cw-nanchang works 材料审核 (the
// three files listed), 背景审查, 面谈, 家庭生活评估 and 岗前培训 on the worklist; the director approves
// (机构负责人审批) choosing the new unit among the free ones. Both spouses read and sign the contract on the
// portal, the director signs it (负责人签署合同): the portal shows it in force and the couple's home with no
// children yet. The director assigns the child to the unit on units.html: the board shows the couple and
// the child, and the couple's portal lists the child with its care notes.
// One line per step; exit 0 on success, 1 with the error (and target/e2e-failure.png) on failure.
import assert from 'node:assert/strict';
import { residentId, fillHousehold, submitApplication, uploadOnApplicationPage } from './applications.mjs';
import { args, fail, focusOn, login, openBrowser, pass, plusDays, poll, shot, step } from './session.mjs';
import {
  chooseInForm, claimTask, completeTask, fillDateInForm, findTaskRow, openTask, requiredDocuments, taskForm,
} from './tasks.mjs';

const [baseUrl, password, wifeUsername, husbandUsername, unitName, childId, childName, today] = args(
  'node src/test/e2e/family-style.mjs http://localhost:PORT PASSWORD WIFE HUSBAND UNIT_NAME CHILD_ID CHILD_NAME TODAY', 8);
const CASEWORKER = 'cw-nanchang';
const DIRECTOR = 'dir-nanchang';
const DOCUMENTS = ['MARRIAGE_CERTIFICATE', 'ID_CARD', 'HEALTH_CERTIFICATE'];

const tag = Date.now().toString(36).slice(-4).toUpperCase();
const callTitle = `${new Date(`${today}T00:00:00Z`).getUTCFullYear()}年家庭式养育夫妻招募（${tag}）`;
const wifeName = `陈慧${tag}`;
const husbandName = `刘强${tag}`;
const household = {
  address: '江西省南昌市东湖区阳明路 18 号',
  hukouLocality: '江西省南昌市东湖区',
  phone: '13900139000',
  livingSpaceM2: '90',
  monthlyIncomeYuan: '8000',
  members: [
    { name: wifeName, residentId: residentId(36, { today, male: false }), role: 'PRIMARY_CAREGIVER', education: 'SENIOR_HIGH', healthNote: '健康' },
    { name: husbandName, residentId: residentId(38, { today }), role: 'SPOUSE', education: 'JUNIOR_MIDDLE', healthNote: '健康' },
  ],
};

/** The couple's panel on the portal, freshly loaded. */
async function couplePanel(page) {
  await page.goto(`${baseUrl}/portal.html`);
  const panel = page.getByTestId('couple-portal');
  await panel.waitFor();
  return panel;
}

/** The unit's row on the board of units.html, freshly loaded. */
async function unitRow(page) {
  await page.goto(`${baseUrl}/units.html`);
  const row = page.getByTestId('unit-row').filter({ hasText: unitName });
  await row.waitFor();
  return row;
}

/** Opens the task of the couple's application on the worklist, claims it and returns its rendered form. */
async function startTask(page, username, group, taskName, applicationNumber) {
  const row = await findTaskRow(page, baseUrl, { group, taskName, applicationNumber });
  await openTask(page, row, taskName);
  await claimTask(page, username);
  return taskForm(page);
}

/** A spouse reads the contract (a PDF) and signs it on the portal. */
async function signContract(page, who) {
  const panel = await couplePanel(page);
  const contract = panel.locator('[data-testid="couple-contract"][data-status="AWAITING_SIGNATURES"]');
  await contract.waitFor();
  assert.match(await contract.innerText(), new RegExp(unitName), 'the contract names the unit');
  const pdfHref = await contract.getByRole('link', { name: '查看合同（PDF）' }).getAttribute('href');
  const pdf = await page.request.get(new URL(pdfHref, page.url()).href);
  assert.equal(pdf.status(), 200, `${who} opens the contract`);
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  await contract.getByRole('button', { name: '阅读后签署合同' }).click();
  await page.getByText('已签署合同', { exact: true }).waitFor();
  await contract.getByRole('button', { name: '阅读后签署合同' }).waitFor({ state: 'detached' });
  step(`${who} read the contract (PDF) and signed it on the portal`);
}

try {
  // 1. the director opens a call and creates a residence unit
  const director = await openBrowser('director');
  let page = director.page;
  await login(page, baseUrl, DIRECTOR, password);
  await page.waitForURL(/\/worklist\.html/); // staff land on their worklist
  await page.getByTestId('nav-units').click();
  await page.waitForURL(/\/units\.html/);
  const callForm = page.getByTestId('call-form');
  await callForm.waitFor();
  await callForm.getByTestId('call-title').fill(callTitle);
  await callForm.getByTestId('call-description').fill('招募已婚夫妻入住机构家庭式居所，全职照料儿童，提供住房和补贴。');
  await callForm.getByTestId('call-opensOn').fill(today);
  await callForm.getByTestId('call-closesOn').fill(plusDays(today, 30));
  await callForm.getByTestId('call-places').fill('2');
  await callForm.getByRole('button', { name: '发布' }).click();
  await page.getByText('招募公告已发布，夫妻可以在门户报名。').waitFor();
  await page.getByTestId('call').filter({ hasText: callTitle }).filter({ hasText: '名额2个' }).waitFor();
  step(`the director opened the call "${callTitle}" on units.html`);

  const createForm = page.getByTestId('unit-create-form');
  await createForm.getByTestId('create-name').fill(unitName);
  await createForm.getByTestId('create-place').fill('院内 3 号楼 2 单元');
  await createForm.getByTestId('create-capacity').fill('4');
  await createForm.getByRole('button', { name: '保存' }).click();
  let row = page.getByTestId('unit-row').filter({ hasText: unitName });
  await row.waitFor();
  assert.match(await row.innerText(), /0 \/ 4/);
  assert.match(await row.innerText(), /有空位/);
  assert.equal((await row.getByTestId('unit-couple').innerText()).trim(), '尚未入住');
  step(`the director created the unit ${unitName}: 0 / 4, 有空位, 尚未入住`);
  await shot(page, 'director-units');

  // 2. the wife applies for the couple on the portal
  const wife = await openBrowser('wife');
  page = wife.page;
  await login(page, baseUrl, wifeUsername, password);
  await page.waitForURL(/\/portal\.html/);
  await page.getByTestId('portal-new-couple').click();
  await page.waitForURL(/\/apply\.html\?journey=family-style/);
  await page.getByRole('heading', { name: '机构内家庭式养育申请' }).waitFor();
  const callOption = page.locator('[data-field="callId"] option').filter({ hasText: callTitle });
  await callOption.waitFor({ state: 'attached' });
  assert.match(await callOption.innerText(), /南昌市儿童福利院/, 'the call names its institution');
  await page.locator('[data-field="callId"]').selectOption(await callOption.getAttribute('value'));
  await page.locator('[data-field="marriageRegisteredOn"]').fill(plusDays(today, -365 * 10));
  await fillHousehold(page, household);
  await page.locator('[data-field="fullTimePartnerResidentId"]').selectOption('PRIMARY_CAREGIVER');
  await page.locator('[data-field="motivation"]').fill(`我们结婚十年，喜欢孩子，愿意全职照料机构里的孩子。（测试 ${tag}）`);
  await shot(page, 'wife-apply');
  const { id: applicationId, number } = await submitApplication(page, 'submit-application');
  assert.match(number, /^FS-/, `a family-style application number: ${number}`);
  const submittedStatus = (await page.getByTestId('application-status').textContent()).trim();
  assert.match(submittedStatus, /配偶/, `the application waits for the spouse: ${submittedStatus}`);
  step(`the wife applied for both: ${number}, ${submittedStatus}`);

  await page.goto(`${baseUrl}/portal.html`);
  const ownRow = page.locator(`[data-testid="portal-row"][data-application-number="${number}"]`);
  await ownRow.waitFor();
  assert.equal((await ownRow.getByTestId('portal-status').innerText()).trim(), '待配偶确认');
  await page.getByTestId('invite').click();
  const code = (await page.getByTestId('invitation-code').innerText()).trim();
  assert.ok(code.length >= 6, `an invitation code: ${code}`);
  step(`the portal lists ${number} as 待配偶确认; the wife's invitation code for her husband: ${code}`);

  // the husband joins the household with the code and confirms in the couple's panel
  const husband = await openBrowser('husband');
  page = husband.page;
  await login(page, baseUrl, husbandUsername, password);
  await page.waitForURL(/\/portal\.html/);
  await page.getByTestId('join-code').fill(code);
  await page.getByTestId('join-submit').click();
  await page.getByTestId('join-result').getByText('已加入家庭').waitFor();
  let panel = page.getByTestId('couple-portal');
  await panel.waitFor();
  const application = panel.getByTestId('couple-application').filter({ hasText: number });
  await application.waitFor();
  assert.equal(await page.getByRole('button', { name: '确认共同收养' }).count(), 0,
    'a family-style application is not confirmed as an adoption');
  await application.getByRole('button', { name: '确认共同申请' }).click();
  await page.getByText('已确认，资格评估开始').waitFor();
  await poll(async () => !/待配偶确认/.test(await panel.getByTestId('couple-application').filter({ hasText: number }).innerText()),
    { message: 'the application to leave 待配偶确认' });
  const confirmedStatus = (await panel.getByTestId('couple-application').filter({ hasText: number }).innerText()).trim();
  step(`the husband joined with the code and confirmed (确认共同申请): ${confirmedStatus}`);
  await shot(page, 'husband-confirmed');

  // the wife uploads the documents on the application's page
  page = wife.page;
  focusOn(page);
  await page.goto(`${baseUrl}/application.html?id=${encodeURIComponent(applicationId)}`);
  await page.getByTestId('upload-type').locator('option[value="MARRIAGE_CERTIFICATE"]').waitFor({ state: 'attached' });
  for (const type of DOCUMENTS) await uploadOnApplicationPage(page, type, `${type}-${tag}.pdf`);
  step(`the wife uploaded ${DOCUMENTS.join(', ')}`);

  // 3. the qualification on the worklist
  const caseworker = await openBrowser('caseworker');
  page = caseworker.page;
  await login(page, baseUrl, CASEWORKER, password);
  await page.waitForURL(/\/worklist\.html/); // staff land on their worklist
  let form = await startTask(page, CASEWORKER, 'caseworker', '材料审核', number);
  const listed = await requiredDocuments(page);
  assert.deepEqual(listed.map((document) => document.type).sort(), [...DOCUMENTS].sort());
  assert.ok(listed.every((document) => document.present), 'the three files are there');
  await chooseInForm(form, '材料齐全');
  await completeTask(page);
  step('caseworker: 材料审核 lists the marriage certificate, ID card and health certificate: 材料齐全');

  form = await startTask(page, CASEWORKER, 'caseworker', '背景审查', number);
  await chooseInForm(form, '无记录', { field: '申请人查询结果' });
  await chooseInForm(form, '无记录', { field: '配偶查询结果' });
  await fillDateInForm(form, '查询日期', today);
  await completeTask(page);
  step('caseworker: 背景审查, no record for either spouse');

  form = await startTask(page, CASEWORKER, 'caseworker', '面谈', number);
  await fillDateInForm(form, '面谈日期', today);
  await form.getByLabel('面谈记录').fill('夫妻动机明确，分工清楚，妻子全职照料');
  await chooseInForm(form, '建议通过');
  await completeTask(page);
  step('caseworker: 面谈, 建议通过');

  form = await startTask(page, CASEWORKER, 'caseworker', '家庭生活评估', number);
  await fillDateInForm(form, '评估日期', today);
  await form.getByLabel('评估意见').fill('夫妻和睦，作息规律，照料能力良好');
  await chooseInForm(form, '建议通过');
  await completeTask(page);
  step('caseworker: 家庭生活评估, 建议通过');

  form = await startTask(page, CASEWORKER, 'caseworker', '岗前培训', number);
  await form.getByLabel('培训学时').fill('40');
  await fillDateInForm(form, '完成日期', today);
  await form.getByLabel('培训内容').fill('儿童照料、安全与急救、依恋与创伤');
  await completeTask(page);
  step('caseworker: 岗前培训, 40 hours');
  await caseworker.close();

  page = director.page;
  focusOn(page);
  form = await startTask(page, DIRECTOR, 'director', '机构负责人审批', number);
  await chooseInForm(form, '批准');
  await chooseInForm(form, unitName, { field: '家庭式居所（单元）' });
  await form.getByLabel('审批意见').fill('同意，入住新单元');
  await completeTask(page);
  step(`director: 机构负责人审批, approved into ${unitName} (offered among the free units)`);

  // the contract: both spouses sign on the portal, the director on the worklist
  await signContract(wife.page, 'the wife');
  await signContract(husband.page, 'the husband');
  page = director.page;
  focusOn(page);
  form = await startTask(page, DIRECTOR, 'director', '负责人签署合同', number);
  await chooseInForm(form, '签署');
  await completeTask(page);
  step('director: 负责人签署合同');

  // 4. the contract in force and the couple's home, with no children yet
  page = wife.page;
  focusOn(page);
  panel = await couplePanel(page);
  const active = panel.locator('[data-testid="couple-contract"][data-status="ACTIVE"]');
  await active.waitFor();
  const contractText = await active.innerText();
  assert.match(contractText, /生效中/);
  assert.match(contractText, /申请人✓\s+配偶✓\s+机构负责人✓/, `all three signatures: ${contractText}`);
  assert.match(await active.getByTestId('couple-recheck').innerText(), /第一次提醒时开始/,
    'what the renewal will ask of them');
  let home = panel.getByTestId('couple-home').filter({ hasText: unitName });
  await home.waitFor();
  assert.match(await home.innerText(), /单元内还没有儿童/);
  assert.equal(await home.getByTestId('couple-child').count(), 0);
  step(`the wife's portal: the contract 生效中 with three signatures, home ${unitName} with no children yet`);
  await shot(page, 'wife-home-empty');

  // 5. the director assigns the child to the unit
  page = director.page;
  focusOn(page);
  await page.goto(`${baseUrl}/units.html`);
  const assign = page.getByTestId('unit-assign-form');
  await assign.waitFor();
  const unitOption = assign.getByTestId('assign-unitId').locator('option').filter({ hasText: unitName });
  await assign.getByTestId('assign-unitId').selectOption(await unitOption.getAttribute('value'));
  const childOption = assign.getByTestId('assign-childIds').locator(`option[value="${childId}"]`);
  assert.match(await childOption.innerText(), new RegExp(`${childName}，5岁`), 'the form offers the child in the institution\'s care');
  await assign.getByTestId('assign-childIds').selectOption([childId]);
  await assign.getByRole('button', { name: '安排入住' }).click();
  row = page.getByTestId('unit-row').filter({ hasText: unitName });
  await row.locator(`[data-testid="unit-child"][data-child-id="${childId}"]`).waitFor();
  assert.match(await row.innerText(), /1 \/ 4/);
  const couple = (await row.getByTestId('unit-couple').innerText()).replace(/\s+/g, ' ').trim();
  assert.match(couple, /合同至/, `the board names the couple with its contract: ${couple}`);
  assert.doesNotMatch(couple, /尚未入住/);
  const childLine = (await row.locator(`[data-testid="unit-child"][data-child-id="${childId}"]`).innerText()).replace(/\s+/g, ' ');
  assert.match(childLine, new RegExp(childName));
  assert.match(childLine, /先天性心脏病术后/);
  step(`the board shows ${unitName}: 1 / 4, couple ${couple}, child ${childLine.split('结束')[0].trim()}`);
  await shot(page, 'director-board');

  page = wife.page;
  focusOn(page);
  panel = await couplePanel(page);
  home = panel.getByTestId('couple-home').filter({ hasText: unitName });
  const child = home.getByTestId('couple-child').filter({ hasText: childName });
  await child.waitFor();
  const notes = (await child.innerText()).replace(/\s+/g, ' ');
  assert.match(notes, /健康：先天性心脏病术后/);
  assert.match(notes, /上学：在读幼儿园中班/);
  assert.equal(await child.getByTestId('couple-child-review').count(), 0, 'no review yet');
  step(`the couple's portal lists ${childName} with care notes: ${notes.trim()}`);
  await shot(page, 'wife-home-child');

  console.log('family-style walk passed');
  await pass();
} catch (error) {
  await fail(error);
}
