// Programmes as records: the list, and one programme's page (names, notes, editions, organizers,
// countries, participants, events) with its edit form and history.
import { get } from '../api.js';
import { h, empty, fill } from '../dom.js';
import { canEdit, send } from '../auth.js';
import { countryName } from '../format.js';
import { eventList } from '../views/events.js';
import { changes, editForm, historyPanel, input, message, refresh } from './widgets.js';

function span(p) {
  return p.first ? (p.last && p.last !== p.first ? `${p.first} – ${p.last}` : p.first) : 'undated';
}

export async function programsView(root) {
  const data = await get('/api/programs');
  fill(root, h('h1', {}, 'Programmes'),
    data.items.length ? h('ul', { class: 'entity-list programme-list' }, data.items.map((p) => h('li', {},
      h('a', { href: `#/program/${p.id}` }, p.name),
      h('span', { class: 'muted' }, ` · ${p.n_events} events · ${span(p)}`)))) : empty('No programmes named yet.'));
  return 'Programmes';
}

function editions(rows) {
  return h('ol', { class: 'editions' }, rows.map((e) => h('li', {},
    e.after_hiatus ? h('span', { class: 'hiatus' }, `hiatus of ${e.hiatus_years} years, then `) : '',
    h('b', {}, e.year), e.rounds.length ? ` · round ${e.rounds.join(', ')}` : '',
    e.first ? ` · ${e.first}${e.last && e.last !== e.first ? ` – ${e.last}` : ''}` : '',
    ` · ${e.event_ids.length} events`)));
}

export async function programView(root, { id }) {
  const p = await get(`/api/programs/${encodeURIComponent(id)}`);
  fill(root, h('p', { class: 'crumbs' }, h('a', { href: '#/programs' }, '← programmes')),
    h('h1', { class: 'program-name' }, p.name),
    p.aliases.length || p.names_in_reports.length
      ? h('p', { class: 'muted' }, 'Also: ', [...p.aliases, ...p.names_in_reports].join('; ')) : null,
    p.notes ? h('p', { class: 'notes' }, p.notes) : null,
    h('p', { class: 'lead' }, p.countries.map(countryName).join(', ') || 'countries unknown', ` · ${p.n_events} events`),
    h('h2', {}, 'Editions'), editions(p.editions),
    h('h2', {}, 'Organizers'), p.organizers.length ? h('ul', { class: 'plain' }, p.organizers.map((o) => h('li', {},
      h('a', { href: `#/org/${o.id}` }, o.name), ` · ${o.n_events} events`))) : empty('None named.'),
    h('h2', {}, 'Participants'), p.participants.length ? h('ul', { class: 'plain' }, p.participants.map((x) => h('li', {},
      h('a', { href: `#/person/${x.id}` }, x.name), ` · ${x.n_events} events`))) : empty('None named.'),
    h('h2', {}, 'Events'), eventList(p.events));
  if (canEdit()) {
    const kinds = { name: 'text', aliases: 'list', notes: 'text' };
    root.append(h('section', { class: 'curation-tools' }, h('h2', {}, 'Curation'),
      editForm('program-edit', 'Edit this programme', [input('name', 'Name', p.name),
        input('aliases', 'Aliases (comma-separated)', p.aliases.join(', ')),
        input('notes', 'Notes (history, hiatus…)', p.notes)], 'Save', async (values, box) => {
        const body = changes(values, p, kinds);
        if (!Object.keys(body).length) return message(box, 'Nothing changed.', 'info');
        await send('PATCH', `/api/programs/${p.id}`, body);
        return refresh();
      })));
  }
  root.append(await historyPanel('programs', p.id, canEdit()));
  return p.name;
}
