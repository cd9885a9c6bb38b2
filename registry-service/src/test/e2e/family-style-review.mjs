// Browser test of a family-style unit's quarterly review (机构内家庭式养育, review every three months by
// local practice), through the real pages and the real Keycloak login, in Debian's Chromium (see session.mjs).
//
//   node src/test/e2e/family-style-review.mjs http://localhost:PORT PASSWORD WIFE UNIT_NAME CHILD_NAME TODAY
//
// family-style.mjs has put CHILD_NAME into the unit UNIT_NAME of WIFE's couple; FamilyStyleBrowserTest
// then moved the engine clock past the unit's first review date, so the review is due. TODAY (YYYY-MM-DD)
// is the service's date by its engine clock.
//
// Steps: the caseworker cw-nanchang sees the unit's next review as the open review's due date on
// units.html, finds 单元评估 for the unit on the worklist (the row names the unit), fills one line for the
// child (姓名：健康；上学；发展) and completes it; the board's next review moves about three months on. The
// couple's portal shows the review date as the last review and the child's note from it.
// One line per step; exit 0 on success, 1 with the error (and target/e2e-failure.png) on failure.
import assert from 'node:assert/strict';
import { args, fail, focusOn, login, openBrowser, pass, poll, shot, step } from './session.mjs';
import { claimTask, completeTask, fillDateInForm, findTaskRow, openTask, sameDay, taskForm } from './tasks.mjs';

const [baseUrl, password, wifeUsername, unitName, childName, today] = args(
  'node src/test/e2e/family-style-review.mjs http://localhost:PORT PASSWORD WIFE UNIT_NAME CHILD_NAME TODAY', 6);
const CASEWORKER = 'cw-nanchang';
const NOTE = { health: '心脏复查正常', schooling: '幼儿园中班，按时上学', development: '语言进步明显' };

/** Days from TODAY to the date a page shows (year, month, day in that order, as zh-CN writes them). */
function daysFromToday(shown) {
  const [year, month, day] = (shown.match(/\d+/g) ?? []).map(Number);
  assert.ok(year && month && day, `a date: ${shown}`);
  return Math.round((Date.UTC(year, month - 1, day) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

async function nextReview(page) {
  await page.goto(`${baseUrl}/units.html`);
  const row = page.getByTestId('unit-row').filter({ hasText: unitName });
  await row.waitFor();
  return (await row.getByTestId('unit-next-review').innerText()).trim();
}

try {
  // the caseworker holds the review
  const caseworker = await openBrowser('caseworker');
  let page = caseworker.page;
  await login(page, baseUrl, CASEWORKER, password);
  await page.waitForURL(/\/worklist\.html/); // staff land on their worklist
  const due = await nextReview(page);
  const dueIn = daysFromToday(due);
  assert.ok(dueIn >= 0 && dueIn <= 14, `the open review is due within its 14 days: ${due}`);
  step(`the board shows ${unitName}'s review due ${due}`);

  const row = await findTaskRow(page, baseUrl, { group: 'caseworker', taskName: '单元评估', unitName });
  await openTask(page, row, '单元评估');
  await claimTask(page, CASEWORKER);
  const form = await taskForm(page);
  assert.equal(await form.getByLabel('单元', { exact: true }).inputValue(), unitName, 'the form names the unit');
  assert.match(await form.getByLabel('单元内儿童').inputValue(), new RegExp(childName), 'the form names the unit\'s children');
  await fillDateInForm(form, '评估日期', today);
  await form.getByLabel('逐名儿童记录').fill(`${childName}：${NOTE.health}；${NOTE.schooling}；${NOTE.development}`);
  await form.getByLabel('总体意见').fill('单元运转良好，夫妻照料用心');
  await shot(page, 'caseworker-review');
  await completeTask(page);
  step(`the caseworker completed 单元评估 for ${unitName} (found by the unit's name on the worklist)`);

  const next = await poll(async () => {
    const shown = await nextReview(page);
    return shown !== due ? shown : null;
  }, { message: 'the next review to move on' });
  const nextIn = daysFromToday(next);
  assert.ok(nextIn >= 80 && nextIn <= 95, `the next review about three months on: ${next} (${nextIn} days)`);
  step(`the board shows the next review ${next}, ${nextIn} days on`);
  await caseworker.close();

  // the couple reads it on the portal
  const wife = await openBrowser('wife');
  page = wife.page;
  focusOn(page);
  await login(page, baseUrl, wifeUsername, password);
  await page.waitForURL(/\/portal\.html/); // families land on their portal
  await page.goto(`${baseUrl}/portal.html`);
  const home = page.getByTestId('couple-home').filter({ hasText: unitName });
  await home.waitFor();
  const lastReview = (await home.locator('dt', { hasText: '上次评估' }).locator('xpath=following-sibling::dd[1]').innerText()).trim();
  assert.ok(sameDay(lastReview, 'yyyy/mm/dd', today), `the last review is today's: ${lastReview}`);
  const homeNext = (await home.getByTestId('couple-next-review').innerText()).trim();
  assert.equal(homeNext, next, 'the portal and the board agree on the next review');
  const review = home.getByTestId('couple-child').filter({ hasText: childName }).getByTestId('couple-child-review');
  await review.waitFor();
  const reviewText = (await review.innerText()).trim();
  for (const part of Object.values(NOTE)) assert.ok(reviewText.includes(part), `the child's review note: ${reviewText}`);
  step(`the couple's portal: last review ${lastReview}, next ${homeNext}, ${childName}: ${reviewText}`);
  await shot(page, 'wife-review');

  console.log('family-style review walk passed');
  await pass();
} catch (error) {
  await fail(error);
}
