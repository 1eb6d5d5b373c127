// Element building without innerHTML: every value from the API lands as text, never as markup.

/** Creates an element: h('a', { href: '#/x', class: 'c' }, 'text', child, [more]). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name === 'style') element.style.cssText = value; // through the CSSOM: the CSP forbids style attributes
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Creates an SVG element. */
export function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of an element. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** Pretty JSON in a pre block (or a dash for nothing). */
export function json(value, label) {
  if (value === undefined || value === null) return h('p', { class: 'muted' }, 'none');
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return h('pre', { class: 'json', tabindex: '0', 'aria-label': label ?? 'JSON' }, text);
}

/** A date as the browser's locale shows it, with the ISO value as a tooltip. */
export function time(value, zone) {
  if (!value) return h('span', { class: 'muted' }, '—');
  const date = new Date(value);
  // dateStyle cannot be combined with timeZoneName, so a zoned time spells its fields out.
  const options = zone
    ? { timeZone: zone, timeZoneName: 'short', year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' }
    : { dateStyle: 'medium', timeStyle: 'medium' };
  const text = new Intl.DateTimeFormat(undefined, options).format(date);
  return h('time', { datetime: date.toISOString(), title: date.toISOString() }, text);
}

/** "in 3 h" / "5 min ago", relative to now. */
export function relative(value) {
  const seconds = (new Date(value).getTime() - Date.now()) / 1000;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const units = [['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'second') return format.format(Math.round(seconds / size), unit);
  }
  return '';
}

/** A duration in seconds, short. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '—';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 120) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds < 172800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

/** A runtime-status badge. */
export function statusBadge(status) {
  return h('span', { class: `badge status-${String(status ?? 'Unknown').toLowerCase()}` }, status ?? 'Unknown');
}

/** A section with a heading. */
export function section(title, ...children) {
  const id = `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** An error box for a failed call, with every located error the API gave. */
export function errorBox(error) {
  const box = h('div', { class: 'error', role: 'alert' },
    h('strong', {}, error.title ?? 'Error'), error.status ? ` (${error.status})` : '', ': ', error.detail ?? error.message ?? String(error));
  return box;
}
