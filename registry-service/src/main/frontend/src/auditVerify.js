// The audit chain check (GET /api/audit/verify): a button and its result, for the auditor's page
// and the administrator's panel on the landing page.
import { api } from './api.js';
import { t } from './i18n.js';
import { el, errorNotice, fill, notice } from './shell.js';

/** The verify button and its result line ("审计链完整（N 条）" or where the chain breaks). */
export function verifyPanel() {
  const result = el('div', { 'aria-live': 'polite', dataset: { testid: 'verify-result' } });
  const button = el('button', { type: 'button', class: 'button button-secondary', dataset: { testid: 'verify' } }, t('audit.verify'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = t('audit.verifying');
    try {
      const verification = await api.verifyAudit();
      fill(result, verification.valid
        ? notice('success', t('audit.verify.ok', { count: verification.checked }))
        : notice('error', t('audit.verify.broken', { id: verification.firstBrokenId, count: verification.checked })));
    } catch (error) {
      fill(result, errorNotice(error));
    } finally {
      button.disabled = false;
      button.textContent = t('audit.verify');
    }
  });
  return el('div', { class: 'verify' }, el('div', { class: 'actions' }, button), result);
}
