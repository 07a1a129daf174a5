// Searchable lists of people and organizations.
import { get, url } from '../api.js';
import { h, empty, fill } from '../dom.js';
import { countryName } from '../format.js';
import { route, withParam } from '../filters.js';

const PAGE = 50;

function searchBox(name, params, placeholder) {
  const form = h('form', { class: 'search', role: 'search' },
    h('input', { type: 'search', name: 'q', value: params.get('q') || '', placeholder, 'aria-label': placeholder }),
    h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    window.location.hash = route(name, withParam(params, 'q', form.elements.q.value.trim()));
  });
  return form;
}

function pager(name, params, total, offset) {
  const link = (o, text) => h('a', { href: route(name, withParam(params, 'offset', String(o))) }, text);
  return h('nav', { class: 'pager' },
    offset > 0 ? link(Math.max(0, offset - PAGE), '← previous') : h('span', {}),
    h('span', {}, total ? `${offset + 1}–${Math.min(offset + PAGE, total)} of ${total}` : ''),
    offset + PAGE < total ? link(offset + PAGE, 'next →') : h('span', {}));
}

async function listView(root, params, { name, path, title, placeholder, row }) {
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  const data = await get(path, { q: params.get('q'), limit: PAGE, offset });
  const q = params.get('q') ? { q: params.get('q') } : {};
  const download = (fmt) => h('a', { href: url(`/api/${name}.${fmt}`, q), download: `amity-${name}.${fmt}`,
    class: 'button', 'data-export': fmt }, fmt.toUpperCase());
  fill(root, h('h1', {}, title), searchBox(name, params, placeholder),
    h('div', { class: 'result-bar' }, h('span', { class: 'muted' }, `${data.total.toLocaleString('en')} found`),
      h('span', { class: 'exports' }, 'Export: ', download('csv'), ' ', download('json'))),
    data.items.length ? h('ul', { class: 'entity-list' }, data.items.map(row)) : empty('Nothing found.'),
    pager(name, params, data.total, offset));
  return title;
}

export function peopleView(root, { params }) {
  return listView(root, params, {
    name: 'people', path: '/api/people', title: 'People', placeholder: 'Search people…',
    row: (p) => h('li', {}, h('a', { href: `#/person/${p.id}` }, p.name || 'unnamed'),
      h('span', { class: 'muted' }, ' ', [p.title, p.organization].filter(Boolean).join(', '),
        p.country ? ` · ${countryName(p.country)}` : '', ` · ${p.n_events} events`)),
  });
}

export function orgsView(root, { params }) {
  return listView(root, params, {
    name: 'orgs', path: '/api/orgs', title: 'Organizations', placeholder: 'Search organizations…',
    row: (o) => h('li', {}, h('a', { href: `#/org/${o.id}` }, o.name),
      h('span', { class: 'muted' }, o.acronym ? ` (${o.acronym})` : '',
        o.country ? ` · ${countryName(o.country)}` : '', ` · ${o.n_events} events · ${o.n_people} people`)),
  });
}
