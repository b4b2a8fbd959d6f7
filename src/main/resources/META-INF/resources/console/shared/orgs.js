// Union names and parents, from GET /api/v1/orgs/{code}, remembered for the session.

import {getJson} from './api.js';
import * as session from './session.js';

let known = new Map();
session.onChange(() => { known = new Map(); });

/** The union (code, name, type, parentCode, children); a 403 or 404 rejects as ApiError. */
export function orgView(code) {
  if (!known.has(code)) {
    const loading = getJson(`/api/v1/orgs/${encodeURIComponent(code)}`);
    loading.catch(() => known.delete(code));
    known.set(code, loading);
  }
  return known.get(code);
}

/** The unions from {@code rootCode} (the admin's own union, or the tree's root) down to {@code code}. */
export async function chainFrom(rootCode, code) {
  const chain = [await orgView(code)];
  while (chain[0].code !== rootCode && chain[0].parentCode) {
    chain.unshift(await orgView(chain[0].parentCode));
  }
  return chain;
}
