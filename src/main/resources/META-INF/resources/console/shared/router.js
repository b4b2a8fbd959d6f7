// Hash routes such as #/dashboard/QH-XN?campaign=2, so a deep link needs no server routing.

/** The route in a location hash: its name, path segments and query parameters. */
export function parseHash(hash) {
  const text = (hash ?? '').replace(/^#\/?/, '');
  const [path, query = ''] = text.split('?');
  const [name = '', ...segments] = path.split('/').filter(Boolean).map(decodeURIComponent);
  return {name, segments, query: Object.fromEntries(new URLSearchParams(query))};
}

/** The hash link to a route; empty query values are left out. */
export function href(name, segments = [], query = {}) {
  const path = [name, ...segments].map(encodeURIComponent).join('/');
  const params = new URLSearchParams();
  Object.entries(query).forEach(([key, value]) => {
    if (value !== null && value !== undefined && value !== '') params.set(key, value);
  });
  const text = params.toString();
  return `#/${path}${text ? `?${text}` : ''}`;
}

export function navigate(name, segments = [], query = {}) {
  location.hash = href(name, segments, query);
}
