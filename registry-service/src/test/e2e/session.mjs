// Shared by the browser scripts: Debian's Chromium through playwright-core, one fresh browser
// profile per person (so sessions never mix), signing in and out through the real Keycloak.
//
// playwright-core is a devDependency of the frontend package and is resolved from there (via
// createRequire on that package.json), so no NODE_PATH is needed (ESM ignores NODE_PATH anyway).
// Chromium: apt-get install -y chromium (/usr/bin/chromium).
//
// Keycloak 26's login page (theme keycloak.v2): form #kc-form-login with #username, #password and
// the submit button #kc-login; a wrong password shows #input-error-username. Staff are then asked
// for their one-time code (form #kc-otp-login-form, field #otp, button #kc-login): the code comes
// from the secret the realm seeds for the demo staff (otp.mjs).
//
// E2E_SCREENSHOTS=<dir> makes shot() keep a full-page PNG of the named steps (for looking at the pages).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { nextDemoCode } from './otp.mjs';

const require = createRequire(new URL('../../main/frontend/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export const STEP_WAIT_MS = 15_000;
export const LOGIN_WAIT_MS = 30_000;
const failureShot = fileURLToPath(new URL('../../../target/e2e-failure.png', import.meta.url));

/** Reads BASE_URL and the rest of the arguments; exits 2 with the usage line when they are missing. */
export function args(usage, count) {
  const values = process.argv.slice(2);
  const baseUrl = (values[0] ?? '').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(baseUrl) || values.length < count) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  return [baseUrl, ...values.slice(1)];
}

/** The day {@code days} after a day given as YYYY-MM-DD (the service's today, never the browser's), as YYYY-MM-DD. */
export function plusDays(isoDate, days) {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

export function step(message) {
  console.log(`[e2e] ${message}`);
}

/** Polls fn until it returns a truthy value or the time is up. */
export async function poll(fn, { timeout = STEP_WAIT_MS, interval = 500, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${message}${lastError ? ` (last error: ${lastError.message})` : ''}`);
}

const open = new Set();
const browserErrors = [];
let lastPage = null;
let shotCounter = 0;

/** A phone's screen (CSS pixels), for the pages' narrow layout. */
export const PHONE = { width: 390, height: 844 };

/**
 * A browser of its own for one person: a persistent context on a new temporary profile directory,
 * with a desktop window unless a viewport is given (PHONE). Returns { page, close }; the page's
 * script and console errors are reported if the script fails.
 */
export async function openBrowser(who, { viewport = { width: 1280, height: 900 } } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'anjia-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(STEP_WAIT_MS);
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (error) => browserErrors.push(`${who} pageerror: ${error.message}`));
  page.on('console', (message) => {
    // a 401 from /api/me on the landing page is how it learns nobody is signed in
    if (message.type() === 'error' && !/status of 401/.test(message.text())) browserErrors.push(`${who} console: ${message.text()}`);
  });
  const browser = {
    page,
    async close() {
      open.delete(browser);
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
  open.add(browser);
  lastPage = page;
  return browser;
}

/** Makes this page the one a failure reports (its URL and screenshot), when several browsers are open. */
export function focusOn(page) {
  lastPage = page;
}

/** Keeps a screenshot of this moment when E2E_SCREENSHOTS names a directory. */
export async function shot(page, name) {
  const directory = process.env.E2E_SCREENSHOTS;
  if (!directory) return;
  fs.mkdirSync(directory, { recursive: true });
  shotCounter += 1;
  await page.screenshot({ path: path.join(directory, `${String(shotCounter).padStart(2, '0')}-${name}.png`), fullPage: true });
}

function onBaseUrl(baseUrl) {
  return (url) => url.href.startsWith(`${baseUrl}/`) && !url.pathname.startsWith('/login/oauth2/');
}

/**
 * On Keycloak's login page: fills it in, gives the one-time code when Keycloak asks for one (staff),
 * and waits until the browser is back at the service.
 */
export async function fillKeycloakLogin(page, baseUrl, username, password) {
  await page.locator('#kc-form-login').waitFor({ timeout: LOGIN_WAIT_MS });
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  const backAtOnce = page.waitForURL(onBaseUrl(baseUrl), { timeout: LOGIN_WAIT_MS }).then(() => false);
  backAtOnce.catch(() => {});
  const asked = await Promise.race([backAtOnce,
    page.locator('#kc-otp-login-form').waitFor({ timeout: LOGIN_WAIT_MS }).then(() => true)]).catch(() => false);
  if (asked) {
    // the code may wait for the next period (otp.mjs): fill it in, then wait for the way back
    await page.locator('#otp').fill(await nextDemoCode(username));
    await page.locator('#kc-login').click();
  }
  await page.waitForURL(onBaseUrl(baseUrl), { timeout: LOGIN_WAIT_MS }).catch(async (error) => {
    const problem = await page.locator('#input-error-username, #input-error-otp, .pf-v5-c-alert__title, #kc-page-title')
      .allInnerTexts().catch(() => []);
    throw new Error(`login as ${username} did not come back to ${baseUrl} (at ${page.url()}`
      + `${problem.length ? `: ${problem.join(' / ').trim()}` : ''}): ${error.message}`);
  });
}

/** Signs in from scratch: Spring Security's login entry → Keycloak's form → back at the service. */
export async function login(page, baseUrl, username, password) {
  lastPage = page;
  await page.goto(`${baseUrl}/oauth2/authorization/keycloak`);
  await fillKeycloakLogin(page, baseUrl, username, password);
  await landingSettled(page);
  step(`signed in as ${username}, at ${new URL(page.url()).pathname}`);
}

const onLanding = (url) => url.pathname === '/' || url.pathname === '/index.html';

/**
 * The landing page sends a signed-in user on to their start page with location.replace once /api/me
 * answers (landing.js): waits until it has, or until it shows the admin panel or a notice, so that the
 * caller's next page.goto is not cut off (net::ERR_ABORTED) by that redirect.
 */
async function landingSettled(page) {
  if (!onLanding(new URL(page.url()))) return;
  const left = page.waitForURL((url) => !onLanding(url), { timeout: LOGIN_WAIT_MS });
  const stays = page.locator('[data-testid="admin-panel"], .notice-warning, .notice-error').first()
    .waitFor({ timeout: LOGIN_WAIT_MS });
  left.catch(() => {});
  stays.catch(() => {});
  await Promise.race([left, stays]);
}

/** Clicks 退出 in the header and waits until the landing page shows, signed out. */
export async function logout(page, baseUrl) {
  lastPage = page;
  await page.getByTestId('logout').click();
  await page.waitForURL((url) => url.href.startsWith(`${baseUrl}/`) && (url.pathname === '/' || url.pathname === '/index.html'),
    { timeout: LOGIN_WAIT_MS });
  await page.getByTestId('landing-login').waitFor({ state: 'visible' });
  await page.getByTestId('header-login').waitFor({ state: 'visible' });
  step('signed out, back on the landing page');
}

/** Reports the failure with the browsers' errors and a screenshot, closes everything, exits 1. */
export async function fail(error) {
  console.error(`[e2e] FAILED: ${error?.stack ?? error}`);
  if (lastPage) console.error(`[e2e] at ${lastPage.url()}`);
  for (const line of browserErrors.slice(-10)) console.error(`[e2e] browser ${line}`);
  try {
    fs.mkdirSync(path.dirname(failureShot), { recursive: true });
    await lastPage?.screenshot({ path: failureShot, fullPage: true });
    console.error(`[e2e] screenshot: ${failureShot}`);
  } catch (shotError) {
    console.error(`[e2e] no screenshot: ${shotError.message}`);
  }
  for (const browser of [...open]) await browser.close();
  process.exit(1);
}

/**
 * Closes every browser still open and exits 0, unless a page broke the service's Content-Security-
 * Policy (Chromium reports each refused script, style, image or connection on the console): then 1.
 */
export async function pass() {
  for (const browser of [...open]) await browser.close();
  const refused = browserErrors.filter((line) => /Content Security Policy/i.test(line));
  if (refused.length) {
    for (const line of refused) console.error(`[e2e] CSP: ${line}`);
    process.exit(1);
  }
  process.exit(0);
}
