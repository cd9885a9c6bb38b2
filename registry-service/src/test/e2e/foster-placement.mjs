// Browser test of the foster placement (家庭寄养安置) through the real pages and the real Keycloak
// login, in Debian's Chromium (see session.mjs). Each person has a browser of their own.
//
//   node src/test/e2e/foster-placement.mjs http://localhost:PORT PASSWORD FAMILY FAMILY_ID CHILD_ID CHILD_NAME TODAY
//
// FAMILY is a family account of Nanchang's foster register (FAMILY_ID its household), CHILD_ID a
// child of Nanchang under 8 (FosterPlacementBrowserTest makes both through the API); TODAY
// (YYYY-MM-DD) is the service's date by its engine clock.
//
// Steps: the caseworker cw-nanchang opens the child's file: no foster placement can be typed in by
// hand; she proposes the match with an integration period of 59 days and is refused next to the
// field (art. 14), then with 60: the file lists it as 待审批. The director dir-nanchang filters the
// worklist by 家庭寄养安置 (the approval is listed, named so) and by 收养 (it is not), approves
// (审批寄养匹配) and signs (院长签署寄养协议) on the worklist. The family, on a phone-sized screen, finds
// the child with its care notes on the portal, opens the agreement (a PDF) and signs it: the child is
// in foster care, with the next visit shown, and nothing scrolls sideways. The director's placement
// board (寄养安置) shows the child in foster care with the end of its integration period and its next visit.
// One line per step; exit 0 on success, 1 with the error (and target/e2e-failure.png) on failure.
import assert from 'node:assert/strict';
import { PHONE, args, fail, focusOn, login, openBrowser, pass, poll, shot, step } from './session.mjs';
import { chooseInForm, claimTask, completeTask, findTaskRow, openTask, taskForm } from './tasks.mjs';

const [baseUrl, password, familyUsername, familyId, childId, childName, today] = args(
  'node src/test/e2e/foster-placement.mjs http://localhost:PORT PASSWORD FAMILY FAMILY_ID CHILD_ID CHILD_NAME TODAY', 7);
const CASEWORKER = 'cw-nanchang';
const DIRECTOR = 'dir-nanchang';
const inAYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;

/** Finds the director's task for the child, claims it, picks the decision and completes it. */
async function decide(page, taskName, decision) {
  const row = await findTaskRow(page, baseUrl, { group: 'director', taskName, childName });
  const key = await openTask(page, row, taskName);
  await claimTask(page, DIRECTOR);
  await chooseInForm(await taskForm(page), decision);
  await completeTask(page);
  step(`${DIRECTOR}: ${taskName} (task ${key}): ${decision}`);
}

/**
 * The worklist's process filter: chosen by the placement journey's name, it lists that journey's tasks
 * only, each row naming it, the approval among them; under 收养 the approval is not listed.
 */
async function keepsToItsProcess(page) {
  await page.goto(`${baseUrl}/worklist.html?candidateGroup=director`);
  await page.getByTestId('worklist-summary').waitFor();
  const filter = page.getByTestId('filter-process');
  const listsOnly = (journey) => poll(async () => new URL(page.url()).searchParams.get('processId') === journey.id
      && (await page.getByTestId('task-row-process').allInnerTexts()).every((name) => name.trim() === journey.name),
    { message: `the worklist of ${journey.name} only` });
  await filter.selectOption({ label: '家庭寄养安置' });
  await listsOnly({ id: 'foster-placement', name: '家庭寄养安置' });
  // the filter is in the URL: the same list, paged through, holds the approval
  const approval = await findTaskRow(page, baseUrl, { group: 'director', process: 'foster-placement',
    taskName: '审批寄养匹配', childName });
  assert.equal((await approval.getByTestId('task-row-process').innerText()).trim(), '家庭寄养安置');
  await filter.selectOption({ label: '收养' });
  await listsOnly({ id: 'adoption', name: '收养' });
  assert.equal(await page.getByTestId('task-row').filter({ hasText: childName }).count(), 0,
    'no placement task under 收养');
  step(`${DIRECTOR}: the process filter 家庭寄养安置 lists 审批寄养匹配 for ${childName}; 收养 does not`);
}

