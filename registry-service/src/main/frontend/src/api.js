// Thin client for the registry's JSON API. Every call sends Accept-Language so the server answers
// (and words its problem+json errors) in the language the user chose.
// Task ids are the engine's strings: they stay strings end to end (never Number()).
//
// The browser is signed in by a server-side session (cookie). State-changing calls echo the CSRF
// token the server keeps in the cookie XSRF-TOKEN as header X-XSRF-TOKEN. A 401 means the session
// is gone: the page goes to the login (unless the caller asked to handle 401 itself).
import { lang, t } from './i18n.js';

/** Where the browser signs in (Spring Security → Keycloak). Relative: works under any context path. */
export const LOGIN_URL = 'oauth2/authorization/keycloak';
/** Keycloak's self-registration for families. */
export const REGISTER_URL = 'register';
export const LOGOUT_URL = 'logout';

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

/** The CSRF token the server put into the readable cookie XSRF-TOKEN ('' when there is none). */
export function csrfToken() {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'XSRF-TOKEN') return decodeURIComponent(rest.join('='));
  }
  return '';
}

/** Sends the browser to the login; the returned promise never settles (the page is leaving). */
export function goToLogin() {
  location.assign(LOGIN_URL);
  return new Promise(() => {});
}

async function request(method, path, { json, formData, anonymousOk = false, submissionKey } = {}) {
  const headers = { 'Accept-Language': lang, Accept: 'application/json, application/problem+json' };
  if (submissionKey) headers['Idempotency-Key'] = submissionKey;
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (formData) {
    body = formData; // the browser sets the multipart boundary
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
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
  if (response.status === 401 && !anonymousOk) return goToLogin();
  if (!response.ok) {
    throw new ApiError(response.status, payload ?? { title: response.statusText });
  }
  return payload;
}

/**
 * A file the API makes (an export) as { blob, fileName }, in the language the user chose; the name
 * comes from the answer's Content-Disposition. Errors as for request().
 */
async function download(path) {
  let response;
  try {
    response = await fetch(path, { headers: { 'Accept-Language': lang }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { title: t('common.error'), detail: t('common.networkError') });
  }
  if (response.status === 401) return goToLogin();
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ title: response.statusText }));
    throw new ApiError(response.status, problem);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  return { blob: await response.blob(), fileName: name ? decodeURIComponent(name) : 'download' };
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
  /** The signed-in user; null when nobody is signed in (the landing page asks without forcing a login). */
  me: () => request('GET', '/api/me'),
  meOrNull: () => request('GET', '/api/me', { anonymousOk: true }).catch((error) => {
    if (error.status === 401) return null;
    throw error;
  }),
  institutions: () => request('GET', '/api/institutions', { anonymousOk: true }),
  worklist: (params) => request('GET', `/api/worklist${query(params)}`),
  worklistProcesses: () => request('GET', '/api/worklist/processes'),
  incidents: () => request('GET', '/api/incidents'),
  task: (key) => request('GET', `/api/tasks/${enc(key)}`),
  claim: (key) => request('POST', `/api/tasks/${enc(key)}/claim`),
  unclaim: (key) => request('POST', `/api/tasks/${enc(key)}/unclaim`),
  complete: (key, variables) => request('POST', `/api/tasks/${enc(key)}/complete`, { json: { variables } }),
  submitFosterApplication: (body, submissionKey) =>
    request('POST', '/api/foster-applications', { json: body, submissionKey }),
  application: (id, reason) => request('GET', `/api/applications/${enc(id)}${query({ reason })}`),
  assessors: (id) => request('GET', `/api/applications/${enc(id)}/assessors`),
  assignAssessor: (id, assessor) => request('POST', `/api/applications/${enc(id)}/assessors`, { json: { assessor } }),
  seal: (id, reason) => request('POST', `/api/applications/${enc(id)}/seal${query({ reason })}`),
  uploadDocument: (applicationId, type, file) => {
    const formData = new FormData();
    formData.append('type', type);
    formData.append('file', file);
    return request('POST', `/api/applications/${enc(applicationId)}/documents`, { formData });
  },
  documentUrl: (documentId, reason) => `/api/documents/${enc(documentId)}/content${query({ reason })}`,
  myApplications: () => request('GET', '/api/portal/applications'),
  myFosterApproval: () => request('GET', '/api/portal/foster-register'),
  fosterRegister: () => request('GET', '/api/foster-register'),
  adoptableChild: (id) => request('GET', `/api/portal/adoptable-children/${enc(id)}`),
  inviteFamilyMember: () => request('POST', '/api/portal/family/invitations'),
  joinFamily: (code) => request('POST', '/api/portal/family/join', { json: { code } }),
  children: (params) => request('GET', `/api/children${query(params ?? {})}`),
  child: (id, reason) => request('GET', `/api/children/${enc(id)}${query({ reason })}`),
  childHistory: (id, reason) => request('GET', `/api/children/${enc(id)}/history${query({ reason })}`),
  admitChild: (record) => request('POST', '/api/children', { json: record }),
  updateChild: (id, record) => request('PUT', `/api/children/${enc(id)}`, { json: record }),
  placeChild: (id, placement) => request('POST', `/api/children/${enc(id)}/placements`, { json: placement }),
  childDocuments: (id, reason) => request('GET', `/api/children/${enc(id)}/documents${query({ reason })}`),
  uploadChildDocument: (id, type, file) => {
    const formData = new FormData();
    formData.append('type', type);
    formData.append('file', file);
    return request('POST', `/api/children/${enc(id)}/documents`, { formData });
  },
  childDocumentUrl: (id, documentId, reason) => `/api/children/${enc(id)}/documents/${enc(documentId)}/content${query({ reason })}`,
  // 寻根回访: on the page's file, or on a file named by its number (a sealed one its recorder may not open)
  rootSeekingVisits: (id, reason) => request('GET', `/api/children/${enc(id)}/root-seeking-visits${query({ reason })}`),
  recordRootSeekingVisit: (id, visit, submissionKey) =>
    request('POST', `/api/children/${enc(id)}/root-seeking-visits`, { json: visit, submissionKey }),
  recordRootSeekingVisitByFileNumber: (body, submissionKey) =>
    request('POST', '/api/root-seeking-visits', { json: body, submissionKey }),
  requestAdoptionPlacement: (id) => request('POST', `/api/children/${enc(id)}/adoption-placement`),
  birthParentClaim: (id, note) => request('POST', `/api/children/${enc(id)}/birth-parent-claim`, { json: { note } }),
  submitAdoptionApplication: (body, submissionKey) =>
    request('POST', '/api/adoption-applications', { json: body, submissionKey }),
  confirmAsSpouse: (id) => request('POST', `/api/portal/applications/${enc(id)}/confirm`),
  childHearings: (id) => request('GET', `/api/applications/${enc(id)}/child-consent`),
  hearChild: (id, body) => request('POST', `/api/applications/${enc(id)}/child-consent`, { json: body }),
  journey: (id, reason) => request('GET', `/api/applications/${enc(id)}/journey${query({ reason })}`),
  requestDissolution: (id, body) => request('POST', `/api/portal/applications/${enc(id)}/dissolution`, { json: body }),
  // 家庭寄养安置: the board and rules (staff), the child's placements and hearings, the family's own
  fosterBoard: (status) => request('GET', `/api/foster-placements${query({ status })}`),
  fosterRules: () => request('GET', '/api/foster-placement-rules'),
  childFosterPlacements: (id) => request('GET', `/api/children/${enc(id)}/foster-placements`),
  proposeFosterPlacement: (body) => request('POST', '/api/foster-placements', { json: body }),
  // 机构内家庭式养育: residence units
  residenceUnits: () => request('GET', '/api/family-style/units'),
  createResidenceUnit: (body) => request('POST', '/api/family-style/units', { json: body }),
  updateResidenceUnit: (id, body) => request('PUT', `/api/family-style/units/${encodeURIComponent(id)}`, { json: body }),
  assignToUnit: (id, body) => request('POST', `/api/family-style/units/${encodeURIComponent(id)}/children`, { json: body }),
  endUnitAssignment: (id, childId, body) => request('POST',
    `/api/family-style/units/${encodeURIComponent(id)}/children/${encodeURIComponent(childId)}/end`, { json: body }),
  fosterConsents: (id) => request('GET', `/api/children/${enc(id)}/foster-consent`),
  recordFosterConsent: (id, body) => request('POST', `/api/children/${enc(id)}/foster-consent`, { json: body }),
  fosterAgreementUrl: (id) => `/api/foster-placements/${enc(id)}/agreement.pdf`,
  myFosterPlacements: () => request('GET', '/api/portal/foster-placements'),
  myFosterAgreementUrl: (id) => `/api/portal/foster-placements/${enc(id)}/agreement.pdf`,
  fosterTerminationNoticeUrl: (id) => `/api/foster-placements/${enc(id)}/termination-notice.pdf`,
  myFosterTerminationNoticeUrl: (id) => `/api/portal/foster-placements/${enc(id)}/termination-notice.pdf`,
  signFosterAgreement: (id) => request('POST', `/api/portal/foster-placements/${enc(id)}/signature`),
  myFamilyStyle: () => request('GET', '/api/portal/family-style'),
  confirmFamilyStyle: (id) => request('POST', `/api/portal/family-style/applications/${enc(id)}/confirm`),
  signFamilyStyleContract: (id) => request('POST', `/api/portal/family-style/contracts/${enc(id)}/signature`),
  myFamilyStyleContractUrl: (id) => `/api/portal/family-style/contracts/${enc(id)}.pdf`,
  familyStyleContractUrl: (id) => `/api/family-style/contracts/${enc(id)}.pdf`,
  familyStyleCalls: () => request('GET', '/api/family-style/calls'),
  openFamilyStyleCall: (body) => request('POST', '/api/family-style/calls', { json: body }),
  submitCoupleApplication: (body, submissionKey) =>
    request('POST', '/api/family-style/applications', { json: body, submissionKey }),
  audit: (params) => request('GET', `/api/audit${query(params)}`),
  dashboard: (params) => request('GET', `/api/dashboard${query(params)}`),
  dashboardCsv: (params) => download(`/api/dashboard.csv${query(params)}`),
  // during a foster placement (家庭寄养管理办法 arts. 16–20): visits, respites, termination
  fosterCareRecord: (id) => request('GET', `/api/foster-placements/${enc(id)}/care-record`),
  arrangeRespite: (id, body) => request('POST', `/api/foster-placements/${enc(id)}/respites`, { json: body }),
  terminateFosterPlacement: (id, body) => request('POST', `/api/foster-placements/${enc(id)}/termination`, { json: body }),
  uploadVisitPhoto: (id, visitId, file) => {
    const formData = new FormData();
    formData.append('file', file);
    return request('POST', `/api/foster-placements/${enc(id)}/visits/${enc(visitId)}/photos`, { formData });
  },
  ownFosterCareRecord: (id) => request('GET', `/api/portal/foster-placements/${enc(id)}/care-record`),
  requestRespite: (id, body) => request('POST', `/api/portal/foster-placements/${enc(id)}/respite-requests`, { json: body }),
  requestFosterTermination: (id, body) =>
    request('POST', `/api/portal/foster-placements/${enc(id)}/termination-request`, { json: body }),
  verifyAudit: () => request('GET', '/api/audit/verify'),
  /** Public: a certificate by the number and verification code its QR code carries. */
  verifyCertificate: (number, code) =>
    request('GET', `/api/certificates/verification${query({ number, code })}`, { anonymousOk: true }),
};
