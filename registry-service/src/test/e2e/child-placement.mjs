// Browser test of the child's file pages against the real stack (run by ChildPlacementBrowserTest):
// the caseworker signs in through Keycloak, admits a child on children.html, opens the file, edits
// its health and disability fields, adds a foster placement (a start before the current one is
// refused next to its field), uploads the admission record (a text file is refused next to the
// file field) and downloads it intact, starts placing the child for adoption (送养), and finds
// 准备送养材料 in the worklist.
//
//   node src/test/e2e/child-placement.mjs http://localhost:PORT PASSWORD
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { admitChild, requestAdoptionPlacement } from './children.mjs';
import { args, fail, login, openBrowser, pass, shot, step } from './session.mjs';
import { findTaskRow } from './tasks.mjs';

const [baseUrl, password] = args('node src/test/e2e/child-placement.mjs http://localhost:PORT PASSWORD', 2);
const childName = `林小禾${Date.now() % 10000}`;
const admissionScan = Buffer.from('%PDF-1.4\n南昌市儿童福利院 入院登记表 林小禾\n%%EOF\n');
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

try {
  const { page } = await openBrowser('caseworker');
  await login(page, baseUrl, 'cw-nanchang', password);
  // staff start on the worklist
  await page.waitForURL(/\/worklist\.html/);
  step('signed in as cw-nanchang, home is the worklist');

  const childId = await admitChild(page, baseUrl, childName);
  step(`admitted ${childName}: file ${childId} opened, placement 机构养育`);

  // editing: the form starts from what is on file; the change shows on the file and in its history
  await page.getByTestId('edit-open').click();
  await page.getByTestId('edit-form').waitFor();
  assert.equal(await page.getByTestId('guardian').inputValue(), '南昌市儿童福利院', 'the edit form starts from the file');
  await page.getByTestId('healthNotes').fill('2026年11月体检：先天性心脏病术后恢复良好');
  await page.getByTestId('disabilityType').fill('肢体残疾');
  await page.getByTestId('disabilityGrade').selectOption('3');
  await page.getByTestId('disabilityCertificate').fill('36010220210601002X43');
  await page.getByTestId('edit-submit').click();
  await page.getByTestId('child-edit').waitFor({ state: 'hidden' });
  await page.getByTestId('child-notes').filter({ hasText: '恢复良好' }).waitFor();
  await page.getByTestId('child-disability').filter({ hasText: '三级' }).waitFor();
  await page.locator('[data-testid="change-row"][data-field="healthNotes"]').filter({ hasText: '恢复良好' }).waitFor();
  await page.locator('[data-testid="change-row"][data-field="disabilityGrade"]').filter({ hasText: '三级' }).waitFor();
  step('edited health and disability: the file and its history show the change');
  // the history in words: yes/no as 是/否, and who by name and role, never the login name
  await page.locator('[data-testid="change-row"][data-field="birthDateEstimated"]')
    .filter({ has: page.locator('[data-testid="change-new"]', { hasText: /^否$/ }) }).waitFor();
  const historyText = await page.getByTestId('child-history').innerText();
  assert.match(historyText, /南昌市儿童福利院 社工 张敏/, 'the history names the caseworker, her role and institution');
  assert.doesNotMatch(historyText, /cw-nanchang|\btrue\b|\bfalse\b/, 'no login name and no true/false in the history');
  assert.match(await page.getByTestId('child-identity').innerText(), /南昌市儿童福利院/, 'the institution by name');
  step('the history reads 否 for the estimated birth date and 南昌市儿童福利院 社工 张敏 for who');

  // a placement: a start before the current one is refused next to its field, then the kin placement is added
  await page.getByTestId('placement-kind').selectOption('KIN');
  await page.getByTestId('placement-from').fill('2023-01-01');
  await page.getByTestId('placement-household').fill('党建军（祖父）家庭');
  await page.getByTestId('placement-reference').fill('JY-2026-017');
  await page.getByTestId('placement-submit').click();
  // the placement form's own: the file's foster match form names a "from" too
  const fromError = page.getByTestId('placement-form').locator('[data-error-for="from"]');
  await fromError.filter({ hasText: '不能早于' }).waitFor();
  assert.equal(await page.getByTestId('placement-from').getAttribute('aria-invalid'), 'true', 'the start date is marked invalid');
  assert.equal(await page.getByTestId('placement-row').count(), 1, 'nothing was placed');
  step(`a placement starting 2023-01-01 is refused next to its field: ${await fromError.innerText()}`);
  await page.getByTestId('placement-from').fill('2026-11-01');
  await page.getByTestId('placement-submit').click();
  await page.getByTestId('placement-message').filter({ hasText: '亲属抚养' }).waitFor();
  assert.equal(await page.getByTestId('placement-row').count(), 2, 'the placement history has the kin placement');
  const kinRow = page.locator('[data-testid="placement-row"][data-kind="KIN"]');
  assert.match(await kinRow.innerText(), /党建军（祖父）家庭[\s\S]*JY-2026-017/);
  assert.match(await kinRow.innerText(), /至今/, 'the kin placement is the current one');
  assert.doesNotMatch(await page.locator('[data-testid="placement-row"][data-kind="INSTITUTION"]').innerText(), /至今/,
    'the institutional placement has ended');
  await page.locator('[data-testid="change-row"][data-field="currentPlacement"]').filter({ hasText: '亲属抚养' }).waitFor();
  step('kin placement added: 机构养育 ended, 亲属抚养 current, the history shows it');

  // documents: a text file is refused next to the file field; the admission record is uploaded and downloads intact
  await page.getByTestId('documents-empty').waitFor();
  await page.getByTestId('upload-type').selectOption('ADMISSION_RECORD');
  await page.getByTestId('upload-file').setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('不是扫描件') });
  await page.getByTestId('upload-submit').click();
  const fileError = page.locator('[data-error-for="file"]');
  await fileError.filter({ hasText: 'PDF' }).waitFor();
  assert.equal(await page.getByTestId('document-row').count(), 0, 'nothing was uploaded');
  step(`a text file is refused next to the file field: ${await fileError.innerText()}`);
  await page.getByTestId('upload-file').setInputFiles({ name: '入院登记表.pdf', mimeType: 'application/pdf', buffer: admissionScan });
  await page.getByTestId('upload-submit').click();
  await page.getByTestId('upload-message').filter({ hasText: '入院登记表.pdf' }).waitFor();
  const documentRow = page.locator('[data-testid="document-row"][data-type="ADMISSION_RECORD"]');
  // who uploaded it, by name and role: never the login
  assert.match(await documentRow.innerText(), /入院登记[\s\S]*入院登记表\.pdf[\s\S]*南昌市儿童福利院 社工 张敏/);
  assert.doesNotMatch(await documentRow.innerText(), /cw-nanchang/);
  assert.equal(await documentRow.getByTestId('document-sha256').getAttribute('title'), sha256(admissionScan));
  await page.locator('[data-testid="change-row"][data-field="documents"]').filter({ hasText: '入院登记：入院登记表.pdf' }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), documentRow.getByTestId('document-link').click()]);
  assert.equal(download.suggestedFilename(), '入院登记表.pdf');
  assert.equal(sha256(fs.readFileSync(await download.path())), sha256(admissionScan), 'the download is the uploaded file');
  step('uploaded 入院登记表.pdf: listed with its SHA-256, in the history, downloads intact');
  await shot(page, 'child-file-kept');

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
