// The events filter lives in the URL hash: #/events?type=visit&country=CN&country=KR&field=youth
import { url } from './api.js';

export const FILTER_KEYS = ['type', 'status', 'country', 'field', 'program', 'person', 'org', 'place',
  'since', 'until', 'q', 'sort'];

export function pickFilters(params) {
  const out = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    for (const value of params.getAll(key)) if (value !== '') out.append(key, value);
  }
  return out;
}

// a copy of params with key set to value (or removed when value is null); offset is reset
export function withParam(params, key, value) {
  const out = new URLSearchParams(params);
  out.delete('offset');
  out.delete(key);
  if (value !== null && value !== undefined && value !== '') out.append(key, value);
  return out;
}

export function toggle(params, key, value) {
  return withParam(params, key, params.get(key) === value ? null : value);
}

export function withPair(params, a, b) {
  const out = withParam(params, 'country', null);
  if (a) out.append('country', a);
  if (b) out.append('country', b);
  return out;
}

export function route(name, params) {
  const q = params ? params.toString() : '';
  return q ? `#/${name}?${q}` : `#/${name}`;
}

export function exportUrl(format, params) {
  return url(`/api/events.${format}`, pickFilters(params));
}
