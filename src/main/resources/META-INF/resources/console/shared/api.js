// The one way pages call /api/v1: bearer token from the session, problem+json turned into ApiError; a 401 renews the
// token once and retries, and ends the session when it cannot.

import * as session from './session.js';

export class ApiError extends Error {
  constructor(status, problem, retryAfterSeconds) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The problem type's last part, e.g. outside-subtree. */
  get slug() {
    return this.problem?.type?.split(':').pop() ?? null;
  }
}

/** The network failed before any answer came (status 0). */
export class NetworkError extends ApiError {
  constructor(cause) {
    super(0, null, null);
    this.cause = cause;
  }
}

/** GET (or another method) of an /api/v1 path with query parameters; resolves to the parsed JSON body. */
export async function getJson(path, params = {}, init = {}) {
  const response = await request(path, params, {...init, headers: {Accept: 'application/json', ...init.headers}});
  return response.json();
}

/** A file sent as the multipart field "file", as every import takes it; resolves to the parsed JSON answer. */
export async function upload(path, params, file) {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await request(path, params, {method: 'POST', body, headers: {Accept: 'application/json'}});
  return response.json();
}

/** The raw successful response, for downloads that are not JSON. */
export async function request(path, params = {}, init = {}) {
  const url = withParams(path, params);
  const bearer = session.token();
  let response = await send(url, init, bearer);
  if (response.status === 401 && bearer) {
    const renewed = await session.renewed();
    if (renewed) response = await send(url, init, renewed);
  }
  if (response.ok) return response;
  const error = new ApiError(response.status, await problemOf(response), retryAfter(response));
  if (response.status === 401 && bearer) session.end('expired');
  throw error;
}

async function send(url, init, bearer) {
  const headers = {...init.headers};
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  try {
    return await fetch(url, {...init, headers});
  } catch (cause) {
    if (cause?.name === 'AbortError') throw cause;
    throw new NetworkError(cause);
  }
}

/** Query parameters without the empty ones, so a default stays the server's to choose. */
export function withParams(path, params) {
  const query = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value !== null && value !== undefined && value !== '') query.set(key, value);
  });
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** Retry-After as seconds: either delta-seconds or an HTTP date (RFC 9110 section 10.2.3). */
export function retryAfter(response) {
  const value = response.headers.get('Retry-After');
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(1, Math.ceil((date - Date.now()) / 1000));
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}
