// The country-pair matrix: how many events each pair of countries shares.
import { get } from '../api.js';
import { h, empty, fill } from '../dom.js';
import { countryName } from '../format.js';
import { pickFilters, route, withPair } from '../filters.js';
import { filterNote } from './timeline.js';

const MAX_COUNTRIES = 30;
const PHONE_COUNTRIES = 10; // what fits a phone's width without scrolling sideways

export async function matrixView(root, { params }) {
  const filters = pickFilters(params);
  const others = new URLSearchParams(filters);
  others.delete('country');
  const stats = await get('/api/stats', others);
  const totals = new Map();
  const cell = new Map();
  for (const { a, b, n } of stats.by_pair) {
    totals.set(a, (totals.get(a) || 0) + n);
    totals.set(b, (totals.get(b) || 0) + n);
    cell.set(`${a}|${b}`, n);
    cell.set(`${b}|${a}`, n);
  }
  const shown = window.matchMedia('(max-width: 760px)').matches ? PHONE_COUNTRIES : MAX_COUNTRIES;
  const codes = [...totals.entries()].sort((x, y) => y[1] - x[1]).slice(0, shown).map(([c]) => c);
  const most = Math.max(1, ...stats.by_pair.map((r) => r.n));
  const level = (n) => (n ? 1 + Math.min(5, Math.floor((5 * Math.log1p(n)) / Math.log1p(most))) : 0);
  const table = codes.length ? h('table', { class: 'matrix' },
    h('thead', {}, h('tr', {}, h('th', {}, ''), codes.map((c) => h('th', { scope: 'col', title: countryName(c) }, c)))),
    h('tbody', {}, codes.map((a) => h('tr', {},
      h('th', { scope: 'row', title: countryName(a) }, a),
      codes.map((b) => {
        const n = a === b ? 0 : (cell.get(`${a}|${b}`) || 0);
        if (!n) return h('td', { class: a === b ? 'diag' : 'lv0' }, '');
        return h('td', { class: `lv${level(n)}` },
          h('a', { href: route('events', withPair(others, a, b)), title: `${countryName(a)} – ${countryName(b)}: ${n}` }, n));
      }))))) : empty('No pairs of countries yet.');
  fill(root, h('h1', {}, 'Country pairs'), filterNote(others, 'matrix'),
    h('p', { class: 'muted' }, `Events shared by each pair of countries (top ${shown} countries). Click a cell to list them.`),
    h('div', { class: 'matrix-scroll' }, table));
  return 'Country pairs';
}
