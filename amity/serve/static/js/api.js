// Calls to the JSON API. Errors come back in one shape: {"error": {status, code, message, detail}}.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function query(params) {
  if (params instanceof URLSearchParams) return params.toString();
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== '') out.append(key, String(v));
    }
  }
  return out.toString();
}

export function url(path, params) {
  const q = query(params);
  return q ? `${path}?${q}` : path;
}

export async function get(path, params) {
  const res = await fetch(url(path, params), { headers: { accept: 'application/json' } });
  let body = null;
  try {
    body = await res.json();
  } catch (_) {
    body = null;
  }
  if (!res.ok) {
    const err = (body && body.error) || {};
    throw new ApiError(res.status, err.code || 'error', err.message || res.statusText);
  }
  return body;
}
