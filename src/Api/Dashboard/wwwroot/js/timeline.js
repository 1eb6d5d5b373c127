// An instance's history as a timeline: one row per step (from the audit trail: start, end, retries, approvals) and
// per durable event (activity calls, timers, external events, suspensions), bars placed on one time axis.
import { h, duration, time } from './dom.js';

/** Builds the rows: { label, kind, start, end, state, marks: [{ at, text }] }. */
export function timelineRows(status, auditEntries) {
  const rows = [];
  const byStep = new Map();
  for (const entry of [...(auditEntries ?? [])].sort((a, b) => a.sequence - b.sequence)) {
    if (!entry.step) continue;
    let row = byStep.get(entry.step);
    if (!row) {
      row = { label: `step ${entry.step}`, kind: 'step', start: null, end: null, state: 'running', marks: [] };
      byStep.set(entry.step, row);
      rows.push(row);
    }
    const at = new Date(entry.time);
    switch (entry.eventType) {
      case 'StepScheduled': row.start ??= at; break;
      case 'StepCompleted': row.end = at; row.state = 'completed'; break;
      case 'StepFailed': row.end = at; row.state = 'failed'; row.marks.push({ at, text: 'failed' }); break;
      case 'StepRetrying': row.marks.push({ at, text: `retry${entry.details?.attempt ? ` ${entry.details.attempt}` : ''}` }); break;
      case 'ApprovalDecided': row.marks.push({ at, text: `${entry.actor} ${entry.details?.approved ? 'approved' : 'rejected'}` }); break;
      case 'ApprovalEscalated': row.marks.push({ at, text: `escalated` }); break;
      case 'CompensationStarted': row.marks.push({ at, text: 'compensating' }); break;
      case 'CompensationCompleted': row.marks.push({ at, text: 'compensated' }); row.state = 'compensated'; break;
      default: row.start ??= at; row.marks.push({ at, text: entry.eventType }); break;
    }
  }

  for (const event of status.historyEvents ?? []) {
    const at = new Date(event.Timestamp);
    switch (event.EventType) {
      case 'TaskCompleted':
      case 'TaskFailed':
        rows.push({ label: `call ${event.FunctionName}`, kind: 'call', start: new Date(event.ScheduledTime ?? event.Timestamp), end: at,
          state: event.EventType === 'TaskFailed' ? 'failed' : 'completed', marks: [], note: event.Reason });
        break;
      case 'SubOrchestrationInstanceCompleted':
      case 'SubOrchestrationInstanceFailed':
        rows.push({ label: `sub-orchestration ${event.FunctionName}`, kind: 'call', start: new Date(event.ScheduledTime ?? event.Timestamp), end: at,
          state: event.EventType.endsWith('Failed') ? 'failed' : 'completed', marks: [] });
        break;
      case 'TimerFired':
        rows.push({ label: 'timer fired', kind: 'timer', start: at, end: at, state: 'completed', marks: [], note: event.FireAt ? `due ${event.FireAt}` : null });
        break;
      case 'EventRaised':
        rows.push({ label: `event ${event.Name}`, kind: 'event', start: at, end: at, state: 'completed', marks: [] });
        break;
      case 'ExecutionSuspended':
      case 'ExecutionResumed':
      case 'ExecutionTerminated':
        rows.push({ label: event.EventType.replace('Execution', '').toLowerCase(), kind: 'control', start: at, end: at, state: 'completed', marks: [], note: event.Reason });
        break;
      default:
        break;
    }
  }

  const running = !['Completed', 'Failed', 'Terminated'].includes(status.runtimeStatus);
  const now = new Date();
  for (const row of rows) {
    row.start ??= row.end ?? now;
    if (!row.end) {
      row.end = running ? now : new Date(status.lastUpdatedTime);
      if (row.state === 'running' && !running) row.state = 'failed';
      row.open = running;
    }
  }

  return rows.sort((a, b) => a.start - b.start || (a.kind === 'step' ? -1 : 1));
}

/** The timeline as a table whose last column draws each row's bar on the instance's time axis. */
export function timeline(status, auditEntries) {
  const rows = timelineRows(status, auditEntries);
  if (!rows.length) return h('p', { class: 'muted' }, 'No history yet.');
  const from = Math.min(new Date(status.createdTime).getTime(), ...rows.map(r => r.start.getTime()));
  const to = Math.max(from + 1, ...rows.map(r => r.end.getTime()), new Date(status.lastUpdatedTime).getTime());
  const span = to - from;
  const pct = t => `${(((t - from) / span) * 100).toFixed(2)}%`;

  return h('table', { class: 'timeline' },
    h('caption', {}, `Timeline from ${new Date(from).toISOString()} to ${new Date(to).toISOString()} (${duration(span / 1000)}). `,
      'Steps are timed from the audit trail; calls, timers and events from the durable history, which keeps whole seconds.'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'What'), h('th', { scope: 'col' }, 'Start'), h('th', { scope: 'col' }, 'Took'), h('th', { scope: 'col', class: 'axis' }, 'When'))),
    group('Steps (audit trail)', rows.filter(r => r.kind === 'step'), pct, span),
    group('Durable history (whole seconds)', rows.filter(r => r.kind !== 'step'), pct, span));
}

function group(title, rows, pct, span) {
  if (!rows.length) return null;
  return h('tbody', {},
    h('tr', { class: 'group' }, h('th', { colspan: 4, scope: 'colgroup' }, title)),
    rows.map(row => {
      const seconds = (row.end - row.start) / 1000;
      const instant = row.start.getTime() === row.end.getTime();
      const bar = h('div', {
        class: `bar kind-${row.kind} state-${row.state}${instant ? ' instant' : ''}${row.open ? ' open' : ''}`,
        style: `left:${pct(row.start.getTime())};width:${instant ? '0' : `max(2px, ${(((row.end - row.start) / span) * 100).toFixed(2)}%)`}`,
        title: `${row.label}: ${row.state}`,
      });
      const marks = row.marks.map(mark => h('span', { class: 'mark', style: `left:${pct(mark.at.getTime())}`, title: `${mark.text} at ${mark.at.toISOString()}` }));
      return h('tr', { class: `row-${row.kind}`, dataset: { state: row.state } },
        h('th', { scope: 'row' }, row.label, ' ', h('span', { class: `state-text state-${row.state}` }, row.open ? `${row.state} (open)` : row.state),
          row.marks.length ? h('ul', { class: 'marks' }, row.marks.map(m => h('li', {}, m.text))) : null,
          row.note ? h('div', { class: 'muted small' }, row.note) : null),
        h('td', {}, time(row.start)),
        h('td', {}, row.kind === 'step' ? (instant ? '—' : duration(seconds)) : row.kind === 'call' ? coarse(seconds) : '—'),
        h('td', { class: 'axis' }, h('div', { class: 'track' }, bar, marks)));
    }));
}

// History timestamps are whole seconds: say so rather than show a precise-looking figure.
function coarse(seconds) {
  if (seconds <= 0) return 'under 1 s';
  return seconds < 1.5 ? 'under 2 s' : `about ${Math.round(seconds)} s`;
}
