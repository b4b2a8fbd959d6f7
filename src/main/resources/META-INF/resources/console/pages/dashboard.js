// 概览: one union's figures in one campaign, its children ranked by any figure (drill down, breadcrumbs back up),
// the daily trend, the 三微一端 channels and completion per module.

import {html, nothing} from 'lit';
import {getJson} from '../shared/api.js';
import {breadcrumbs} from '../shared/breadcrumbs.js';
import {loadECharts} from '../shared/chart.js';
import {ConsolePage} from '../shared/console-page.js';
import {formatCount, formatDateTime, formatDay, formatDuration, formatPercent, formatScore} from '../shared/format.js';
import {chainFrom} from '../shared/orgs.js';
import {href} from '../shared/router.js';
import {empty, failure, loading} from '../shared/states.js';
import '../shared/stats-check.js';

const RANKINGS = [
  ['completionRate', '完成率'], ['completed', '已完成'], ['started', '已开始'], ['workers', '职工数'],
  ['passRate', '考试通过率'], ['finalPassed', '考试通过'], ['secondsSpentTotal', '学习时长'], ['name', '名称'],
];
/** Longer module lists show their first few until the admin asks for all, so the page stays short on a phone. */
const MODULES_SHOWN = 8;
const CHANNELS = {WECHAT: '微信', WEIBO: '微博', VIDEO: '微视频', APP: '客户端'};
const CHANNEL_COLOURS = {WECHAT: '#07c160', WEIBO: '#e6162d', VIDEO: '#f59a23', APP: '#2f6fb3'};
const PARTS = ['summary', 'chain', 'children', 'trend', 'channels', 'modules'];

class DashboardPage extends ConsolePage {
  static properties = {
    parts: {state: true},
    allModules: {state: true},
  };

  get org() {
    return this.segments[0];
  }

  get sort() {
    return RANKINGS.some(([key]) => key === this.query.sort) ? this.query.sort : 'completionRate';
  }

  get order() {
    return this.query.order === 'asc' ? 'asc' : 'desc';
  }

  /** Each part loads and fails on its own; the summary decides whether the union may be shown at all. */
  load() {
    const base = `/api/v1/stats/orgs/${encodeURIComponent(this.org)}`;
    const campaign = this.query.campaign;
    delete this.dataset.rendered;
    this.parts = {};
    loadECharts(); // the charts' library loads while the figures are computed, not after they arrive
    const part = (name, promise) => promise.then(
      value => { this.parts = {...this.parts, [name]: {value}}; return value; },
      error => { this.parts = {...this.parts, [name]: {error}}; });
    part('summary', getJson(`${base}/summary`, {campaign})).then(summary => {
      if (summary) this.dispatchEvent(new CustomEvent('org-shown', {detail: {code: this.org}, bubbles: true}));
    });
    part('chain', chainFrom(this.context.me.org?.code ?? null, this.org));
    part('children', getJson(`${base}/children`, {campaign, sort: this.sort, order: this.order}));
    part('trend', getJson(`${base}/trend`, {campaign}));
    part('channels', getJson(`${base}/channels`, {campaign}));
    part('modules', getJson(`${base}/modules`, {campaign}));
  }

  /**
   * Once every part has answered and is drawn, charts included, data-rendered says so ("true", or "error" when a part
   * failed): a stable signal for tests and bench/console-render.
   */
  async updated() {
    const parts = this.parts;
    if (this.dataset.rendered || !PARTS.every(name => parts[name])) return;
    await Promise.all([...this.querySelectorAll('console-chart')].map(chart => chart.ready));
    if (this.parts === parts) this.dataset.rendered = PARTS.some(name => parts[name].error) ? 'error' : 'true';
  }

  render() {
    const summary = this.parts.summary;
    if (!summary) return loading('概览');
    if (summary.error) return failure(summary.error, () => this.load());
    const {figures, asOf, campaignTitle} = summary.value;
    return html`
      ${breadcrumbs(this.parts.chain?.value, 'dashboard', {campaign: this.query.campaign})}
      <div class="page-head">
        <h1 id="org-name">${figures.name}</h1>
        <div class="page-meta">${campaignTitle} · 数据截至 ${formatDateTime(asOf)}</div>
      </div>
      ${this.cards(figures)}
      ${this.children()}
      <div class="grid-2">
        ${this.trend()}
        ${this.channels()}
      </div>
      ${this.modules()}
      ${this.context.me.role === 'province-admin' ? html`<stats-check></stats-check>` : nothing}`;
  }

