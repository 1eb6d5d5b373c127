// The step graph of a workflow definition, drawn as nested blocks: a sequence flows down, parallel branches and
// switch routes sit side by side, loops and foreach frame their body, approvals and compensations have their own
// shapes. Every block says its state in words as well as colour.
import { h } from './dom.js';

const STATE_TEXT = {
  pending: 'not started', running: 'running', completed: 'completed', failed: 'failed',
  retrying: 'retrying', compensated: 'compensated', waiting: 'waiting',
};

/** Draws the definition's steps; `states` maps step id to a state (pending when absent, or no states at all). */
export function stepGraph(definition, states) {
  const steps = Array.isArray(definition?.steps) ? definition.steps : [];
  const figure = h('figure', { class: 'graph' },
    h('figcaption', {}, `Step graph of ${definition?.name ?? 'the workflow'}${definition?.version ? ` v${definition.version}` : ''}`),
    sequence(steps, states ?? null));
  if (states) figure.append(legend());
  return figure;
}

function legend() {
  return h('ul', { class: 'legend', 'aria-label': 'States' },
    ['pending', 'running', 'waiting', 'retrying', 'completed', 'failed', 'compensated'].map(state =>
      h('li', {}, h('span', { class: `swatch state-${state}` }), STATE_TEXT[state])));
}

function sequence(steps, states) {
  return h('ol', { class: 'seq' }, steps.map(step => h('li', {}, node(step, states))));
}

function node(step, states) {
  const state = states ? (states[step.id] ?? 'pending') : null;
  const block = h('div', {
    class: `step kind-${step.kind}${state ? ` state-${state}` : ''}`,
    dataset: { step: step.id, state: state ?? '' },
  });
  block.append(h('div', { class: 'step-head' },
    h('span', { class: 'step-kind' }, label(step)),
    h('span', { class: 'step-id' }, step.id),
    state ? h('span', { class: 'step-state' }, STATE_TEXT[state] ?? state) : null));
  const detail = details(step);
  if (detail.length) block.append(h('ul', { class: 'step-detail' }, detail.map(d => h('li', {}, d))));
  if (step.description) block.append(h('p', { class: 'step-desc' }, step.description));

  switch (step.kind) {
    case 'parallel':
      block.append(columns((step.branches ?? []).map(b => [`branch ${b.name}`, b.steps ?? []]), states, 'branches'));
      break;
    case 'switch': {
      const routes = (step.cases ?? []).map(c => [`when ${condition(c.when)}`, c.steps ?? []]);
      if (step.default) routes.push(['otherwise', step.default]);
      block.append(columns(routes, states, 'routes'));
      break;
    }
    case 'foreach':
    case 'loop':
      block.append(h('div', { class: 'loop-body' }, h('span', { class: 'loop-mark', 'aria-hidden': 'true' }, '↻'), sequence(step.steps ?? [], states)));
      break;
    case 'transaction':
      block.append(h('div', { class: 'columns participants' }, (step.participants ?? []).map(p =>
        h('div', { class: 'column' }, h('div', { class: 'column-label' }, `participant ${p.name}`),
          h('ul', { class: 'phases' },
            h('li', {}, `prepare: ${p.prepare?.activity}`),
            h('li', {}, `commit: ${p.commit?.activity}`),
            h('li', { class: 'undo' }, `abort: ${p.abort?.activity}`))))));
      break;
    default:
      break;
  }

  if (step.compensate) {
    const compensated = state === 'compensated';
    return h('div', { class: 'with-undo' }, block,
      h('div', { class: `undo-box${compensated ? ' state-compensated' : ''}` },
        h('span', { class: 'undo-mark', 'aria-hidden': 'true' }, '⤺'),
        `compensate: ${step.compensate.activity}`));
  }

  return block;
}

function columns(list, states, kind) {
  return h('div', { class: `columns ${kind}` }, list.map(([title, steps]) =>
    h('div', { class: 'column' }, h('div', { class: 'column-label' }, title), steps.length ? sequence(steps, states) : h('p', { class: 'muted' }, 'nothing'))));
}

function condition(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function label(step) {
  switch (step.kind) {
    case 'activity': return `activity ${step.activity}`;
    case 'parallel': return `parallel (${step.failurePolicy ?? 'failFast'})`;
    case 'foreach': return `for each of ${condition(step.items)}`;
    case 'switch': return 'switch';
    case 'loop': return `loop${step.while ? ` while ${condition(step.while)}` : ''}${step.until ? ` until ${condition(step.until)}` : ''}`;
    case 'approval': return `approval: ${step.quorum ?? 1} of ${(step.approvers ?? []).length}`;
    case 'wait': return `wait for event ${step.event}`;
    case 'delay': return step.duration ? `delay ${step.duration}` : `delay until ${step.until}`;
    case 'workflow': return `sub-workflow ${step.workflow} v${step.version}`;
    case 'transaction': return 'transaction (two-phase commit)';
    default: return step.kind ?? 'step';
  }
}

function details(step) {
  const out = [];
  if (step.kind === 'approval') {
    out.push(`approvers: ${(step.approvers ?? []).join(', ')}`);
    (step.escalation ?? []).forEach((level, i) => out.push(`escalation ${i + 1} after ${level.after}: ${(level.approvers ?? []).join(', ')}`));
    if (step.timeout) out.push(`timeout ${step.timeout}, then ${step.onTimeout ?? 'fail'}`);
  }
  if (step.kind === 'foreach' && step.maxConcurrency) out.push(`${step.maxConcurrency} at a time`);
  if (step.kind === 'loop') out.push(`at most ${step.maxIterations} iterations`);
  if (step.retry) out.push(`retry: ${step.retry.maxAttempts} attempts`);
  if (step.timeout && step.kind !== 'approval') out.push(`timeout ${step.timeout}`);
  if (step.fallback) out.push(`fallback: ${step.fallback.activity}`);
  if (step.onError && step.onError !== 'fail') out.push(`on error: ${step.onError}${step.goto ? ` → ${step.goto}` : ''}`);
  return out;
}

/** Step states from an audit trail: scheduled, retrying, completed, failed, compensated. */
export function statesFromAudit(entries, runtimeStatus) {
  const states = {};
  const ordered = [...(entries ?? [])].sort((a, b) => a.sequence - b.sequence);
  for (const entry of ordered) {
    const step = entry.step;
    if (!step) continue;
    switch (entry.eventType) {
      case 'StepScheduled': states[step] = 'running'; break;
      case 'StepRetrying': states[step] = 'retrying'; break;
      case 'StepCompleted': states[step] = 'completed'; break;
      case 'StepFailed': states[step] = 'failed'; break;
      case 'ApprovalRequested':
      case 'ApprovalEscalated': states[step] = 'waiting'; break;
      case 'CompensationCompleted': states[step] = 'compensated'; break;
      case 'CompensationFailed': states[step] = 'failed'; break;
      default: break;
    }
  }

  // An instance that stopped leaves its open steps where they were, not running.
  if (['Terminated', 'Failed'].includes(runtimeStatus)) {
    for (const [step, state] of Object.entries(states)) {
      if (state === 'running' || state === 'waiting' || state === 'retrying') states[step] = 'failed';
    }
  }

  return states;
}