try {
  // 1. the caseworker proposes the match on the child's file
  const caseworker = await openBrowser('caseworker');
  let page = caseworker.page;
  await login(page, baseUrl, CASEWORKER, password);
  await page.goto(`${baseUrl}/child.html?id=${encodeURIComponent(childId)}`);
  const foster = page.getByTestId('child-foster');
  await foster.waitFor();
  assert.equal(await page.locator('[data-testid="placement-kind"] option[value="FOSTER"]').count(), 0,
    'the file offers no foster placement to type in by hand');
  step('the child file offers no hand-typed foster placement');

  await page.getByTestId('foster-familyId').selectOption(familyId);
  assert.equal(await page.getByTestId('foster-primaryCaregiver').inputValue(), '王秀英',
    'the register names the primary caregiver');
  await page.getByTestId('foster-from').fill(today);
  await page.getByTestId('foster-until').fill(inAYear);
  await page.getByTestId('foster-integrationDays').fill('59');
  await page.getByTestId('foster-propose-submit').click();
  const refusal = foster.locator('[data-error-for="integrationDays"]');
  await refusal.waitFor({ state: 'visible' });
  const refusalText = (await refusal.innerText()).trim();
  assert.match(refusalText, /第十四条/, `the refusal names its article: ${refusalText}`);
  step(`59 days refused next to the field: ${refusalText}`);
  await shot(page, 'caseworker-refused');

  await page.getByTestId('foster-integrationDays').fill('60');
  await page.getByTestId('foster-propose-submit').click();
  await foster.locator('[data-testid="foster-placement-row"][data-status="PROPOSED"]').waitFor();
  step('the match is proposed: the file lists it as 待审批');
  await caseworker.close();

  // 2. the director approves and signs on the worklist
  const director = await openBrowser('director');
  page = director.page;
  await login(page, baseUrl, DIRECTOR, password);
  await keepsToItsProcess(page);
  await decide(page, '审批寄养匹配', '批准');
  await decide(page, '院长签署寄养协议', '签署协议');

  // 3. the family, on a phone: the child's care notes, the agreement, the signature
  const family = await openBrowser('family', { viewport: PHONE });
  page = family.page;
  await login(page, baseUrl, familyUsername, password);
  await page.goto(`${baseUrl}/portal.html`);
  const card = page.locator('[data-testid="foster-child"]').filter({ hasText: childName });
  await card.waitFor();
  assert.match(await card.getByTestId('foster-child-health').innerText(), /先天性心脏病术后/);
  const agreementHref = await card.getByTestId('foster-agreement-link').getAttribute('href');
  const agreement = await page.request.get(new URL(agreementHref, page.url()).href);
  assert.equal(agreement.status(), 200, 'the family opens its agreement');
  assert.match(agreement.headers()['content-type'], /application\/pdf/);
  assert.equal((await agreement.body()).subarray(0, 5).toString(), '%PDF-');
  step(`the family reads the agreement: ${agreementHref} is a PDF`);
  page.once('dialog', (dialog) => dialog.accept());
  await card.getByTestId('foster-sign').click();
  const placed = page.locator('[data-testid="foster-child"][data-status="ACTIVE"]').filter({ hasText: childName });
  await placed.waitFor();
  const nextVisit = (await placed.getByTestId('foster-next-visit').innerText()).trim();
  assert.ok(nextVisit && nextVisit !== '—', 'the next visit is shown');
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `the portal scrolls sideways: ${scrollWidth} px in ${innerWidth} px`);
  step(`the family signed on ${PHONE.width}×${PHONE.height}: ${childName} in foster care, next visit ${nextVisit}, no sideways scroll`);
  await shot(page, 'family-signed');

  // 4. the placement board
  page = director.page;
  focusOn(page);
  await page.getByTestId('nav-placements').click();
  await page.waitForURL(/\/placements\.html/);
  const row = page.locator(`[data-testid="placement-board-row"][data-child-id="${childId}"][data-status="ACTIVE"]`);
  await row.waitFor();
  const integrationEnds = (await row.getByTestId('board-integration-ends').innerText()).trim();
  const boardVisit = (await row.getByTestId('board-next-visit').innerText()).trim();
  assert.ok(integrationEnds !== '—' && boardVisit !== '—', 'the board shows the engine\'s dates');
  step(`the board shows ${childName} in foster care: integration until ${integrationEnds}, next visit ${boardVisit}`);
  await shot(page, 'board');
  console.log('foster placement walk passed');
  await pass();
} catch (error) {
  await fail(error);
}
