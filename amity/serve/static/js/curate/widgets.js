// Pieces of the edit UI: forms built from field lists, messages, the history panel, previews.
import { h, fill } from '../dom.js';
import { send } from '../auth.js';
import { dateRange, eventTitle } from '../format.js';

export function refresh() {
  window.dispatchEvent(new Event('amity:refresh'));
}

export function message(box, text, kind = 'error') {
  box.replaceChildren(h('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text));
}

// one labelled input; `options` makes it a select
export function input(name, label, value, options) {
  const id = `f-${name}-${Math.random().toString(36).slice(2, 8)}`;
  const control = options
    ? h('select', { name, id }, options.map((o) => h('option', { value: o, selected: o === (value ?? '') }, o || '—')))
    : h('input', { name, id, value: value ?? '', autocomplete: 'off' });
  return h('label', { class: 'field', for: id }, h('span', {}, label), control);
}

// a form whose submit runs `action(values)`; errors show in the form, success refreshes the view
export function editForm(cls, title, fields, submitText, action) {
  const box = h('div', { class: 'form-message' });
  const form = h('form', { class: `edit-form ${cls}` }, h('h3', {}, title), fields,
    h('p', {}, h('button', { type: 'submit' }, submitText)), box);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const values = {};
    for (const el of form.elements) if (el.name) values[el.name] = el.value;
    try {
      await action(values, box);
    } catch (err) {
      message(box, String(err.message || err));
    }
  });
  return form;
}

export function list(text) {
  return String(text || '').split(/[,;]/).map((x) => x.trim()).filter(Boolean);
}

// the changed fields of a form against the record, as the API takes them
export function changes(values, current, kinds) {
  const out = {};
  for (const [name, kind] of Object.entries(kinds)) {
    if (!(name in values)) continue;
    const raw = values[name].trim();
    let value = raw === '' ? null : raw;
    if (kind === 'list') value = list(raw).map((x) => (name === 'countries' ? x.toUpperCase() : x));
    if (kind === 'int') value = raw === '' ? null : Number(raw);
    const before = current[name] ?? (kind === 'list' ? [] : null);
    if (JSON.stringify(value) !== JSON.stringify(before)) out[name] = value;
  }
  return out;
}

function show(v) {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.join(', ') || '—';
  if (typeof v === 'object') {
    if (v.name) return [v.name, v.title, v.role].filter(Boolean).join(' · ');
    return Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => `${k} ${x}`).join(' · ');
  }
  return String(v);
}

export async function historyPanel(kind, id, editable) {
  const data = await send('GET', `/api/${kind}/${id}/history`);
  const items = data.items || [];
  return h('section', { class: 'history' }, h('h2', {}, `History (${items.length})`),
    items.length ? h('ol', { class: 'history-list' }, items.map((e) => h('li', { 'data-entry': e.id, 'data-action': e.action },
      h('span', { class: 'when' }, e.at.replace('T', ' ').replace('+00:00', ' UTC')), ' · ',
      h('b', {}, e.user), ' · ', h('span', { class: 'what' }, e.action.replace(/_/g, ' '), e.field ? ` ${e.field}` : ''),
      e.action === 'set' || e.action === 'revert' ? [': ', h('s', {}, show(e.before)), ' → ', h('span', { class: 'after' }, show(e.after))]
        : e.after || e.before ? [': ', h('span', { class: 'after' }, show(e.after || e.before))] : '',
      e.reverted_by ? h('span', { class: 'muted' }, ' (reverted)') : '',
      editable && e.revertible ? [' ', h('button', { type: 'button', class: 'small revert',
        onclick: async () => { await send('POST', `/api/history/${e.id}/revert`); refresh(); } }, 'Revert')] : '')))
      : h('p', { class: 'muted' }, 'No changes by hand yet.'));
}

export function eventPreview(e) {
  return h('div', { class: 'preview' }, h('p', {}, h('b', {}, eventTitle(e)), ` · ${dateRange(e)} · ${e.type}`),
    h('p', { class: 'muted' }, `${(e.sources || []).length} reports · `,
      `${(e.participants || []).length} participants: `, (e.participants || []).map((p) => p.name).filter(Boolean).join(', ')));
}

// merge `other` into `path`'s record: first a preview, then a confirm button
export function mergeForm(plural, id, label, preview) {
  const out = h('div', { class: 'merge-preview' });
  const form = editForm('merge-form', `Merge another ${label} into this one`,
    [input('other', `${label} id`, '')], 'Preview merge', async (values) => {
      const other = Number(values.other);
      const body = { other, preview: true };
      const result = await send('POST', `/api/${plural}/${id}/merge`, body);
      out.replaceChildren();
      fill(out, h('h4', {}, 'After the merge'), preview(result),
        h('button', { type: 'button', class: 'confirm-merge', onclick: async () => {
          await send('POST', `/api/${plural}/${id}/merge`, { other });
          refresh();
        } }, 'Merge'));
    });
  form.append(out);
  return form;
}
