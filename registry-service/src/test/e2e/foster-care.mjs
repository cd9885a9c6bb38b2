// Browser test of a foster placement while the child lives with the family (家庭寄养管理办法 arts. 16–20),
// through the real pages and the real Keycloak login, in Debian's Chromium (see session.mjs).
//
//   node src/test/e2e/foster-care.mjs http://localhost:PORT PASSWORD FAMILY CHILD_ID CHILD_NAME TODAY
//
// The placement of CHILD_ID with FAMILY is active and its first monthly visit is due
// (FosterPlacementBrowserTest walks foster-placement.mjs first and moves the engine clock a month);
// TODAY (YYYY-MM-DD) is the service's date by its engine clock.
//
// Steps: the caseworker cw-nanchang records the home visit (家庭探访) on the worklist, and the child's
// file shows it. The family, on a phone-sized portal, asks for a respite of 40 days and is refused next
// to the return date (art. 20: 30 days at most), then asks for 7 days. The caseworker approves it
// (安排短期托养); the family's portal shows the child at the institution. The director ends the
// placement on the child's file for a reason of art. 18; the family's portal shows the reason, its
// article and the written notice (a PDF). One line per step; exit 0 on success, 1 with the error (and target/e2e-failure.png).
import assert from 'node:assert/strict';
import { PHONE, args, fail, login, openBrowser, pass, plusDays, shot, step } from './session.mjs';
import { chooseInForm, claimTask, completeTask, fillDateInForm, findTaskRow, openTask, taskForm } from './tasks.mjs';

const [baseUrl, password, familyUsername, childId, childName, today] = args(
  'node src/test/e2e/foster-care.mjs http://localhost:PORT PASSWORD FAMILY CHILD_ID CHILD_NAME TODAY', 6);
const CASEWORKER = 'cw-nanchang';
const DIRECTOR = 'dir-nanchang';

/** The day {@code days} after TODAY, as YYYY-MM-DD. */
const afterToday = (days) => plusDays(today, days);

async function fosterCard(page) {
  await page.goto(`${baseUrl}/portal.html`);
  const card = page.locator('[data-testid="foster-child"]').filter({ hasText: childName });
  await card.waitFor();
  return card;
}

try {
  // 1. the caseworker records the monthly visit
  const caseworker = await openBrowser('caseworker');
  let page = caseworker.page;
  await login(page, baseUrl, CASEWORKER, password);
  let row = await findTaskRow(page, baseUrl, { group: 'caseworker', taskName: '家庭探访', childName });
  await openTask(page, row, '家庭探访');
  await claimTask(page, CASEWORKER);
  let form = await taskForm(page);
  await fillDateInForm(form, '探访日期', today);
  await form.getByLabel('健康情况').fill('按时复诊，体重增加');
  await form.getByLabel('上学情况').fill('在社区幼儿园上小班');
  await form.getByLabel('生活情况').fill('与照料人亲近');
  await form.getByLabel('发现的问题').fill('无');
  await completeTask(page);
  await page.goto(`${baseUrl}/child.html?id=${encodeURIComponent(childId)}`);
  const visit = page.locator('[data-testid="visit"]').filter({ hasText: '在社区幼儿园上小班' });
  await visit.waitFor();
  step('the visit is recorded and the child\'s file shows it');

  // 2. the family asks for a respite on its phone: 40 days refused, 7 days sent
  const family = await openBrowser('family', { viewport: PHONE });
  page = family.page;
  await login(page, baseUrl, familyUsername, password);
  let card = await fosterCard(page);
  const request = card.getByTestId('respite-request');
  await request.getByTestId('respite-request-from').fill(afterToday(1));
  await request.getByTestId('respite-request-until').fill(afterToday(41));
  await request.getByTestId('respite-request-reason').fill('照料人住院手术');
  await request.getByTestId('respite-request-submit').click();
  const tooLong = request.locator('[data-error-for="until"]');
  await tooLong.waitFor({ state: 'visible' });
  const tooLongText = (await tooLong.innerText()).trim();
  assert.match(tooLongText, /第二十条/, `the refusal names its article: ${tooLongText}`);
  step(`a respite of 40 days refused next to the field: ${tooLongText}`);
  await request.getByTestId('respite-request-until').fill(afterToday(8));
  await request.getByTestId('respite-request-submit').click();
  await page.locator('[data-testid="foster-child"]').filter({ hasText: childName })
    .locator('[data-testid="respite"][data-status="REQUESTED"]').waitFor();
  step('the family asked for 7 days: the portal shows it awaiting the decision');

  // 3. the caseworker approves it
  page = caseworker.page;
  row = await findTaskRow(page, baseUrl, { group: 'caseworker', taskName: '安排短期托养', childName });
  await openTask(page, row, '安排短期托养');
  await claimTask(page, CASEWORKER);
  form = await taskForm(page);
  await chooseInForm(form, '同意');
  await form.getByLabel('意见').fill('同意，儿童回院照料');
  await completeTask(page);
  page = family.page;
  card = await fosterCard(page);
  await card.locator('[data-testid="respite"][data-status="ACTIVE"]').waitFor();
  step('the caseworker approved: the family\'s portal shows the child at the institution');
  await shot(page, 'family-respite');
  await caseworker.close();

  // 4. the director ends the placement on the child's file (art. 18)
  const director = await openBrowser('director');
  page = director.page;
  await login(page, baseUrl, DIRECTOR, password);
  await page.goto(`${baseUrl}/child.html?id=${encodeURIComponent(childId)}`);
  const termination = page.getByTestId('termination');
  await termination.waitFor();
  await termination.getByTestId('termination-reason').selectOption('MAJOR_CHANGE');
  await termination.getByTestId('termination-details').fill('主要照料人重病住院，无法继续照料');
  await termination.getByTestId('termination-submit').click();
  const ended = page.locator('[data-testid="staff-care"] [data-testid="termination-recorded-reason"]');
  await ended.waitFor();
  assert.match(await ended.innerText(), /第十八条/);
  step(`the director ended the placement: ${(await ended.innerText()).trim()}`);
  await director.close();

  // 5. the family reads why
  page = family.page;
  card = await fosterCard(page);
  const reason = page.locator('[data-testid="foster-child"][data-status="ENDED"]').filter({ hasText: childName })
    .getByTestId('termination-recorded-reason');
  await reason.waitFor();
  const endedCard = page.locator('[data-testid="foster-child"][data-status="ENDED"]').filter({ hasText: childName });
  const noticeHref = await endedCard.getByTestId('termination-notice-link').getAttribute('href');
  const notice = await page.request.get(new URL(noticeHref, page.url()).href);
  assert.equal(notice.status(), 200, 'the family opens the written notice');
  assert.equal((await notice.body()).subarray(0, 5).toString(), '%PDF-');
  step(`the family's portal shows the placement ended: ${(await reason.innerText()).trim()}, with the written notice (PDF)`);
  await shot(page, 'family-ended');
  console.log('foster care walk passed');
  await pass();
} catch (error) {
  await fail(error);
}
