// Events: facets, search, the result list with pagination, and export links.
import { get } from '../api.js';
import { h, empty, fill } from '../dom.js';
import {
  capital, countryName, dateRange, eventTitle, pairLabel, personLabel, plural, typeBadge,
} from '../format.js';
import { exportUrl, pickFilters, route, toggle, withPair, withParam } from '../filters.js';

const PAGE = 25;
const SORTS = [['-date', 'newest first'], ['date', 'oldest first'], ['-n_sources', 'most reported'],
  ['type', 'type'], ['id', 'registry order']];

function facetList(title, name, rows, params, key, label) {
  const selected = params.get(key);
  const items = rows.map((row) => {
    const active = selected === row.value;
    return h('li', {},
      h('a', {
        href: route('events', toggle(params, key, row.value)),
        class: active ? 'facet active' : 'facet',
        'aria-current': active ? 'true' : null,
        'data-facet': key,
        'data-value': row.value,
      }, h('span', { class: 'facet-label' }, label ? label(row.value) : row.value),
      h('span', { class: 'count' }, row.n.toLocaleString('en'))));
  });
  return h('details', { class: 'facet-group', open: true, 'data-name': name },
    h('summary', {}, title),
    items.length ? h('ul', {}, items) : empty('none'));
}

function pairFacet(rows, params) {
  const chosen = params.getAll('country').slice().sort().join('-');
  const items = rows.slice(0, 20).map((row) => {
    const active = chosen === `${row.a}-${row.b}`;
    const target = active ? withPair(params) : withPair(params, row.a, row.b);
    return h('li', {},
      h('a', {
        href: route('events', target), class: active ? 'facet active' : 'facet',
        'data-facet': 'pair', 'data-value': `${row.a}-${row.b}`,
        title: `${countryName(row.a)} and ${countryName(row.b)}`,
      }, h('span', { class: 'facet-label' }, pairLabel(row.a, row.b)),
      h('span', { class: 'count' }, row.n.toLocaleString('en'))));
  });
  return h('details', { class: 'facet-group', open: true, 'data-name': 'pair' },
    h('summary', {}, 'Country pair'), items.length ? h('ul', {}, items) : empty('none'));
}

