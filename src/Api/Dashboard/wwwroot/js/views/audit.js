// An audit trail in sequence order, with the result of verifying its hash chain.
import { h, time } from '../dom.js';

export function auditTable(audit) {
  const verification = audit.verification ?? {};
  const entries = [...(audit.entries ?? [])].sort((a, b) => a.sequence - b.sequence);
  const verdict = verification.intact
    ? h('p', { class: 'verified ok', role: 'status' }, `Hash chain verified: ${verification.rowsChecked} entries intact.`)
    : h('div', { class: 'verified broken', role: 'alert' },
      h('strong', {}, `Hash chain broken: ${(verification.problems ?? []).length} problem(s) in ${verification.rowsChecked} entries.`),
      h('ul', {}, (verification.problems ?? []).map(p => h('li', {}, typeof p === 'string' ? p : JSON.stringify(p)))));

  return h('div', { class: 'audit' }, verdict,
    h('table', { class: 'data audit-trail' },
      h('caption', { class: 'sr-only' }, 'Audit trail'),
      h('thead', {}, h('tr', {}, ['#', 'Time', 'Event', 'Actor', 'Step', 'Details', 'Hash'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, entries.map(entry => h('tr', {},
        h('td', {}, entry.sequence),
        h('td', {}, time(entry.time)),
        h('td', {}, entry.eventType),
        h('td', {}, entry.actor),
        h('td', {}, entry.step ?? ''),
        h('td', {}, h('code', { class: 'details' }, entry.details ? JSON.stringify(entry.details) : '')),
        h('td', {}, h('code', { title: entry.hash }, (entry.hash ?? '').slice(0, 12))))))));
}
