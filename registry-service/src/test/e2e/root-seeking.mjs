// Browser test of root-seeking visits (寻根回访) against the real stack (run by RootSeekingVisitBrowserTest):
// the caseworker signs in through Keycloak and, on children.html, records an adoptee's visit to a sealed file
// (民法典 art. 1110) by its file number: empty fields and a number her institution does not have are refused
// next to their fields, the sealed file stays out of the list. On an open file's page she records a second
// visit, which its list then shows with her name and role.
//
//   node src/test/e2e/root-seeking.mjs http://localhost:PORT PASSWORD SEALED_FILE_NUMBER OPEN_CHILD_ID VISIT_DATE
import assert from 'node:assert/strict';
import { args, fail, login, openBrowser, pass, shot, step } from './session.mjs';

const [baseUrl, password, sealedFileNumber, openChildId, visitDate] = args(
  'node src/test/e2e/root-seeking.mjs http://localhost:PORT PASSWORD SEALED_FILE_NUMBER OPEN_CHILD_ID VISIT_DATE', 5);

try {
  const { page } = await openBrowser('caseworker');
  await login(page, baseUrl, 'cw-nanchang', password);
  await page.waitForURL(/\/worklist\.html/);
  step('signed in as cw-nanchang');

  await page.goto(`${baseUrl}/children.html`);
  await page.getByTestId('children-table').waitFor();
  assert.equal(await page.getByTestId('child-file-number').filter({ hasText: sealedFileNumber }).count(), 0,
    'the sealed file is not listed');
  await page.getByTestId('visit-open').click();
  const form = page.getByTestId('visit-form');
  await form.getByTestId('visit-submit').click();
  await form.locator('[data-error-for="fileNumber"]').filter({ hasText: '必填' }).waitFor();
  await form.locator('[data-error-for="visit.notes"]').filter({ hasText: '必填' }).waitFor();
  step('an empty visit is refused field by field');

  await form.getByTestId('visit-fileNumber').fill('NO-SUCH-FILE');
  await form.getByTestId('visit-visit.visitedOn').fill(visitDate);
  await form.getByTestId('visit-visit.visitor').fill('林安（被收养人本人）');
  await form.getByTestId('visit-visit.companions').fill('养母');
  await form.getByTestId('visit-visit.notes').fill('询问入院时的情况，已告知可向登记机关申请查阅档案');
  await form.getByTestId('visit-submit').click();
  const numberError = form.locator('[data-error-for="fileNumber"]');
  await numberError.filter({ hasText: '本机构没有档案编号为 NO-SUCH-FILE' }).waitFor();
  step(`a file number the institution does not have is refused next to its field: ${await numberError.innerText()}`);

  await form.getByTestId('visit-fileNumber').fill(sealedFileNumber);
  await form.getByTestId('visit-submit').click();
  await form.getByTestId('visit-message').filter({ hasText: `已在档案 ${sealedFileNumber} 中记录` }).waitFor();
  assert.equal(await form.getByTestId('visit-fileNumber').inputValue(), '', 'the form is empty for the next visitor');
  step(`recorded on the sealed file ${sealedFileNumber} without opening it`);
  await shot(page, 'root-seeking-by-number');

  await page.goto(`${baseUrl}/child.html?id=${encodeURIComponent(openChildId)}`);
  const section = page.getByTestId('root-seeking');
  await section.getByTestId('visits-empty').waitFor();
  await section.getByTestId('visit-visitedOn').fill(visitDate);
  await section.getByTestId('visit-visitor').fill('陈思远（被收养人本人）');
  await section.getByTestId('visit-notes').fill('参观了曾经生活的楼层，与当年的保育员见面');
  await section.getByTestId('visit-submit').click();
  await section.getByTestId('visit-message').filter({ hasText: '陈思远' }).waitFor();
  const visitRow = section.getByTestId('visit-row');
  await visitRow.first().waitFor();
  assert.equal(await visitRow.count(), 1, 'one visit on the open file');
  assert.match(await visitRow.innerText(), /陈思远（被收养人本人）[\s\S]*与当年的保育员见面[\s\S]*南昌市儿童福利院 社工 张敏/);
  assert.doesNotMatch(await visitRow.innerText(), /cw-nanchang/, 'the recorder by name and role, never the login');
  step('a visit recorded on the open file is listed with 南昌市儿童福利院 社工 张敏');
  await shot(page, 'root-seeking-on-file');
  await pass();
} catch (error) {
  await fail(error);
}
