// The service's REST API with the signed-in user's bearer token (kept in sessionStorage, so it ends with the tab).

const SESSION = 'nb.session';

export function session() {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION));
    return s && new Date(s.expiresAt) > new Date() ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(minted) {
  sessionStorage.setItem(SESSION, JSON.stringify(minted));
}

export function signOut() {
  sessionStorage.clear();
  location.assign('/');
}

/** The session if its user has one of the roles; otherwise back to sign-in. */
export function requireRole(...roles) {
  const s = session();
  if (!s || !roles.some(r => s.roles.includes(r))) {
    location.replace('/');
    throw new Error('not signed in');
  }
  return s;
}

export function hasRole(role) {
  const s = session();
  return !!s && s.roles.includes(role);
}

/** A failed call: the HTTP status and the service's JSON error ({status, error, message, field}). */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.code = body && body.error;
    this.field = body && body.field;
  }
}

function headers(extra = {}) {
  const s = session();
  return s ? {Authorization: `Bearer ${s.token}`, ...extra} : extra;
}

async function failure(response) {
  if (response.status === 401) {
    signOut();
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: the status says enough
  }
  return new ApiError(response.status, body);
}

/** JSON in, JSON out. */
export async function api(path, {method = 'GET', body} = {}) {
  const init = {method, headers: headers({Accept: 'application/json'})};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) throw await failure(response);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** A text resource that needs the token (an evaluation report), which a plain link could not fetch. */
export async function apiText(path) {
  const response = await fetch(path, {headers: headers()});
  if (!response.ok) throw await failure(response);
  return response.text();
}

/**
 * POST /api/chat/stream. EventSource can neither POST nor send a token, so the stream is read with fetch and
 * the Server-Sent Events are parsed here: token ({text}), reset ({}), final (the whole reply).
 */
export async function streamChat(body, {onToken, onReset}) {
  const response = await fetch('/api/chat/stream', {
    method: 'POST',
    headers: headers({'Content-Type': 'application/json', Accept: 'text/event-stream'}),
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let reply = null;
  let failed = null;
  const dispatch = block => {
    const event = parseEvent(block);
    if (!event) return;
    if (event.name === 'token') onToken(event.data.text || '');
    else if (event.name === 'reset') onReset();
    else if (event.name === 'final') reply = event.data;
    else if (event.name === 'error') failed = event.data; // the turn failed after the stream had opened
  };
  for (;;) {
    const {value, done} = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const separator = buffer.slice(end).match(/^\r?\n\r?\n/)[0];
      dispatch(buffer.slice(0, end));
      buffer = buffer.slice(end + separator.length);
    }
  }
  if (buffer.trim()) dispatch(buffer);
  if (failed) throw new ApiError(failed.status, failed);
  if (!reply) throw new ApiError(502, {message: 'The answer was cut off.'});
  return reply;
}

/** One event block: "event: name" and "data: ..." lines (comments and other fields ignored). */
export function parseEvent(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  if (!data.length) return null;
  let parsed = JSON.parse(data.join('\n'));
  if (typeof parsed === 'string') parsed = JSON.parse(parsed);
  return {name, data: parsed};
}
