// Browser test of the child's file pages against the real stack (run by ChildPlacementBrowserTest):
// the caseworker signs in through Keycloak, admits a child on children.html, opens the file,
// starts placing the child for adoption (送养), and finds 准备送养材料 in the worklist.
//
//   node src/test/e2e/child-placement.mjs http://localhost:PORT PASSWORD
import assert from 'node:assert/strict';
import { args, fail, login, openBrowser, pass, poll, shot, step } from './session.mjs';

const [baseUrl, password] = args('node src/test/e2e/child-placement.mjs http://localhost:PORT PASSWORD', 2);
const childName = `林小禾${Date.now() % 10000}`;

try {
  const { page } = await openBrowser('caseworker');
  await login(page, baseUrl, 'cw-nanchang', password);
  // the landing page sends staff to their home; let it arrive before going elsewhere
  await page.waitForURL(/\/worklist\.html/);
  step('signed in as cw-nanchang, home is the worklist');

  await page.goto(`${baseUrl}/children.html`);
  await page.getByTestId('admit-open').click();
  await page.getByTestId('admit-form').waitFor();
  await page.getByTestId('name').fill(childName);
  await page.getByTestId('sex').selectOption('FEMALE');
  await page.getByTestId('birthDate').fill('2021-06-01');
  await page.getByTestId('category').selectOption('INSTITUTION_RAISED');
  await page.getByTestId('admissionReason').selectOption('PARENTS_DEAD');
  await page.getByTestId('admissionDate').fill('2023-05-10');
  await page.getByTestId('admissionRecord').fill('父母因交通事故死亡，经东湖区民政局送入福利院');
  await page.getByTestId('guardian').fill('南昌市儿童福利院');
  await shot(page, 'admit-form');
  await page.getByTestId('admit-submit').click();
  await page.waitForURL(/\/child\.html\?id=/);
  const childId = new URL(page.url()).searchParams.get('id');
  await page.getByTestId('child-name').filter({ hasText: childName }).waitFor();
  assert.equal(await page.getByTestId('placement-row').count(), 1, 'the file starts with the institutional placement');
  step(`admitted ${childName}: file ${childId} opened, placement 机构养育`);

  page.once('dialog', (dialog) => dialog.accept()); // the confirmation citing 登记办法 art. 7
  await page.getByTestId('request-adoption-placement').click();
  await poll(async () => (await page.getByTestId('child-adoption-status').getAttribute('data-status')) === 'PLACEMENT_REQUESTED',
    { message: 'status 送养办理中' });
  step('送养 requested: status PLACEMENT_REQUESTED');
  await shot(page, 'child-file');

  await poll(async () => {
    await page.goto(`${baseUrl}/worklist.html`);
    await page.getByTestId('worklist-table').or(page.getByTestId('worklist-empty')).first().waitFor();
    return (await page.locator('tr', { hasText: '准备送养材料' }).filter({ hasText: childName }).count()) > 0;
  }, { timeout: 60_000, interval: 1_000, message: `准备送养材料 for ${childName} in the worklist` });
  step(`worklist shows 准备送养材料 for ${childName}`);
  await shot(page, 'worklist');
  await pass();
} catch (error) {
  await fail(error);
}
