// The frame every page shares: header with navigation by role, the signed-in user and sign-out,
// language switch, footer, plus a few small DOM helpers the pages use.
import { LOGIN_URL, LOGOUT_URL, api, csrfToken } from './api.js';
import { LANGS, label, lang, setLang, t, translateDom } from './i18n.js';
import './styles.css';

export const WORKLIST_QUERY_KEY = 'anjia.worklistQuery';

/** The worklist with the filters last used in this tab, plus extra query parameters. */
export function worklistHref(extra = {}) {
  const search = new URLSearchParams(sessionStorage.getItem(WORKLIST_QUERY_KEY) ?? '');
  for (const [name, value] of Object.entries(extra)) search.set(name, value);
  const query = search.toString();
  return query ? `worklist.html?${query}` : 'worklist.html';
}

/**
 * Creates an element: el('a', {href: '#', class: 'x', dataset: {testid: 'y'}}, 'text', child...).
 * Attributes with value null/undefined/false are skipped; children may be strings, nodes or arrays.
 */
export function el(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** Replaces the children of an element. */
export function fill(element, ...children) {
  element.replaceChildren(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/**
 * Marks a table to become stacked cards on a phone (styles.css, narrow screens): each cell is
 * labelled with its column's heading, so a row reads as "heading: value" lines. Returns the table.
 */
export function stackOnPhones(table) {
  const headings = [...table.querySelectorAll('thead th')].map((th) => {
    const words = th.cloneNode(true); // without decorations such as a sort arrow
    words.querySelectorAll('[aria-hidden="true"]').forEach((decoration) => decoration.remove());
    return words.textContent.trim();
  });
  table.classList.add('stack-on-phones');
  for (const tr of table.querySelectorAll('tbody tr')) {
    [...tr.children].forEach((cell, index) => {
      if (headings[index] && !cell.hasAttribute('colspan')) cell.dataset.label = headings[index];
    });
  }
  return table;
}

/** A status box: kind is 'info' | 'success' | 'warning' | 'error'. Errors are announced assertively. */
export function notice(kind, ...content) {
  return el('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...content);
}

/** A notice for a failed API call (ApiError or anything else). */
export function errorNotice(error) {
  // outside one's scope the server answers exactly as for something that does not exist
  if (error?.status === 404) return notice('warning', t('common.notFound'));
  const problem = error?.problem ?? {};
  const title = problem.title && problem.detail && problem.title !== problem.detail ? problem.title : null;
  return notice('error',
    title ? el('strong', {}, title, ' ') : null,
    problem.detail || error?.message || t('common.error'),
    // a refused second application names the open one (409): the way to it
    problem.applicationId ? [' ', el('a', { href: `application.html?id=${encodeURIComponent(problem.applicationId)}`,
      dataset: { testid: 'open-application-link' } }, t('common.openApplication'))] : null);
}

// --- the signed-in user ------------------------------------------------------------------

/** Roles that work cases (their home is the worklist). */
export const STAFF_ROLES = ['CASEWORKER', 'DIRECTOR', 'REGISTRAR', 'ASSESSOR'];

let userPromise = Promise.resolve(null);

/** The signed-in user (GET /api/me) as the page asked for it in initPage; null on a public page when nobody is. */
export function currentUser() {
  return userPromise;
}

export function hasRole(user, ...roles) {
  return Boolean(user) && roles.some((role) => (user.roles ?? []).includes(role));
}

/** Where a user starts: staff the worklist, families their applications, auditors the audit log. */
export function homeOf(user) {
  if (hasRole(user, ...STAFF_ROLES)) return 'worklist.html';
  if (hasRole(user, 'FAMILY')) return 'portal.html';
  if (hasRole(user, 'AUDITOR')) return 'audit.html';
  return 'index.html'; // admins (their panel is on the landing page) and anyone without a role
}

/** "社工" or "社工、机构负责人": the user's roles in words. */
export function roleLabel(user) {
  return (user?.roles ?? []).map((role) => label('userRole', role)).join('、');
}

/**
 * Waits for the user and checks the page is meant for one of their roles; otherwise says so in
 * main (with a link to their own start page) and returns null.
 */
export async function requireRole(main, ...roles) {
  let user;
  try {
    user = await currentUser();
  } catch (error) {
    fill(main, errorNotice(error));
    return null;
  }
  if (hasRole(user, ...roles)) return user;
  fill(main, notice('warning', t('page.notForRole'), ' ',
    el('a', { href: homeOf(user), dataset: { testid: 'go-home' } }, t('page.goHome'))));
  return null;
}

// --- header ----------------------------------------------------------------------------

function navItems(user) {
  const items = [];
  if (hasRole(user, ...STAFF_ROLES)) items.push(['worklist', worklistHref(), 'nav.worklist']);
  if (hasRole(user, 'CASEWORKER', 'DIRECTOR', 'REGISTRAR', 'AUDITOR')) items.push(['children', 'children.html', 'nav.children']);
  // 寄养家庭名册: the institution's staff, the registrar of its jurisdiction, auditors (read-only, like the API)
  if (hasRole(user, 'CASEWORKER', 'DIRECTOR', 'REGISTRAR', 'AUDITOR')) items.push(['register', 'register.html', 'nav.register']);
  // 寄养安置: the institution's staff, who match children with its families (like the API)
  if (hasRole(user, 'CASEWORKER', 'DIRECTOR')) items.push(['placements', 'placements.html', 'nav.placements']);
  if (hasRole(user, 'CASEWORKER', 'DIRECTOR', 'AUDITOR')) items.push(['units', 'units.html', 'nav.units']);
  if (hasRole(user, 'DIRECTOR', 'REGISTRAR', 'AUDITOR')) items.push(['dashboard', 'dashboard.html', 'nav.dashboard']);
  if (hasRole(user, 'FAMILY')) items.push(['portal', 'portal.html', 'nav.portal'], ['apply', 'apply.html', 'nav.apply']);
  if (hasRole(user, 'AUDITOR')) items.push(['audit', 'audit.html', 'nav.audit']);
  if (hasRole(user, 'ADMIN')) items.push(['admin', 'index.html', 'nav.admin']);
  return items;
}

/** Sign out is a real form post (with the CSRF token): the server ends the session, then Keycloak's. */
function logoutForm() {
  const token = el('input', { type: 'hidden', name: '_csrf' });
  const form = el('form', { method: 'post', action: LOGOUT_URL, class: 'logout-form' },
    token,
    el('button', { type: 'submit', class: 'header-button', dataset: { testid: 'logout' } }, t('user.signOut')));
  form.addEventListener('submit', () => { token.value = csrfToken(); });
  return form;
}

function renderUser(userBox, nav, activePage, user) {
  if (!user) {
    fill(userBox, el('a', { class: 'header-button', href: LOGIN_URL, dataset: { testid: 'header-login' } }, t('user.signIn')));
    fill(nav);
    return;
  }
  fill(userBox,
    el('span', { class: 'user-name' },
      el('span', { class: 'visually-hidden' }, t('user.signedInAs')),
      el('strong', { dataset: { testid: 'user-name' } }, user.displayName || user.username),
      el('span', { class: 'user-role', dataset: { testid: 'user-role' } }, roleLabel(user))),
    logoutForm());
  document.querySelector('.brand')?.setAttribute('href', homeOf(user));
  fill(nav, navItems(user).map(([page, href, key]) => el('a', {
    href, class: page === activePage ? 'active' : null,
    'aria-current': page === activePage ? 'page' : null,
    dataset: { testid: `nav-${page}` },
  }, t(key))));
}

function renderHeader() {
  const langButtons = LANGS.map((code) => el('button', {
    type: 'button', lang: code, class: code === lang ? 'active' : null,
    'aria-pressed': code === lang ? 'true' : 'false',
    dataset: { testid: `lang-${code}` },
    onclick: () => setLang(code),
  }, code === 'zh-CN' ? '中文' : 'English'));

  const userBox = el('div', { class: 'user-box', dataset: { testid: 'user-box' } });
  const nav = el('div', { class: 'nav-inner' });
  const header = el('header', { class: 'site-header' },
    el('a', { class: 'skip-link', href: '#main' }, t('skip')),
    el('div', { class: 'header-inner' },
      el('a', { class: 'brand', href: 'index.html' },
        el('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '安'),
        el('span', { class: 'brand-text' },
          el('span', { class: 'brand-name' }, t('app.name')),
          el('span', { class: 'brand-subtitle' }, t('app.subtitle')))),
      el('div', { class: 'header-tools' },
        userBox,
        el('div', { class: 'lang-switch', role: 'group', 'aria-label': t('lang.label') }, langButtons))),
    el('nav', { class: 'site-nav', 'aria-label': t('nav.main') }, nav));
  return { header, userBox, nav };
}

/**
 * Sets up the page: translates static text, adds header and footer, sets the title, and asks who is
 * signed in (a page that is not public goes to the login when nobody is). Returns the <main> element;
 * the user is then available from currentUser().
 */
export function initPage({ page, titleKey, publicPage = false }) {
  translateDom();
  document.title = `${t(titleKey)} · ${t('app.name')}`;
  const main = document.getElementById('main');
  const { header, userBox, nav } = renderHeader();
  document.body.prepend(header);
  document.body.append(el('footer', { class: 'site-footer' }, el('div', { class: 'footer-inner' }, t('footer'))));
  userPromise = publicPage ? api.meOrNull() : api.me();
  userPromise.then((user) => renderUser(userBox, nav, page, user), () => {});
  return main;
}
