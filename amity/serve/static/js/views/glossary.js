// A short glossary: what an event's status, salience and date precision mean, and the CAMEO and PLOVER
// codes amity gives each event type (from GET /api/glossary).
import { get } from '../api.js';
import { h, fill } from '../dom.js';
import { typeBadge } from '../format.js';

function terms(entries, id) {
  return h('dl', { class: 'glossary', id }, Object.entries(entries).filter(([k]) => !k.startsWith('_'))
    .map(([term, text]) => [h('dt', {}, term), h('dd', {}, text)]));
}

export async function glossaryView(root) {
  const g = await get('/api/glossary');
  fill(root, h('h1', {}, 'Glossary'),
    h('h2', {}, 'Status'), terms(g.status, 'status'),
    h('h2', {}, 'Salience'), terms(g.salience, 'salience'),
    h('h2', {}, 'Dates'), terms(g.precision, 'precision'),
    h('h2', {}, 'Event types and their codes'),
    h('table', { class: 'table codes' },
      h('thead', {}, h('tr', {}, h('th', {}, 'type'), h('th', {}, 'CAMEO'), h('th', {}, 'PLOVER'))),
      h('tbody', {}, g.types.map((t) => h('tr', { 'data-type': t.type },
        h('td', {}, typeBadge(t.type)),
        h('td', {}, t.cameo.map((c) => `${c} ${g.cameo[c] || ''}`).join('; ')),
        h('td', {}, t.plover ? `${t.plover}: ${g.plover[t.plover] || ''}` : '—'))))),
    h('h2', {}, 'CAMEO'), h('p', { class: 'muted' }, g.cameo._about), terms(g.cameo, 'cameo'),
    h('h2', {}, 'PLOVER'), h('p', { class: 'muted' }, g.plover._about), terms(g.plover, 'plover'),
    h('p', {}, 'An event\u2019s page shows its codes. ', h('a', { href: '#/events' }, 'Back to the events')));
  return 'Glossary';
}
