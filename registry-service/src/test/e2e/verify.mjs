// Browser test of the public certificate verification (verify.html) as an anonymous visitor on a
// phone-sized screen, in Debian's Chromium (see session.mjs). No login: the page is public.
//
//   cd registry-service
//   node src/test/e2e/verify.mjs http://localhost:PORT CLIENT_ADDRESS EXPECTED PATH [EXPECTED PATH ...]
//
// Each PATH is what a certificate's QR code leads to (verify.html?number=…&code=…, the JUnit test
// reads it off the PDF); EXPECTED is the standing the page must show: 有效, 已解除 or 未找到.
// CLIENT_ADDRESS is sent as X-Forwarded-For, as a load balancer would, so the run has a rate-limit
// count of its own. Steps: each address shows its standing, and a valid one its number; the last
// page switches to English; the first valid one is then typed in by hand (lower case, with hyphens).
// Nothing about the people shows. One line per step; exit 0 on success, 1 with the error (and
// target/e2e-failure.png) on failure.
import assert from 'node:assert/strict';
import { args, fail, openBrowser, pass, shot, step } from './session.mjs';

const [baseUrl, clientAddress, ...cases] =
  args('node src/test/e2e/verify.mjs http://localhost:PORT CLIENT_ADDRESS EXPECTED PATH [EXPECTED PATH ...]', 4);
const ENGLISH = { 有效: 'Valid', 已解除: 'Dissolved', 未找到: 'Not found' };

async function standing(page) {
  return (await page.getByTestId('verify-status').innerText()).trim();
}

async function fitsThePhone(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone's screen`);
}

try {
  const { page } = await openBrowser('visitor');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': clientAddress });

  let typedIn = null;
  for (let i = 0; i < cases.length; i += 2) {
    const [expected, path] = [cases[i], cases[i + 1]];
    const query = new URL(path, `${baseUrl}/`).searchParams;
    await page.goto(`${baseUrl}/${path}`);
    await page.getByTestId('verify-status').waitFor();
    assert.equal(await standing(page), expected, `${path} shows ${expected}`);
    assert.equal(new URL(page.url()).pathname, '/verify.html', 'no login asked for');
    await page.getByTestId('header-login').waitFor({ state: 'visible' }); // nobody signed in
    if (expected !== '未找到') {
      assert.equal((await page.getByTestId('verify-certificate-number').innerText()).trim(), query.get('number'));
    }
    if (expected === '已解除') {
      assert.match(await page.getByTestId('verify-dissolved').innerText(), /解除登记/);
    }
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /王秀英|林小禾|福利院|民政局/, 'no names, no institution, no registrar');
    await fitsThePhone(page);
    const kind = expected === '未找到' ? '' : ` (${(await page.getByTestId('verify-kind').innerText()).trim()})`;
    step(`${query.get('number')} shows ${expected}${kind}`);
    await shot(page, `verify-${i / 2}`);
    if (expected === '有效' && typedIn === null) typedIn = query;
  }

  // the last page in English (the page asks again in that language)
  const last = cases[cases.length - 2];
  await page.getByTestId('lang-en').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.getByTestId('verify-status').waitFor();
  assert.equal(await standing(page), ENGLISH[last]);
  step(`in English: ${ENGLISH[last]}`);
  await shot(page, 'verify-english');

  if (typedIn) {
    await page.goto(`${baseUrl}/verify.html`);
    await page.getByTestId('verify-number').fill(typedIn.get('number'));
    await page.getByTestId('verify-code').fill(typedIn.get('code').toLowerCase().replace(/(.{4})(?!$)/g, '$1-'));
    await page.getByTestId('verify-submit').click();
    await page.getByTestId('verify-status').waitFor();
    assert.equal(await standing(page), ENGLISH['有效'], 'typed in by hand');
    step(`${typedIn.get('number')} typed in by hand shows ${ENGLISH['有效']}`);
  }
  await pass();
} catch (error) {
  await fail(error);
}
