// Paging of {items, total, page, size} listings; pages count from 0 in the API and from 1 on screen.

import {html, nothing} from 'lit';
import {formatCount} from './format.js';

/** "第 2 / 5 页 · 共 230 人" with links to the pages before and after; {@code link(page)} makes a page's href. */
export function pager(result, link, unit = '人') {
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  if (result.total === 0) return nothing;
  if (result.page >= pages) {
    return html`<div class="pager"><a class="button" href=${link(pages - 1)} id="previous-page">回到最后一页</a>
      <span id="page-position">没有第 ${result.page + 1} 页 · 共 ${pages} 页 · ${formatCount(result.total)} ${unit}</span><span></span></div>`;
  }
  return html`<div class="pager">
    ${result.page > 0 ? html`<a class="button" href=${link(result.page - 1)} id="previous-page">上一页</a>` : html`<span></span>`}
    <span id="page-position">第 ${result.page + 1} / ${pages} 页 · 共 ${formatCount(result.total)} ${unit}</span>
    ${result.page + 1 < pages ? html`<a class="button" href=${link(result.page + 1)} id="next-page">下一页</a>` : html`<span></span>`}
  </div>`;
}

/** The page number of a route query, 0 when missing or not a number. */
export function pageOf(query) {
  const page = Number.parseInt(query.page ?? '0', 10);
  return Number.isFinite(page) && page >= 0 ? page : 0;
}
