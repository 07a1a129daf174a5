// Events per month, stacked by type, drawn as SVG.
import { h, s, empty } from '../dom.js';
import { EVENT_TYPES, capital } from '../format.js';

function monthIndex(month) {
  const [y, m] = month.split('-').map(Number);
  return y * 12 + (m - 1);
}

function monthName(index) {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

function niceMax(n) {
  if (n <= 5) return Math.max(n, 1);
  const step = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / step) * step;
}

export function timelineChart(byMonth, { height = 260, caption = 'Events per month by type' } = {}) {
  const rows = (byMonth || []).filter((r) => /^\d{4}-\d{2}$/.test(r.month));
  if (!rows.length) return empty('No dated events to chart.');
  const first = Math.min(...rows.map((r) => monthIndex(r.month)));
  const last = Math.max(...rows.map((r) => monthIndex(r.month)));
  const months = last - first + 1;
  const counts = new Map();
  for (const r of rows) {
    const key = monthIndex(r.month) - first;
    const slot = counts.get(key) || {};
    slot[r.type] = (slot[r.type] || 0) + r.n;
    counts.set(key, slot);
  }
  const totals = [...counts.values()].map((slot) => Object.values(slot).reduce((a, b) => a + b, 0));
  const top = niceMax(Math.max(...totals));
  const room = (document.getElementById('main') || document.body).clientWidth - 50;
  const width = Math.max(480, Math.min(1600, room), Math.min(4000, months * 14 + 70));
  const m = { left: 44, right: 12, top: 12, bottom: 34 };
  const innerW = width - m.left - m.right;
  const innerH = height - m.top - m.bottom;
  const band = innerW / months;
  const y = (v) => m.top + innerH - (v / top) * innerH;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, width, class: 'chart timeline-chart', role: 'img',
    'aria-label': caption, preserveAspectRatio: 'xMinYMin meet',
  }, s('title', {}, caption));
  for (let i = 0; i <= 4; i++) {
    const v = Math.round((top * i) / 4);
    svg.append(s('line', { x1: m.left, x2: width - m.right, y1: y(v), y2: y(v), class: 'grid' }),
      s('text', { x: m.left - 6, y: y(v) + 4, class: 'axis', 'text-anchor': 'end' }, v));
  }
  const labelEvery = Math.max(1, Math.ceil(months / 12));
  for (let i = 0; i < months; i++) {
    const x = m.left + i * band;
    const slot = counts.get(i);
    if (slot) {
      let base = 0;
      for (const type of EVENT_TYPES.concat(Object.keys(slot).filter((t) => !EVENT_TYPES.includes(t)))) {
        const n = slot[type] || 0;
        if (!n) continue;
        const bar = s('rect', {
          x: x + band * 0.1, width: Math.max(1, band * 0.8), y: y(base + n), height: y(base) - y(base + n),
          class: `bar t-${EVENT_TYPES.includes(type) ? type : 'other'}`, 'data-month': monthName(first + i),
        }, s('title', {}, `${monthName(first + i)} · ${type}: ${n}`));
        svg.append(bar);
        base += n;
      }
    }
    if (i % labelEvery === 0) {
      svg.append(s('text', { x: x + band / 2, y: height - m.bottom + 16, class: 'axis', 'text-anchor': 'middle' },
        monthName(first + i)));
    }
  }
  svg.append(s('line', { x1: m.left, x2: width - m.right, y1: y(0), y2: y(0), class: 'baseline' }));
  const legend = h('ul', { class: 'legend' }, EVENT_TYPES.map((t) => h('li', {},
    h('span', { class: `swatch t-${t}`, 'aria-hidden': 'true' }), capital(t))));
  return h('figure', { class: 'chart-box' }, h('div', { class: 'chart-scroll' }, svg), legend,
    h('figcaption', {}, caption));
}
