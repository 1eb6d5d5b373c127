// Metrics of every published workflow over its most recent instances, as charts.
import { api } from '../api.js';
import { h, duration, section } from '../dom.js';
import { barChart } from '../charts.js';

export async function metricsView() {
  const definitions = await api.definitions();
  const all = await Promise.all(definitions.map(d => api.metrics(d.name).catch(error => ({ workflow: d.name, error }))));
  const measured = all.filter(m => !m.error && m.instances > 0);
  const finished = m => m.completed + m.failed;

  const element = h('div', {},
    h('h1', {}, 'Metrics'),
    h('p', { class: 'muted' }, 'Over the 200 most recent instances of each workflow.'),
    measured.length === 0 ? h('p', { class: 'empty' }, 'No workflow has run yet.') : [
      section('Success rate', barChart('Success rate of finished instances', measured.filter(m => finished(m) > 0).map(m => ({
        label: m.workflow, value: m.successRate, text: `${(m.successRate * 100).toFixed(1)}% of ${finished(m)}`,
        tone: m.successRate >= 0.99 ? 'good' : m.successRate >= 0.9 ? 'warn' : 'bad',
      })), { max: 1 })),
      section('Duration', barChart('95th percentile duration', measured.filter(m => m.p95DurationSeconds !== null).map(m => ({
        label: m.workflow, value: m.p95DurationSeconds, text: `${duration(m.p95DurationSeconds)} (avg ${duration(m.averageDurationSeconds)})`,
      })))),
      section('Slowest step', barChart('Slowest step of each workflow (average)', measured.filter(m => m.slowestStep).map(m => ({
        label: `${m.workflow} · ${m.slowestStep.step}`, value: m.slowestStep.averageSeconds,
        text: `${duration(m.slowestStep.averageSeconds)} (${m.slowestStep.samples} runs)`,
      })))),
      section('Counts', h('table', { class: 'data' },
        h('caption', { class: 'sr-only' }, 'Instance counts per workflow'),
        h('thead', {}, h('tr', {}, ['Workflow', 'Instances', 'Running', 'Completed', 'Failed', 'Retry rate', 'Compensation rate'].map(c => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, measured.map(m => h('tr', {},
          h('th', { scope: 'row' }, m.workflow), h('td', {}, m.instances), h('td', {}, m.running), h('td', {}, m.completed), h('td', {}, m.failed),
          h('td', {}, `${(m.retryRate * 100).toFixed(1)}%`), h('td', {}, `${(m.compensationRate * 100).toFixed(1)}%`)))))),
    ],
    all.filter(m => m.error).map(m => h('p', { class: 'error' }, `${m.workflow}: ${m.error.detail ?? m.error.message}`)));
  return { element, title: 'Metrics' };
}
