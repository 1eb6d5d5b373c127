// The dashboard shell: hash routes, the key form, the signed-in identity, confirmations and notices.
import { api, key } from './api.js';
import { h, replace, errorBox } from './dom.js';
import { session } from './ui.js';
import { instancesView } from './views/instances.js';
import { instanceView } from './views/instance.js';
import { definitionsView, definitionView, publishView } from './views/definitions.js';
import { approvalsView } from './views/approvals.js';
import { schedulesView } from './views/schedules.js';
import { metricsView } from './views/metrics.js';
import { auditView } from './views/audit.js';

const main = document.getElementById('main');
let cleanup = () => {};


const routes = [
  [/^\/instances\/(.+)$/, 'instances', m => instanceView(decodeURIComponent(m[1]))],
  [/^\/instances$/, 'instances', () => instancesView()],
  [/^\/definitions\/publish$/, 'definitions', () => publishView()],
  [/^\/definitions\/([^/]+)(?:\/(\d+))?$/, 'definitions', m => definitionView(decodeURIComponent(m[1]), m[2] ? Number(m[2]) : undefined)],
  [/^\/definitions$/, 'definitions', () => definitionsView()],
  [/^\/approvals$/, 'approvals', () => approvalsView()],
  [/^\/schedules$/, 'schedules', () => schedulesView()],
  [/^\/metrics$/, 'metrics', () => metricsView()],
  [/^\/audit(?:\/(.+))?$/, 'audit', m => auditView(m[1] ? decodeURIComponent(m[1]) : undefined)],
];

let rendering = 0;

async function render() {
  cleanup();
  cleanup = () => {};
  const token = ++rendering;
  // Segments stay encoded here; each route decodes what it captures (ids may contain '%' or '/').
  const path = window.location.hash.replace(/^#/, '').split('?')[0] || '/instances';
  const match = routes.map(([pattern, section, view]) => [pattern.exec(path), section, view]).find(([m]) => m);
  for (const link of document.querySelectorAll('nav a')) {
    if (match && link.dataset.section === match[1]) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }

  if (!match) {
    replace(main, h('h1', {}, 'Not found'), h('p', {}, `No page at ${path}.`), h('a', { href: '#/instances' }, 'Instances'));
    return;
  }

  if (!key.get()) {
    replace(main, h('h1', {}, 'Enter a key'), h('p', {},
      'Every page reads the API, which needs a function key. Enter it once in the Key field above: it is sent in the ',
      h('code', {}, 'x-functions-key'), ' header and never put in a URL. The local host prints its admin key at start (also in ',
      h('code', {}, 'data/admin.key'), ').'));
    document.getElementById('key-input').focus();
    return;
  }

  const [m, , view] = match;
  replace(main, h('p', { class: 'muted' }, 'Loading…'));
  try {
    const result = await view(m);
    if (token !== rendering) {
      // The user moved on while this page loaded: drop it, and stop anything it started.
      result.cleanup?.();
      return;
    }

    replace(main, result.element);
    cleanup = result.cleanup ?? cleanup;
    document.title = `${result.title} · Workflow dashboard`;
  } catch (error) {
    if (token === rendering) replace(main, h('h1', {}, 'Could not load this page'), errorBox(error));
  }
}

async function refreshIdentity() {
  const label = document.getElementById('identity');
  if (!key.get()) {
    session.me = null;
    label.textContent = 'No key';
    return;
  }

  try {
    session.me = await api.me();
    label.textContent = session.me.signedIn ? `Signed in as ${session.me.name}` : 'Not signed in';
    const roles = session.me.roles?.length ? `Roles: ${session.me.roles.join(', ')}.` : 'No role: the host lets this key do nothing.';
    label.title = `${session.me.signedIn ? 'The name the host established for this browser (App Service authentication).' : 'The host names no principal for this browser.'} ${roles}`;
    label.dataset.roles = (session.me.roles ?? []).join(' ');
  } catch (error) {
    session.me = null;
    label.textContent = error.status === 401 ? 'Key refused' : 'Identity unknown';
  }
}

function showKeyState() {
  const has = Boolean(key.get());
  document.getElementById('key-form').hidden = has;
  document.getElementById('key-set').hidden = !has;
}

document.getElementById('key-form').addEventListener('submit', async event => {
  event.preventDefault();
  const input = document.getElementById('key-input');
  const value = input.value.trim();
  if (!value) return;
  key.set(value, document.getElementById('key-remember').checked);
  input.value = '';
  showKeyState();
  await refreshIdentity();
  await render();
});

document.getElementById('key-forget').addEventListener('click', async () => {
  key.clear();
  showKeyState();
  await refreshIdentity();
  await render();
});

window.addEventListener('hashchange', () => { render(); main.focus({ preventScroll: true }); });

showKeyState();
await refreshIdentity();
await render();
