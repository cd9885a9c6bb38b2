// Browser test of the child's file pages against the real stack (run by ChildPlacementBrowserTest):
// the caseworker signs in through Keycloak, admits a child on children.html, opens the file,
// starts placing the child for adoption (送养), and finds 准备送养材料 in the worklist.
//
//   node src/test/e2e/child-placement.mjs http://localhost:PORT PASSWORD
import { admitChild, requestAdoptionPlacement } from './children.mjs';
import { args, fail, login, openBrowser, pass, shot, step } from './session.mjs';
import { findTaskRow } from './tasks.mjs';

const [baseUrl, password] = args('node src/test/e2e/child-placement.mjs http://localhost:PORT PASSWORD', 2);
const childName = `林小禾${Date.now() % 10000}`;

try {
  const { page } = await openBrowser('caseworker');
  await login(page, baseUrl, 'cw-nanchang', password);
  // the landing page sends staff to their home; let it arrive before going elsewhere
  await page.waitForURL(/\/worklist\.html/);
  step('signed in as cw-nanchang, home is the worklist');

  const childId = await admitChild(page, baseUrl, childName);
  step(`admitted ${childName}: file ${childId} opened, placement 机构养育`);

  await requestAdoptionPlacement(page);
  step('送养 requested: status PLACEMENT_REQUESTED');
  await shot(page, 'child-file');

  await findTaskRow(page, baseUrl, { taskName: '准备送养材料', childName });
  step(`worklist shows 准备送养材料 for ${childName}`);
  await shot(page, 'worklist');
  await pass();
} catch (error) {
  await fail(error);
}