function searchForm(params) {
  const input = (name, attrs) => h('input', { name, value: params.get(name) || '', ...attrs });
  const sort = h('select', { name: 'sort', 'aria-label': 'Sort' },
    SORTS.map(([value, text]) => h('option', {
      value, selected: (params.get('sort') || '-date') === value,
    }, text)));
  const form = h('form', { class: 'search', role: 'search' },
    input('q', { type: 'search', placeholder: 'Search names, programmes, evidence…', 'aria-label': 'Search' }),
    input('since', { type: 'text', placeholder: 'since YYYY-MM', 'aria-label': 'Since', size: 10, pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?' }),
    input('until', { type: 'text', placeholder: 'until YYYY-MM', 'aria-label': 'Until', size: 10, pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?' }),
    sort,
    h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    let next = new URLSearchParams(params);
    for (const name of ['q', 'since', 'until', 'sort']) {
      next = withParam(next, name, form.elements[name].value.trim());
    }
    window.location.hash = route('events', next);
  });
  sort.addEventListener('change', () => form.requestSubmit());
  return form;
}

function activeFilters(params) {
  const chips = [];
  for (const [key, value] of pickFilters(params)) {
    if (key === 'sort') continue;
    const next = new URLSearchParams(params);
    next.delete('offset');
    const rest = next.getAll(key).filter((v) => v !== value);
    next.delete(key);
    for (const v of rest) next.append(key, v);
    chips.push(h('a', { class: 'chip', href: route('events', next), title: 'remove this filter' },
      `${key}: ${value}`, h('span', { 'aria-hidden': 'true' }, ' ×')));
  }
  if (!chips.length) return null;
  return h('div', { class: 'chips' }, chips, h('a', { class: 'chip clear', href: '#/events' }, 'clear all'));
}

export function eventCard(e) {
  const people = (e.participants || []).filter((p) => p.name).slice(0, 4);
  return h('li', { class: 'event-card', 'data-id': e.id },
    h('div', { class: 'card-head' }, typeBadge(e.type),
      h('span', { class: `status s-${e.status}` }, e.status),
      e.salience ? h('a', { class: 'salience', href: '#/glossary', title: 'what status and salience mean' },
        e.salience === 'main' ? 'main event' : 'mentioned') : null,
      h('span', { class: 'date' }, dateRange(e))),
    h('a', { class: 'card-title', href: `#/event/${e.id}` }, eventTitle(e)),
    h('div', { class: 'card-meta' },
      (e.countries || []).map((c) => h('span', { class: 'country', title: countryName(c) }, c)),
      (e.fields || []).map((f) => h('span', { class: 'field' }, f)),
      e.program ? h('span', { class: 'program' }, e.program) : null,
      h('span', { class: 'sources' }, plural(e.n_sources || 0, 'report'))),
    people.length ? h('div', { class: 'card-people' }, people.map((p, i) => [
      i ? ', ' : '', h('a', { href: `#/person/${p.id}` }, personLabel(p))])) : null);
}

export function eventList(items) {
  return items.length ? h('ul', { class: 'event-list' }, items.map(eventCard)) : empty('No events match.');
}

function pager(params, total, offset) {
  const prev = offset > 0 ? withParam(params, 'offset', String(Math.max(0, offset - PAGE))) : null;
  const next = offset + PAGE < total ? withParam(params, 'offset', String(offset + PAGE)) : null;
  if (prev) prev.set('offset', String(Math.max(0, offset - PAGE)));
  if (next) next.set('offset', String(offset + PAGE));
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    prev ? h('a', { href: route('events', prev), rel: 'prev' }, '← previous') : h('span', {}, ''),
    h('span', {}, total ? `${offset + 1}–${Math.min(offset + PAGE, total)} of ${total.toLocaleString('en')}` : ''),
    next ? h('a', { href: route('events', next), rel: 'next' }, 'next →') : h('span', {}, ''));
}

export async function eventsView(root, { params }) {
  const filters = pickFilters(params);
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  const listParams = new URLSearchParams(filters);
  listParams.set('limit', String(PAGE));
  listParams.set('offset', String(offset));
  const [list, facets] = await Promise.all([get('/api/events', listParams), get('/api/facets', filters)]);
  const sidebar = h('aside', { class: 'facets', 'aria-label': 'Filters' },
    h('details', { class: 'facets-toggle', open: !window.matchMedia('(max-width: 760px)').matches },
      h('summary', {}, 'Filters'),
      facetList('Type', 'type', facets.type, params, 'type', capital),
      facetList('Status', 'status', facets.status.filter((r) => r.n > 0 || params.get('status') === r.value),
        params, 'status', capital),
      pairFacet(facets.pair, params),
      facetList('Field', 'field', facets.field, params, 'field', capital),
      facetList('Programme', 'program', facets.program, params, 'program')));
  const results = h('section', { class: 'results' },
    searchForm(params),
    activeFilters(params),
    h('div', { class: 'result-bar' },
      h('strong', { class: 'total', 'data-total': list.total }, plural(list.total, 'event')),
      h('span', { class: 'exports' }, 'Export: ',
        h('a', { href: exportUrl('csv', params), download: 'amity-events.csv', class: 'button', 'data-export': 'csv' }, 'CSV'),
        ' ',
        h('a', { href: exportUrl('json', params), download: 'amity-events.json', class: 'button', 'data-export': 'json' }, 'JSON')),
      h('a', { href: route('timeline', filters) }, 'timeline of these'),
      h('a', { href: route('map', filters), 'data-link': 'map' }, 'map of these'),
      h('a', { href: route('network', filters) }, 'network of these')),
    eventList(list.items),
    pager(filters, list.total, offset));
  fill(root, h('h1', { class: 'visually-hidden' }, 'Events'), h('div', { class: 'layout' }, sidebar, results));
  return 'Events';
}
