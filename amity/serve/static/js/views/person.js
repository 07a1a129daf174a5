// One person: titles and affiliations over time, events, co-participants.
import { get } from '../api.js';
import { h, s, empty, fill } from '../dom.js';
import { countryName } from '../format.js';
import { route } from '../filters.js';
import { timelineChart } from '../charts/timeline.js';
import { eventList } from './events.js';

function year(date) {
  return date ? Number(date.slice(0, 4)) + (date.length >= 7 ? (Number(date.slice(5, 7)) - 1) / 12 : 0) : null;
}

// horizontal bars, one per title/affiliation, from first to last seen; labels on the left
export function affiliationChart(rows) {
  const dated = rows.filter((r) => r.first_seen || r.last_seen);
  if (!dated.length) return null;
  const lo = Math.floor(Math.min(...dated.map((r) => year(r.first_seen || r.last_seen))));
  const hi = Math.floor(Math.max(...dated.map((r) => year(r.last_seen || r.first_seen)))) + 1;
  const width = 760;
  const labelW = 300;
  const rowH = 28;
  const x = (v) => labelW + 10 + ((v - lo) / Math.max(1, hi - lo)) * (width - labelW - 30);
  const height = dated.length * rowH + 26;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, class: 'chart affiliation-chart', role: 'img',
    'aria-label': 'Titles and affiliations over time' });
  for (let yv = lo; yv <= hi; yv++) {
    svg.append(s('line', { x1: x(yv), x2: x(yv), y1: 0, y2: height - 20, class: 'grid' }),
      s('text', { x: x(yv), y: height - 5, class: 'axis', 'text-anchor': 'middle' }, yv));
  }
  dated.forEach((r, i) => {
    const a = year(r.first_seen || r.last_seen);
    const b = Math.max(year(r.last_seen || r.first_seen), a) + 1 / 12;
    const label = [r.title, r.organization].filter(Boolean).join(', ') || 'unknown';
    const short = label.length > 44 ? `${label.slice(0, 43)}…` : label;
    const tip = `${label}: ${r.first_seen || '?'} – ${r.last_seen || '?'}`;
    svg.append(s('text', { x: 0, y: i * rowH + 20, class: 'span-label' }, short, s('title', {}, tip)),
      s('rect', { x: x(a), y: i * rowH + 6, width: Math.max(6, x(b) - x(a)), height: rowH - 10, rx: 3,
        class: 'span-bar' }, s('title', {}, tip)));
  });
  return h('figure', { class: 'chart-box' }, h('div', { class: 'chart-scroll' }, svg));
}

function affiliationTable(rows) {
  if (!rows.length) return empty('No titles or affiliations recorded.');
  return h('table', { class: 'table' },
    h('thead', {}, h('tr', {}, ['Title', 'Organization', 'First seen', 'Last seen'].map((t) => h('th', {}, t)))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      h('td', {}, r.title || ''),
      h('td', {}, r.organization_id ? h('a', { href: `#/org/${r.organization_id}` }, r.organization || '') : (r.organization || '')),
      h('td', {}, r.first_seen || ''), h('td', {}, r.last_seen || '')))));
}

export async function personView(root, { id }) {
  const p = await get(`/api/people/${encodeURIComponent(id)}`);
  const stats = await get('/api/stats', { person: p.id });
  const affs = (p.affiliations || []).slice().sort((a, b) => String(a.first_seen || '').localeCompare(String(b.first_seen || '')));
  fill(root, 
    h('p', { class: 'crumbs' }, h('a', { href: '#/people' }, '← people')),
    h('h1', { class: 'person-name' }, p.name || 'Unnamed person'),
    h('p', { class: 'lead' }, [p.title, p.organization].filter(Boolean).join(', '),
      p.country ? ` · ${countryName(p.country)}` : ''),
    p.aliases && p.aliases.length ? h('p', { class: 'muted' }, 'Also written: ', p.aliases.join('; ')) : null,
    h('h2', {}, 'Titles and affiliations over time'),
    affiliationChart(affs), affiliationTable(affs),
    h('h2', {}, 'Events per month'),
    timelineChart(stats.by_month, { height: 200, caption: `Events of ${p.name || 'this person'} per month` }),
    h('h2', {}, `Events (${(p.events || []).length})`),
    h('p', {}, h('a', { href: route('events', new URLSearchParams([['person', String(p.id)]])) }, 'open in the events view')),
    eventList(p.events || []),
    h('h2', {}, 'Co-participants'),
    (p.co_participants || []).length
      ? h('ul', { class: 'plain co-participants' }, p.co_participants.map((c) => h('li', {},
        h('a', { href: `#/person/${c.id}` }, c.name || 'unnamed'), ` · ${c.n_shared} shared`)))
      : empty('Nobody else named in these events.'));
  return p.name || 'Person';
}
