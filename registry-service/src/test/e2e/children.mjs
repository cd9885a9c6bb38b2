// The child's file as the institution's caseworker keeps it: admitting a child on children.html
// (parents dead, so no public notice follows) and starting 送养 on child.html. Shared by the
// journey scripts.
import assert from 'node:assert/strict';
import { poll } from './session.mjs';

/** Admits a child whose parents are dead; returns the file id once child.html shows the new file. */
export async function admitChild(page, baseUrl, childName) {
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
  await page.getByTestId('admit-submit').click();
  await page.waitForURL(/\/child\.html\?id=/);
  await page.getByTestId('child-name').filter({ hasText: childName }).waitFor();
  assert.equal(await page.getByTestId('placement-row').count(), 1, 'the file starts with the institutional placement');
  // people read the file number (institution, year of admission, sequence), not the id in the URL
  const fileNumber = (await page.getByTestId('child-file-number').innerText()).trim();
  assert.match(fileNumber, /^NC01-2023-\d{6}$/, `the file number of a child admitted in 2023: ${fileNumber}`);
  return new URL(page.url()).searchParams.get('id');
}

/** On the child's file: 送养, confirmed (登记办法 art. 7); waits for 送养办理中. */
export async function requestAdoptionPlacement(page) {
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByTestId('request-adoption-placement').click();
  await poll(async () => (await page.getByTestId('child-adoption-status').getAttribute('data-status')) === 'PLACEMENT_REQUESTED',
    { message: 'status 送养办理中' });
}
