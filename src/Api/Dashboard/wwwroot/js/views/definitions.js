// Definitions: the list, one workflow's versions with its step graph, activation (roll back or forward), and
// publishing pasted or uploaded JSON/YAML with every validation error shown where it is in the text.
import { api } from '../api.js';
import { h, replace, json, time, section, errorBox } from '../dom.js';
import { confirmAction, perform, notify, may, needs } from '../ui.js';
import { stepGraph } from '../graph.js';

export async function definitionsView() {
  const list = await api.definitions();
  const element = h('div', {},
    h('h1', {}, 'Definitions'),
    may('author') ? h('div', { class: 'toolbar' }, h('a', { class: 'button', href: '#/definitions/publish' }, 'Publish a definition')) : null,
    list.length === 0 ? h('p', { class: 'empty' }, 'Nothing published yet.') : h('table', { class: 'data' },
      h('caption', { class: 'sr-only' }, 'Published workflows'),
      h('thead', {}, h('tr', {}, ['Workflow', 'Active version', 'Latest version', 'Changed', 'Changed by'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, list.map(d => h('tr', {},
        h('td', {}, h('a', { href: `#/definitions/${encodeURIComponent(d.name)}` }, d.name)),
        h('td', {}, d.activeVersion),
        h('td', {}, d.latestVersion),
        h('td', {}, time(d.changedAt)),
        h('td', {}, d.changedBy ?? ''))))));
  return { element, title: 'Definitions' };
}

export async function definitionView(name, version) {
  const [versions, current] = await Promise.all([api.versions(name), api.definition(name, version)]);
  const definition = typeof current.definition === 'string' ? JSON.parse(current.definition) : current.definition;
  const element = h('div', {},
    h('p', { class: 'crumbs' }, h('a', { href: '#/definitions' }, 'Definitions'), ' / ', name),
    h('h1', {}, `${name} v${current.version}`, current.active ? h('span', { class: 'badge status-completed' }, 'active') : null),
    definition?.description ? h('p', {}, definition.description) : null,
    h('dl', { class: 'summary' },
      h('dt', {}, 'Content hash'), h('dd', {}, h('code', {}, current.contentHash)),
      h('dt', {}, 'Published'), h('dd', {}, time(current.publishedAt), ` by ${current.publishedBy ?? 'unknown'}`)),
    section('Versions', versionsTable(name, versions, current.version)),
    section('Step graph', stepGraph(definition)),
    section('Definition', json(definition, 'Definition JSON')));
  return { element, title: `${name} v${current.version}` };
}

function versionsTable(name, versions, shown) {
  return h('table', { class: 'data' },
    h('caption', { class: 'sr-only' }, `Versions of ${name}`),
    h('thead', {}, h('tr', {}, ['Version', 'Published', 'By', 'Hash', 'State', ''].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, [...versions.versions].sort((a, b) => b.version - a.version).map(v => h('tr', { class: v.version === shown ? 'selected' : '' },
      h('td', {}, h('a', { href: `#/definitions/${encodeURIComponent(name)}/${v.version}`, 'aria-current': v.version === shown ? 'true' : null }, `v${v.version}`)),
      h('td', {}, time(v.publishedAt)),
      h('td', {}, v.publishedBy ?? ''),
      h('td', {}, h('code', {}, (v.contentHash ?? '').replace('sha256:', '').slice(0, 12))),
      h('td', {}, v.active ? h('span', { class: 'badge status-completed' }, 'active') : ''),
      h('td', {}, v.active ? '' : h('button', {
        type: 'button', class: 'secondary', disabled: !may('author'), title: may('author') ? null : needs('author'),
        onclick: async () => {
          const back = v.version < versions.activeVersion;
          const ok = await confirmAction({
            title: `${back ? 'Roll back' : 'Activate'} ${name} to v${v.version}?`,
            message: `New instances will start with v${v.version} instead of v${versions.activeVersion}. Running instances keep the version they started with.`,
            confirmLabel: back ? 'Roll back' : 'Activate',
          });
          if (ok && await perform(() => api.activate(name, v.version), `${name} v${v.version} is active.`)) {
            window.dispatchEvent(new HashChangeEvent('hashchange'));
          }
        },
      }, v.version < versions.activeVersion ? `Roll back to v${v.version}` : `Activate v${v.version}`))))));
}

export async function publishView() {
  const text = h('textarea', { id: 'definition-text', name: 'definition', rows: 22, spellcheck: 'false', class: 'code', required: true });
  const format = h('select', { id: 'definition-format', name: 'format' },
    h('option', { value: 'auto' }, 'detect'), h('option', { value: 'json' }, 'JSON'), h('option', { value: 'yaml' }, 'YAML'));
  const file = h('input', { id: 'definition-file', type: 'file', accept: '.json,.yaml,.yml,application/json,application/yaml' });
  const result = h('div', { id: 'publish-result', 'aria-live': 'polite' });

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    text.value = await chosen.text();
    format.value = /\.ya?ml$/i.test(chosen.name) ? 'yaml' : /\.json$/i.test(chosen.name) ? 'json' : 'auto';
    notify(`Loaded ${chosen.name}.`);
  });

  const form = h('form', { class: 'publish' },
    h('div', { class: 'field' }, h('label', { for: 'definition-file' }, 'Upload a file'), file),
    h('div', { class: 'field' }, h('label', { for: 'definition-format' }, 'Format'), format),
    h('div', { class: 'field wide' }, h('label', { for: 'definition-text' }, 'Definition (JSON or YAML)'), text),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, 'Publish')));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const source = text.value;
    const yaml = format.value === 'yaml' || (format.value === 'auto' && !/^\s*[{[]/.test(source));
    replace(result, h('p', { class: 'muted' }, 'Publishing…'));
    try {
      const response = await api.publish(source, yaml);
      const published = response.body;
      replace(result, h('p', { class: 'verified ok', role: 'status' },
        response.status === 201 ? 'Published ' : 'Already published (identical content): ',
        h('a', { href: `#/definitions/${encodeURIComponent(published.name)}/${published.version}` }, `${published.name} v${published.version}`),
        '.'));
    } catch (error) {
      replace(result, located(error, source, text));
    }
  });

  const element = h('div', {},
    h('p', { class: 'crumbs' }, h('a', { href: '#/definitions' }, 'Definitions'), ' / publish'),
    h('h1', {}, 'Publish a definition'),
    h('p', {}, 'Paste or upload a workflow definition. Publishing needs the author role; a new version becomes active at once.'),
    may('author') ? null : h('p', { class: 'notice-box' }, `${needs('author')} The host will refuse to publish.`),
    form, result);
  return { element, title: 'Publish a definition' };
}

