// Applications in the pages: the household part a family fills in on apply.html (寄养) and
// adopt.html (收养), which share the form (src/main/frontend/src/household.js), resident ID numbers
// for it, submitting, and the staff's assignment of the assessor on application.html.
import { STEP_WAIT_MS, poll } from './session.mjs';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/**
 * An 18-character resident ID (GB 11643) for someone of the given age on {@code today} (YYYY-MM-DD:
 * the service's date by its engine clock, passed in by the Java test, never the browser's clock),
 * with a valid check character.
 */
export function residentId(ageYears, { today, male = true, area = '360102' } = {}) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today ?? '')) throw new Error(`residentId needs today as YYYY-MM-DD, got ${today}`);
  const birth = new Date(`${today}T00:00:00Z`);
  birth.setUTCFullYear(birth.getUTCFullYear() - ageYears);
  birth.setUTCDate(birth.getUTCDate() - 30 - Math.floor(Math.random() * 200)); // well past this year's birthday
  const date = `${birth.getUTCFullYear()}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCDate()).padStart(2, '0')}`;
  let sequence = 100 + Math.floor(Math.random() * 899);
  if ((sequence % 2 === 1) !== male) sequence += 1; // odd = male
  const first17 = `${area}${date}${String(sequence).padStart(3, '0')}`;
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  return first17 + CHECK_CHARS[sum % 11];
}

/**
 * Fills the household sections: address, hukou, phone, living space, income, every member; the
 * yes/no questions are answered as an eligible household would (local hukou, fixed home, no
 * illness, no criminal record).
 */
export async function fillHousehold(page, household) {
  const field = (name) => page.locator(`[data-field="${name}"]`);
  await field('family.address').fill(household.address);
  await field('family.hukouLocality').fill(household.hukouLocality);
  await field('family.phone').fill(household.phone);
  await page.getByTestId('family.localHukou-true').check();
  await page.getByTestId('family.fixedHome-true').check();
  await field('family.livingSpaceM2').fill(household.livingSpaceM2);
  await field('family.monthlyIncomeYuan').fill(household.monthlyIncomeYuan);
  await page.getByTestId('family.infectiousOrMentalIllness-false').check();
  await page.getByTestId('family.criminalRecord-false').check();
  for (const [index, member] of household.members.entries()) {
    if (index > 0) await page.getByTestId('add-member').click();
    const base = `family.members[${index}]`;
    await field(`${base}.name`).fill(member.name);
    await field(`${base}.residentId`).fill(member.residentId);
    await field(`${base}.role`).selectOption(member.role);
    await field(`${base}.education`).selectOption(member.education);
    await field(`${base}.healthNote`).fill(member.healthNote ?? '');
  }
}

/**
 * Submits the application form and waits for the new application's page; returns its id and
 * number. The form's error summary is reported when the page does not come.
 */
export async function submitApplication(page, submitTestId) {
  await page.getByTestId(submitTestId).click();
  await page.waitForURL(/\/application\.html\?id=/, { timeout: STEP_WAIT_MS }).catch(async (error) => {
    const summary = await page.getByTestId('error-summary').innerText().catch(() => '');
    throw new Error(`submitting the application did not lead to its page${summary ? `: ${summary}` : ''} (${error.message})`);
  });
  const id = new URL(page.url()).searchParams.get('id');
  const number = await poll(async () => (await page.getByTestId('application-number').textContent())?.trim(),
    { message: 'the application number' });
  return { id, number };
}

/**
 * On the application page: chooses the assessor (by user name) among those offered — the
 * jurisdiction's assessors as Keycloak lists them — and waits until the page lists them as assigned.
 * Returns the name the page shows.
 */
export async function assignAssessor(page, baseUrl, applicationId, assessor) {
  await page.goto(`${baseUrl}/application.html?id=${encodeURIComponent(applicationId)}`);
  await page.getByTestId('assign-assessor').waitFor();
  const choice = page.getByTestId('assign-assessor-choice');
  await poll(async () => (await choice.locator(`option[value="${assessor}"]`).count()) === 1,
    { message: `${assessor} offered as an assessor` });
  await choice.selectOption(assessor);
  await page.getByTestId('assign-assessor-submit').click();
  const assigned = page.locator(`[data-testid="assessor-assigned"][data-username="${assessor}"]`);
  await assigned.waitFor();
  return (await assigned.innerText()).split('·')[0].trim();
}

/** A PDF as a scan of that name would be: what the scripts upload for a document. */
export function scan(name) {
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}（测试）\n`) };
}

/** Uploads a document of that type on application.html, as the family does, and waits for its row. */
export async function uploadOnApplicationPage(page, type, fileName) {
  await page.getByTestId('upload-type').selectOption(type);
  await page.getByTestId('upload-file').setInputFiles(scan(fileName));
  await page.getByTestId('upload-submit').click();
  await page.locator(`[data-testid="document-row"][data-type="${type}"]`).filter({ hasText: fileName }).waitFor();
}
