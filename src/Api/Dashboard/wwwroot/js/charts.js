// Horizontal bar charts in SVG, each with its numbers in words for screen readers.
import { h, s } from './dom.js';

const ROW = 26;
const LABEL = 200;
const WIDTH = 640;

/** A bar chart: items are { label, value, text, tone }; `max` fixes the scale (else the largest value). */
export function barChart(title, items, { max, describe } = {}) {
  const top = max ?? Math.max(1e-9, ...items.map(i => i.value ?? 0));
  const plot = WIDTH - LABEL - 190;
  const height = Math.max(ROW, items.length * ROW) + 4;
  const summary = items.map(i => `${i.label}: ${i.text}`).join('; ');
  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: '100%', role: 'img', 'aria-label': `${title}. ${summary || 'no data'}`, class: 'chart' },
    items.map((item, index) => {
      const y = index * ROW + 2;
      const width = Math.max(item.value > 0 ? 2 : 0, ((item.value ?? 0) / top) * plot);
      return s('g', {},
        s('text', { x: LABEL - 8, y: y + ROW / 2 + 4, 'text-anchor': 'end', class: 'chart-label' }, truncate(item.label, 30)),
        s('rect', { x: LABEL, y: y + 4, width: plot, height: ROW - 8, class: 'chart-track' }),
        s('rect', { x: LABEL, y: y + 4, width, height: ROW - 8, class: `chart-bar tone-${item.tone ?? 'normal'}` }),
        s('text', { x: LABEL + plot + 6, y: y + ROW / 2 + 4, class: 'chart-value' }, item.text));
    }));
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, title), describe ? h('p', { class: 'muted small' }, describe) : null,
    items.length ? svg : h('p', { class: 'muted' }, 'No data yet.'));
}

function truncate(text, length) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
