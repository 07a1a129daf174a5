// The timeline: events per month by type, for the current filter.
import { get } from '../api.js';
import { h, fill } from '../dom.js';
import { pickFilters, route } from '../filters.js';
import { timelineChart } from '../charts/timeline.js';

export function filterNote(params, view) {
  const filters = pickFilters(params);
  filters.delete('sort');
  const text = [...filters].map(([k, v]) => `${k}: ${v}`).join(' · ');
  return h('p', { class: 'muted filter-note' }, text ? `Filtered by ${text}. ` : 'All events. ',
    h('a', { href: route('events', filters) }, 'change the filter in the events view'),
    text ? [' · ', h('a', { href: `#/${view}` }, 'show all')] : '');
}

export async function timelineView(root, { params }) {
  const stats = await get('/api/stats', pickFilters(params));
  const total = stats.by_month.reduce((a, r) => a + r.n, 0);
  fill(root, h('h1', {}, 'Timeline'), filterNote(params, 'timeline'),
    h('p', {}, `${total.toLocaleString('en')} dated events (by month)`),
    timelineChart(stats.by_month, { height: 320 }));
  return 'Timeline';
}
