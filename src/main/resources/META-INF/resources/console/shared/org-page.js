// What every page about one union's subtree shares: the route's union, the light DOM (console.css styles it), a
// load when the page is shown, and the breadcrumb chain from the admin's own union down to this one.

import {LitElement} from 'lit';
import {chainFrom} from './orgs.js';

export class OrgPage extends LitElement {
  static properties = {
    segments: {attribute: false},
    query: {attribute: false},
    context: {attribute: false},
    result: {state: true},
    chain: {state: true},
  };

  createRenderRoot() {
    return this;
  }

  get org() {
    return this.segments[0];
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  /** Starts reading the breadcrumb chain beside the page's own data; without it the page shows no breadcrumbs. */
  loadChain() {
    chainFrom(this.context.me.org?.code ?? null, this.org).then(chain => { this.chain = chain; }, () => {});
  }
}
