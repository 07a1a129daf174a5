// The world map: the shipped land outline in an equirectangular projection, and one circle per place
// sized by its number of events. No tiles, nothing fetched from elsewhere.
import { h, s, empty } from '../dom.js';
import { placeLabels } from './labels.js';
import { zoomable } from './zoom.js';

export const WIDTH = 1000;
const NORTH = 84;
const SOUTH = -58;
export const HEIGHT = Math.round((WIDTH * (NORTH - SOUTH)) / 360);

export function project(lon, lat) {
  return [((lon + 180) / 360) * WIDTH, ((NORTH - lat) / (NORTH - SOUTH)) * HEIGHT];
}

function landPath(rings) {
  const parts = [];
  for (const ring of rings) {
    parts.push(ring.map(([lon, lat], i) => {
      const [x, y] = project(lon, Math.max(SOUTH, Math.min(NORTH, lat)));
      return `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
    }).join('') + 'Z');
  }
  return parts.join('');
}

// places: [{name, country, lat, lon, precision, n}] ; hrefOf(place) -> the events view of that place
export function worldMap(world, places, hrefOf) {
  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart map-chart', role: 'img',
    'aria-label': 'Map of the events by place' },
  s('title', {}, 'Events by place'),
  s('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: 'sea' }),
  s('path', { d: landPath(world.rings || []), class: 'land' }));
  if (!places.length) {
    return h('figure', { class: 'chart-box' }, svg, empty('No events of this filter have a place on the map.'));
  }
  const most = Math.max(...places.map((p) => p.n));
  const radius = (n) => 3 + 14 * Math.sqrt(n / most);
  const markers = s('g', { class: 'markers' });
  const items = [];
  // largest first, so the small circles are drawn on top and stay clickable
  for (const p of [...places].sort((a, b) => b.n - a.n)) {
    const [x, y] = project(p.lon, p.lat);
    const r = radius(p.n);
    const where = p.precision === 'city' ? p.name : `${p.name || p.country} (drawn at the capital)`;
    markers.append(s('a', { href: hrefOf(p), class: `marker p-${p.precision}`, 'data-place': p.name || p.country,
      'data-n': p.n },
    s('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1) }),
    s('title', {}, `${where}, ${p.country || ''}: ${p.n} event${p.n === 1 ? '' : 's'}`)));
    items.push({ x, y, r, text: `${p.name || p.country} ${p.n}`, priority: p.n });
  }
  const labels = s('g', { class: 'map-labels', 'aria-hidden': 'true' });
  const draw = (scale) => {
    // labels are placed for the current zoom: at scale k a label takes 1/k of the chart's space
    labels.replaceChildren();
    const scaled = items.map((it) => ({ ...it, x: it.x * scale, y: it.y * scale, r: it.r * scale }));
    for (const l of placeLabels(scaled, WIDTH * scale, HEIGHT * scale)) {
      labels.append(s('text', { x: (l.x / scale).toFixed(1), y: (l.y / scale).toFixed(1), 'text-anchor': l.anchor,
        'font-size': (11 / scale).toFixed(2), 'stroke-width': (3 / scale).toFixed(2) }, l.text));
    }
  };
  svg.append(markers, labels);
  const zoom = zoomable(svg, WIDTH, HEIGHT, { onZoom: draw });
  const legend = h('ul', { class: 'legend' },
    h('li', {}, h('span', { class: 'swatch p-city', 'aria-hidden': 'true' }), 'city'),
    h('li', {}, h('span', { class: 'swatch p-country', 'aria-hidden': 'true' }), 'country or province (at its capital)'));
  return h('figure', { class: 'chart-box map-box' }, zoom.controls, h('div', { class: 'chart-frame' }, svg), legend,
    h('figcaption', {}, 'Circle area: events at the place. Click a circle to list its events; scroll or use + and − to zoom, drag to pan.'));
}
