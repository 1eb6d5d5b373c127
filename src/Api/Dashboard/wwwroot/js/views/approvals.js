// The signed-in approver's inbox. The approver is whoever the host says the caller is (GET /api/me); this page has
// no way to name anyone else, and decisions are sent without a name: the API takes it from the request.
import { api, durable } from '../api.js';
import { h, replace, time, relative, errorBox } from '../dom.js';
import { session, confirmAction, perform, may, needs } from '../ui.js';

const REFRESH_MS = 5000;

export async function approvalsView() {
  const me = session.me ?? await api.me();
  if (!me.signedIn) {
    const element = h('div', {}, h('h1', {}, 'Approvals'),
      h('p', { class: 'notice-box' }, 'The host does not say who you are, so there is no inbox to show. In Azure, sign in through App Service ',
        'authentication; locally, the host takes the caller from the ', h('code', {}, 'x-ms-client-principal-name'),
        ' header, which a signing-in proxy sets (docs/dashboard.md). The dashboard never lets you choose a name.'));
    return { element, title: 'Approvals' };
  }

  const container = h('div', { class: 'inbox' });
  async function load() {
    try {
      const pending = await api.approvals();
      const decisions = await Promise.all(pending.map(a => decisionsSoFar(a)));
      replace(container, pending.length === 0
        ? h('p', { class: 'empty' }, 'Nothing waits for your decision.')
        : pending.map((approval, i) => card(approval, decisions[i], me, load)));
    } catch (error) {
      replace(container, errorBox(error));
    }
  }

  await load();
  // New requests arrive while the page is open; refresh unless the user is writing a comment or confirming.
  const timer = setInterval(() => {
    const busy = document.getElementById('confirm').open || [...container.querySelectorAll('textarea')].some(t => t.value || t === document.activeElement);
    if (!document.hidden && !busy) load();
  }, REFRESH_MS);
  const element = h('div', {}, h('h1', {}, 'Approvals'),
    h('p', {}, `Decisions you make here are recorded as ${me.name}. The inbox refreshes every ${REFRESH_MS / 1000} s.`), container);
  return { element, title: 'Approvals', cleanup: () => clearInterval(timer) };
}

// What the other approvers decided: the decision events the instance received (its history shows them as soon as it
// has taken them in), and the audit trail's ApprovalDecided entries (written in batches, so they can lag).
async function decisionsSoFar(approval) {
  const [status, trail] = await Promise.all([durable.status(approval.instanceId).catch(() => null), api.audit(approval.instanceId).catch(() => null)]);
  const byApprover = new Map();
  for (const e of trail?.entries ?? []) {
    if (e.eventType === 'ApprovalDecided' && e.step === approval.stepId && e.details) {
      byApprover.set(e.actor, { approver: e.actor, approved: e.details.approved, comment: e.details.comment, at: e.details.decidedAt ?? e.time });
    }
  }
  for (const e of status?.historyEvents ?? []) {
    if (e.EventType === 'EventRaised' && e.Name === `approval:${approval.stepId}` && e.Input?.approver) {
      byApprover.set(e.Input.approver, { approver: e.Input.approver, approved: e.Input.approved, comment: e.Input.comment, at: e.Input.decidedAt ?? e.Timestamp });
    }
  }
  return [...byApprover.values()].sort((a, b) => new Date(a.at) - new Date(b.at));
}

function card(approval, decided, me, reload) {
  const mine = decided.find(e => e.approver === me.name);
  const comment = h('textarea', { id: `comment-${approval.instanceId}-${approval.stepId}`, rows: 2, name: 'comment' });
  const overdue = approval.dueAt && new Date(approval.dueAt) < new Date();

  const decide = approved => async () => {
    const verb = approved ? 'Approve' : 'Reject';
    const ok = await confirmAction({
      title: `${verb} “${approval.title}”?`,
      message: `You decide as ${me.name}. ${comment.value ? `Comment: “${comment.value}”.` : 'No comment.'} A decision cannot be changed.`,
      confirmLabel: verb, danger: !approved,
    });
    if (ok && await perform(() => api.decide(approval.instanceId, approval.stepId, approved, comment.value.trim()), `${approved ? 'Approved' : 'Rejected'}: ${approval.title}.`)) {
      await reload();
    }
  };

  const id = `approval-${approval.instanceId}-${approval.stepId}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return h('article', { class: 'approval', 'aria-labelledby': id, dataset: { instance: approval.instanceId, step: approval.stepId } },
    h('h2', { id }, approval.title),
    h('dl', { class: 'summary' },
      h('dt', {}, 'Instance'), h('dd', {}, h('a', { href: `#/instances/${encodeURIComponent(approval.instanceId)}` }, approval.instanceId), ` (${approval.workflow}, step ${approval.stepId})`),
      h('dt', {}, 'Requested'), h('dd', {}, time(approval.requestedAt)),
      h('dt', {}, 'Deadline'), h('dd', { class: overdue ? 'overdue' : '' }, time(approval.dueAt), approval.dueAt ? ` (${relative(approval.dueAt)})` : ''),
      h('dt', {}, 'Escalation level'), h('dd', {}, approval.level === 0 ? '0 (first approvers)' : `${approval.level} (escalated)`),
      h('dt', {}, 'Approvers'), h('dd', {}, (approval.approvers ?? []).join(', ')),
      h('dt', {}, 'Quorum'), h('dd', {}, `${approval.quorum} approval${approval.quorum === 1 ? '' : 's'} needed; ${approval.decisions} decision${approval.decisions === 1 ? '' : 's'} so far`)),
    h('section', { class: 'panel', 'aria-labelledby': `${id}-decisions` }, h('h3', { id: `${id}-decisions` }, 'Decisions so far'), decided.length === 0 ? h('p', { class: 'muted' }, 'None yet.') : h('ul', { class: 'decisions' }, decided.map(e =>
      h('li', {}, h('strong', {}, e.approver), ` ${e.approved ? 'approved' : 'rejected'}`, e.comment ? `: “${e.comment}”` : '', ' ', time(e.at))))),
    mine ? h('p', { class: 'muted' }, 'You have decided; the step waits for the others.') : h('div', { class: 'decide' },
      h('label', { for: comment.id }, 'Comment (optional)'), comment,
      h('div', { class: 'buttons' },
        h('button', { type: 'button', disabled: !may('approver'), title: may('approver') ? null : needs('approver'), onclick: decide(true) }, 'Approve'),
        h('button', { type: 'button', class: 'danger', disabled: !may('approver'), title: may('approver') ? null : needs('approver'), onclick: decide(false) }, 'Reject'))));
}
