// The edit tools of person and organization pages: rename, country, aliases, merge, suppress, history.
import { get } from '../api.js';
import { h } from '../dom.js';
import { canEdit, send } from '../auth.js';
import { changes, editForm, historyPanel, input, mergeForm, message, refresh } from './widgets.js';

const KINDS = {
  person: { plural: 'people', label: 'person', fields: { name: 'text', country: 'text', aliases: 'list' } },
  org: { plural: 'orgs', label: 'organization',
    fields: { name: 'text', acronym: 'text', country: 'text', aliases: 'list' } },
};

function preview(r) {
  return h('p', { class: 'preview' }, h('b', {}, r.name), ` · ${r.n_events} events`,
    r.aliases && r.aliases.length ? ` · also ${r.aliases.join('; ')}` : '');
}

export function decorator(kind) {
  const k = KINDS[kind];
  return async (root, { id }) => {
    const r = await get(`/api/${k.plural}/${encodeURIComponent(id)}`);
    if (canEdit()) {
      const cur = r.curation;
      const fields = Object.keys(k.fields).map((f) => input(f, f === 'aliases' ? 'Aliases (comma-separated)' : f,
        f === 'aliases' ? (r.aliases || []).join(', ') : r[f]));
      root.append(h('section', { class: 'curation-tools' }, h('h2', {}, 'Curation'),
        editForm(`${kind}-edit`, `Edit this ${k.label}`, fields, 'Save', async (values, box) => {
          const body = changes(values, r, k.fields);
          if (body.country) body.country = body.country.toUpperCase();
          if (!Object.keys(body).length) return message(box, 'Nothing changed.', 'info');
          await send('PATCH', `/api/${k.plural}/${r.id}`, body);
          return refresh();
        }),
        mergeForm(k.plural, r.id, k.label, preview),
        h('p', {}, h('button', { type: 'button', onclick: async () => {
          await send('POST', `/api/${k.plural}/${r.id}/${cur && cur.suppressed ? 'restore' : 'suppress'}`);
          refresh();
        } }, cur && cur.suppressed ? `Show this ${k.label} again` : `Suppress this ${k.label}`))));
    }
    root.append(await historyPanel(k.plural, r.id, canEdit()));
  };
}
