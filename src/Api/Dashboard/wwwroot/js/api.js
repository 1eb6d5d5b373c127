// Calls to the product API (/api) and the Durable Functions HTTP API (/runtime/webhooks/durabletask).
// The key travels only in the x-functions-key header; it is never put in a URL (URLs end up in logs and history).

const KEY_NAME = 'serverless.dashboard.key';
const DURABLE = '/runtime/webhooks/durabletask';

/** A refused or failed call, carrying the problem document the API answered with. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.title = problem?.title ?? `HTTP ${status}`;
    this.detail = problem?.detail ?? this.message;
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
  }
}

/** The key for this browser session (or this device, when the user asked to remember it). */
export const key = {
  get: () => sessionStorage.getItem(KEY_NAME) ?? localStorage.getItem(KEY_NAME) ?? '',
  set(value, remember) {
    sessionStorage.setItem(KEY_NAME, value);
    if (remember) localStorage.setItem(KEY_NAME, value); else localStorage.removeItem(KEY_NAME);
  },
  clear() {
    sessionStorage.removeItem(KEY_NAME);
    localStorage.removeItem(KEY_NAME);
  },
};

/** Sends one request; answers { status, body, headers } or throws ApiError. `accept` lists statuses that are not errors. */
export async function call(method, path, { body, contentType, query, accept = [], headers = {} } = {}) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
  }

  const sent = { ...headers };
  const current = key.get();
  if (current) sent['x-functions-key'] = current;
  let payload;
  if (body !== undefined) {
    sent['content-type'] = contentType ?? 'application/json';
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }

  const response = await fetch(url, { method, headers: sent, body: payload, credentials: 'same-origin', cache: 'no-store' });
  const text = await response.text();
  let parsed = null;
  if (text) {
    try { parsed = JSON.parse(text); } catch { parsed = text; }
  }

  if (!response.ok && !accept.includes(response.status)) {
    const problem = parsed && typeof parsed === 'object' ? parsed : { title: `HTTP ${response.status}`, detail: String(parsed ?? response.statusText) };
    throw new ApiError(response.status, problem);
  }

  return { status: response.status, body: parsed, headers: response.headers };
}

const seg = encodeURIComponent;

/** The product routes the dashboard uses (docs/http-api.md). */
export const api = {
  me: () => call('GET', '/api/me').then(r => r.body),
  definitions: () => call('GET', '/api/definitions').then(r => r.body),
  definition: (name, version) => call('GET', `/api/definitions/${seg(name)}`, { query: { version } }).then(r => r.body),
  versions: name => call('GET', `/api/definitions/${seg(name)}/versions`).then(r => r.body),
  activate: (name, version) => call('POST', `/api/definitions/${seg(name)}/active`, { body: { version } }).then(r => r.body),
  publish: (text, yaml) => call('POST', '/api/definitions', { body: text, contentType: yaml ? 'application/yaml' : 'application/json' }),
  metrics: (name, top) => call('GET', `/api/workflows/${seg(name)}/metrics`, { query: { top } }).then(r => r.body),
  approvals: () => call('GET', '/api/approvals').then(r => r.body),
  decide: (instanceId, stepId, approved, comment) =>
    call('POST', `/api/approvals/${seg(instanceId)}/${seg(stepId)}`, { body: { approved, comment: comment || null } }).then(r => r.body),
  schedules: () => call('GET', '/api/schedules').then(r => r.body),
  pauseSchedule: id => call('POST', `/api/schedules/${seg(id)}/pause`).then(r => r.body),
  resumeSchedule: id => call('POST', `/api/schedules/${seg(id)}/resume`).then(r => r.body),
  audit: instanceId => call('GET', `/api/instances/${seg(instanceId)}/audit`).then(r => r.body),
};

/** The Durable Functions HTTP API routes the dashboard uses. */
export const durable = {
  /** One page of instances: { instances, continuation }. */
  async list(filter, continuation) {
    const headers = continuation ? { 'x-ms-continuation-token': continuation } : {};
    const r = await call('GET', `${DURABLE}/instances`, { query: { ...filter, showInput: true }, headers });
    return { instances: r.body ?? [], continuation: r.headers.get('x-ms-continuation-token') };
  },
  /** Status with history; failed and terminated instances answer 400 with their status, which is not an error here. */
  async status(id) {
    const r = await call('GET', `${DURABLE}/instances/${seg(id)}`, { query: { showHistory: true, showHistoryOutput: true }, accept: [400, 500] });
    if (!r.body || typeof r.body !== 'object' || !('runtimeStatus' in r.body)) throw new ApiError(r.status, r.body);
    return r.body;
  },
  terminate: (id, reason) => call('POST', `${DURABLE}/instances/${seg(id)}/terminate`, { query: { reason } }),
  suspend: (id, reason) => call('POST', `${DURABLE}/instances/${seg(id)}/suspend`, { query: { reason } }),
  resume: (id, reason) => call('POST', `${DURABLE}/instances/${seg(id)}/resume`, { query: { reason } }),
  raise: (id, name, payload) => call('POST', `${DURABLE}/instances/${seg(id)}/raiseEvent/${seg(name)}`, { body: payload ?? 'null' }),
  purge: id => call('DELETE', `${DURABLE}/instances/${seg(id)}`),
};

/**
 * The workflow a RunWorkflow instance runs ({ name, version, definition, input }), or null for a code-first orchestrator.
 * The status names it in `workflow` (its `input` is the user's input); `definition` is filled in by the caller when needed.
 */
export function workflowOf(instance) {
  if (instance?.name !== 'RunWorkflow') return null;
  const workflow = instance.workflow;
  if (workflow && typeof workflow === 'object' && workflow.name) {
    return { name: workflow.name, version: workflow.version, definition: null, input: instance.input };
  }
  // In Azure the Durable extension answers status itself and shows the interpreter's whole run input.
  const run = instance.input;
  if (!run || typeof run !== 'object' || !run.workflow) return null;
  return { name: run.workflow, version: run.version, definition: null, input: run.input };
}
