// form-js glue: a Form whose validation messages follow the UI language, and helpers to put the
// server's field errors (problem+json errors[].field = variable name) onto the rendered fields.
import { Form } from '@bpmn-io/form-js';
import '@bpmn-io/form-js/dist/assets/form-js.css';
// form-js's date picker is flatpickr; its month and weekday names follow flatpickr's default locale
import flatpickr from 'flatpickr';
import { Mandarin } from 'flatpickr/dist/l10n/zh.js';
import { lang, t } from './i18n.js';

const CHINESE = lang === 'zh-CN';
if (CHINESE) flatpickr.localize(Mandarin);

// form-js words its messages in English; recognise them and say them through the dictionary.
const MESSAGES = [
  [/^Field is required\.$/, () => t('fjs.required')],
  [/^Field must have minimum value of (.+)\.$/, (value) => t('fjs.min', { value })],
  [/^Field must have maximum value of (.+)\.$/, (value) => t('fjs.max', { value })],
  [/^Field must have minimum length of (.+)\.$/, (value) => t('fjs.minLength', { value })],
  [/^Field must have maximum length of (.+)\.$/, (value) => t('fjs.maxLength', { value })],
  [/^Field must match pattern /, () => t('fjs.pattern')],
  [/^Field must be a valid email\.$/, () => t('fjs.email')],
  [/^Field must be a valid\s+international phone number/, () => t('fjs.phone')],
  [/^Value is not a number\.$/, () => t('fjs.notNumber')],
  [/^Value is expected to be an integer\.$/, () => t('fjs.integer')],
  [/^Value is expected to have at most (\d+) decimal/, (value) => t('fjs.decimals', { value })],
];

function localize(message) {
  for (const [pattern, say] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) return say(match[1]);
  }
  return message;
}

function LocalizedValidation(validator) {
  for (const method of ['validateFieldInstance', 'validateField']) {
    const original = validator[method]?.bind(validator);
    if (original) validator[method] = (...args) => original(...args).map(localize);
  }
}
LocalizedValidation.$inject = ['validator'];

const localizedValidationModule = {
  __init__: ['anjiaLocalizedValidation'],
  anjiaLocalizedValidation: ['type', LocalizedValidation],
};

// form-js 1.x has no translation service: its few words are fixed English strings in its markup.
// They are replaced where they appear (text, placeholder, title, aria-label), as they render.
const WORDS = {
  'Search': () => t('fjs.search'),
  'Select': () => t('fjs.select'),
  'Add new': () => t('fjs.addNew'),
  'Remove tag': () => t('fjs.removeTag'),
  'Increment': () => t('fjs.increment'),
  'Decrement': () => t('fjs.decrement'),
  'Previous page': () => t('fjs.previousPage'),
  'Next page': () => t('fjs.nextPage'),
};

function word(text) {
  const trimmed = text.trim();
  if (WORDS[trimmed]) return text.replace(trimmed, WORDS[trimmed]());
  const item = /^Remove list item (\d+)$/.exec(trimmed);
  if (item) return t('fjs.removeItem', { n: item[1] });
  // the date and time placeholders: "yyyy/mm/dd", "mm/dd/yyyy", "hh:mm"
  if (/^(yyyy|mm|dd)([./-](yyyy|mm|dd)){2}$/.test(trimmed)) {
    return trimmed.replace('yyyy', t('fjs.year')).replace('mm', t('fjs.month')).replace('dd', t('fjs.day'));
  }
  if (/^hh:mm( --)?$/.test(trimmed)) return trimmed.replace('hh', t('fjs.hour')).replace('mm', t('fjs.minute'));
  return text;
}

function translateWords(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const translated = word(node.nodeValue);
    if (translated !== node.nodeValue) node.nodeValue = translated;
  }
  for (const attribute of ['placeholder', 'title', 'aria-label']) {
    for (const element of root.querySelectorAll(`[${attribute}]`)) {
      const value = element.getAttribute(attribute);
      const translated = word(value);
      if (translated !== value) element.setAttribute(attribute, translated);
    }
  }
}

/** form-js re-renders as people type and choose: translate after each change of the form's markup. */
function keepWordsTranslated(container) {
  translateWords(container);
  new MutationObserver(() => translateWords(container))
    .observe(container, { subtree: true, childList: true, characterData: true, attributes: true,
      attributeFilter: ['placeholder', 'title', 'aria-label'] });
}

const CJK = /[\u4e00-\u9fff]/;
/** Where the English half of a "中文 English" option starts: a space, then a Latin letter. */
const ENGLISH_PART = /\s(?=[A-Za-z])/;

/** The reader's half of a "中文 English" option label, as engine/ProcessCatalog names steps; else the whole. */
function optionLabel(label) {
  const english = typeof label === 'string' ? label.search(ENGLISH_PART) : -1;
  if (english < 0 || !CJK.test(label.slice(0, english))) return label;
  return CHINESE ? label.slice(0, english).trim() : label.slice(english).trim();
}

/**
 * The forms carry Chinese labels and texts with English help beside them (descriptions, and an
 * italic English paragraph closing each text block), and options named "中文 English". In Chinese
 * mode only the Chinese shows; in English mode the English help too, and each option in English.
 */
function forLanguage(schema) {
  const localize = (component) => {
    const copy = { ...component };
    if (Array.isArray(copy.values)) {
      copy.values = copy.values.map((option) => ({ ...option, label: optionLabel(option.label) }));
    }
    if (CHINESE && copy.description && !CJK.test(copy.description)) delete copy.description;
    if (CHINESE && copy.type === 'text' && typeof copy.text === 'string') {
      copy.text = copy.text.split(/\n\s*\n/).filter((paragraph) => CJK.test(paragraph)).join('\n\n');
    }
    if (Array.isArray(copy.components)) copy.components = copy.components.map(localize);
    return copy;
  };
  return localize(schema);
}

/** Renders a schema into the container, pre-filled with data. */
export async function renderForm(container, schema, data) {
  const form = new Form({ container, additionalModules: [localizedValidationModule] });
  await form.importSchema(forLanguage(schema), data ?? {});
  if (CHINESE) keepWordsTranslated(container);
  return form;
}

/** The form's components with a key (the process variable they write), flattened. */
export function keyedFields(form) {
  return form.get('formFieldRegistry').getAll().filter((field) => field.key);
}

/** The label of the field bound to a variable name, for messages; falls back to the name. */
export function fieldLabel(form, variable) {
  const field = keyedFields(form).find((candidate) => candidate.key === variable);
  return field?.label || variable;
}

/**
 * Shows server field errors inline, in form-js's own error slots (so they look and read like
 * form-js's validation). Returns the errors it could not place.
 */
export function showServerErrors(form, fieldErrors) {
  const byId = {};
  const unplaced = [];
  const fields = keyedFields(form);
  for (const error of fieldErrors) {
    const field = fields.find((candidate) => candidate.key === error.field);
    if (field) (byId[field.id] ??= []).push(error.message);
    else unplaced.push(error);
  }
  if (Object.keys(byId).length) {
    try {
      // _setState is form-js internal; if it ever goes away the summary above the form still lists everything.
      form._setState({ errors: { ...form._getState().errors, ...byId } });
    } catch {
      return fieldErrors;
    }
  }
  return unplaced;
}
