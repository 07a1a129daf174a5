// One event: its facts, participants, organizations, and every report with the evidence highlighted.
import { get } from '../api.js';
import { h, empty, fill } from '../dom.js';
import { capital, countryName, dateRange, eventTitle, personLabel, typeBadge } from '../format.js';
import { route } from '../filters.js';

// Evidence offsets count Unicode code points; JavaScript strings count UTF-16 units,
// so the text is split into code points before slicing.
export function highlightedText(text, evidence, mask) {
  const chars = Array.from(text || '');
  const cuts = new Set([0, chars.length]);
  const clamp = (n) => Math.max(0, Math.min(chars.length, n));
  const spans = (evidence || []).map((e) => [clamp(e.start), clamp(e.end)]).filter(([a, b]) => b > a);
  const masked = (mask || []).map(([a, b]) => [clamp(a), clamp(b)]).filter(([a, b]) => b > a);
  for (const [a, b] of spans.concat(masked)) { cuts.add(a); cuts.add(b); }
  const points = [...cuts].sort((x, y) => x - y);
  const inside = (list, a, b) => list.some(([x, y]) => x <= a && b <= y);
  const out = h('div', { class: 'doc-text' });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = chars.slice(a, b).join('');
    if (inside(spans, a, b)) out.append(h('mark', { class: 'evidence' }, piece));
    else if (inside(masked, a, b)) out.append(h('span', { class: 'boilerplate' }, piece));
    else out.append(document.createTextNode(piece));
  }
  return out;
}

function fact(label, ...value) {
  return [h('dt', {}, label), h('dd', {}, ...value)];
}

function facts(e) {
  const place = e.place && (e.place.name || e.place.country)
    ? [e.place.name || '', e.place.country ? ` (${countryName(e.place.country)})` : ''] : ['—'];
  return h('dl', { class: 'facts' },
    fact('Date', dateRange(e)),
    fact('Place', ...place),
    fact('Countries', ...(e.countries || []).map((c, i) => [i ? ', ' : '',
      h('a', { href: route('events', new URLSearchParams([['country', c]])), title: countryName(c) }, c)])),
    fact('Fields', ...(e.fields || []).map((f, i) => [i ? ', ' : '',
      h('a', { href: route('events', new URLSearchParams([['field', f]])) }, f)])),
    e.program ? fact('Programme',
      h('a', { href: route('events', new URLSearchParams([['program', e.program]])) }, e.program)) : null,
    e.size !== null && e.size !== undefined ? fact('Size', `${e.size} people`) : null,
    fact('Codes', `CAMEO ${(e.cameo || []).join(', ') || '—'} · PLOVER ${e.plover || '—'}`),
    e.warnings && e.warnings.length ? fact('Warnings', e.warnings.join('; ')) : null);
}

function peopleTable(people) {
  if (!people.length) return empty('No named participants.');
  return h('table', { class: 'table' },
    h('thead', {}, h('tr', {}, ['Name', 'Title', 'Organization', 'Country', 'Role'].map((t) => h('th', {}, t)))),
    h('tbody', {}, people.map((p) => h('tr', { 'data-person': p.id },
      h('td', {}, p.id ? h('a', { href: `#/person/${p.id}`, class: 'person-link' }, personLabel(p)) : personLabel(p)),
      h('td', {}, p.title || ''), h('td', {}, p.organization || ''),
      h('td', {}, p.country || ''), h('td', {}, p.role || '')))));
}

function orgList(orgs) {
  if (!orgs.length) return empty('No organizations named.');
  return h('ul', { class: 'plain' }, orgs.map((o) => h('li', {},
    o.id ? h('a', { href: `#/org/${o.id}`, class: 'org-link' }, o.name) : o.name,
    o.acronym ? ` (${o.acronym})` : '', o.country ? ` · ${o.country}` : '', o.role ? ` · ${o.role}` : '')));
}

function report(source, doc, index) {
  const head = h('div', { class: 'report-head' },
    h('h3', {}, source.title || source.doc),
    h('p', { class: 'muted' }, source.doc, source.published ? ` · published ${source.published}` : '',
      source.url && /^https?:/i.test(source.url) ? [' · ', h('a', { href: source.url, rel: 'noreferrer noopener' }, 'original')] : ''));
  const why = source.match
    ? h('p', { class: 'match-why' }, `Merged into this event on ${source.match.basis} (score ${source.match.score}): `,
      Object.entries(source.match.evidence || {}).map(([k, v]) => `${k} ${v}`).join(', '))
    : null;
  const evidence = h('ol', { class: 'evidence-list' },
    (source.evidence || []).map((e) => h('li', {}, h('q', {}, e.text))));
  const body = doc
    ? highlightedText(doc.text, source.evidence, doc.mask)
    : empty('The document text is not available.');
  return h('article', { class: 'report', 'data-document': source.document_id, 'data-idx': source.idx },
    head, why, h('h4', {}, 'Evidence'), evidence,
    h('details', { class: 'document', open: index === 0 }, h('summary', {}, 'Document text'), body));
}

// Events linked to this one: the summit or visit it was part of, the events during it, and records
// that may report the same event (too little evidence to merge them).
function related(e) {
  const groups = [['Part of', e.part_of], ['During this event', e.parts], ['Possible duplicates', e.possible_duplicates]]
    .filter(([, list]) => list && list.length);
  if (!groups.length) return null;
  return h('section', { class: 'related' }, h('h2', {}, 'Related events'),
    groups.map(([label, list]) => [h('h3', {}, label), h('ul', { class: 'plain related-list' },
      list.map((r) => h('li', {}, h('a', { href: `#/event/${r.id}` }, eventTitle(r)),
        ` · ${r.type} · ${dateRange(r) || 'undated'}`,
        h('span', { class: 'muted' }, ` · score ${r.score}: `,
          Object.entries(r.evidence || {}).map(([k, v]) => `${k} ${v}`).join(', ')))))]));
}

export async function eventView(root, { id }) {
  const e = await get(`/api/events/${encodeURIComponent(id)}`);
  const sources = e.sources || [];
  const docs = await Promise.all(sources.map((s) => get(`/api/documents/${s.document_id}`).catch(() => null)));
  fill(root, 
    h('p', { class: 'crumbs' }, h('a', { href: '#/events' }, '← events')),
    h('h1', { class: 'event-title' }, eventTitle(e)),
    h('p', { class: 'badges' }, typeBadge(e.type), ' ', h('span', { class: `status s-${e.status}` }, e.status),
      ' ', h('span', { class: 'salience' }, e.salience)),
    facts(e),
    h('h2', {}, 'Participants'), peopleTable(e.participants || []),
    h('h2', {}, 'Organizations'), orgList(e.organizations || []),
    related(e),
    h('h2', {}, `Reports (${sources.length})`),
    sources.map((s, i) => report(s, docs[i], i)));
  return capital(eventTitle(e));
}
