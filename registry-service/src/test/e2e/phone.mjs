// The pages on a phone (390×844 CSS pixels) in Debian's Chromium (see session.mjs): the family's
// portal and application page, the caseworker's worklist, task and foster register. On each page
// nothing scrolls sideways, and the key facts of a real case (its step, status, deadline, approval
// and expiry) lie inside the screen's width.
//
//   node src/test/e2e/phone.mjs http://localhost:PORT PASSWORD FAMILY PENDING_ID PENDING_NUMBER APPROVED_NUMBER
//
// PENDING_* is an application of the family account FAMILY to 南昌市儿童福利院 waiting for 材料审核;
// APPROVED_NUMBER one of the same household that is in the foster register (PhoneBrowserTest makes
// both through the API). One line per page; exit 0 on success, 1 with the error on failure.
import assert from 'node:assert/strict';
import { PHONE, args, fail, login, logout, openBrowser, pass, shot, step } from './session.mjs';
import { findTaskRow, openTask } from './tasks.mjs';

const [baseUrl, password, familyUsername, pendingId, pendingNumber, approvedNumber] = args(
  'node src/test/e2e/phone.mjs http://localhost:PORT PASSWORD FAMILY PENDING_ID PENDING_NUMBER APPROVED_NUMBER', 6);

/** The page is as wide as the phone: nothing beyond its right edge to scroll to. */
async function assertNoSidewaysScroll(page, name) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth,
  }));
  assert.equal(innerWidth, PHONE.width, `${name}: the window is a phone's width`);
  assert.ok(scrollWidth <= innerWidth, `${name} scrolls sideways: ${scrollWidth} px of content in ${innerWidth} px`);
}

/** Each element is shown, says something, and lies wholly between the screen's left and right edges. */
async function assertInView(page, name, locators) {
  const texts = [];
  for (const [what, locator] of Object.entries(locators)) {
    await locator.waitFor({ state: 'visible' });
    const box = await locator.boundingBox();
    const text = (await locator.innerText()).trim();
    assert.ok(text.length > 0, `${name}: ${what} says something`);
    assert.ok(box && box.width > 0 && box.x >= 0 && box.x + box.width <= PHONE.width,
      `${name}: ${what} "${text}" lies outside the screen's width: ${JSON.stringify(box)}`);
    texts.push(`${what} "${text.replace(/\s+/g, ' ')}"`);
  }
  step(`${name} at ${PHONE.width}×${PHONE.height}: no sideways scroll; ${texts.join(', ')} in view`);
}

try {
  // the family: portal and application
  const family = await openBrowser('family', { viewport: PHONE });
  let page = family.page;
  await login(page, baseUrl, familyUsername, password);
  await page.goto(`${baseUrl}/portal.html`);
  const pendingRow = page.locator(`[data-testid="portal-row"][data-application-number="${pendingNumber}"]`);
  const approval = page.locator(`[data-testid="foster-approval-entry"][data-application-number="${approvedNumber}"]`);
  await pendingRow.waitFor();
  await approval.waitFor();
  await assertNoSidewaysScroll(page, 'portal');
  await assertInView(page, 'portal', {
    application: pendingRow.getByTestId('portal-link'),
    status: pendingRow.getByTestId('portal-status'),
    'latest step': pendingRow.getByTestId('portal-last'),
    'approved on': approval.getByTestId('foster-approved-on'),
    'valid until': approval.getByTestId('foster-expires-on'),
    standing: approval.getByTestId('register-standing'),
  });
  await shot(page, 'phone-portal');

  await page.goto(`${baseUrl}/application.html?id=${encodeURIComponent(pendingId)}`);
  await page.getByTestId('application-number').filter({ hasText: pendingNumber }).waitFor();
  await assertNoSidewaysScroll(page, 'application');
  await assertInView(page, 'application', {
    application: page.getByTestId('application-number'),
    status: page.getByTestId('application-status'),
    'latest step': page.getByTestId('history').locator('li').first(),
  });
  await shot(page, 'phone-application');
  await logout(page, baseUrl);
  await family.close();

  // the caseworker: worklist, task, foster register
  const caseworker = await openBrowser('caseworker', { viewport: PHONE });
  page = caseworker.page;
  await login(page, baseUrl, 'cw-nanchang', password);
  const row = await findTaskRow(page, baseUrl, { group: 'caseworker', taskName: '材料审核', applicationNumber: pendingNumber });
  await assertNoSidewaysScroll(page, 'worklist');
  await assertInView(page, 'worklist', {
    step: row.getByTestId('task-link'),
    status: row.getByTestId('task-row-status'),
    deadline: row.getByTestId('task-row-due'),
  });
  await shot(page, 'phone-worklist');

  await openTask(page, row, '材料审核');
  await page.getByTestId('task-form').locator('.fjs-form').waitFor();
  await assertNoSidewaysScroll(page, 'task');
  await assertInView(page, 'task', {
    step: page.getByTestId('task-name'),
    status: page.getByTestId('task-application-status'),
    deadline: page.getByTestId('task-due'),
  });
  await shot(page, 'phone-task');

  await page.getByTestId('nav-register').click();
  await page.waitForURL(/\/register\.html/);
  const entry = page.locator(`[data-testid="register-row"][data-application-number="${approvedNumber}"]`);
  await entry.waitFor();
  await assertNoSidewaysScroll(page, 'register');
  await assertInView(page, 'register', {
    family: entry.getByTestId('register-family'),
    'approved on': entry.getByTestId('register-approved-on'),
    'valid until': entry.getByTestId('register-expires-on'),
    standing: entry.getByTestId('register-standing'),
    capacity: entry.getByTestId('register-capacity'),
  });
  await shot(page, 'phone-register');
  await logout(page, baseUrl);

  step('phone pages passed');
  await pass();
} catch (error) {
  await fail(error);
}
