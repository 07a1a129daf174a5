// A small force-directed layout (repulsion, springs, gravity), run to rest, then drawn as SVG.
import { h, s, empty } from '../dom.js';

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

export function networkChart(graph, hrefOf) {
  const nodes = graph.nodes || [];
  if (!nodes.length) return empty('No people, organizations or countries to link.');
  const width = 900;
  const height = 620;
  const pos = layout(nodes, graph.links || [], width, height);
  const at = new Map(nodes.map((node, i) => [node.id, pos[i]]));
  const most = Math.max(...nodes.map((node) => node.n));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, class: 'chart network-chart', role: 'img',
    'aria-label': 'Network of people, organizations and countries linked by shared events' });
  const edgeLayer = s('g', { class: 'links' });
  for (const l of graph.links || []) {
    const a = at.get(l.source);
    const b = at.get(l.target);
    if (!a || !b) continue;
    edgeLayer.append(s('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: 'link',
      'stroke-width': Math.min(6, 0.6 + Math.log2(1 + l.n)) }));
  }
  const nodeLayer = s('g', { class: 'nodes' });
  const labelAll = nodes.length <= 60;
  nodes.forEach((node, i) => {
    const r = 4 + 10 * Math.sqrt(node.n / most);
    const showLabel = labelAll || node.kind === 'country' || node.n >= most / 3;
    nodeLayer.append(s('a', { href: hrefOf(node), class: `node k-${node.kind}`, 'data-id': node.id },
      s('circle', { cx: pos[i].x, cy: pos[i].y, r }),
      showLabel ? s('text', { x: pos[i].x + r + 3, y: pos[i].y + 4 }, node.label) : null,
      s('title', {}, `${node.label} (${KIND_LABEL[node.kind] || node.kind}) · ${node.n} events`)));
  });
  svg.append(edgeLayer, nodeLayer);
  const legend = h('ul', { class: 'legend' }, Object.entries(KIND_LABEL).map(([kind, text]) => h('li', {},
    h('span', { class: `swatch k-${kind}`, 'aria-hidden': 'true' }), text)));
  return h('figure', { class: 'chart-box' }, h('div', { class: 'chart-scroll' }, svg), legend,
    h('figcaption', {}, `${nodes.length} nodes, ${(graph.links || []).length} links from ${graph.events} of ${graph.total} events`));
}
