// Browser test of a family's login against the real Keycloak, in Debian's Chromium (see session.mjs).
//
//   cd registry-service
//   node src/test/e2e/family-login.mjs http://localhost:PORT PASSWORD FAMILY OWN_NUMBER OTHER_NUMBER REFUSED_NUMBER
//
// OWN_NUMBER and REFUSED_NUMBER (refused at once by the eligibility decision) were submitted for
// the family account FAMILY and OTHER_NUMBER for another family (the JUnit test does that through
// the API first). Steps: the landing page shows, not signed in → 登录 → Keycloak's form as FAMILY →
// 我的申请 (portal.html) lists OWN_NUMBER and not OTHER_NUMBER, and says on the page why
// REFUSED_NUMBER was refused, each rule with its article → the own application shows its status
// history → 退出 → the landing page, signed
// out → portal.html now sends the browser to Keycloak's login form (the session is gone, the
// Keycloak session too) → 家庭注册 with a mobile number as user name and no email → signed in on
// 我的申请. One line per step; exit 0 on success, 1 with the error (and
// target/e2e-failure.png) on failure.
import assert from 'node:assert/strict';
import { LOGIN_WAIT_MS, args, fail, fillKeycloakLogin, logout, openBrowser, pass, poll, shot, step } from './session.mjs';

const [baseUrl, password, FAMILY, ownNumber, otherNumber, refusedNumber] =
  args('node src/test/e2e/family-login.mjs http://localhost:PORT PASSWORD FAMILY OWN_NUMBER OTHER_NUMBER REFUSED_NUMBER', 6);

try {
  const { page } = await openBrowser('family');

  // 1. the public landing page
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('landing').waitFor();
  await page.getByTestId('header-login').waitFor({ state: 'visible' }); // /api/me said: nobody signed in
  assert.equal(await page.getByTestId('user-name').count(), 0, 'nobody is signed in on the landing page');
  assert.ok(await page.getByTestId('landing-register').isVisible(), 'the landing page offers family registration');
  assert.equal(new URL(page.url()).pathname, '/', 'the landing page stays (no redirect) when nobody is signed in');
  step('landing page shows 登录 and 家庭注册, not signed in');
  await shot(page, 'landing');

  // 2. sign in through Keycloak
  await page.getByTestId('landing-login').click();
  await page.locator('#kc-form-login').waitFor({ timeout: LOGIN_WAIT_MS });
  assert.ok(!page.url().startsWith(`${baseUrl}/`), `登录 leads to Keycloak, not ${page.url()}`);
  step(`登录 leads to Keycloak's login form (${new URL(page.url()).host})`);
  await shot(page, 'keycloak-login');
  await fillKeycloakLogin(page, baseUrl, FAMILY, password);
  await page.waitForURL(/\/portal\.html/);
  const name = (await page.getByTestId('user-name').innerText()).trim();
  const role = (await page.getByTestId('user-role').innerText()).trim();
  step(`signed in as ${FAMILY}: home is 我的申请, header shows ${name} (${role})`);

  // 3. only the household's own applications
  const ownRow = page.locator(`[data-testid="portal-row"][data-application-number="${ownNumber}"]`);
  await ownRow.waitFor();
  const numbers = await page.getByTestId('portal-row').evaluateAll((rows) => rows.map((row) => row.dataset.applicationNumber));
  assert.ok(numbers.includes(ownNumber), `the portal lists ${ownNumber}`);
  assert.ok(!numbers.includes(otherNumber), `the portal must not list the other family's ${otherNumber}: ${numbers}`);
  assert.equal(await page.getByText(otherNumber).count(), 0, `${otherNumber} appears nowhere on the page`);
  const status = (await ownRow.getByTestId('portal-status').innerText()).trim();
  step(`我的申请 lists ${ownNumber} (${status}) and not ${otherNumber} (applications listed: ${numbers.length})`);

  // 3a. a refusal says why on the portal itself: every unmet rule with its article
  const refusal = page.locator(`[data-testid="refused-application"][data-application-number="${refusedNumber}"]`);
  await refusal.waitFor();
  const reasons = await refusal.getByTestId('refusal-reason').allInnerTexts();
  assert.ok(reasons.length > 0, `the portal lists why ${refusedNumber} was refused`);
  for (const reason of reasons) assert.match(reason, /第.+条/, `each reason names its article: ${reason}`);
  step(`我的申请 says why ${refusedNumber} was refused: ${reasons.map((r) => r.replace(/\s+/g, ' ')).join(' | ')}`);
  await shot(page, 'portal');

  // 4. the own application and its history
  await ownRow.getByTestId('portal-link').click();
  await page.waitForURL(/\/application\.html\?id=/);
  await poll(async () => (await page.getByTestId('application-number').textContent())?.trim() === ownNumber,
    { message: `the application page of ${ownNumber}` });
  const history = page.getByTestId('history').locator('li');
  await history.first().waitFor();
  const entries = await history.count();
  assert.ok(entries > 0, 'the application shows its status history');
  step(`application ${ownNumber} shows its status history (entries: ${entries}, latest: ${(await history.first().locator('strong').innerText()).trim()})`);
  await shot(page, 'application');

  // 5. sign out: the service session and Keycloak's end
  await logout(page, baseUrl);
  await shot(page, 'signed-out');

  // 6. a page that needs a login now sends the browser to Keycloak's form again
  await page.goto(`${baseUrl}/portal.html`);
  await page.locator('#kc-form-login').waitFor({ timeout: LOGIN_WAIT_MS });
  assert.ok(!page.url().startsWith(`${baseUrl}/`), `portal.html must lead to Keycloak's login, not ${page.url()}`);
  step(`portal.html now leads to Keycloak's login form: logged out`);

  // 7. a new family registers with a mobile number as user name and no email, and is signed in
  const mobile = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('landing-register').click();
  const registration = page.locator('#kc-register-form');
  await registration.waitFor({ timeout: LOGIN_WAIT_MS });
  await registration.locator('[name="username"]').fill(mobile);
  await registration.locator('[name="lastName"]').fill('赵');
  await registration.locator('[name="firstName"]').fill('敏');
  await registration.locator('[name="password"]').fill('family-pass-123');
  await registration.locator('[name="password-confirm"]').fill('family-pass-123');
  assert.equal(await registration.locator('[name="email"]').inputValue().catch(() => ''), '', 'no email given');
  await shot(page, 'register-mobile');
  await registration.locator('[type="submit"]').click();
  await page.waitForURL(/\/portal\.html/, { timeout: LOGIN_WAIT_MS }).catch(async (error) => {
    const problems = await page.locator('[id^="input-error"], .pf-v5-c-alert__title, .alert-error').allInnerTexts().catch(() => []);
    throw new Error(`registering ${mobile} without an email did not reach the portal: ${problems.join(' / ')} (${error.message})`);
  });
  const registeredName = (await page.getByTestId('user-name').innerText()).trim();
  assert.equal(registeredName, '赵敏', 'the header names the new family member');
  step(`registered with the mobile number ${mobile} and no email: signed in on 我的申请 as ${registeredName}`);

  await pass();
} catch (error) {
  await fail(error);
}
