// Browser test of the dashboard (看板) against the real stack (run by DashboardBrowserTest, which
// first makes a Nanchang application and child file): the director of 南昌市儿童福利院 signs in,
// opens 看板 from the navigation, sees the totals and the charts drawn (SVG with the step names
// and numbers), gets a period ending before it starts refused next to its field, filters by
// institution and period, downloads the CSV (UTF-8 with BOM, the same numbers), and on a 390×844
// phone the charts stack and nothing scrolls sideways.
//
//   node src/test/e2e/dashboard.mjs http://localhost:PORT PASSWORD TODAY
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { args, fail, login, openBrowser, pass, shot, step } from './session.mjs';

const [baseUrl, password, today] = args('node src/test/e2e/dashboard.mjs http://localhost:PORT PASSWORD TODAY', 3);

const number = async (page, testid) => Number.parseInt(await page.getByTestId(`${testid}-value`).innerText(), 10);

/** The texts the chart's SVG draws (axis names, bar values). */
const svgTexts = (page, testid) => page.locator(`[data-testid="${testid}-chart"] svg text`).allTextContents();

try {
  const { page } = await openBrowser('director');
  await login(page, baseUrl, 'dir-nanchang', password);
  await page.waitForURL(/\/worklist\.html/);
  await page.getByTestId('nav-dashboard').click();
  await page.waitForURL(/\/dashboard\.html/);
  await page.getByTestId('tile-open-value').waitFor();
  const open = await number(page, 'tile-open');
  const applications = await number(page, 'tile-applications');
  const children = await number(page, 'tile-children');
  assert.ok(open >= 1 && applications >= 1 && children >= 1, `totals: ${open} open tasks, ${applications} applications, ${children} children`);
  step(`dashboard of dir-nanchang: ${open} open tasks, ${applications} applications, ${children} children`);

  await page.locator('[data-testid="chart-steps-chart"] svg').waitFor();
  const stepTexts = await svgTexts(page, 'chart-steps');
  assert.ok(stepTexts.some((text) => text.includes('材料审核')), `the step chart names 材料审核: ${stepTexts}`);
  assert.ok(stepTexts.some((text) => /^\d+$/.test(text.trim()) && Number(text) >= 1), `the step chart shows its numbers: ${stepTexts}`);
  for (const chart of ['chart-people', 'chart-statuses', 'chart-categories', 'chart-placements']) {
    await page.locator(`[data-testid="${chart}-chart"] svg`).waitFor();
  }
  const categoryTexts = await svgTexts(page, 'chart-categories');
  assert.ok(categoryTexts.some((text) => text.includes('残疾儿童')), `the category chart names 残疾儿童: ${categoryTexts}`);
  await shot(page, 'dashboard');
  step('charts drawn: 材料审核 with its numbers, 残疾儿童 among the categories');

  // a period that ends before it starts is refused next to its field, nothing else changes
  await page.getByTestId('dashboard-from').fill('2026-03-10');
  await page.getByTestId('dashboard-to').fill('2026-03-01');
  await page.getByTestId('dashboard-submit').click();
  const toError = page.locator('[data-error-for="to"]');
  await toError.filter({ hasText: '结束日期不能早于开始日期' }).waitFor();
  assert.equal(await page.getByTestId('dashboard-to').getAttribute('aria-invalid'), 'true');
  assert.equal(await number(page, 'tile-open'), open, 'the numbers stay as they were');
  step(`a period ending before it starts is refused next to its field: ${await toError.innerText()}`);

  // a period long before anything was recorded counts nothing
  await page.getByTestId('dashboard-from').fill('2000-01-01');
  await page.getByTestId('dashboard-to').fill('2000-01-31');
  await page.getByTestId('dashboard-submit').click();
  await page.getByTestId('chart-steps-empty').waitFor();
  assert.equal(await number(page, 'tile-applications'), 0);
  assert.equal(await toError.isHidden(), true, 'the field error is gone');
  step('January 2000: nothing counted, the charts say so');

  // the institution and today: today's application and task count again
  await page.getByTestId('dashboard-institution').selectOption('nanchang-cwi');
  await page.getByTestId('dashboard-from').fill(today);
  await page.getByTestId('dashboard-to').fill(today);
  await page.getByTestId('dashboard-submit').click();
  await page.waitForURL((url) => url.searchParams.get('from') === today && url.searchParams.get('institution') === 'nanchang-cwi');
  await page.locator('[data-testid="chart-steps-chart"] svg').waitFor();
  const todays = await number(page, 'tile-applications');
  assert.ok(todays >= 1, `today's applications: ${todays}`);
  assert.match(await page.getByTestId('dashboard-scope').innerText(), /南昌市儿童福利院/);
  step(`filtered to 南昌市儿童福利院, ${today}: ${todays} applications`);

  // the export: the same filter, UTF-8 with a byte-order mark, the same numbers
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-export').click()]);
  assert.equal(download.suggestedFilename(), `anjia-dashboard_nanchang-cwi_${today}_${today}.csv`);
  const bytes = fs.readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a byte-order mark');
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  assert.equal(lines[0], '分组,代码,名称,数量,逾期,中位天数');
  const csvApplications = lines.filter((line) => line.startsWith('按状态的申请,'))
    .reduce((sum, line) => sum + Number(line.split(',')[3]), 0);
  assert.equal(csvApplications, todays, 'the CSV counts the applications the page shows');
  step(`CSV downloaded: ${download.suggestedFilename()}, ${lines.length - 2} rows, ${csvApplications} applications as on the page`);

  // a phone: the charts stack, nothing scrolls sideways
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.locator('[data-testid="chart-steps-chart"] svg').waitFor();
  await page.locator('[data-testid="chart-placements-chart"] svg').waitFor();
  const fits = await page.evaluate(() => document.scrollingElement.scrollWidth <= window.innerWidth);
  assert.ok(fits, `no horizontal scroll at 390 px: scrollWidth ${await page.evaluate(() => document.scrollingElement.scrollWidth)}`);
  const steps = await page.getByTestId('chart-steps').boundingBox();
  const people = await page.getByTestId('chart-people').boundingBox();
  assert.ok(people.y >= steps.y + steps.height && Math.abs(people.x - steps.x) < 1, 'the charts stack');
  assert.ok(steps.width <= 390, `a chart fits the phone: ${steps.width}`);
  await shot(page, 'dashboard-phone');
  step('390×844: charts stacked, no horizontal scroll');

  await pass();
} catch (error) {
  await fail(error);
}
