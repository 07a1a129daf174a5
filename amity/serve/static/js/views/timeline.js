// The timeline: events per month by type, for the current filter. A bar opens the events it counts.
import { get } from '../api.js';
import { h, fill } from '../dom.js';
import { pickFilters, route, withParam } from '../filters.js';
import { timelineChart } from '../charts/timeline.js';

export function filterNote(params, view) {
  const filters = pickFilters(params);
  filters.delete('sort');
  const text = [...filters].map(([k, v]) => `${k}: ${v}`).join(' · ');
  return h('p', { class: 'muted filter-note' }, text ? `Filtered by ${text}. ` : 'All events. ',
    h('a', { href: route('events', filters) }, 'change the filter in the events view'),
    text ? [' · ', h('a', { href: `#/${view}` }, 'show all')] : '');
}

// the events view for one period (a month or a year) and type, within the current filter
export function periodHref(filters, period, type) {
  let next = withParam(withParam(filters, 'since', period), 'until', period);
  if (type) next = withParam(next, 'type', type);
  return route('events', next);
}

export async function timelineView(root, { params }) {
  const filters = pickFilters(params);
  const counts = await get('/api/timeline', filters);
  const inMonths = counts.months.reduce((a, r) => a + r.n, 0);
  const monthOnly = counts.months.filter((r) => r.precision === 'month').reduce((a, r) => a + r.n, 0);
  const inYears = counts.years.reduce((a, r) => a + r.n, 0);
  const parts = [`${(inMonths - monthOnly).toLocaleString('en')} events dated to the day`];
  if (monthOnly) parts.push(`${monthOnly.toLocaleString('en')} to the month only`);
  if (inYears) parts.push(`${inYears.toLocaleString('en')} to the year only`);
  if (counts.undated) parts.push(`${counts.undated.toLocaleString('en')} undated (not shown)`);
  fill(root, h('h1', {}, 'Timeline'), filterNote(params, 'timeline'),
    h('p', { class: 'timeline-summary' }, `${parts.join('; ')}. Click a bar to list its events.`),
    timelineChart(counts.months, { height: 320, years: counts.years,
      hrefFor: (month, type) => periodHref(filters, month, type),
      yearHref: (year) => periodHref(filters, year, null) }));
  return 'Timeline';
}
