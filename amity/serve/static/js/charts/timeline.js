// Events per month (per year when the dates span more than ten years), stacked by type, drawn as SVG.
// Axis ticks are whole numbers. Each bar may link to the events it counts (hrefFor). By month, events
// dated to the month only are drawn hatched and events dated to the year only get a band across their
// year under the axis; by year, every event has its bar.
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

// a whole-number step giving at most `most` ticks up to `max`: 1, 2, 5, 10, 20, 50...
export function tickStep(max, most = 5) {
  const raw = Math.max(1, max / most);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

function typeClass(type) {
  return `t-${EVENT_TYPES.includes(type) ? type : 'other'}`;
}

function link(hrefFor, args, child) {
  const href = hrefFor ? hrefFor(...args) : null;
  return href ? s('a', { href, class: 'bar-link' }, child) : child;
}

// the periods the chart counts in: months, or years when the dates span more than MAX_MONTHS
const MAX_MONTHS = 120;

function counter(rows, yearRows, yearly) {
  const counts = new Map(); // period index -> {type: {day, month, year}}
  const add = (index, type, part, n) => {
    const slot = counts.get(index) || {};
    slot[type] = slot[type] || { day: 0, month: 0, year: 0 };
    slot[type][part] += n;
    counts.set(index, slot);
  };
  for (const r of rows) {
    const i = monthIndex(r.month);
    add(yearly ? Math.floor(i / 12) : i, r.type, r.precision === 'month' ? 'month' : 'day', r.n);
  }
  if (yearly) for (const r of yearRows) add(Number(r.year), r.type, 'year', r.n);
  return counts;
}

const PRECISION_NOTE = { day: '', month: ' (dated to the month only)', year: ' (dated to the year only)' };

// byMonth: [{month, type, n, precision?}] ; years: [{year, type, n}] (dated by year only)
export function timelineChart(byMonth, { height = 260, caption = 'Events per month by type', years = [],
  hrefFor = null, yearHref = null } = {}) {
  const rows = (byMonth || []).filter((r) => /^\d{4}-\d{2}$/.test(r.month));
  const yearRows = (years || []).filter((r) => /^\d{4}$/.test(r.year));
  if (!rows.length && !yearRows.length) return empty('No dated events to chart.');
  const indexes = rows.map((r) => monthIndex(r.month))
    .concat(yearRows.flatMap((r) => [Number(r.year) * 12, Number(r.year) * 12 + 11]));
  const yearly = Math.max(...indexes) - Math.min(...indexes) + 1 > MAX_MONTHS;
  const first = yearly ? Math.floor(Math.min(...indexes) / 12) : Math.min(...indexes);
  const last = yearly ? Math.floor(Math.max(...indexes) / 12) : Math.max(...indexes);
  const periods = last - first + 1;
  const periodName = (i) => (yearly ? String(i) : monthName(i));
  const counts = counter(rows, yearRows, yearly);
  const totals = [...counts.values()].map((slot) => Object.values(slot).reduce((a, b) => a + b.day + b.month + b.year, 0));
  const step = tickStep(Math.max(1, ...totals));
  const top = Math.max(step, Math.ceil(Math.max(1, ...totals) / step) * step);
  const byYear = new Map();
  if (!yearly) for (const r of yearRows) byYear.set(r.year, (byYear.get(r.year) || 0) + r.n);
  const room = (document.getElementById('main') || document.body).clientWidth - 50;
  const width = Math.max(320, Math.min(1600, room), Math.min(4000, periods * 14 + 70));
  const yearBand = byYear.size ? 26 : 0;
  const m = { left: 40, right: 12, top: 12, bottom: 34 + yearBand };
  const innerW = width - m.left - m.right;
  const innerH = height - m.top - m.bottom;
  const band = innerW / periods;
  const y = (v) => m.top + innerH - (v / top) * innerH;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, width, class: `chart timeline-chart${yearly ? ' by-year' : ''}`, role: 'img',
    'aria-label': caption, preserveAspectRatio: 'xMinYMin meet',
  }, s('title', {}, caption),
  s('defs', {}, s('pattern', { id: 'month-only', width: 6, height: 6, patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)' }, s('rect', { width: 3, height: 6, class: 'hatch' }))));
  for (let v = 0; v <= top; v += step) {
    svg.append(s('line', { x1: m.left, x2: width - m.right, y1: y(v), y2: y(v), class: 'grid' }),
      s('text', { x: m.left - 6, y: y(v) + 4, class: 'axis tick', 'text-anchor': 'end' }, v));
  }
  // period labels: as many as fit (about 60px each); by month, on January when more than a year is shown
  const fit = Math.max(1, Math.ceil(60 / band));
  const steps = yearly ? [1, 2, 5, 10, 20, 50, 100] : [1, 2, 3, 6, 12, 24, 60, 120];
  const labelEvery = (!yearly && periods <= 12) ? fit : steps.find((k) => k >= fit) || fit;
  for (let i = 0; i < periods; i++) {
    const x = m.left + i * band;
    const period = periodName(first + i);
    const slot = counts.get(first + i);
    if (slot) {
      let base = 0;
      for (const type of EVENT_TYPES.concat(Object.keys(slot).filter((t) => !EVENT_TYPES.includes(t)))) {
        const part = slot[type];
        if (!part) continue;
        for (const precision of ['day', 'month', 'year']) {
          const n = part[precision];
          if (!n) continue;
          const hatched = precision === 'month' && !yearly;
          const bar = s('rect', {
            x: x + band * 0.1, width: Math.max(1, band * 0.8), y: y(base + n), height: y(base) - y(base + n),
            class: `bar ${typeClass(type)}${hatched ? ' month-only' : ''}`,
            'data-month': yearly ? null : period, 'data-year': yearly ? period : null, 'data-type': type, 'data-n': n,
          }, s('title', {}, `${period} · ${type}: ${n}${PRECISION_NOTE[precision]}`));
          svg.append(link(hrefFor, [period, type], bar));
          if (hatched) {
            svg.append(s('rect', { x: x + band * 0.1, width: Math.max(1, band * 0.8), y: y(base + n),
              height: y(base) - y(base + n), class: 'hatch-over', 'pointer-events': 'none' }));
          }
          base += n;
        }
      }
    }
    if ((first + i) % labelEvery === 0 || (i === 0 && labelEvery === 1)) {
      svg.append(s('text', { x: x + band / 2, y: height - m.bottom + 16, class: 'axis', 'text-anchor': 'middle' },
        !yearly && labelEvery >= 12 ? period.slice(0, 4) : period));
    }
  }
  for (const [year, n] of byYear) {
    const x0 = m.left + (Number(year) * 12 - first) * band;
    const rect = s('rect', { x: x0 + 1, width: Math.max(2, band * 12 - 2), y: height - yearBand - 4, height: 16,
      class: 'year-band', 'data-year': year, 'data-n': n },
    s('title', {}, `${year}: ${n} event${n === 1 ? '' : 's'} dated to the year only`));
    svg.append(link(yearHref, [year], rect),
      s('text', { x: x0 + 4, y: height - yearBand + 8, class: 'axis year-label', 'pointer-events': 'none' },
        `${year}: ${n} by year only`));
  }
  svg.append(s('line', { x1: m.left, x2: width - m.right, y1: y(0), y2: y(0), class: 'baseline' }));
  const legend = h('ul', { class: 'legend' }, EVENT_TYPES.map((t) => h('li', {},
    h('span', { class: `swatch t-${t}`, 'aria-hidden': 'true' }), capital(t))),
  yearly ? null : h('li', {}, h('span', { class: 'swatch month-only-swatch', 'aria-hidden': 'true' }), 'dated to the month only'),
  byYear.size ? h('li', {}, h('span', { class: 'swatch year-swatch', 'aria-hidden': 'true' }), 'dated to the year only') : null);
  return h('figure', { class: 'chart-box' }, h('div', { class: 'chart-scroll' }, svg), legend,
    h('figcaption', {}, yearly ? caption.replace('per month', 'per year') + ' (by year: the dates span more than ten years)' : caption));
}
