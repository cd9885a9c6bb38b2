// The frame every page shares: header with navigation, current user and language switch, footer,
// plus a few small DOM helpers the pages use.
import { LANGS, lang, setLang, t, translateDom } from './i18n.js';
import './styles.css';

const USER_KEY = 'anjia.user';
export const WORKLIST_QUERY_KEY = 'anjia.worklistQuery';

/** The worklist with the filters last used in this tab, plus extra query parameters. */
export function worklistHref(extra = {}) {
  const search = new URLSearchParams(sessionStorage.getItem(WORKLIST_QUERY_KEY) ?? '');
  for (const [name, value] of Object.entries(extra)) search.set(name, value);
  const query = search.toString();
  return query ? `index.html?${query}` : 'index.html';
}

/** The name typed into the "current user" box (kept in sessionStorage until Keycloak login exists). */
export function currentUser() {
  return (sessionStorage.getItem(USER_KEY) ?? '').trim();
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

/** A status box: kind is 'info' | 'success' | 'warning' | 'error'. Errors are announced assertively. */
export function notice(kind, ...content) {
  return el('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...content);
}

/** A notice for a failed API call (ApiError or anything else). */
export function errorNotice(error) {
  const problem = error?.problem ?? {};
  const title = problem.title && problem.detail && problem.title !== problem.detail ? problem.title : null;
  return notice('error',
    title ? el('strong', {}, title, ' ') : null,
    problem.detail || error?.message || t('common.error'));
}

function renderHeader(activePage) {
  const userInput = el('input', {
    id: 'current-user', type: 'text', autocomplete: 'name', maxlength: 64,
    placeholder: t('user.placeholder'), 'aria-describedby': 'current-user-hint',
    dataset: { testid: 'current-user' },
  });
  userInput.value = currentUser();
  userInput.addEventListener('input', () => {
    sessionStorage.setItem(USER_KEY, userInput.value.trim());
    document.dispatchEvent(new CustomEvent('anjia:user-changed'));
  });

  const navLink = (page, href, key) => el('a', {
    href, class: page === activePage ? 'active' : null,
    'aria-current': page === activePage ? 'page' : null,
    dataset: { testid: `nav-${page}` },
  }, t(key));

  const langButtons = LANGS.map((code) => el('button', {
    type: 'button', lang: code, class: code === lang ? 'active' : null,
    'aria-pressed': code === lang ? 'true' : 'false',
    dataset: { testid: `lang-${code}` },
    onclick: () => setLang(code),
  }, code === 'zh-CN' ? '中文' : 'English'));

  return el('header', { class: 'site-header' },
    el('a', { class: 'skip-link', href: '#main' }, t('skip')),
    el('div', { class: 'header-inner' },
      el('a', { class: 'brand', href: 'index.html' },
        el('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '安'),
        el('span', { class: 'brand-text' },
          el('span', { class: 'brand-name' }, t('app.name')),
          el('span', { class: 'brand-subtitle' }, t('app.subtitle')))),
      el('div', { class: 'header-tools' },
        el('div', { class: 'user-box' },
          el('label', { for: 'current-user' }, t('user.label')),
          userInput,
          el('span', { id: 'current-user-hint', class: 'visually-hidden' }, t('user.hint'))),
        el('div', { class: 'lang-switch', role: 'group', 'aria-label': t('lang.label') }, langButtons))),
    el('nav', { class: 'site-nav', 'aria-label': t('nav.main') },
      el('div', { class: 'nav-inner' },
        navLink('worklist', 'index.html', 'nav.worklist'),
        navLink('apply', 'apply.html', 'nav.apply'))));
}

/**
 * Sets up the page: translates static text, adds header and footer, sets the title.
 * Returns the <main> element.
 */
export function initPage({ page, titleKey }) {
  translateDom();
  document.title = `${t(titleKey)} · ${t('app.name')}`;
  const main = document.getElementById('main');
  document.body.prepend(renderHeader(page));
  document.body.append(el('footer', { class: 'site-footer' }, el('div', { class: 'footer-inner' }, t('footer'))));
  return main;
}

/** Focuses the "current user" box, e.g. when claiming without a name. */
export function focusUserBox() {
  const input = document.getElementById('current-user');
  input?.focus();
  input?.classList.add('attention');
  setTimeout(() => input?.classList.remove('attention'), 2000);
}