// Every error of a refused publish: a list (each entry jumps to its place in the editor) and the source with the
// errors written under the lines they point at.
function located(error, source, editor) {
  if (!error.errors?.length) return errorBox(error);
  const errors = [...error.errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const lines = source.split('\n');
  const byLine = new Map();
  for (const e of errors) {
    if (!e.line) continue;
    if (!byLine.has(e.line)) byLine.set(e.line, []);
    byLine.get(e.line).push(e);
  }

  const jump = e => () => {
    const offset = lines.slice(0, e.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + Math.max(0, (e.column ?? 1) - 1);
    editor.focus();
    editor.setSelectionRange(offset, Math.min(source.length, offset + 1));
  };

  return h('div', { class: 'validation', role: 'alert' },
    h('h2', {}, `${error.title}: ${errors.length} problem${errors.length === 1 ? '' : 's'}`),
    h('ol', { class: 'problems' }, errors.map(e => h('li', { class: 'problem', dataset: { code: e.code, line: e.line ?? '' } },
      e.line ? h('button', { type: 'button', class: 'link', onclick: jump(e) }, `line ${e.line}, column ${e.column}`) : h('span', {}, 'document'),
      ' ', h('code', {}, e.path), ' ', h('span', { class: 'code-tag' }, e.code), ': ', e.message))),
    h('div', { class: 'source', role: 'region', 'aria-label': 'Source with problems marked', tabindex: '0' },
      lines.map((line, i) => {
        const here = byLine.get(i + 1);
        return [
          h('div', { class: `source-line${here ? ' has-problem' : ''}` }, h('span', { class: 'ln', 'aria-hidden': 'true' }, String(i + 1)), h('span', { class: 'text' }, line || ' ')),
          (here ?? []).map(e => h('div', { class: 'source-problem' },
            h('span', { class: 'ln', 'aria-hidden': 'true' }), h('span', { class: 'caret' }, `${' '.repeat(Math.max(0, (e.column ?? 1) - 1))}^ ${e.code}: ${e.message}`))),
        ];
      })));
}