  cards(f) {
    const card = (key, label, value, note = '') => html`<div class="card" data-figure=${key}>
      <div class="card-label">${label}</div>
      <div class="card-value">${value}</div>
      <div class="card-note">${note}</div></div>`;
    return html`<section class="cards" aria-label="主要指标">
      ${card('workers', '参学职工', formatCount(f.workers), '学习活动覆盖的职工')}
      ${card('started', '已开始', formatCount(f.started), `占 ${formatPercent(f.workers ? f.started / f.workers : 0)}`)}
      ${card('completed', '已完成', formatCount(f.completed), `完成率 ${formatPercent(f.completionRate)}`)}
      ${card('finalPassed', '结业考试通过', formatCount(f.finalPassed),
        `参考 ${formatCount(f.finalAttempted)} 人 · 通过率 ${formatPercent(f.passRate)}`)}
      ${card('averageBestFinalScore', '考试平均分', formatScore(f.averageBestFinalScore), '每人最高分的平均')}
      ${card('secondsSpentTotal', '累计学习时长', formatDuration(f.secondsSpentTotal), '按有效阅读时间计')}
    </section>`;
  }

  children() {
    const state = this.parts.children;
    return html`<section class="panel" id="children">
      <div class="panel-head">
        <h2>下级工会排名</h2>
        <div class="panel-tools">
          <label class="field field-inline">排序
            <select id="ranking" @change=${e => this.rank(e.target.value, this.order)}>
              ${RANKINGS.map(([key, label]) => html`<option value=${key} ?selected=${key === this.sort}>${label}</option>`)}
            </select>
          </label>
          <button class="button button-quiet" id="order" @click=${() => this.rank(this.sort, this.order === 'desc' ? 'asc' : 'desc')}
              aria-label=${this.order === 'desc' ? '从高到低，点击改为从低到高' : '从低到高，点击改为从高到低'}>
            ${this.order === 'desc' ? '从高到低 ↓' : '从低到高 ↑'}</button>
        </div>
      </div>
      ${!state ? loading('下级工会') : state.error ? failure(state.error, () => this.load())
        : state.value.children.length === 0 ? empty('本工会没有下级工会', '可在“未完成名单”和“职工查询”中查看本工会的职工。')
        : this.childrenTable(state.value.children)}
    </section>`;
  }

  childrenTable(children) {
    const query = {campaign: this.query.campaign};
    return html`<div class="table-wrap"><table class="table ranking">
      <thead><tr>
        <th class="num">名次</th><th>工会</th><th class="num">职工</th><th class="num optional">已开始</th>
        <th class="num">已完成</th><th class="num">完成率</th><th class="num optional">考试通过率</th>
        <th class="num optional">学习时长</th>
      </tr></thead>
      <tbody>${children.map((child, index) => html`<tr data-org=${child.code} class=${child.workers === 0 ? 'idle' : ''}>
        <td class="num rank">${index + 1}</td>
        <td><a href=${href('dashboard', [child.code], query)} class="drill" data-org=${child.code}>${child.name}</a></td>
        <td class="num" data-figure="workers">${formatCount(child.workers)}</td>
        <td class="num optional" data-figure="started">${formatCount(child.started)}</td>
        <td class="num" data-figure="completed">${formatCount(child.completed)}</td>
        <td class="num" data-figure="completionRate">${rateBar(child.completionRate)}</td>
        <td class="num optional" data-figure="passRate">${formatPercent(child.passRate)}</td>
        <td class="num optional" data-figure="secondsSpentTotal">${formatDuration(child.secondsSpentTotal)}</td>
      </tr>`)}</tbody>
    </table></div>`;
  }

  rank(sort, order) {
    location.hash = href('dashboard', [this.org], {...this.query, sort, order});
  }

  trend() {
    const state = this.parts.trend;
    const body = !state ? loading('趋势') : state.error ? failure(state.error, () => this.load())
      : state.value.every(day => day.activeWorkers === 0 && day.completions === 0)
        ? empty('近 30 天没有学习活动', '职工开始学习后，这里会显示每天的学习人数和完成人数。')
        : html`<console-chart id="trend-chart" label="近 30 天每天学习人数和完成人数" .option=${trendOption(state.value)}></console-chart>`;
    return html`<section class="panel" id="trend"><div class="panel-head"><h2>每日趋势（近 30 天）</h2></div>${body}</section>`;
  }

