// A small force-directed layout (repulsion, springs, gravity), run to rest, then drawn as SVG.
import { h, s, empty } from '../dom.js';
import { placeLabels } from './labels.js';
import { zoomable } from './zoom.js';

export function layout(nodes, links, width, height, iterations = 300) {
  const n = nodes.length;
  const pos = nodes.map((_, i) => {
    const angle = i * 2.399963; // golden angle: an even, deterministic spiral start
    const r = 12 * Math.sqrt(i + 1);
    return { x: width / 2 + r * Math.cos(angle), y: height / 2 + r * Math.sin(angle) };
  });
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const edges = links.map((l) => [index.get(l.source), index.get(l.target), l.n])
    .filter(([a, b]) => a !== undefined && b !== undefined);
  const k = Math.sqrt((width * height) / Math.max(1, n)) * 0.55;
  let temperature = width / 8;
  for (let it = 0; it < iterations; it++) {
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ex = pos[i].x - pos[j].x;
        let ey = pos[i].y - pos[j].y;
        let d2 = ex * ex + ey * ey;
        if (d2 < 0.01) { ex = 0.1 * (i - j); ey = 0.1; d2 = ex * ex + ey * ey; }
        const f = (k * k) / d2;
        dx[i] += ex * f; dy[i] += ey * f; dx[j] -= ex * f; dy[j] -= ey * f;
      }
    }
    for (const [a, b, w] of edges) {
      const ex = pos[a].x - pos[b].x;
      const ey = pos[a].y - pos[b].y;
      const d = Math.sqrt(ex * ex + ey * ey) || 0.01;
      const f = (d / k) * Math.min(3, 1 + Math.log(w));
      dx[a] -= ex * f; dy[a] -= ey * f; dx[b] += ex * f; dy[b] += ey * f;
    }
    for (let i = 0; i < n; i++) {
      dx[i] += (width / 2 - pos[i].x) * 0.05 * (k / 10);
      dy[i] += (height / 2 - pos[i].y) * 0.05 * (k / 10);
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
      const step = Math.min(d, temperature);
      pos[i].x = Math.max(20, Math.min(width - 20, pos[i].x + (dx[i] / d) * step));
      pos[i].y = Math.max(20, Math.min(height - 20, pos[i].y + (dy[i] / d) * step));
    }
    temperature = Math.max(0.5, temperature * 0.985);
  }
  return pos;
}

const KIND_LABEL = { person: 'person', org: 'organization', country: 'country' };

// graph: {nodes, links, events, total, n_nodes}; hrefOf(node) -> its page
export function networkChart(graph, hrefOf) {
  const nodes = graph.nodes || [];
  if (!nodes.length) return empty('No people, organizations or countries to link.');
  const width = 900;
  const height = 620;
  const pos = layout(nodes, graph.links || [], width, height);
  const at = new Map(nodes.map((node, i) => [node.id, pos[i]]));
  const most = Math.max(...nodes.map((node) => node.n));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart network-chart', role: 'img',
    'aria-label': 'Network of people, organizations and countries linked by shared events' });
  const edgeLayer = s('g', { class: 'links' });
  for (const l of graph.links || []) {
    const a = at.get(l.source);
    const b = at.get(l.target);
    if (!a || !b) continue;
    edgeLayer.append(s('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: 'link',
      'data-source': l.source, 'data-target': l.target, 'stroke-width': Math.min(6, 0.6 + Math.log2(1 + l.n)) }));
  }
  const nodeLayer = s('g', { class: 'nodes' });
  const items = [];
  const elements = new Map();
  nodes.forEach((node, i) => {
    const r = 4 + 10 * Math.sqrt(node.n / most);
    const el = s('a', { href: hrefOf(node), class: `node k-${node.kind}`, 'data-id': node.id, 'data-label': node.label },
      s('circle', { cx: pos[i].x, cy: pos[i].y, r }),
      s('title', {}, `${node.label} (${KIND_LABEL[node.kind] || node.kind}) · ${node.n} events`));
    elements.set(node.id, el);
    nodeLayer.append(el);
    // countries first, then the nodes in most events
    items.push({ x: pos[i].x, y: pos[i].y, r, text: node.label, id: node.id,
      priority: node.n + (node.kind === 'country' ? most + 1 : 0) });
  });
  const labelLayer = s('g', { class: 'labels', 'aria-hidden': 'true' });
  let marked = null;
  const drawLabels = (scale) => {
    labelLayer.replaceChildren();
    const scaled = items.map((it) => ({ ...it, x: it.x * scale, y: it.y * scale, r: it.r * scale,
      priority: it.priority + (marked && marked.has(it.id) ? 1e9 : 0) }));
    for (const l of placeLabels(scaled, width * scale, height * scale, { maxChars: 24 })) {
      labelLayer.append(s('text', { x: l.x / scale, y: l.y / scale, 'text-anchor': l.anchor, 'data-for': l.item.id,
        'font-size': (11 / scale).toFixed(2), 'stroke-width': (3 / scale).toFixed(2) }, l.text));
    }
  };
  svg.append(edgeLayer, nodeLayer, labelLayer);
  let scaleNow = 1;
  const zoom = zoomable(svg, width, height, { onZoom: (k) => { scaleNow = k; drawLabels(k); } });
  const search = h('input', { type: 'search', class: 'network-search', placeholder: 'Find a name…',
    'aria-label': 'Find a person, organization or country in the network' });
  const found = h('span', { class: 'muted network-found', 'aria-live': 'polite' }, '');
  const mark = (text) => {
    const q = text.trim().toLowerCase();
    marked = q ? new Set(nodes.filter((n) => n.label.toLowerCase().includes(q)).map((n) => n.id)) : null;
    svg.classList.toggle('searching', Boolean(marked));
    for (const [id, el] of elements) el.classList.toggle('match', Boolean(marked && marked.has(id)));
    found.textContent = marked ? `${marked.size} found` : '';
    drawLabels(scaleNow);
    return marked;
  };
  search.addEventListener('input', () => mark(search.value));
  search.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter') return;
    ev.preventDefault();
    const hits = mark(search.value);
    const first = hits && nodes.findIndex((n) => hits.has(n.id));
    if (first !== null && first >= 0) zoom.focus(pos[first].x, pos[first].y, 3);
  });
  const legend = h('ul', { class: 'legend' }, Object.entries(KIND_LABEL).map(([kind, text]) => h('li', {},
    h('span', { class: `swatch k-${kind}`, 'aria-hidden': 'true' }), text)));
  return h('figure', { class: 'chart-box network-box' },
    h('div', { class: 'chart-tools' }, search, found, zoom.controls),
    h('div', { class: 'chart-frame' }, svg), legend,
    h('figcaption', {}, `${nodes.length} of ${graph.n_nodes || nodes.length} nodes, ${(graph.links || []).length} links ` +
      `from ${graph.events} of ${graph.total} events. Scroll or use + and − to zoom, drag to pan; names that do not fit show when zoomed in.`));
}
