// Schedules: next fire times in each schedule's own time zone, the last runs, pause and resume.
import { api, durable } from '../api.js';
import { h, replace, time, statusBadge, errorBox } from '../dom.js';
import { confirmAction, perform, may, needs } from '../ui.js';

export async function schedulesView() {
  const container = h('div', {});
  async function load() {
    try {
      const schedules = await api.schedules();
      const runs = await Promise.all(schedules.map(s =>
        durable.list({ instanceIdPrefix: `schedule-${s.id}-`, top: 50 }).then(p => p.instances
          .sort((a, b) => new Date(b.createdTime) - new Date(a.createdTime)).slice(0, 3)).catch(() => [])));
      replace(container, schedules.length === 0 ? h('p', { class: 'empty' }, 'No schedules.') : h('table', { class: 'data schedules' },
        h('caption', { class: 'sr-only' }, 'Schedules'),
        h('thead', {}, h('tr', {}, ['Schedule', 'Workflow', 'When', 'Next fire times (schedule time zone)', 'Last runs', 'State', ''].map(c => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, schedules.map((s, i) => row(s, runs[i], load)))));
    } catch (error) {
      replace(container, errorBox(error));
    }
  }

  await load();
  return { element: h('div', {}, h('h1', {}, 'Schedules'), container), title: 'Schedules' };
}

function row(schedule, runs, reload) {
  const zone = validZone(schedule.timeZone) ? schedule.timeZone : 'UTC';
  const toggle = async () => {
    const pausing = !schedule.paused;
    const ok = await confirmAction({
      title: `${pausing ? 'Pause' : 'Resume'} schedule ${schedule.id}?`,
      message: pausing ? 'Ticks start nothing until it is resumed.' : 'It fires again from now on; runs missed while paused are not started.',
      confirmLabel: pausing ? 'Pause' : 'Resume',
    });
    if (ok && await perform(() => (pausing ? api.pauseSchedule(schedule.id) : api.resumeSchedule(schedule.id)), `Schedule ${schedule.id} ${pausing ? 'paused' : 'resumed'}.`)) await reload();
  };

  return h('tr', { dataset: { schedule: schedule.id } },
    h('th', { scope: 'row' }, schedule.id),
    h('td', {}, h('a', { href: `#/definitions/${encodeURIComponent(schedule.workflow)}` }, schedule.workflow), schedule.version ? ` v${schedule.version}` : ' (active version)'),
    h('td', {}, h('code', {}, schedule.cron), ` ${schedule.timeZone}`, h('div', { class: 'muted small' }, `missed: ${schedule.missedRuns}, overlap: ${schedule.overlap}`)),
    h('td', {}, schedule.paused ? h('span', { class: 'muted' }, 'paused') : h('ol', { class: 'plain' }, (schedule.nextFireTimes ?? []).map(t => h('li', {}, time(t, zone))))),
    h('td', {}, runs.length === 0 ? h('span', { class: 'muted' }, 'none yet') : h('ul', { class: 'plain' }, runs.map(r =>
      h('li', {}, h('a', { href: `#/instances/${encodeURIComponent(r.instanceId)}` }, r.instanceId), ' ', statusBadge(r.runtimeStatus))))),
    h('td', {}, schedule.paused ? h('span', { class: 'badge status-suspended' }, 'paused') : h('span', { class: 'badge status-running' }, 'active')),
    h('td', {}, h('button', { type: 'button', class: 'secondary', disabled: !may('operator'), title: may('operator') ? null : needs('operator'), onclick: toggle },
      schedule.paused ? 'Resume' : 'Pause')));
}

function validZone(zone) {
  try { new Intl.DateTimeFormat(undefined, { timeZone: zone }); return true; } catch { return false; }
}
