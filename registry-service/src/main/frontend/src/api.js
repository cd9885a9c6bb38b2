// Thin client for the registry's JSON API. Every call sends Accept-Language so the server answers
// (and words its problem+json errors) in the language the user chose.
// Zeebe keys are 64-bit: they stay strings end to end (never Number()).
import { lang, t } from './i18n.js';

/** A failed call: `status` is the HTTP status (0 when the server was not reached), `problem` the RFC 9457 body. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** Field errors of a 400 problem, as [{field, message}]. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

async function request(method, path, { json, formData } = {}) {
  const headers = { 'Accept-Language': lang, Accept: 'application/json, application/problem+json' };
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (formData) {
    body = formData; // the browser sets the multipart boundary
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { title: t('common.error'), detail: t('common.networkError') });
  }
  const text = await response.text();
  let payload = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = response.ok ? text : { detail: text.slice(0, 300) };
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, payload ?? { title: response.statusText });
  }
  return payload;
}

const enc = encodeURIComponent;

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  worklist: (params) => request('GET', `/api/worklist${query(params)}`),
  incidents: () => request('GET', '/api/incidents'),
  task: (key) => request('GET', `/api/tasks/${enc(key)}`),
  claim: (key, assignee) => request('POST', `/api/tasks/${enc(key)}/claim`, { json: { assignee } }),
  unclaim: (key) => request('POST', `/api/tasks/${enc(key)}/unclaim`),
  complete: (key, variables) => request('POST', `/api/tasks/${enc(key)}/complete`, { json: { variables } }),
  submitFosterApplication: (body) => request('POST', '/api/foster-applications', { json: body }),
  application: (id) => request('GET', `/api/applications/${enc(id)}`),
  uploadDocument: (applicationId, type, file) => {
    const formData = new FormData();
    formData.append('type', type);
    formData.append('file', file);
    return request('POST', `/api/applications/${enc(applicationId)}/documents`, { formData });
  },
  documentUrl: (documentId) => `/api/documents/${enc(documentId)}/content`,
};
