// Browser test of a whole adoption through the pages, with the real Keycloak login, in Debian's
// Chromium (see session.mjs); run by AdoptionJourneyBrowserTest. Each person has a browser of
// their own, signed in once per phase. The 30-day integration period (收养评估办法 art. 8) passes
// on the engine clock between the two phases, so the script runs twice:
//
//   node src/test/e2e/adoption-journey.mjs http://localhost:PORT PASSWORD until-matching TODAY
//     → prints "[e2e] journey application=<id> number=<number> child=<id> childName=<name>"
//   (the test moves the engine clock just past the integration period's end, integrationEnds)
//   node src/test/e2e/adoption-journey.mjs http://localhost:PORT PASSWORD from-integration APPLICATION_ID NUMBER CHILD_ID CHILD_NAME TODAY
//
// TODAY (YYYY-MM-DD) is the service's date by its engine clock at the start of the phase: every date
// the people type is counted from it, never from the browser's clock (the service compares dates
// such as the dissolution agreement's with its own clock).
//
// until-matching: cw-nanchang admits a child whose parents are dead (so no public notice) and
// starts 送养 on the child's file; uploads the materials of art. 7 on 准备送养材料's page and completes
// it; dir-nanchang approves; the file shows 可被收养 and the link for the family.
// wang.family@example.com applies alone (BACHELOR, 40, confidential) on adopt.html, uploads the ID
// card on the application page and finds on the portal that it is her turn and that the document
// check comes next. reg-donghu sees the document, uploads the other documents of art. 6 for the
// adopter on 审查申请材料's page (she brought them in person), completes it and 评估同意及评估人员 (assessors as-donghu and as-donghu2) and assigns
// as-donghu; as-donghu completes 收养评估; cw-nanchang completes 儿童匹配, and the script checks that
// the task is done (the integration timer runs from there).
//
// from-integration: as-donghu completes 融合评估 and 出具评估报告 (建议收养); reg-donghu completes
// 登记审查 (予以登记), opens the now sealed application with a reason, sees 已办理收养登记 with the
// certificate number (收登字…) and downloads the certificate PDF; the family sees the status on its
// portal with every step done and the first follow-up visit next, and opens its own sealed record;
// cw-nanchang can open neither the application nor the child's file (民法典 art. 1110). Then the
// family applies on its portal to dissolve the adoption by agreement (arts. 1114–1116), sees the
// registrar's 30 days, reg-donghu registers it, the family sees the 解除收养关系证明 number and
// cw-nanchang finds the child back in the institution's care (art. 1117).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { assignAssessor, fillHousehold, residentId, submitApplication, uploadOnApplicationPage } from './applications.mjs';
import { admitChild, requestAdoptionPlacement } from './children.mjs';
import { STEP_WAIT_MS, args, fail, focusOn, login, openBrowser, pass, poll, shot, step } from './session.mjs';
import {
  TASK_WAIT_MS, awaitTaskGone, checkAllBoxes, chooseInForm, claimTask, completeTask, fillDateInForm, findTaskRow,
  openTask, requiredDocuments, taskForm, uploadMissingDocuments,
} from './tasks.mjs';

const USAGE = 'node src/test/e2e/adoption-journey.mjs http://localhost:PORT PASSWORD until-matching TODAY'
  + ' | from-integration APPLICATION_ID NUMBER CHILD_ID CHILD_NAME TODAY';
const [baseUrl, password, phase, ...rest] = args(USAGE, 4);
// the last argument is the service's today (engine clock); the ones between are the phase's ids
const today = rest.at(-1);
const ids = rest.slice(0, -1);
if (!/^\d{4}-\d{2}-\d{2}$/.test(today ?? '')) {
  console.error(`TODAY must be YYYY-MM-DD, got ${today}; usage: ${USAGE}`);
  process.exit(2);
}

const FAMILY = 'wang.family@example.com';
const CASEWORKER = 'cw-nanchang';
const DIRECTOR = 'dir-nanchang';
const REGISTRAR = 'reg-donghu';
const ASSESSOR = 'as-donghu';
const SECOND_ASSESSOR = '郑红'; // as-donghu2, given by name (评估办法 art. 5: at least two assessors)
const GROUP = { [CASEWORKER]: 'caseworker', [DIRECTOR]: 'director', [REGISTRAR]: 'registrar', [ASSESSOR]: 'assessor' };
const READ_REASON = '核对收养登记';

