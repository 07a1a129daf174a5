// The map view: where the events of the current filter took place, as per-place counts on a world
// outline, and the same places as a list.
import { get } from '../api.js';
import { h, fill } from '../dom.js';
import { countryName, plural } from '../format.js';
import { pickFilters, route, withParam } from '../filters.js';
import { worldMap } from '../charts/worldmap.js';
import { filterNote } from './timeline.js';

function placeHref(filters, place) {
  // a city by its name; a place drawn at its country's capital by its name or the country code
  return route('events', withParam(filters, 'place', place.precision === 'city' ? place.name : (place.name || place.country)));
}

export async function mapView(root, { params }) {
  const filters = pickFilters(params);
  const [world, places] = await Promise.all([get('/api/world'), get('/api/places', filters)]);
  const hrefOf = (p) => placeHref(filters, p);
  const list = h('ol', { class: 'place-list' }, places.items.slice(0, 40).map((p) => h('li', {},
    h('a', { href: hrefOf(p) }, p.name || countryName(p.country)),
    p.country ? h('span', { class: 'muted', title: countryName(p.country) }, ` ${p.country}`) : null,
    h('span', { class: 'count' }, ` ${p.n}`))));
  fill(root, h('h1', {}, 'Map'), filterNote(params, 'map'),
    h('p', { class: 'muted' }, `${plural(places.total - places.unplaced, 'event')} at ${plural(places.items.length, 'place')}` +
      (places.unplaced ? `; ${plural(places.unplaced, 'event')} without a place on the map` : '') + '.'),
    worldMap(world, places.items, hrefOf),
    places.items.length ? [h('h2', {}, 'Places with the most events'), list] : null);
  return 'Map';
}
