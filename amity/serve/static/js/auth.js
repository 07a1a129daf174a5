// Signing in: the token lives in sessionStorage (this tab only, gone when it closes) and travels in the
// Authorization header of each write, never in a cookie, so no other site can make the browser send it.
import { ApiError } from './api.js';

const KEY = 'amity.token';
const USER = 'amity.user';

export function token() {
  return window.sessionStorage.getItem(KEY);
}

export function user() {
  try {
    return JSON.parse(window.sessionStorage.getItem(USER) || 'null');
  } catch (_) {
    return null;
  }
}

export function canEdit() {
  const u = user();
  return Boolean(token() && u && u.can_edit);
}

async function call(method, path, body, bearer) {
  const headers = { accept: 'application/json' };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit', cache: 'no-store' });
  let data = null;
  try {
    data = await res.json();
  } catch (_) {
    data = null;
  }
  if (!res.ok) {
    const err = (data && data.error) || {};
    const detail = Array.isArray(err.detail)
      ? err.detail.map((d) => `${(d.loc || []).slice(1).join('.')}: ${d.msg}`).join('; ') : '';
    throw Object.assign(new ApiError(res.status, err.code || 'error',
      [err.message || res.statusText, detail].filter(Boolean).join(' — ')), { detail: err.detail });
  }
  return data;
}

export async function signIn(value) {
  const me = await call('GET', '/api/me', undefined, value.trim());
  window.sessionStorage.setItem(KEY, value.trim());
  window.sessionStorage.setItem(USER, JSON.stringify(me));
  return me;
}

export function signOut() {
  window.sessionStorage.removeItem(KEY);
  window.sessionStorage.removeItem(USER);
}

// a write with the signed-in token
export function send(method, path, body) {
  return call(method, path, body, token());
}