/** A date so many days from the service's today (engine clock), as the forms keep it (YYYY-MM-DD). */
function day(offset = 0) {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

// --- people ---------------------------------------------------------------------------------

const browsers = new Map();

/** The page of that person's own browser, signed in the first time and at their home page. */
async function as(username) {
  if (!browsers.has(username)) {
    const browser = await openBrowser(username);
    await login(browser.page, baseUrl, username, password);
    // login waits for the landing page's redirect: each user is at their own home
    await browser.page.waitForURL(username === FAMILY ? /\/portal\.html/ : /\/worklist\.html/);
    browsers.set(username, browser);
  }
  const { page } = browsers.get(username);
  focusOn(page);
  return page;
}

/**
 * A staff member works a task: finds it on the group's worklist, opens, claims, fills the form
 * with fillForm(form), completes. Returns the task key.
 */
async function work(username, { taskName, applicationNumber, childName }, fillForm) {
  const page = await as(username);
  const row = await findTaskRow(page, baseUrl, { group: GROUP[username], taskName, applicationNumber, childName });
  const key = await openTask(page, row, taskName);
  await claimTask(page, username);
  const form = await taskForm(page);
  const filled = await fillForm(form);
  await shot(page, `${username}-${taskName}`);
  await completeTask(page);
  step(`${username}: ${taskName} (task ${key}) completed${filled ? `: ${filled}` : ''}`);
  return key;
}

// --- until the match ------------------------------------------------------------------------

async function untilMatching() {
  const tag = Date.now().toString(36).slice(-4).toUpperCase();
  const childName = `林小禾${tag}`;

  // the institution places a child whose parents are dead (登记办法 art. 7; no public notice)
  let page = await as(CASEWORKER);
  const childId = await admitChild(page, baseUrl, childName);
  await requestAdoptionPlacement(page);
  step(`${CASEWORKER}: admitted ${childName} (file ${childId}) and started 送养`);
  await work(CASEWORKER, { taskName: '准备送养材料', childName }, async (form) => {
    const uploaded = await uploadMissingDocuments(form.page());
    assert.deepEqual(uploaded, ['ADMISSION_RECORD', 'PARENTS_DEATH_PROOF'], 'an orphan\'s materials of art. 7');
    return `uploaded to the file: ${uploaded.join(', ')}`;
  });
  await work(DIRECTOR, { taskName: '机构负责人审批', childName }, async (form) => {
    await chooseInForm(form, '同意送养');
    return '同意送养';
  });

  // the file says the child may be adopted and gives the link for the family
  page = await as(CASEWORKER);
  const childUrl = `${baseUrl}/child.html?id=${encodeURIComponent(childId)}`;
  await poll(async () => {
    await page.goto(childUrl);
    const status = page.getByTestId('child-adoption-status');
    await status.waitFor();
    return (await status.getAttribute('data-status')) === 'AVAILABLE';
  }, { timeout: TASK_WAIT_MS, interval: 1_000, message: 'the child\'s file to show 可被收养' });
  const statusText = (await page.getByTestId('child-adoption-status').innerText()).trim();
  const adoptLink = (await page.getByTestId('child-adopt-link').innerText()).trim();
  assert.equal(statusText, '可被收养');
  assert.ok(adoptLink.endsWith(`/adopt.html?child=${childId}`), `the link for the family: ${adoptLink}`);
  step(`${CASEWORKER}: the file shows ${statusText} and the link for the family ${adoptLink}`);
  await shot(page, 'child-available');

  // the family applies with the link: alone, 40, bachelor's degree, asking for secrecy
  page = await as(FAMILY);
  await page.goto(adoptLink);
  await page.getByTestId('adopt-form').waitFor();
  await page.getByTestId('adopt-child-from-link').waitFor();
  // the page names the child of the link (name, sex, age), not its id
  const introduced = await poll(async () => {
    const text = (await page.getByTestId('adopt-child-from-link').innerText()).trim();
    return text.includes(childName) ? text : null;
  }, { message: `the adoption page to name ${childName}` });
  assert.match(introduced, new RegExp(`${childName}（女，\\d+ 岁）`), `name, sex and age: ${introduced}`);
  assert.ok(!introduced.includes(childId), 'not the id');
  step(`${FAMILY}: the adoption page names the child: ${introduced}`);
  // a submission with the household missing lists the problems; fixing them takes the summary away
  await page.getByTestId('submit-adoption').click();
  await page.getByTestId('error-summary').locator('li').first().waitFor();
  const listedProblems = await page.getByTestId('error-summary').locator('li').count();
  const applicant = `王秀英${tag}`;
  await fillHousehold(page, {
    address: `江西省南昌市东湖区八一大道 ${100 + Math.floor(Math.random() * 800)} 号`,
    hukouLocality: '江西省南昌市东湖区',
    phone: '13800138000',
    livingSpaceM2: '120',
    monthlyIncomeYuan: '15000',
    members: [{ name: applicant, residentId: residentId(40, { today, male: false }), role: 'PRIMARY_CAREGIVER', education: 'BACHELOR', healthNote: '健康' }],
  });
  await page.getByTestId('maritalStatus-UNMARRIED').check(); // 民法典 art. 1101: alone, so not married
  await page.getByTestId('canRaiseAndProtect').check();
  await poll(async () => (await page.getByTestId('error-summary').innerText()).trim() === '',
    { message: 'the error summary to go once every field is fixed' });
  step(`${FAMILY}: the error summary listed ${listedProblems} problems and went away once they were fixed`);
  await page.getByTestId('confidential').check();
  await page.locator('[data-field="motivation"]').fill(`希望给孩子一个家（测试 ${tag}）`);
  await shot(page, 'family-adopt');
  const { id: applicationId, number: applicationNumber } = await submitApplication(page, 'submit-adoption');
  step(`${FAMILY}: applied to adopt ${childName} as ${applicant}: application ${applicationNumber}, `
    + `status ${(await page.getByTestId('application-status').innerText()).trim()}`);

  await uploadOnApplicationPage(page, 'ID_CARD', `${applicant}-身份证.pdf`);
  step(`${FAMILY}: uploaded the ID card: ${(await page.getByTestId('upload-message').innerText()).trim()}`);
  await shot(page, 'family-application');
  // the portal says it is the family's turn (documents) and that the registrar's document check comes next
  await page.goto(`${baseUrl}/portal.html`);
  const journey = page.locator(`[data-testid="journey"][data-application-number="${applicationNumber}"]`);
  await journey.getByTestId('journey-now').waitFor();
  assert.equal(await journey.getByTestId('journey-now').getAttribute('data-family-acts'), 'true');
  const current = journey.locator('[data-testid="journey-step"][data-state="CURRENT"]');
  assert.equal(await current.getAttribute('data-code'), 'DOCUMENTS_CHECKED');
  step(`${FAMILY}: the portal: ${(await journey.getByTestId('journey-now').innerText()).trim().slice(0, 40)}…; `
    + `current step ${(await current.innerText()).split('\n')[0].trim()}`);

  // the registrar sees the document, checks the file, records the consent and assigns the assessor
  page = await as(REGISTRAR);
  await page.goto(`${baseUrl}/application.html?id=${encodeURIComponent(applicationId)}`);
  const idCard = page.locator('[data-testid="document-row"][data-type="ID_CARD"]');
  await idCard.waitFor();
  step(`${REGISTRAR}: the application shows the document ${(await idCard.locator('td').first().innerText()).trim()}`);
  const application = { applicationNumber };
  await work(REGISTRAR, { taskName: '审查申请材料', ...application }, async (form) => {
    const idCard = (await requiredDocuments(form.page())).find((document) => document.type === 'ID_CARD');
    assert.deepEqual(idCard.files, [`${applicant}-身份证.pdf`], 'the family\'s ID card on the task page');
    const uploaded = await uploadMissingDocuments(form.page());
    assert.equal(uploaded.length, 5, `the rest of art. 6 uploaded by the registrar: ${uploaded}`);
    await chooseInForm(form, '材料齐全');
    return `the family's ID card, ${uploaded.length} documents uploaded for the adopter, 材料齐全`;
  });
  await work(REGISTRAR, { taskName: '评估同意及评估人员', ...application }, async (form) => {
    await fillDateInForm(form, '同意评估日期', day());
    await chooseInForm(form, '民政部门自行评估');
    const names = form.getByLabel('评估人员姓名');
    await names.nth(0).fill(ASSESSOR);
    await names.nth(1).fill(SECOND_ASSESSOR);
    // in Chinese the form speaks Chinese only: no English help text, form-js's own words translated
    const shown = await form.innerText();
    assert.doesNotMatch(shown, /[A-Za-z]{3,}/, `the zh-CN form shows no English: ${shown}`);
    assert.match(shown, /添加/, 'form-js\'s "Add new" reads 添加');
    const datePlaceholder = await form.locator('.fjs-form-field-datetime input.fjs-input').first().getAttribute('placeholder');
    assert.match(datePlaceholder ?? '', /^[年月日]([./-][年月日]){2}$/, `the date placeholder in Chinese: ${datePlaceholder}`);
    return `consent ${day()}, assessors ${ASSESSOR} and ${SECOND_ASSESSOR}`;
  });
  const assessorName = await assignAssessor(page, baseUrl, applicationId, ASSESSOR);
  step(`${REGISTRAR}: assigned the assessor ${assessorName} (${ASSESSOR}), chosen among those the family consented to`);

  // the registrar hears the child and records what the child said (民法典 art. 1104; required from 8)
  const hearing = page.getByTestId('hearing-form');
  await hearing.waitFor();
  await hearing.getByTestId('heardOn').fill(day());
  await hearing.getByTestId('consents-true').check();
  await hearing.getByTestId('childWords').fill('我喜欢这个阿姨，愿意跟她回家');
  await hearing.getByTestId('hearing-submit').click();
  const heard = page.locator('[data-testid="child-hearing"][data-consents="true"]');
  await heard.waitFor();
  assert.match(await heard.innerText(), /同意被收养.*收养登记员/s, 'the hearing by whom, in words');
  step(`${REGISTRAR}: recorded the child's views: ${(await heard.innerText()).replace(/\s+/g, ' ').trim()}`);

  await work(ASSESSOR, { taskName: '收养评估', ...application }, async (form) => {
    await fillDateInForm(form, '实地走访日期', day(3));
    const items = await checkAllBoxes(form);
    await form.getByLabel('评估发现').fill('收养动机端正，家庭经济与居住条件良好');
    await chooseInForm(form, '无第十一条所列情形');
    return `${items} items assessed, no art. 11 red flag`;
  });

  await work(CASEWORKER, { taskName: '儿童匹配', ...application }, async (form) => {
    await form.getByRole('checkbox', { name: '机构同意匹配并开始融合' }).check();
    await fillDateInForm(form, '融合开始日期', day(6));
    return `matched, integration from ${day(6)}`;
  });
  // the integration timer starts with the completion, in its transaction
  await awaitTaskGone(await as(CASEWORKER), baseUrl, { group: 'caseworker', taskName: '儿童匹配', ...application });
  step('the engine has the match: the integration period runs');

  step(`journey application=${applicationId} number=${applicationNumber} child=${childId} childName=${childName}`);
}

// --- from the integration assessment to the sealed register --------------------------------

async function fromIntegration([applicationId, applicationNumber, childId, childName]) {
  assert.ok(applicationId && applicationNumber && childId && childName, USAGE);
  const application = { applicationNumber };

  await work(ASSESSOR, { taskName: '融合评估', ...application }, async (form) => {
    // the period has just ended on the engine clock: the visit is today
    await fillDateInForm(form, '走访日期', day());
    await form.getByLabel('融合情况').fill('儿童与收养人相处融洽');
    return 'integration visit';
  });
  await work(ASSESSOR, { taskName: '出具评估报告', ...application }, async (form) => {
    await fillDateInForm(form, '报告日期', day());
    await chooseInForm(form, '建议收养');
    await form.getByLabel('评分').fill('92');
    await form.getByLabel('评估意见').fill('建议收养');
    return '建议收养, score 92';
  });
  await work(REGISTRAR, { taskName: '登记审查', ...application }, async (form) => {
    await chooseInForm(form, '予以登记');
    return '予以登记';
  });

  // registered and sealed: the registrar opens the record with a reason, sees the number, prints the certificate
  let page = await as(REGISTRAR);
  const applicationUrl = `${baseUrl}/application.html?id=${encodeURIComponent(applicationId)}`;
  const status = page.getByTestId('application-status');
  await poll(async () => {
    await page.goto(applicationUrl);
    const sealedForm = page.getByTestId('sealed-form');
    await status.or(sealedForm).first().waitFor();
    if (await sealedForm.isVisible()) {
      await page.getByTestId('sealed-reason').fill(READ_REASON);
      await page.getByTestId('sealed-open').click();
      await status.waitFor();
    }
    return (await status.getAttribute('data-status')) === 'REGISTERED';
  }, { timeout: TASK_WAIT_MS, interval: 1_000, message: 'the application registered' });
  await page.getByTestId('application-sealed').waitFor();
  const registered = page.getByTestId('history').locator('li').filter({ hasText: /收登字\d{4}第\d{6}号/ });
  const certificateNumber = (await registered.innerText()).match(/收登字\d{4}第\d{6}号/)[0];
  // the status history names people by unit, role and name, the engine as the system; no login names
  const historyText = await page.getByTestId('history').innerText();
  assert.match(historyText, /南昌市东湖区民政局 收养登记员 周丽/, 'the registrar by unit, role and name');
  assert.match(historyText, /申请家庭 王芳/, 'the family by name');
  assert.doesNotMatch(historyText, /reg-donghu|as-donghu|cw-nanchang|wang\.family|engine/, `no login names: ${historyText}`);
  step(`${REGISTRAR}: ${(await status.innerText()).trim()}, ${(await page.getByTestId('application-sealed').innerText()).trim()}, certificate ${certificateNumber}`);
  await shot(page, 'registrar-registered');

  const certificate = page.locator('[data-testid="document-row"][data-type="ADOPTION_CERTIFICATE"]');
  const [download] = await Promise.all([page.waitForEvent('download'), certificate.getByRole('link').click()]);
  const pdf = fs.readFileSync(await download.path());
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'the certificate is a PDF');
  step(`${REGISTRAR}: downloaded the certificate ${download.suggestedFilename()} (${pdf.length} bytes, PDF)`);

  // the family follows its status on the portal
  page = await as(FAMILY);
  await page.goto(`${baseUrl}/portal.html`);
  const familyRow = page.locator(`[data-testid="portal-row"][data-application-number="${applicationNumber}"]`);
  const familyStatus = familyRow.getByTestId('portal-status');
  await poll(async () => (await familyStatus.getAttribute('data-status')) === 'REGISTERED',
    { message: 'the family\'s portal to show the registration' });
  const shown = (await familyStatus.innerText()).trim();
  assert.match(shown, /已办理收养登记/);
  assert.match(await familyRow.getByTestId('portal-last').innerText(), /收登字\d{4}第\d{6}号/);
  const sealedBadge = (await familyRow.getByTestId('portal-sealed').innerText()).trim();
  step(`${FAMILY}: the portal shows ${applicationNumber} ${shown}, ${sealedBadge}, with the certificate number`);
  // the way so far: every step done, the next date is the first follow-up visit (local practice)
  const journey = page.locator(`[data-testid="journey"][data-application-number="${applicationNumber}"]`);
  const nextDate = journey.getByTestId('journey-deadline');
  await nextDate.waitFor();
  assert.equal(await nextDate.getAttribute('data-code'), 'FOLLOW_UP_VISIT');
  const steps = journey.getByTestId('journey-step');
  assert.equal(await journey.locator('[data-testid="journey-step"][data-state="DONE"]').count(), await steps.count(),
    'every step of the adoption is done');
  assert.ok(await journey.getByTestId('dissolution-form').count() === 1, 'a registered adoption offers the dissolution form');
  assert.doesNotMatch(await journey.innerText(), /\bnull\b|undefined/, 'no placeholder leaks onto the page');
  assert.match(await journey.getByTestId('journey-certificate').innerText(), /收登字\d{4}第\d{6}号/);
  step(`${FAMILY}: ${await steps.count()} steps done; next: ${(await nextDate.innerText()).trim()}`);
  await shot(page, 'family-portal');
  // sealed (民法典 art. 1110) for others, not for the adopters: their own record opens without a reason
  await familyRow.getByTestId('portal-link').click();
  await page.getByTestId('application-status').filter({ hasText: '已办理收养登记' }).waitFor();
  step(`${FAMILY}: opens the sealed application ${applicationNumber} itself`);

  // sealed (民法典 art. 1110): the institution sees neither the application nor the child's file
  page = await as(CASEWORKER);
  for (const [what, url] of [['application', applicationUrl], ['child\'s file', `${baseUrl}/child.html?id=${encodeURIComponent(childId)}`]]) {
    await page.goto(url);
    const refused = page.getByText('未找到或无权查看。');
    await refused.waitFor({ timeout: STEP_WAIT_MS });
    assert.equal(await page.getByTestId('application-number').count(), 0);
    assert.equal(await page.getByTestId('child-name').count(), 0);
    step(`${CASEWORKER}: the ${what} answers ${(await refused.innerText()).trim()}`);
  }
  await shot(page, 'caseworker-sealed');

  // dissolution by agreement (民法典 arts. 1114–1116): the family applies on its portal ...
  page = await as(FAMILY);
  await page.goto(`${baseUrl}/portal.html`);
  const familyJourney = page.locator(`[data-testid="journey"][data-application-number="${applicationNumber}"]`);
  await familyJourney.locator('summary').click();
  const dissolution = familyJourney.getByTestId('dissolution-form');
  await dissolution.getByTestId('dissolution-date').fill(day());
  await dissolution.getByTestId('dissolution-reason').fill('收养人与送养机构协商一致解除');
  await dissolution.getByTestId('dissolution-submit').click();
  await page.locator('[data-testid="journey-step"][data-code="DISSOLUTION_REQUESTED"][data-state="DONE"]').waitFor();
  const dissolutionDeadline = page.locator('[data-testid="journey-deadline"][data-code="DISSOLUTION_REGISTRATION"]');
  await poll(async () => {
    await page.goto(`${baseUrl}/portal.html`);
    await page.getByTestId('journeys').locator('[data-testid="journey"]').first().waitFor();
    return (await dissolutionDeadline.count()) > 0;
  }, { timeout: TASK_WAIT_MS, interval: 1_000, message: 'the registrar\'s 30 days on the portal' });
  step(`${FAMILY}: applied for the dissolution; next: ${(await dissolutionDeadline.innerText()).trim()}`);

  // ... the registrar registers it within its 30 days ...
  await work(REGISTRAR, { taskName: '解除收养关系登记', applicationNumber }, async (form) => {
    await chooseInForm(form, '收养人、送养人协议解除（养子女未成年）');
    await chooseInForm(form, '未满八周岁');
    await chooseInForm(form, '予以登记');
    await fillDateInForm(form, '登记日期', day());
    return '予以登记';
  });

  // ... the family sees the dissolution certificate, and the child is back in the institution's care (art. 1117)
  page = await as(FAMILY);
  const dissolutionNumber = page.locator(`[data-testid="journey"][data-application-number="${applicationNumber}"]`)
    .getByTestId('journey-dissolution-certificate');
  await poll(async () => {
    await page.goto(`${baseUrl}/portal.html`);
    await page.getByTestId('journeys').locator('[data-testid="journey"]').first().waitFor();
    return (await dissolutionNumber.count()) > 0;
  }, { timeout: TASK_WAIT_MS, interval: 1_000, message: 'the dissolution registered on the portal' });
  assert.match(await dissolutionNumber.innerText(), /解收字\d{4}第\d{6}号/);
  step(`${FAMILY}: ${(await dissolutionNumber.innerText()).trim()}`);
  await shot(page, 'family-dissolved');
  page = await as(CASEWORKER);
  await page.goto(`${baseUrl}/child.html?id=${encodeURIComponent(childId)}`);
  const childStatus = page.getByTestId('child-adoption-status');
  await childStatus.waitFor();
  assert.equal(await childStatus.getAttribute('data-status'), 'DISSOLVED');
  assert.equal(await page.getByTestId('placement-row').filter({ hasText: '至今' }).getAttribute('data-kind'), 'INSTITUTION',
    'the child is in the institution\'s care again');
  step(`${CASEWORKER}: the child's file is open again: ${(await childStatus.innerText()).trim()}, back in 机构养育`);
}

try {
  if (phase === 'until-matching') await untilMatching();
  else if (phase === 'from-integration') await fromIntegration(ids);
  else throw new Error(`unknown phase ${phase}; usage: ${USAGE}`);
  step(`adoption journey ${phase} passed`);
  await pass();
} catch (error) {
  await fail(error);
}
