// An audit trail in sequence order, with the result of verifying its hash chain.
import { api } from '../api.js';
import { h, replace, time, errorBox } from '../dom.js';

/** The audit page: one instance's trail, by id (also shown on each instance's page). */
export async function auditView(instanceId) {
  const input = h('input', { id: 'audit-id', name: 'instanceId', type: 'search', required: true, spellcheck: 'false' });
  input.value = instanceId ?? '';
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Audit trail of an instance' },
    h('div', { class: 'field' }, h('label', { for: 'audit-id' }, 'Instance id'), input),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, 'Show trail')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    window.location.hash = `#/audit/${encodeURIComponent(input.value.trim())}`;
  });

  if (instanceId) {
    try {
      const audit = await api.audit(instanceId);
      replace(result, h('p', {}, h('a', { href: `#/instances/${encodeURIComponent(instanceId)}` }, `Instance ${instanceId}`)), auditTable(audit));
    } catch (error) {
      replace(result, error.status === 404 ? h('p', { class: 'empty' }, `No audit trail for ${instanceId}.`) : errorBox(error));
    }
  }

  const element = h('div', {}, h('h1', {}, 'Audit trail'), form, result);
  return { element, title: instanceId ? `Audit of ${instanceId}` : 'Audit' };
}

export function auditTable(audit) {
  const verification = audit.verification ?? {};
  const entries = [...(audit.entries ?? [])].sort((a, b) => a.sequence - b.sequence);
  const verdict = verification.intact
    ? h('p', { class: 'verified ok', role: 'status' }, `Hash chain verified: ${verification.rowsChecked} entries intact.`)
    : h('div', { class: 'verified broken', role: 'alert' },
      h('strong', {}, `Hash chain broken: ${(verification.problems ?? []).length} problem(s) in ${verification.rowsChecked} entries.`),
      h('ul', {}, (verification.problems ?? []).map(p => h('li', {}, typeof p === 'string' ? p : `${p.kind ?? 'Problem'}: ${p.description ?? JSON.stringify(p)}`))));
  const broken = new Set((verification.problems ?? []).map(p => p?.sequence).filter(n => n !== undefined));

  return h('div', { class: 'audit' }, verdict,
    h('table', { class: 'data audit-trail' },
      h('caption', { class: 'sr-only' }, 'Audit trail'),
      h('thead', {}, h('tr', {}, ['#', 'Time', 'Event', 'Actor', 'Step', 'Details', 'Hash'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, entries.map(entry => h('tr', { class: broken.has(entry.sequence) ? 'broken' : null },
        h('td', {}, entry.sequence, broken.has(entry.sequence) ? h('span', { class: 'broken-mark' }, ' (fails verification)') : null),
        h('td', {}, time(entry.time)),
        h('td', {}, entry.eventType),
        h('td', {}, entry.actor),
        h('td', {}, entry.step ?? ''),
        h('td', {}, h('code', { class: 'details' }, entry.details ? JSON.stringify(entry.details) : '')),
        h('td', {}, h('code', { title: entry.hash }, (entry.hash ?? '').slice(0, 12))))))));
}
