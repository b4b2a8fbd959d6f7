// What every page about one union's subtree adds to a console page: the route's union and the breadcrumb chain from
// the admin's own union down to this one.

import {ConsolePage} from './console-page.js';
import {chainFrom} from './orgs.js';

export class OrgPage extends ConsolePage {
  static properties = {
    result: {state: true},
    chain: {state: true},
  };

  get org() {
    return this.segments[0];
  }

  /** Starts reading the breadcrumb chain beside the page's own data; without it the page shows no breadcrumbs. */
  loadChain() {
    chainFrom(this.context.me.org?.code ?? null, this.org).then(chain => { this.chain = chain; }, () => {});
  }
}
