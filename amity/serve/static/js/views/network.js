// The network of people, organizations and countries that share events.
import { get } from '../api.js';
import { h, fill } from '../dom.js';
import { pickFilters, route } from '../filters.js';
import { networkChart } from '../charts/force.js';
import { filterNote } from './timeline.js';

function hrefOf(node) {
  if (node.kind === 'person') return `#/person/${node.ref}`;
  if (node.kind === 'org') return `#/org/${node.ref}`;
  return route('events', new URLSearchParams([['country', String(node.ref)]]));
}

export async function networkView(root, { params }) {
  const filters = pickFilters(params);
  filters.set('limit', '150');
  const graph = await get('/api/network', filters);
  fill(root, h('h1', {}, 'Network'), filterNote(params, 'network'),
    h('p', { class: 'muted' }, 'People, organizations and countries linked when they take part in the same event. ' +
      'Based on the most recent events of the filter.'),
    networkChart(graph, hrefOf));
  return 'Network';
}
