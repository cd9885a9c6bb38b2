// Browser test of the operator console: Cockpit behind the same Keycloak login as the registry.
//
//   cd registry-service
//   node src/test/e2e/operator-console.mjs http://localhost:PORT PASSWORD
//
// Steps: /operaton/app/cockpit/ sends an anonymous browser to Keycloak's login; the admin signs in
// and lands in Cockpit, which shows the deployed processes without a second login; a caseworker
// who signs in and opens Cockpit is refused. Exit 0 on success, 1 with the error (and
// target/e2e-failure.png) on failure.
import assert from 'node:assert/strict';
import { LOGIN_WAIT_MS, args, fail, fillKeycloakLogin, login, openBrowser, pass, shot, step } from './session.mjs';

const [baseUrl, password] = args('node src/test/e2e/operator-console.mjs http://localhost:PORT PASSWORD', 2);
const COCKPIT = `${baseUrl}/operaton/app/cockpit/default/`;

// Cockpit's pages carried a CSP nonce in their header and in their script tags. Twice in CI their scripts
// were refused and the spinner stayed: Operaton keeps the nonce in the servlet context, which a concurrent
// request overwrote (the header named one nonce, the page another). The service now sends Operaton's policy
// without a nonce (application.yaml); a failure still lists each Cockpit page's answer to tell why.
const cockpitPages = [];

try {
  const admin = await openBrowser('admin');
  admin.page.on('response', async (response) => {
    if (response.request().resourceType() !== 'document' || !response.url().includes('/operaton/app/')) return;
    const header = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1] ?? '-';
    const body = /nonce="([^"]+)"/.exec(await response.text().catch(() => ''))?.[1] ?? '-';
    cockpitPages.push(`${response.status()} ${response.url()} nonce: header ${header}, page ${body}`);
  });
  await admin.page.goto(COCKPIT);
  await admin.page.locator('#kc-form-login').waitFor({ timeout: LOGIN_WAIT_MS });
  step('Cockpit sends an anonymous browser to the Keycloak login');
  await fillKeycloakLogin(admin.page, baseUrl, 'admin', password);
  await admin.page.waitForURL(/\/operaton\/app\/cockpit\//, { timeout: LOGIN_WAIT_MS });
  // the dashboard counts the deployed process definitions; no Operaton login form on the way
  await admin.page.getByText(/Process Definitions|流程定义/).first().waitFor({ timeout: LOGIN_WAIT_MS });
  assert.equal(await admin.page.locator('form[name="signinForm"]').count(), 0, 'no second login form');
  step('the admin is in Cockpit without a second login');
  await shot(admin.page, 'cockpit');
  await admin.page.goto(`${COCKPIT}#/processes`);
  await admin.page.getByText('foster-family-qualification').first().waitFor({ timeout: LOGIN_WAIT_MS });
  step('Cockpit lists the journeys\' processes');

  const caseworker = await openBrowser('caseworker');
  await login(caseworker.page, baseUrl, 'cw-nanchang', password);
  // with the caseworker's session cookie, as the browser would send it
  const refused = await caseworker.page.request.get(COCKPIT, { maxRedirects: 0 });
  assert.equal(refused.status(), 403, 'a caseworker is refused');
  step('a caseworker is refused (403)');
  await pass();
} catch (error) {
  console.error(`Cockpit's pages:\n${cockpitPages.join('\n')}`);
  await fail(error);
}
