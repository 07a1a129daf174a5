// The network of people, organizations and countries that share events, capped at the nodes in most
// events with a "show more" that raises the cap.
import { get } from '../api.js';
import { h, fill } from '../dom.js';
import { pickFilters, route } from '../filters.js';
import { networkChart } from '../charts/force.js';
import { filterNote } from './timeline.js';

export const FIRST_NODES = 60;
const MORE = 60;
const MAX_NODES = 400;

function hrefOf(node) {
  if (node.kind === 'person') return `#/person/${node.ref}`;
  if (node.kind === 'org') return `#/org/${node.ref}`;
  return route('events', new URLSearchParams([['country', String(node.ref)]]));
}

export async function networkView(root, { params }) {
  const filters = pickFilters(params);
  const cap = Math.min(MAX_NODES, Math.max(2, parseInt(params.get('nodes') || '', 10) || FIRST_NODES));
  const query = new URLSearchParams(filters);
  query.set('limit', '150');
  query.set('nodes', String(cap));
  const graph = await get('/api/network', query);
  const more = new URLSearchParams(filters);
  more.set('nodes', String(Math.min(MAX_NODES, cap + MORE)));
  const hidden = (graph.n_nodes || 0) - (graph.nodes || []).length;
  fill(root, h('h1', {}, 'Network'), filterNote(params, 'network'),
    h('p', { class: 'muted' }, 'People, organizations and countries linked when they take part in the same event. ' +
      'Based on the most recent events of the filter; the nodes in most events are shown first.'),
    networkChart(graph, hrefOf),
    hidden > 0 && cap < MAX_NODES
      ? h('p', {}, h('a', { href: route('network', more), class: 'button show-more' },
        `Show ${Math.min(MORE, hidden)} more`), h('span', { class: 'muted' }, ` · ${hidden} not shown`))
      : null);
  return 'Network';
}
