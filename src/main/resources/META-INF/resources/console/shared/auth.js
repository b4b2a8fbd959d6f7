// Signing in: OpenID Connect authorization code with PKCE against the union's identity provider, or, in dev and
// test builds, a demo identity. Only the PKCE verifier and state cross the redirect, in sessionStorage.

import {challengeOf, newVerifier, randomString, base64Url} from './pkce.js';

const PENDING = 'study-console.oidc-pending';

export class SignInError extends Error {
}

/** The console's settings: {oidc: {issuer, clientId, scopes, redirectUri} | null, devSignIn}. */
export async function loadSettings() {
  const response = await fetch('/console/settings', {headers: {Accept: 'application/json'}});
  if (!response.ok) throw new SignInError(`无法读取控制台配置（HTTP ${response.status}）`);
  return response.json();
}

/** Where the provider sends the browser back: the configured address, or this console's own. */
export function redirectUriOf(oidc) {
  return oidc.redirectUri ?? `${location.origin}/console/`;
}

/** The provider's discovery document (OpenID Connect Discovery 1.0), whose issuer must be the configured one. */
export async function discover(issuer) {
  let response;
  try {
    response = await fetch(`${issuer}/.well-known/openid-configuration`, {headers: {Accept: 'application/json'}});
  } catch {
    throw new SignInError('无法连接统一身份认证服务，请检查网络或联系系统管理员。');
  }
  if (!response.ok) throw new SignInError(`统一身份认证服务的配置无法读取（HTTP ${response.status}）。`);
  const document = await response.json();
  if (document.issuer !== issuer) {
    throw new SignInError(`统一身份认证服务的 issuer（${document.issuer}）与配置（${issuer}）不一致。`);
  }
  return document;
}

/** Sends the browser to the provider; {@code returnTo} (a hash route) rides in the state and comes back with it. */
export async function startSignIn(oidc, returnTo) {
  const provider = await discover(oidc.issuer);
  const verifier = newVerifier();
  const state = `${randomString(16)}.${base64Url(new TextEncoder().encode(returnTo ?? ''))}`;
  sessionStorage.setItem(PENDING, JSON.stringify({verifier, state}));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUriOf(oidc),
    scope: oidc.scopes,
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  });
  location.assign(`${provider.authorization_endpoint}?${query}`);
}

/**
 * Finishes a sign-in if this page is the provider's redirect back (?code= or ?error=): checks the state, exchanges the
 * code with the verifier and returns {accessToken, returnTo, signOutUrl}; null when the page is no such redirect.
 */
export async function finishSignIn(oidc) {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  // The code is single-use and must not stay in the address bar or the history.
  history.replaceState(null, '', location.pathname);
  if (query.has('error')) {
    throw new SignInError(`统一身份认证服务未完成登录：${query.get('error_description') ?? query.get('error')}`);
  }
  if (!pending || pending.state !== query.get('state')) {
    throw new SignInError('登录校验失败（state 不符），请重新登录。');
  }
  if (query.has('iss') && query.get('iss') !== oidc.issuer) {
    throw new SignInError('登录校验失败（iss 不符），请重新登录。');
  }
  const provider = await discover(oidc.issuer);
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.get('code'),
      redirect_uri: redirectUriOf(oidc),
      client_id: oidc.clientId,
      code_verifier: pending.verifier,
    }),
  }).catch(() => {
    throw new SignInError('无法连接统一身份认证服务换取令牌（可能未允许本站跨域访问）。');
  });
  const tokens = await response.json().catch(() => ({}));
  if (!response.ok || !tokens.access_token) {
    throw new SignInError(`换取令牌失败：${tokens.error_description ?? tokens.error ?? `HTTP ${response.status}`}`);
  }
  return {
    accessToken: tokens.access_token,
    returnTo: returnToOf(pending.state),
    signOutUrl: signOutUrlOf(provider, oidc, tokens),
    renewal: renewalOf(provider, oidc, tokens),
  };
}

/**
 * Exchanges the refresh token for a new access token (RFC 6749 section 6); resolves to {accessToken, renewal} with the
 * provider's rotated refresh token if it sent one, and rejects when the provider refuses.
 */
export async function renew(renewal) {
  const response = await fetch(renewal.tokenEndpoint, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
    body: new URLSearchParams({grant_type: 'refresh_token', refresh_token: renewal.refreshToken, client_id: renewal.clientId}),
  });
  const tokens = await response.json().catch(() => ({}));
  if (!response.ok || !tokens.access_token) throw new SignInError(tokens.error ?? `HTTP ${response.status}`);
  return {
    accessToken: tokens.access_token,
    renewal: {...renewal, refreshToken: tokens.refresh_token ?? renewal.refreshToken, expiresIn: tokens.expires_in ?? null},
  };
}

/** The demo identities of dev and test builds. */
export async function devIdentities() {
  const response = await fetch('/console/dev-sign-in', {headers: {Accept: 'application/json'}});
  if (!response.ok) throw new SignInError(`无法读取演示身份（HTTP ${response.status}）`);
  return response.json();
}

export async function devSignIn(id) {
  const response = await fetch(`/console/dev-sign-in/${encodeURIComponent(id)}`, {method: 'POST'});
  if (!response.ok) throw new SignInError(`演示身份登录失败（HTTP ${response.status}）`);
  return (await response.json()).access_token;
}

function returnToOf(state) {
  const encoded = state.split('.')[1] ?? '';
  try {
    const bytes = Uint8Array.from(atob(encoded.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));
    const route = new TextDecoder().decode(bytes);
    return route.startsWith('#/') ? route : '';
  } catch {
    return '';
  }
}

/** What renewing needs, kept in memory like the access token; null when the provider issued no refresh token. */
function renewalOf(provider, oidc, tokens) {
  if (!tokens.refresh_token) return null;
  return {tokenEndpoint: provider.token_endpoint, clientId: oidc.clientId, refreshToken: tokens.refresh_token,
    expiresIn: tokens.expires_in ?? null};
}

function signOutUrlOf(provider, oidc, tokens) {
  if (!provider.end_session_endpoint) return null;
  const query = new URLSearchParams({client_id: oidc.clientId, post_logout_redirect_uri: redirectUriOf(oidc)});
  if (tokens.id_token) query.set('id_token_hint', tokens.id_token);
  return `${provider.end_session_endpoint}?${query}`;
}
