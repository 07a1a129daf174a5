// One organization: its people over time and its events.
import { get } from '../api.js';
import { h, empty, fill } from '../dom.js';
import { countryName } from '../format.js';
import { route } from '../filters.js';
import { timelineChart } from '../charts/timeline.js';
import { eventList } from './events.js';

export async function orgView(root, { id }) {
  const o = await get(`/api/orgs/${encodeURIComponent(id)}`);
  const stats = await get('/api/stats', { org: o.id });
  const people = o.people || [];
  fill(root, 
    h('p', { class: 'crumbs' }, h('a', { href: '#/orgs' }, '← organizations')),
    h('h1', { class: 'org-name' }, o.name, o.acronym ? h('span', { class: 'muted' }, ` (${o.acronym})`) : null),
    h('p', { class: 'lead' }, o.country ? countryName(o.country) : 'country unknown',
      ` · ${o.n_events} events · ${o.n_people} people`),
    o.aliases && o.aliases.length ? h('p', { class: 'muted' }, 'Also written: ', o.aliases.join('; ')) : null,
    h('h2', {}, 'Events per month'),
    timelineChart(stats.by_month, { height: 200, caption: `Events of ${o.name} per month` }),
    h('h2', {}, `People (${people.length})`),
    people.length ? h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, ['Name', 'Title', 'First seen', 'Last seen'].map((t) => h('th', {}, t)))),
      h('tbody', {}, people.map((p) => h('tr', {},
        h('td', {}, h('a', { href: `#/person/${p.id}` }, p.name || 'unnamed')),
        h('td', {}, p.title || ''), h('td', {}, p.first_seen || ''), h('td', {}, p.last_seen || '')))))
      : empty('No people recorded.'),
    h('h2', {}, `Events (${(o.events || []).length})`),
    h('p', {}, h('a', { href: route('events', new URLSearchParams([['org', String(o.id)]])) }, 'open in the events view')),
    eventList(o.events || []));
  return o.name;
}
