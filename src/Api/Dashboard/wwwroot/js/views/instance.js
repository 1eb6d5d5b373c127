// One instance: status, input, output, custom status, failure, the step graph coloured by state, the timeline,
// the audit trail with its hash-chain verification, and the control actions, each confirmed first.
import { api, durable, workflowOf } from '../api.js';
import { h, replace, json, time, statusBadge, section, errorBox } from '../dom.js';
import { confirmAction, perform, may, needs } from '../ui.js';
import { stepGraph, statesFromAudit } from '../graph.js';
import { timeline } from '../timeline.js';
import { auditTable } from './audit.js';

const FINISHED = ['Completed', 'Failed', 'Terminated'];
const REFRESH_MS = 3000;

export async function instanceView(id) {
  const container = h('div', { class: 'instance' });
  let timer = null;

  async function load() {
    const status = await durable.status(id);
    const audit = await api.audit(id).catch(error => (error.status === 404 ? null : { error }));
    const workflow = workflowOf(status);
    if (workflow) {
      // The step graph draws the published version the instance pinned (a missing one just leaves the graph out).
      const stored = await api.definition(workflow.name, workflow.version).catch(() => null);
      workflow.definition = typeof stored?.definition === 'string' ? JSON.parse(stored.definition) : stored?.definition ?? null;
    }
    replace(container, render(status, workflow, audit, load));
    clearInterval(timer);
    timer = FINISHED.includes(status.runtimeStatus) ? null : setInterval(async () => {
      if (document.hidden || document.getElementById('confirm').open) return;
      try { await load(); } catch (error) { replace(container, errorBox(error)); clearInterval(timer); }
    }, REFRESH_MS);
  }

  await load();
  return { element: container, title: `Instance ${id}`, cleanup: () => clearInterval(timer) };
}

function render(status, workflow, audit, reload) {
  const custom = status.customStatus;
  const entries = audit && !audit.error ? audit.entries : [];
  const finished = FINISHED.includes(status.runtimeStatus);

  return [
    h('p', { class: 'crumbs' }, h('a', { href: '#/instances' }, 'Instances'), ' / ', status.instanceId),
    h('h1', {}, `Instance ${status.instanceId} `, statusBadge(status.runtimeStatus)),
    h('div', { class: 'toolbar actions-bar', role: 'group', 'aria-label': 'Actions' }, actions(status, finished, reload)),
    h('dl', { class: 'summary' },
      item('Orchestrator', status.name),
      workflow ? item('Workflow', h('a', { href: `#/definitions/${encodeURIComponent(workflow.name)}/${workflow.version}` }, `${workflow.name} v${workflow.version}`)) : null,
      item('Status', status.runtimeStatus),
      item('Created', time(status.createdTime)),
      item('Last updated', time(status.lastUpdatedTime)),
      custom && typeof custom === 'object' && custom.totalSteps
        ? item('Progress', `${custom.stepsCompleted ?? 0} of ${custom.totalSteps} steps${custom.currentStep ? `, now at ${custom.currentStep}` : ''}${custom.phase ? ` (${custom.phase})` : ''}`)
        : null),
    status.failureDetails || status.runtimeStatus === 'Failed'
      ? section('Failure', h('div', { class: 'error' },
        h('strong', {}, status.failureDetails?.errorType ?? status.failureDetails?.ErrorType ?? 'Failed'), ': ',
        status.failureDetails?.errorMessage ?? status.failureDetails?.ErrorMessage ?? (typeof status.output === 'string' ? status.output : JSON.stringify(status.output))))
      : null,
    h('div', { class: 'two' },
      section('Input', json(workflow ? workflow.input : status.input, 'Input')),
      section('Output', json(status.output, 'Output'))),
    section('Custom status', json(custom, 'Custom status')),
    workflow?.definition ? section('Step graph', stepGraph(workflow.definition, statesFromAudit(entries, status.runtimeStatus))) : null,
    section('Timeline', timeline(status, entries)),
    section('Audit trail', audit === null ? h('p', { class: 'muted' }, 'No audit trail: code-first orchestrators write none.')
      : audit.error ? errorBox(audit.error) : auditTable(audit)),
  ];
}

function item(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function actions(status, finished, reload) {
  const id = status.instanceId;
  const running = ['Running', 'Pending'].includes(status.runtimeStatus);
  // Every action here is an operator's; without the role the buttons stay visible but disabled, with the reason.
  const allowed = may('operator');
  const button = (text, enabled, handler, danger) =>
    h('button', { type: 'button', class: danger ? 'danger' : 'secondary', disabled: !enabled || !allowed, title: allowed ? null : needs('operator'), onclick: handler }, text);

  return [
    button('Raise event', !finished, async () => {
      const values = await confirmAction({
        title: `Raise an event on ${id}`, message: 'The instance receives the event as if a client had sent it.', confirmLabel: 'Raise event',
        fields: [{ name: 'name', label: 'Event name', required: true }, { name: 'payload', label: 'Payload (JSON)', value: 'null', multiline: true }],
      });
      if (!values) return;
      if (!values.name.trim()) { await perform(() => Promise.reject(new Error('An event name is required.')), ''); return; }
      try { JSON.parse(values.payload || 'null'); } catch (error) {
        await perform(() => Promise.reject(new Error(`The payload is not JSON: ${error.message}`)), '');
        return;
      }
      if (await perform(() => durable.raise(id, values.name.trim(), values.payload || 'null'), `Event ${values.name} raised.`)) await reload();
    }),
    button('Suspend', running, async () => {
      const values = await confirmAction({ title: `Suspend ${id}?`, message: 'The instance stops making progress until it is resumed.', confirmLabel: 'Suspend',
        fields: [{ name: 'reason', label: 'Reason' }] });
      if (values && await perform(() => durable.suspend(id, values.reason), 'Suspended.')) await reload();
    }),
    button('Resume', status.runtimeStatus === 'Suspended', async () => {
      const values = await confirmAction({ title: `Resume ${id}?`, message: 'The instance carries on where it stopped.', confirmLabel: 'Resume',
        fields: [{ name: 'reason', label: 'Reason' }] });
      if (values && await perform(() => durable.resume(id, values.reason), 'Resumed.')) await reload();
    }),
    button('Terminate', !finished, async () => {
      const values = await confirmAction({ title: `Terminate ${id}?`, message: 'The instance ends now and cannot be resumed. Steps already done are not undone.',
        confirmLabel: 'Terminate', danger: true, fields: [{ name: 'reason', label: 'Reason' }] });
      if (values && await perform(() => durable.terminate(id, values.reason), 'Terminated.')) await reload();
    }, true),
    button('Purge', finished, async () => {
      const values = await confirmAction({ title: `Purge ${id}?`, message: 'Its status and history are deleted for good.', confirmLabel: 'Purge', danger: true });
      if (values && await perform(() => durable.purge(id), `Purged ${id}.`)) window.location.hash = '#/instances';
    }, true),
  ];
}
