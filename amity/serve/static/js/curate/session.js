// Sign in and out (the header link and the #/signin page) and the page adding an event by hand.
import { h, fill } from '../dom.js';
import { send, signIn, signOut, user } from '../auth.js';
import { EVENT_TYPES, STATUSES } from '../format.js';
import { editForm, input, list, message } from './widgets.js';

export function sessionLink(slot) {
  const u = user();
  slot.replaceChildren(u
    ? h('span', { class: 'signed-in' }, h('span', { class: 'who' }, `${u.name} (${u.role})`), ' ',
      u.can_edit ? h('a', { href: '#/new-event', class: 'new-event' }, 'Add event') : '', ' ',
      h('button', { type: 'button', class: 'small sign-out', onclick: () => {
        signOut();
        sessionLink(slot);
        window.dispatchEvent(new Event('amity:refresh'));
      } }, 'Sign out'))
    : h('a', { href: '#/signin', class: 'sign-in' }, 'Sign in'));
}

export async function signinView(root) {
  const form = editForm('signin', 'Sign in with your token', [
    h('label', { class: 'field', for: 'token' }, h('span', {}, 'Token (from `amity users add`)'),
      h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off' })),
  ], 'Sign in', async (values, box) => {
    const me = await signIn(values.token);
    message(box, `Signed in as ${me.name} (${me.role}).`, 'info');
    window.dispatchEvent(new Event('amity:session'));
    window.history.back();
  });
  fill(root, h('h1', {}, 'Sign in'),
    h('p', { class: 'muted' }, 'The token stays in this tab only and is sent in a header with each change.'), form);
  return 'Sign in';
}

export async function newEventView(root) {
  const form = editForm('new-event-form', 'An event entered by hand', [
    input('type', 'Type', 'visit', EVENT_TYPES), input('status', 'Status', 'occurred', STATUSES),
    input('name', 'Name', ''), input('date', 'Date (YYYY[-MM[-DD]])', ''), input('end_date', 'End date', ''),
    input('place', 'Place', ''), input('place_country', 'Place country', ''),
    input('countries', 'Countries (comma-separated codes)', ''), input('program', 'Programme', ''),
    h('label', { class: 'field', for: 'doc-text' }, h('span', {}, 'Document text (optional)'),
      h('textarea', { id: 'doc-text', name: 'text', rows: 4 })),
  ], 'Add event', async (v) => {
    const body = { type: v.type, status: v.status };
    for (const k of ['name', 'date', 'end_date', 'program']) if (v[k].trim()) body[k] = v[k].trim();
    if (v.place.trim() || v.place_country.trim()) {
      body.place = { name: v.place.trim() || null, country: v.place_country.trim().toUpperCase() || null };
    }
    body.countries = list(v.countries).map((c) => c.toUpperCase());
    if (v.text.trim()) body.document = { text: v.text, title: v.name.trim() || null };
    const made = await send('POST', '/api/events', body);
    window.location.hash = `#/event/${made.id}`;
  });
  fill(root, h('h1', {}, 'Add an event'), form);
  return 'Add an event';
}
