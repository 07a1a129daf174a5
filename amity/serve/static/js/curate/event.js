// The edit tools of an event page: the edit form, participants removed or added, merge and split with
// a preview, suppression, and the history panel. Every text goes in as a text node (dom.js).
import { get } from '../api.js';
import { h } from '../dom.js';
import { canEdit, send } from '../auth.js';
import { EVENT_TYPES, STATUSES } from '../format.js';
import { changes, editForm, eventPreview, historyPanel, input, mergeForm, message, refresh } from './widgets.js';

const FIELDS = { type: 'text', status: 'text', salience: 'text', name: 'text', date: 'text', end_date: 'text',
  countries: 'list', fields: 'list', size: 'int', program: 'text' };
const ROLES = ['', 'host', 'guest', 'signatory', 'speaker', 'organizer', 'leader', 'attendee'];

function eventForm(e) {
  const place = e.place || {};
  return editForm('event-edit', 'Edit this event', [
    input('type', 'Type', e.type, EVENT_TYPES), input('status', 'Status', e.status, STATUSES),
    input('salience', 'Salience', e.salience, ['main', 'mentioned']),
    input('name', 'Name', e.name), input('date', 'Date (YYYY[-MM[-DD]])', e.date),
    input('end_date', 'End date', e.end_date), input('place_name', 'Place', place.name),
    input('place_country', 'Place country', place.country),
    input('countries', 'Countries (comma-separated codes)', (e.countries || []).join(', ')),
    input('fields', 'Fields (comma-separated)', (e.fields || []).join(', ')),
    input('size', 'Size (people)', e.size), input('program', 'Programme', e.program),
  ], 'Save', async (values, box) => {
    const body = changes(values, e, FIELDS);
    const name = values.place_name.trim();
    const country = values.place_country.trim().toUpperCase();
    if (name !== (place.name || '') || country !== (place.country || '')) {
      body.place = name || country ? { name: name || null, country: country || null } : null;
    }
    if (!Object.keys(body).length) return message(box, 'Nothing changed.', 'info');
    await send('PATCH', `/api/events/${e.id}`, body);
    return refresh();
  });
}

function participantTools(root, e) {
  for (const row of root.querySelectorAll('tr[data-person]')) {
    const pid = Number(row.dataset.person);
    if (!pid) continue;
    row.append(h('td', {}, h('button', { type: 'button', class: 'small remove-participant',
      'aria-label': 'Remove this participant from the event',
      onclick: async () => { await send('DELETE', `/api/events/${e.id}/participants/${pid}`); refresh(); } },
    'Remove')));
  }
  return editForm('add-participant', 'Add a participant', [
    input('name', 'New person\'s name', ''), input('person_id', 'or person id', ''),
    input('title', 'Title', ''), input('country', 'Country', ''), input('role', 'Role', '', ROLES),
  ], 'Add', async (v) => {
    const body = {};
    if (v.person_id.trim()) body.person_id = Number(v.person_id);
    else body.name = v.name.trim();
    for (const k of ['title', 'role']) if (v[k].trim()) body[k] = v[k].trim();
    if (v.country.trim()) body.country = v.country.trim().toUpperCase();
    await send('POST', `/api/events/${e.id}/participants`, body);
    refresh();
  });
}

function splitTools(root, e) {
  if ((e.sources || []).length < 2) return;
  for (const art of root.querySelectorAll('article.report[data-document]')) {
    const box = h('div', { class: 'split-preview' });
    const body = { document_id: Number(art.dataset.document), idx: Number(art.dataset.idx || 0) };
    art.append(h('p', {}, h('button', { type: 'button', class: 'small split', onclick: async () => {
      try {
        const preview = await send('POST', `/api/events/${e.id}/split`, { ...body, preview: true });
        box.replaceChildren(h('h4', {}, 'Split off as'), eventPreview(preview),
          h('button', { type: 'button', class: 'confirm-split', onclick: async () => {
            const made = await send('POST', `/api/events/${e.id}/split`, body);
            window.location.hash = `#/event/${made.id}`;
          } }, 'Split'));
      } catch (err) {
        message(box, String(err.message || err));
      }
    } }, 'Split this report off…')), box);
  }
}

export async function decorateEvent(root, { id }) {
  const e = await get(`/api/events/${encodeURIComponent(id)}`);
  const cur = e.curation;
  const title = root.querySelector('h1.event-title');
  if (cur && title) {
    title.after(h('p', { class: `curation-note${cur.suppressed ? ' suppressed' : ''}` },
      cur.suppressed ? 'Suppressed: hidden from lists and searches. ' : '',
      cur.origin === 'manual' ? 'Entered by hand. ' : cur.origin === 'merged' ? 'Merged by hand. ' : '',
      cur.fields.length ? `Curated: ${cur.fields.join(', ')}.` : ''));
  }
  if (canEdit()) {
    const tools = h('section', { class: 'curation-tools' }, h('h2', {}, 'Curation'),
      eventForm(e), participantTools(root, e),
      mergeForm('events', e.id, 'event', eventPreview),
      h('p', {}, h('button', { type: 'button', class: cur && cur.suppressed ? 'restore' : 'suppress',
        onclick: async () => {
          await send('POST', `/api/events/${e.id}/${cur && cur.suppressed ? 'restore' : 'suppress'}`);
          refresh();
        } }, cur && cur.suppressed ? 'Show this event again' : 'Suppress this event')));
    splitTools(root, e);
    root.append(tools);
  }
  root.append(await historyPanel('events', e.id, canEdit()));
}
