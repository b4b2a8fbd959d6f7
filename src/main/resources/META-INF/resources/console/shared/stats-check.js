// 统计核对: a province admin who doubts a figure checks every counter against the records now, instead of waiting
// for the night's check (POST /api/v1/admin/stats/reconcile, then the job polled until it ends).

import {html, nothing} from 'lit';
import {getJson, request} from './api.js';
import {LightElement} from './console-page.js';
import {describe} from './states.js';
import {formatCount} from './format.js';

const JOBS = '/api/v1/admin/stats/reconcile';
const POLL_MILLIS = 2000;

class StatsCheck extends LightElement {
  static properties = {
    job: {state: true},
    problem: {state: true},
  };

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  render() {
    const running = this.job?.state === 'RUNNING';
    return html`<section class="panel" id="stats-check">
      <div class="panel-head"><h2>统计核对</h2></div>
      <div class="card-note">统计随职工的学习实时累计，每晚自动与原始记录核对一次。对某个数字有疑问时，可以立即核对全部统计，
        发现偏差当场修正；全省规模约需几分钟，其间统计照常可查。</div>
      ${this.outcome()}
      <div class="button-row"><button class="button" id="stats-check-start" ?disabled=${running}
          @click=${() => this.start()}>${running ? '正在核对…' : '立即核对'}</button></div>
    </section>`;
  }

  outcome() {
    if (this.problem) {
      return html`<div class="notice notice-error" role="alert" id="stats-check-result">${this.problem}</div>`;
    }
    const job = this.job;
    if (!job) return nothing;
    const drift = job.totalDrift;
    const text = job.state === 'RUNNING'
      ? `正在核对：已核对 ${formatCount(job.rowsDone)} / ${formatCount(job.rowsEstimated)} 个工会${drift ? `，已修正 ${formatCount(drift)} 处偏差` : ''}。`
      : job.state === 'SUCCEEDED'
        ? (drift === 0 ? '核对完成：统计与原始记录一致。' : `核对完成：发现并修正了 ${formatCount(drift)} 处偏差，刷新页面即可看到修正后的统计。`)
        : `核对失败：${job.failure ?? '原因见服务日志'}。请稍后重试。`;
    return html`<div class="notice ${job.state === 'FAILED' ? 'notice-error' : ''}" role="status" id="stats-check-result"
        data-state=${job.state}>${text}</div>`;
  }

  async start() {
    this.problem = null;
    try {
      const response = await request(JOBS, {}, {method: 'POST', headers: {Accept: 'application/json'}});
      this.job = await response.json();
      this.follow();
    } catch (error) {
      this.problem = error?.slug === 'reconcile-running'
        ? '已有一次核对正在进行（可能是每晚的自动核对，或发布活动后的重算），请稍后再试。'
        : `无法开始核对：${describe(error).title}`;
    }
  }

  follow() {
    clearTimeout(this.timer);
    if (this.job.state !== 'RUNNING') return;
    this.timer = setTimeout(async () => {
      try {
        this.job = await getJson(`${JOBS}/${encodeURIComponent(this.job.id)}`);
        this.follow();
      } catch (error) {
        this.problem = `无法读取核对进度：${describe(error).title}`;
      }
    }, POLL_MILLIS);
  }
}

customElements.define('stats-check', StatsCheck);
