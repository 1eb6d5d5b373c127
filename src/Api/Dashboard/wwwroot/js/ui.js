// Shared page furniture: the signed-in identity, notices, confirmations.
import { h, replace } from './dom.js';

/** Who the host says the caller is: { name, signedIn, roles } or null while unknown. */
export const session = { me: null };

/**
 * Whether the caller holds `role` (reader, author, operator, approver), as GET /api/me reports: admin holds every role
 * and any role reads. While the roles are unknown the action stays offered; the API checks every call anyway.
 */
export function may(role) {
  const roles = session.me?.roles;
  if (!Array.isArray(roles)) return true;
  return roles.includes('admin') || roles.includes(role) || (role === 'reader' && roles.length > 0);
}

/** The tooltip of an action the caller's roles do not allow. */
export const needs = role => `Needs the ${role} role (or admin); you hold ${session.me?.roles?.length ? session.me.roles.join(', ') : 'no role'}.`;

/** Shows a short notice in the live region. */
export function notify(text, kind = 'ok') {
  const toast = document.getElementById('toast');
  replace(toast, h('span', { class: `notice ${kind}` }, text));
}

/**
 * Asks before an action. `fields` are extra inputs ({ name, label, type, value, required, multiline }); resolves with
 * their values, or null when cancelled.
 */
export function confirmAction({ title, message, confirmLabel = 'Confirm', danger = false, fields = [] }) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-title').textContent = title;
  const ok = document.getElementById('confirm-ok');
  ok.textContent = confirmLabel;
  ok.className = danger ? 'danger' : '';
  const inputs = fields.map(field => {
    const id = `confirm-${field.name}`;
    const input = field.multiline
      ? h('textarea', { id, name: field.name, rows: 4, required: field.required })
      : h('input', { id, name: field.name, type: field.type ?? 'text', required: field.required, spellcheck: 'false' });
    input.value = field.value ?? '';
    return [field.name, input, h('div', { class: 'field' }, h('label', { for: id }, field.label), input)];
  });
  replace(document.getElementById('confirm-body'), h('p', {}, message), inputs.map(([, , row]) => row));
  return new Promise(resolve => {
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok' ? Object.fromEntries(inputs.map(([name, input]) => [name, input.value])) : null);
    }, { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
}

/** Runs an action and tells how it went; answers whether it succeeded. */
export async function perform(action, success) {
  try {
    await action();
    notify(success, 'ok');
    return true;
  } catch (error) {
    notify(`${error.title ?? 'Error'}${error.status ? ` (${error.status})` : ''}: ${error.detail ?? error.message}`, 'fail');
    return false;
  }
}

