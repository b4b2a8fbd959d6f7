// Proof Key for Code Exchange (RFC 7636) with S256, on the browser's WebCrypto.

/** A fresh random code verifier: 32 random bytes as 43 base64url characters (RFC 7636 section 4.1). */
export function newVerifier() {
  return randomString(32);
}

/** Random base64url text of {@code bytes} random bytes, for state and nonce values. */
export function randomString(bytes = 16) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** code_challenge = BASE64URL(SHA-256(ASCII(code_verifier))) (RFC 7636 section 4.2). */
export async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** Base64url without padding (RFC 7636 appendix A). */
export function base64Url(bytes) {
  let binary = '';
  bytes.forEach(byte => { binary += String.fromCharCode(byte); });
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
