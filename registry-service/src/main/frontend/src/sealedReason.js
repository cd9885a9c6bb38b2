// The prompt a sealed record (民法典 art. 1110) shows before it opens: the reader states a reason,
// which the page sends with every read of that record (the service audits it).
import { t } from './i18n.js';
import { el, fill, notice } from './shell.js';

/** Renders the prompt into host; onReason(reason) runs once a reason is given. */
export function renderSealedReasonPrompt(host, { initial = '', leadKey, onReason }) {
  const input = el('input', { id: 'sealed-reason', type: 'text', maxlength: 500, required: true, dataset: { testid: 'sealed-reason' } });
  input.value = initial;
  const error = el('span', { class: 'field-error', id: 'sealed-reason-error', hidden: true });
  const formElement = el('form', { novalidate: true, dataset: { testid: 'sealed-form' } },
    el('div', { class: 'field' },
      el('label', { for: 'sealed-reason' }, t('app.sealed.reason'), el('span', { class: 'req', 'aria-hidden': 'true' }, '*')),
      input, error),
    el('button', { type: 'submit', class: 'button', dataset: { testid: 'sealed-open' } }, t('app.sealed.open')));
  formElement.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!input.value.trim()) {
      error.textContent = t('app.sealed.required');
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', error.id);
      input.focus();
      return;
    }
    await onReason(input.value.trim());
  });
  fill(host, el('section', { class: 'panel', 'aria-labelledby': 'sealed-title' },
    el('h2', { id: 'sealed-title' }, t('app.sealed')),
    notice('warning', t(leadKey)),
    formElement));
  input.focus();
}
