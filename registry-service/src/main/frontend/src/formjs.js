// form-js glue: a Form whose validation messages follow the UI language, and helpers to put the
// server's field errors (problem+json errors[].field = variable name) onto the rendered fields.
import { Form } from '@bpmn-io/form-js';
import '@bpmn-io/form-js/dist/assets/form-js.css';
import { t } from './i18n.js';

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

/** Renders a schema into the container, pre-filled with data. */
export async function renderForm(container, schema, data) {
  const form = new Form({ container, additionalModules: [localizedValidationModule] });
  await form.importSchema(schema, data ?? {});
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
