// Instances: the Durable list API with filters, continuation-token paging, progress columns and auto-refresh.
import { durable, workflowOf } from '../api.js';
import { h, replace, time, statusBadge, errorBox } from '../dom.js';

const STATUSES = ['Pending', 'Running', 'Suspended', 'Completed', 'Failed', 'Terminated'];
const REFRESH_MS = 5000;
// A name filter is applied here (the Durable list API has none): read up to this many pages to fill one.
const MAX_PAGES_PER_VIEW = 20;

export async function instancesView() {
  const state = { filter: {}, name: '', size: 25, tokens: [null], page: 0, next: null, timer: null };

  const form = h('form', { class: 'filters', 'aria-label': 'Filter instances' },
    field('f-name', 'Workflow or orchestrator', h('input', { id: 'f-name', name: 'name', type: 'search', placeholder: 'e.g. expense-approval' })),
    field('f-status', 'Status', h('select', { id: 'f-status', name: 'status' }, h('option', { value: '' }, 'any'), STATUSES.map(s => h('option', { value: s }, s)))),
    field('f-prefix', 'Instance id starts with', h('input', { id: 'f-prefix', name: 'prefix', type: 'search' })),
    field('f-from', 'Created from', h('input', { id: 'f-from', name: 'from', type: 'datetime-local' })),
    field('f-to', 'Created to', h('input', { id: 'f-to', name: 'to', type: 'datetime-local' })),
    field('f-size', 'Per page', h('select', { id: 'f-size', name: 'size' }, [10, 25, 50, 100].map(n => h('option', { value: n, selected: n === 25 }, n)))),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, 'Apply')));

  const refresh = h('input', { id: 'auto-refresh', type: 'checkbox' });
  const updated = h('span', { class: 'muted small', 'aria-live': 'off' });
  const body = h('div', { class: 'list' });
  const previous = h('button', { type: 'button', class: 'secondary', disabled: true }, '← Previous');
  const next = h('button', { type: 'button', class: 'secondary', disabled: true }, 'Next →');
  const pageLabel = h('span', { class: 'muted' });

  async function load() {
    try {
      const { rows, continuation } = await fetchPage(state);
      state.next = continuation;
      replace(body, table(rows));
      previous.disabled = state.page === 0;
      next.disabled = !continuation;
      pageLabel.textContent = `Page ${state.page + 1}`;
      updated.textContent = `Updated ${new Date().toLocaleTimeString()}`;
    } catch (error) {
      replace(body, errorBox(error));
    }
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const data = new FormData(form);
    const local = value => (value ? new Date(value).toISOString() : undefined);
    state.name = String(data.get('name') ?? '').trim();
    state.size = Number(data.get('size'));
    state.filter = {
      runtimeStatus: data.get('status') || undefined,
      instanceIdPrefix: String(data.get('prefix') ?? '').trim() || undefined,
      createdTimeFrom: local(data.get('from')),
      createdTimeTo: local(data.get('to')),
    };
    state.tokens = [null];
    state.page = 0;
    load();
  });
  next.addEventListener('click', () => { state.tokens[state.page + 1] = state.next; state.page += 1; load(); });
  previous.addEventListener('click', () => { state.page -= 1; load(); });
  refresh.addEventListener('change', () => {
    clearInterval(state.timer);
    state.timer = refresh.checked ? setInterval(() => { if (!document.hidden && !document.getElementById('confirm').open) load(); }, REFRESH_MS) : null;
  });

  await load();
  const element = h('div', {},
    h('h1', {}, 'Instances'),
    form,
    h('div', { class: 'toolbar' },
      h('label', { for: 'auto-refresh', class: 'inline' }, refresh, ` Refresh every ${REFRESH_MS / 1000} s`), updated,
      h('span', { class: 'spacer' }), previous, pageLabel, next),
    body);
  return { element, title: 'Instances', cleanup: () => clearInterval(state.timer) };
}

function field(id, label, input) {
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

// One page: the Durable API pages by continuation token; a name filter reads further pages until the page is full.
async function fetchPage(state) {
  const filter = { ...state.filter, top: state.size };
  let token = state.tokens[state.page];
  if (!state.name) {
    const page = await durable.list(filter, token);
    return { rows: page.instances, continuation: page.continuation };
  }

  const wanted = state.name.toLowerCase();
  const rows = [];
  for (let i = 0; i < MAX_PAGES_PER_VIEW; i++) {
    const page = await durable.list(filter, token);
    rows.push(...page.instances.filter(instance => nameOf(instance).toLowerCase() === wanted || instance.name?.toLowerCase() === wanted));
    token = page.continuation;
    if (!token || rows.length >= state.size) break;
  }
  return { rows, continuation: token };
}

function nameOf(instance) {
  return workflowOf(instance)?.name ?? instance.name ?? '';
}

function table(rows) {
  if (!rows.length) return h('p', { class: 'empty' }, 'No instances match.');
  return h('table', { class: 'data instances' },
    h('caption', { class: 'sr-only' }, 'Instances'),
    h('thead', {}, h('tr', {}, ['Instance', 'Workflow', 'Status', 'Progress', 'Current step', 'Created', 'Updated'].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map(instance => {
      const workflow = workflowOf(instance);
      const custom = instance.customStatus && typeof instance.customStatus === 'object' ? instance.customStatus : {};
      const done = Number(custom.stepsCompleted ?? 0);
      const total = Number(custom.totalSteps ?? 0);
      return h('tr', { dataset: { instance: instance.instanceId } },
        h('td', {}, h('a', { href: `#/instances/${encodeURIComponent(instance.instanceId)}` }, instance.instanceId)),
        h('td', {}, workflow ? `${workflow.name} v${workflow.version}` : instance.name),
        h('td', {}, statusBadge(instance.runtimeStatus)),
        h('td', {}, total > 0
          ? h('span', { class: 'progress' }, h('progress', { max: total, value: done, 'aria-label': `${done} of ${total} steps` }), ` ${done}/${total}`)
          : h('span', { class: 'muted' }, '—')),
        h('td', {}, custom.currentStep ?? h('span', { class: 'muted' }, custom.phase ?? '—')),
        h('td', {}, time(instance.createdTime)),
        h('td', {}, time(instance.lastUpdatedTime)));
    })));
}
