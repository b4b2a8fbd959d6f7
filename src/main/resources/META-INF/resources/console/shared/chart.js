// <console-chart>: an ECharts chart that loads the library only when the first chart is shown, and follows its box's size.

import {html} from 'lit';
import {LightElement} from './console-page.js';

let library = null;

/**
 * ECharts' "common" build (line, bar, pie and the usual components; about 230 KB gzipped, a third less than the full
 * build). It is a UMD file: imported as a module it sets globalThis.echarts.
 */
export function loadECharts() {
  library ??= import('echarts/dist/echarts.common.min.js').then(() => globalThis.echarts);
  return library;
}

class ConsoleChart extends LightElement {
  static properties = {
    option: {attribute: false},
    label: {},
  };

  constructor() {
    super();
    /** Resolves once the chart has drawn its data. */
    this.ready = new Promise(resolve => { this.markReady = resolve; });
  }

  render() {
    return html`<div class="chart-canvas" role="img" aria-label=${this.label ?? ''}></div>`;
  }

  async firstUpdated() {
    const echarts = await loadECharts();
    if (!this.isConnected) return;
    this.chart = echarts.init(this.querySelector('.chart-canvas'), null, {locale: 'ZH'});
    this.chart.setOption(withMotion(this.option ?? {}));
    this.resizing = new ResizeObserver(() => this.chart?.resize());
    this.resizing.observe(this);
    this.dataset.ready = 'true';
    this.markReady();
  }

  updated(changed) {
    if (changed.has('option') && this.chart) this.chart.setOption(withMotion(this.option), true);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizing?.disconnect();
    this.chart?.dispose();
    this.chart = null;
  }
}

/** No animation for those who asked their system for less motion. */
function withMotion(option) {
  return matchMedia('(prefers-reduced-motion: reduce)').matches ? {...option, animation: false} : option;
}

customElements.define('console-chart', ConsoleChart);
