// Breadcrumbs from the admin's own union down to the one on screen; each step links to the same page one level up.

import {html, nothing} from 'lit';
import {href} from './router.js';

/** {@code chain} as chainFrom gives it; the last entry is the union on screen and is not a link. */
export function breadcrumbs(chain, routeName, query) {
  if (!chain || chain.length < 2) return nothing;
  return html`<nav class="breadcrumbs" aria-label="所在位置"><ol>
    ${chain.map((org, index) => index === chain.length - 1
      ? html`<li aria-current="page">${org.name}</li>`
      : html`<li><a href=${href(routeName, [org.code], query)} data-org=${org.code}>${org.name}</a></li>`)}
  </ol></nav>`;
}
