// The signed-in admin: the access token, and the refresh token if the provider issued one, live in this module's
// memory only, never in storage, and are gone on reload.

import {renew} from './auth.js';

let current = null;
let renewing = null;
let renewTimer = null;
const listeners = new Set();

/** Starts a session with a bearer token, the caller's profile from GET /api/v1/me and what renewing needs (or null). */
export function begin(token, me, signOutUrl = null, renewal = null) {
  current = {token, me, signOutUrl, renewal};
  scheduleRenewal();
  listeners.forEach(listener => listener(current));
}

/** Forgets the token; {@code reason} is shown on the sign-in page (e.g. an expired session). */
export function end(reason = null) {
  const ended = current;
  current = null;
  clearTimeout(renewTimer);
  listeners.forEach(listener => listener(null, reason, ended));
}

export function token() {
  return current?.token ?? null;
}

export function me() {
  return current?.me ?? null;
}

/**
 * A fresh access token from the refresh token, one exchange however many requests ask at once; null when this session
 * cannot renew (dev sign-in, or a provider that issues no refresh token) or the provider refused.
 */
export function renewed() {
  if (!current?.renewal) return Promise.resolve(null);
  if (!renewing) {
    const session = current;
    renewing = renew(session.renewal).then(({accessToken, renewal}) => {
      if (current !== session) return null;
      current = {...session, token: accessToken, renewal};
      scheduleRenewal();
      return accessToken;
    }, () => null).finally(() => { renewing = null; });
  }
  return renewing;
}

export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Renews ahead of expiry (a minute, or a fifth of a short lifetime), so a page rarely meets a 401 at all.
function scheduleRenewal() {
  clearTimeout(renewTimer);
  const seconds = current?.renewal?.expiresIn;
  if (!seconds) return;
  renewTimer = setTimeout(() => renewed(), Math.max(1, seconds - Math.min(60, seconds / 5)) * 1000);
}
