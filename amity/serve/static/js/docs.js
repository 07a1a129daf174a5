// /docs: the OpenAPI description rendered with DOM APIs (no third-party viewer, no inline script).
import { get } from './api.js';
import { fill, h } from './dom.js';

function schemaText(schema) {
  if (!schema) return '';
  if (schema.enum) return schema.enum.join(' | ');
  if (schema.anyOf) return schema.anyOf.map(schemaText).filter((t) => t && t !== 'null').join(' | ');
  if (schema.type === 'array') return `${schemaText(schema.items)}[] (repeatable)`;
  const bounds = [];
  if (schema.minimum !== undefined) bounds.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) bounds.push(`≤ ${schema.maximum}`);
  if (schema.maxLength !== undefined) bounds.push(`≤ ${schema.maxLength} chars`);
  if (schema.pattern) bounds.push(schema.pattern.length > 60 ? 'pattern in /openapi.json' : `pattern ${schema.pattern}`);
  return [schema.type || '', ...bounds].join(', ');
}

// text with `code` spans (as OpenAPI descriptions write them) as text and <code> nodes
export function withCode(text) {
  return String(text || '').split(/`([^`]*)`/).map((part, i) => (i % 2 ? h('code', {}, part) : part));
}

function endpoint(path, op) {
  const params = op.parameters || [];
  const example = path.includes('{') ? null : path;
  return h('section', { class: 'endpoint' },
    h('h2', {}, h('span', { class: 'method' }, 'GET'), h('code', { class: 'path' }, path)),
    h('p', {}, withCode(op.summary)),
    params.length ? h('table', { class: 'table params' },
      h('thead', {}, h('tr', {}, ['parameter', 'in', 'type', 'default', 'meaning'].map((t) => h('th', {}, t)))),
      h('tbody', {}, params.map((p) => h('tr', {},
        h('td', {}, h('code', {}, p.name)), h('td', {}, p.in), h('td', {}, schemaText(p.schema)),
        h('td', {}, p.schema && p.schema.default !== undefined ? JSON.stringify(p.schema.default) : ''),
        h('td', {}, withCode(p.description || (p.schema && p.schema.description))))))) : null,
    example ? h('p', {}, 'Try: ', h('a', { href: example }, example)) : null);
}

async function main() {
  const root = document.getElementById('main');
  const spec = await get('/openapi.json');
  fill(root, h('p', {}, withCode(spec.info.description)),
    h('p', {}, 'Every endpoint is read-only (GET or HEAD). Errors: ',
      h('code', {}, '{"error": {"status": 404, "code": "not_found", "message": "...", "detail": null}}')),
    Object.entries(spec.paths).map(([path, ops]) => (ops.get ? endpoint(path, ops.get) : null)));
  root.dataset.state = 'ready';
}

main().catch((err) => {
  document.getElementById('main').append(h('p', { class: 'error' }, String(err.message || err)));
});
