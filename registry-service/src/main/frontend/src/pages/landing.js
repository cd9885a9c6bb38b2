// 首页 Landing page (public): what Anjia does, sign in, family registration. A signed-in user is
// sent to their start page; administrators get their panel (the audit chain check) right here.
import { LOGIN_URL, REGISTER_URL } from '../api.js';
import { verifyPanel } from '../auditVerify.js';
import { lang, t } from '../i18n.js';
import { currentUser, el, errorNotice, fill, hasRole, homeOf, initPage, notice } from '../shell.js';

// 'admin': the administrator's nav entry is this page
const main = initPage({ page: 'admin', titleKey: 'landing.title', publicPage: true });
const params = new URLSearchParams(location.search);

const statusHost = el('div', { 'aria-live': 'polite' });
const actions = el('div', { class: 'actions landing-actions' },
  el('a', { class: 'button button-large', href: LOGIN_URL, dataset: { testid: 'landing-login' } },
    t('landing.signIn'), lang === 'zh-CN' ? el('span', { class: 'button-sub', lang: 'en' }, 'Sign in') : null),
  el('a', { class: 'button button-secondary button-large', href: REGISTER_URL, dataset: { testid: 'landing-register' } },
    t('landing.register'), lang === 'zh-CN' ? el('span', { class: 'button-sub', lang: 'en' }, 'Register as a family') : null));
const accountsHint = el('p', { class: 'muted landing-hint' }, t('landing.accountsHint'));
const adminHost = el('div');

function card(icon, titleKey, textKey, testid) {
  return el('section', { class: 'landing-card', dataset: { testid } },
    el('div', { class: 'landing-icon', 'aria-hidden': 'true' }, icon),
    el('h2', {}, t(titleKey)),
    el('p', {}, t(textKey)));
}

fill(main,
  el('div', { class: 'landing', dataset: { testid: 'landing' } },
    params.get('login') === 'failed'
      ? notice('error', el('span', { dataset: { testid: 'login-failed' } }, t('landing.loginFailed')))
      : null,
    // signed out while Keycloak was down (SecurityConfiguration.keycloakLogout)
    params.get('logout') === 'local'
      ? notice('info', el('span', { dataset: { testid: 'signed-out-locally' } }, t('landing.signedOutLocally')))
      : null,
    statusHost,
    el('section', { class: 'landing-hero' },
      el('h1', {}, t('landing.heading')),
      el('p', { class: 'landing-lead' }, t('landing.lead')),
      actions,
      accountsHint),
    adminHost,
    el('div', { class: 'landing-cards' },
      card('院', 'landing.institutions.title', 'landing.institutions.text', 'for-institutions'),
      card('民', 'landing.registrars.title', 'landing.registrars.text', 'for-registrars'),
      card('家', 'landing.families.title', 'landing.families.text', 'for-families')),
    el('p', { class: 'muted landing-legal' }, t('landing.legal'))));

async function start() {
  let user;
  try {
    user = await currentUser();
  } catch (error) {
    fill(statusHost, errorNotice(error));
    return;
  }
  if (!user) return; // not signed in: the page as it is
  actions.hidden = true;
  accountsHint.hidden = true;
  const home = homeOf(user);
  if (home !== 'index.html') {
    fill(statusHost, notice('info', t('landing.redirecting')));
    location.replace(home);
    return;
  }
  if (hasRole(user, 'ADMIN')) {
    fill(adminHost, el('section', { class: 'panel', 'aria-labelledby': 'admin-title', dataset: { testid: 'admin-panel' } },
      el('h2', { id: 'admin-title' }, t('admin.title')),
      el('p', { class: 'muted' }, t('admin.lead')),
      verifyPanel()));
  } else {
    fill(statusHost, notice('warning', t('admin.noRole')));
  }
}

start();