  channels() {
    const state = this.parts.channels;
    const body = !state ? loading('渠道') : state.error ? failure(state.error, () => this.load())
      : state.value.every(channel => channel.events === 0) ? empty('还没有阅读记录', '职工通过三微一端阅读后，这里会显示各渠道的占比。')
      : html`<console-chart id="channel-chart" label="三微一端各渠道的阅读次数占比" .option=${channelOption(state.value)}></console-chart>
        <table class="table compact"><thead><tr><th>渠道</th><th class="num">阅读次数</th><th class="num">次数占比</th><th class="num">时长占比</th></tr></thead>
        <tbody>${state.value.map(c => html`<tr data-channel=${c.channel}><td>${CHANNELS[c.channel] ?? c.channel}</td>
          <td class="num">${formatCount(c.events)}</td><td class="num">${formatPercent(c.eventShare)}</td>
          <td class="num">${formatPercent(c.timeShare)}</td></tr>`)}</tbody></table>`;
    return html`<section class="panel" id="channels"><div class="panel-head"><h2>三微一端渠道</h2></div>${body}</section>`;
  }

  modules() {
    const state = this.parts.modules;
    const body = !state ? loading('模块') : state.error ? failure(state.error, () => this.load())
      : state.value.length === 0 ? empty('本学习活动还没有已发布的学习模块')
      : html`<ol class="module-list">${this.shownModules(state.value).map(m => html`<li data-module=${m.code}>
          <span class="module-code">${m.code}</span><span class="module-title">${m.title}</span>
          ${rateBar(m.completionRate)}
          <div class="module-note">已完成 ${formatCount(m.completed)} · 已开始 ${formatCount(m.started)}
            ${m.averageBestScore === null ? nothing : html` · 测验平均分 ${formatScore(m.averageBestScore)}`}</div>
        </li>`)}</ol>
        ${this.shownModules(state.value).length < state.value.length ? html`<button class="button button-quiet" id="all-modules"
            @click=${() => { this.allModules = true; }}>显示全部 ${state.value.length} 个模块</button>` : nothing}`;
    return html`<section class="panel" id="modules"><div class="panel-head"><h2>各模块完成情况</h2></div>${body}</section>`;
  }

  shownModules(modules) {
    return this.allModules || modules.length <= MODULES_SHOWN + 2 ? modules : modules.slice(0, MODULES_SHOWN);
  }
}

function rateBar(rate) {
  return html`<span class="rate"><span class="rate-bar" aria-hidden="true"><span style="width:${Math.min(100, rate * 100)}%"></span></span>
    <span class="rate-text">${formatPercent(rate)}</span></span>`;
}

function trendOption(days) {
  return {
    color: ['#c8161d', '#2f6fb3'],
    tooltip: {trigger: 'axis'},
    legend: {top: 0, data: ['学习人数', '完成人数']},
    grid: {left: 8, right: 12, top: 36, bottom: 8, containLabel: true},
    xAxis: {type: 'category', data: days.map(day => formatDay(day.day)), axisLabel: {hideOverlap: true}},
    yAxis: {type: 'value', minInterval: 1},
    series: [
      {name: '学习人数', type: 'line', symbolSize: 4, data: days.map(day => day.activeWorkers), areaStyle: {opacity: 0.08}},
      {name: '完成人数', type: 'bar', barMaxWidth: 12, data: days.map(day => day.completions)},
    ],
  };
}

function channelOption(channels) {
  return {
    tooltip: {trigger: 'item', formatter: '{b}：{d}%'},
    legend: {bottom: 0},
    series: [{
      type: 'pie', radius: ['45%', '70%'], center: ['50%', '45%'], label: {formatter: '{b}\n{d}%'},
      data: channels.map(c => ({name: CHANNELS[c.channel] ?? c.channel, value: c.events,
        itemStyle: {color: CHANNEL_COLOURS[c.channel] ?? '#888'}})),
    }],
  };
}

customElements.define('page-dashboard', DashboardPage);
