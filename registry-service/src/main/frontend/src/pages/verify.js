// 证书核验 Certificate verification (public, no login): the page a certificate's QR code opens. It
// shows the certificate's kind, number, date and whether it still stands, nothing about the people;
// a sealed adoption (民法典 art. 1110) only whether it is valid. Number and code come from the QR
// code's address, or are typed in from the paper.
import { api } from '../api.js';
import { formatDate, t } from '../i18n.js';
import { el, errorNotice, fill, initPage, notice } from '../shell.js';

const main = initPage({ page: 'verify', titleKey: 'verify.title', publicPage: true });
const params = new URLSearchParams(location.search);

const result = el('div', { class: 'verify-result', 'aria-live': 'polite', dataset: { testid: 'verify-result' } });
const numberInput = el('input', { type: 'text', id: 'verify-number', name: 'number', required: true,
  autocomplete: 'off', value: params.get('number') ?? '', dataset: { testid: 'verify-number' } });
const codeInput = el('input', { type: 'text', id: 'verify-code', name: 'code', required: true,
  autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', placeholder: 'XXXX-XXXX-XXXX-XXXX',
  value: params.get('code') ?? '', dataset: { testid: 'verify-code' } });

const form = el('form', { class: 'panel verify-form', novalidate: true },
  el('h2', {}, t('verify.byHand')),
  el('div', { class: 'field' }, el('label', { for: 'verify-number' }, t('verify.number')), numberInput),
  el('div', { class: 'field' },
    el('label', { for: 'verify-code' }, t('verify.code')),
    el('span', { class: 'hint', id: 'verify-code-hint' }, t('verify.codeHint')),
    codeInput),
  el('div', { class: 'actions' },
    el('button', { type: 'submit', class: 'button', dataset: { testid: 'verify-submit' } }, t('verify.submit'))));
codeInput.setAttribute('aria-describedby', 'verify-code-hint');

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const number = numberInput.value.trim();
  const code = codeInput.value.trim();
  if (!number || !code) {
    fill(result, notice('warning', t('verify.required')));
    return;
  }
  history.replaceState(null, '', `?${new URLSearchParams({ number, code })}`);
  verify(number, code);
});

fill(main,
  el('div', { class: 'verify', dataset: { testid: 'verify' } },
    el('h1', {}, t('verify.heading')),
    el('p', { class: 'muted' }, t('verify.lead')),
    result,
    form,
    el('p', { class: 'muted verify-privacy' }, t('verify.privacy'))));

/** One line of the answer: term and value. */
function row(term, value, testid) {
  return [el('dt', {}, term), el('dd', { dataset: { testid } }, value)];
}

function standing(kind, text) {
  return el('p', { class: `verify-status verify-status-${kind}`, dataset: { testid: 'verify-status' } }, text);
}

function render(answer) {
  if (answer.confidential) {
    const valid = answer.status === 'VALID';
    return [
      standing(valid ? 'valid' : 'ended', t(valid ? 'verify.status.VALID' : 'verify.status.NOT_VALID')),
      el('p', { class: 'muted', dataset: { testid: 'verify-confidential' } }, t('verify.confidential'))];
  }
  const adoption = answer.kind === 'ADOPTION_REGISTRATION';
  const dissolved = answer.status === 'DISSOLVED';
  return [
    standing(dissolved ? 'ended' : 'valid', t(`verify.status.${answer.status}`)),
    dissolved ? el('p', { dataset: { testid: 'verify-dissolved' } },
      t('verify.dissolvedOn', { date: formatDate(answer.dissolvedOn) })) : null,
    el('dl', { class: 'verify-facts' },
      row(t('verify.kind'), t(`verify.kind.${answer.kind}`), 'verify-kind'),
      row(t('verify.number'), answer.number, 'verify-certificate-number'),
      row(t(adoption ? 'verify.registeredOn' : 'verify.dissolutionRegisteredOn'), formatDate(answer.issuedOn),
        'verify-issued-on'))];
}

async function verify(number, code) {
  fill(result, el('p', { class: 'muted' }, t('common.loading')));
  try {
    fill(result, el('section', { class: 'panel verify-answer' }, render(await api.verifyCertificate(number, code))));
  } catch (error) {
    if (error.status === 404) {
      fill(result, el('section', { class: 'panel verify-answer' },
        standing('missing', t('verify.status.NOT_FOUND')),
        el('p', {}, error.problem?.detail ?? '')));
    } else {
      // 429 and the like: the server's words say how long to wait
      fill(result, errorNotice(error));
    }
  }
}

if (numberInput.value && codeInput.value) {
  verify(numberInput.value, codeInput.value);
}
