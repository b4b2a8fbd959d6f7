// What every console element and every routed page would otherwise repeat: the light DOM (console.css styles it),
// and for a page the shell's route properties and a load when the page is shown.

import {LitElement} from 'lit';

export class LightElement extends LitElement {
  createRenderRoot() {
    return this;
  }
}

/** A page of routes.js: the shell sets segments, query and context, then shows it, and the page calls its load(). */
export class ConsolePage extends LightElement {
  static properties = {
    segments: {attribute: false},
    query: {attribute: false},
    context: {attribute: false},
  };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }
}
