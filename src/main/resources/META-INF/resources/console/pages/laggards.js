// 未完成名单: the workers of a union's subtree who have not completed the campaign, page by page, and the reports
// (每名职工, 下级工会汇总) as CSV or XLSX downloads.

import {html, nothing} from 'lit';
import {getJson} from '../shared/api.js';
import {breadcrumbs} from '../shared/breadcrumbs.js';
import {download} from '../shared/download.js';
import {formatDateTime, formatDuration} from '../shared/format.js';
import {OrgPage} from '../shared/org-page.js';
import {pageOf, pager} from '../shared/pager.js';
import {href} from '../shared/router.js';
import {describe, empty, failure, loading} from '../shared/states.js';

const PAGE_SIZE = 50;
const REPORTS = [
  {sheet: 'workers', format: 'csv', label: '职工明细 CSV'},
  {sheet: 'workers', format: 'xlsx', label: '职工明细 Excel'},
  {sheet: 'children', format: 'csv', label: '下级工会汇总 CSV'},
  {sheet: 'children', format: 'xlsx', label: '下级工会汇总 Excel'},
];

class LaggardsPage extends OrgPage {
  static properties = {
    exporting: {state: true},
    exported: {state: true},
  };

  async load() {
    this.result = null;
    this.loadChain();
    try {
      const value = await getJson(`/api/v1/stats/orgs/${encodeURIComponent(this.org)}/laggards`,
        {campaign: this.query.campaign, page: pageOf(this.query), size: PAGE_SIZE});
      this.result = {value};
      this.dispatchEvent(new CustomEvent('org-shown', {detail: {code: this.org}, bubbles: true}));
    } catch (error) {
      this.result = {error};
    }
  }

  render() {
    if (!this.result) return loading('未完成名单');
    if (this.result.error) return failure(this.result.error, () => this.load());
    const list = this.result.value;
    const name = this.chain?.at(-1)?.name ?? this.org;
    return html`
      ${breadcrumbs(this.chain, 'laggards', {campaign: this.query.campaign})}
      <div class="page-head"><h1 id="org-name">${name}</h1><div class="page-meta">尚未完成学习活动的职工</div></div>
      ${this.reports()}
      <section class="panel" id="laggards">
        ${list.total === 0 ? empty('没有未完成的职工', '本工会参加该学习活动的职工都已完成。') : this.table(list)}
        ${pager(list, page => href('laggards', [this.org], {...this.query, page}))}
      </section>`;
  }

  reports() {
    return html`<section class="panel" id="exports">
      <div class="panel-head"><h2>导出报表</h2></div>
      <div class="button-row">${REPORTS.map(report => html`<button class="button" ?disabled=${this.exporting}
          data-sheet=${report.sheet} data-format=${report.format} @click=${() => this.export(report)}>${report.label}</button>`)}</div>
      ${this.exporting ? html`<div class="toast" role="status">正在导出，请稍候…</div>` : nothing}
      ${this.exported ? html`<div class="toast ${this.exported.error ? 'notice-error' : ''}" role="status" id="export-result">
          ${this.exported.error ?? `已下载 ${this.exported.name}（${size(this.exported.size)}）`}</div>` : nothing}
      <div class="card-note">职工明细含本工会及下级工会参加该活动的全部职工；文件先完整下载到浏览器再保存。</div>
    </section>`;
  }

  async export(report) {
    this.exporting = true;
    this.exported = null;
    try {
      const params = {format: report.format, sheet: report.sheet, campaign: this.query.campaign};
      this.exported = await download(`/api/v1/stats/orgs/${encodeURIComponent(this.org)}/export`, params,
        `${this.org}_${report.sheet}.${report.format}`);
    } catch (error) {
      this.exported = {error: describe(error).title};
    } finally {
      this.exporting = false;
    }
  }

  table(list) {
    const campaign = this.query.campaign;
    return html`<div class="table-wrap"><table class="table" id="laggard-table">
      <thead><tr><th>姓名</th><th>所属工会</th><th class="optional">开始学习</th><th>最近学习</th>
        <th class="num optional">学习时长</th></tr></thead>
      <tbody>${list.items.map(worker => html`<tr data-worker=${worker.externalId}>
        <td><a href=${href('worker', [worker.externalId], {campaign})}>${worker.name ?? worker.externalId}</a>
          <div class="person-meta">${worker.externalId}</div></td>
        <td>${worker.orgName}</td>
        <td class="optional">${worker.startedAt ? formatDateTime(worker.startedAt) : html`<span class="badge badge-warn">未开始</span>`}</td>
        <td>${worker.lastActivityAt ? formatDateTime(worker.lastActivityAt) : '—'}</td>
        <td class="num optional">${formatDuration(worker.secondsSpent)}</td>
      </tr>`)}</tbody>
    </table></div>`;
  }
}

function size(bytes) {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

customElements.define('page-laggards', LaggardsPage);
