// 职工学习记录: one worker (phone masked by the API) and their record in one campaign, module by module.

import {html, nothing} from 'lit';
import {getJson} from '../shared/api.js';
import {ConsolePage} from '../shared/console-page.js';
import {formatDateTime, formatDuration, formatScore} from '../shared/format.js';
import {href} from '../shared/router.js';
import {empty, failure, loading} from '../shared/states.js';

const SOURCES = {IMPORT: '名册导入', TOKEN: '首次登录时登记'};

class WorkerPage extends ConsolePage {
  static properties = {
    worker: {state: true},
    records: {state: true},
  };

  get externalId() {
    return this.segments[0];
  }

  async load() {
    this.worker = null;
    this.records = null;
    const path = `/api/v1/admin/workers/${encodeURIComponent(this.externalId)}`;
    try {
      this.worker = {value: await getJson(path)};
    } catch (error) {
      this.worker = {error};
      return;
    }
    try {
      this.records = {value: await getJson(`${path}/records`, {campaign: this.query.campaign})};
    } catch (error) {
      this.records = {error};
    }
  }

  render() {
    if (!this.worker) return loading('职工信息');
    if (this.worker.error) return failure(this.worker.error, () => this.load());
    const worker = this.worker.value;
    return html`
      <nav class="breadcrumbs" aria-label="所在位置"><ol>
        <li><a href=${href('workers', [worker.orgCode])}>${worker.orgName}的职工</a></li>
        <li aria-current="page">${worker.name ?? worker.externalId}</li></ol></nav>
      <div class="page-head"><h1 id="worker-name">${worker.name ?? worker.externalId}</h1></div>
      <section class="panel">
        <dl class="facts" id="worker-facts">
          <dt>职工编号</dt><dd>${worker.externalId}</dd>
          <dt>所属工会</dt><dd>${worker.orgName}（${worker.orgCode}）</dd>
          <dt>手机号</dt><dd class="phone">${worker.phone ?? '—'}</dd>
          <dt>登记方式</dt><dd>${SOURCES[worker.source] ?? worker.source}</dd>
        </dl>
      </section>
      <section class="panel" id="records">${this.recordsBody()}</section>`;
  }

  recordsBody() {
    if (!this.records) return loading('学习记录');
    if (this.records.error) return failure(this.records.error, () => this.load());
    const record = this.records.value;
    return html`<div class="panel-head">
        <h2>${record.campaignTitle}</h2>
        <span class="badge ${record.campaignCompleted ? 'badge-ok' : 'badge-warn'}" id="campaign-state">
          ${record.campaignCompleted ? `已完成 · ${formatDateTime(record.campaignCompletedAt)}`
            : `已完成 ${record.completedModules} / ${record.totalModules} 个必学模块`}</span>
      </div>
      ${record.modules.length === 0 ? empty('本学习活动还没有已发布的学习模块') : html`<div class="table-wrap">
      <table class="table" id="record-table">
        <thead><tr><th>模块</th><th class="num">进度</th><th class="num optional">学习时长</th><th class="num">测验最高分</th><th>完成</th></tr></thead>
        <tbody>${record.modules.map(module => html`<tr data-module=${module.code}>
          <td><span class="module-code">${module.code}</span> ${module.title}</td>
          <td class="num">${module.percent}%</td>
          <td class="num optional">${formatDuration(module.secondsSpent)}</td>
          <td class="num">${formatScore(module.bestScore)}</td>
          <td>${module.completed ? html`<span class="badge badge-ok" title=${formatDateTime(module.completedAt)}>已完成</span>` : nothing}</td>
        </tr>`)}</tbody>
      </table></div>`}`;
  }
}

customElements.define('page-worker', WorkerPage);
