// 题目分析: the campaign's FINAL in a union's subtree as Moodle's quiz statistics report it (first attempts, average,
// deviation, internal consistency) and per question the facility index, discrimination index and discriminative
// efficiency, sortable, with the API's flags as Chinese badges and a legend of the definitions.

import {html, nothing} from 'lit';
import {getJson} from '../shared/api.js';
import {breadcrumbs} from '../shared/breadcrumbs.js';
import {formatCount, formatDateTime, formatPercent} from '../shared/format.js';
import {OrgPage} from '../shared/org-page.js';
import {href} from '../shared/router.js';
import {empty, failure, loading} from '../shared/states.js';
import {TYPES} from '../shared/questions.js';

/** The API's flags (stats/ItemFlags, the quiz-wide ones of stats over every attempt) and how serious each is. */
const FLAGS = {
  FACILITY_VERY_LOW: ['过难（易度 ≤ 5）', 'bad'],
  FACILITY_VERY_HIGH: ['过易（易度 ≥ 95）', 'warn'],
  NEGATIVE_DISCRIMINATION: ['负区分度：疑似答案有误', 'bad'],
  WEAK_DISCRIMINATION: ['区分度弱（< 20）', 'warn'],
  LOW_DISCRIMINATIVE_EFFICIENCY: ['区分效率低（< 15）', 'warn'],
  LOW_INTERNAL_CONSISTENCY: ['内部一致性低（< 64）', 'bad'],
  NEARLY_EVERYONE_WRONG: ['正确率低于 20%', 'bad'],
  DISTRACTOR_BEATS_KEY: ['错误选项比正确答案选得多', 'bad'],
};
/** Sortable columns: the key in the question's finalExam figures (or the question itself) and its heading. */
const COLUMNS = [
  ['firstAttempts', '首次作答', 'final'], ['facilityIndex', '易度 F', 'final'], ['discriminationIndex', '区分度 D', 'final'],
  ['discriminativeEfficiency', '区分效率 DE', 'final'], ['asked', '全部作答', 'all'], ['percentCorrect', '全部正确率', 'all'],
];
const LIMIT = 1000;

class ItemAnalysisPage extends OrgPage {
  get sort() {
    return COLUMNS.some(([key]) => key === this.query.sort) ? this.query.sort : null;
  }

  get order() {
    return this.query.order === 'asc' ? 'asc' : 'desc';
  }

  async load() {
    this.result = null;
    this.loadChain();
    try {
      const value = await getJson(`/api/v1/stats/orgs/${encodeURIComponent(this.org)}/questions`,
        {campaign: this.query.campaign, limit: LIMIT});
      this.result = {value};
      this.dispatchEvent(new CustomEvent('org-shown', {detail: {code: this.org}, bubbles: true}));
    } catch (error) {
      this.result = {error};
    }
  }

  render() {
    if (!this.result) return loading('题目分析');
    if (this.result.error) return failure(this.result.error, () => this.load());
    const analysis = this.result.value;
    const name = this.chain?.at(-1)?.name ?? this.org;
    return html`
      ${breadcrumbs(this.chain, 'item-analysis', {campaign: this.query.campaign})}
      <div class="page-head"><h1 id="org-name">${name}</h1>
        <div class="page-meta">${analysis.campaignTitle} · 数据截至 ${formatDateTime(analysis.asOf)}</div></div>
      ${this.exam(analysis.finalExam)}
      <section class="panel" id="item-questions">
        <div class="panel-head"><h2>各题指标</h2>${this.sortTools()}</div>
        ${analysis.questions.length === 0
          ? empty('还没有作答记录', '职工参加本学习活动的测验或结业考试后，这里会显示每道题的作答情况。')
          : this.table(analysis.questions)}
      </section>
      ${this.legend()}`;
  }

  sortTools() {
    return html`<div class="panel-tools">
      <label class="field field-inline">排序
        <select id="item-sort" @change=${e => { location.hash = this.link(e.target.value || null, e.target.value ? this.order : null); }}>
          <option value="" ?selected=${!this.sort}>作答次数（默认）</option>
          ${COLUMNS.map(([key, label]) => html`<option value=${key} ?selected=${key === this.sort}>${label}</option>`)}
        </select></label>
      ${this.sort ? html`<a class="button button-quiet" id="item-order" href=${this.link(this.sort, this.order === 'desc' ? 'asc' : 'desc')}
          aria-label=${this.order === 'desc' ? '从高到低，点击改为从低到高' : '从低到高，点击改为从高到低'}>
          ${this.order === 'desc' ? '从高到低 ↓' : '从低到高 ↑'}</a>` : nothing}
    </div>`;
  }

  exam(exam) {
    if (!exam) {
      return html`<section class="panel" id="final-exam">${empty('本学习活动没有结业考试', '各题指标只统计结业考试的首次作答。')}</section>`;
    }
    const card = (key, label, value, note = '') => html`<div class="card" data-figure=${key}>
      <div class="card-label">${label}</div><div class="card-value">${value}</div><div class="card-note">${note}</div></div>`;
    return html`<section id="final-exam" aria-label="结业考试整体指标">
      <div class="page-meta exam-title">结业考试：${exam.title} · 每次 ${exam.questionsPerAttempt} 题</div>
      <div class="cards">
        ${card('firstAttempts', '首次作答人数', formatCount(exam.firstAttempts), '每人第一次按时提交的考试')}
        ${card('averageScore', '平均得分率', figure(exam.averageScore), '占满分的百分比')}
        ${card('standardDeviation', '标准差', figure(exam.standardDeviation), '得分率的样本标准差')}
        ${card('internalConsistency', '内部一致性系数', figure(exam.internalConsistency), html`${exam.flags.length
          ? badges(exam.flags) : exam.firstAttempts >= 30 ? 'Cronbach α × 100' : '首次作答满 30 人后判断'}`)}
      </div></section>`;
  }

  table(questions) {
    const rows = this.sorted(questions);
    return html`<div class="table-wrap"><table class="table item-table" id="item-table">
      <thead><tr><th class="rank">#</th><th>题目</th>
        ${COLUMNS.map(([key, label, scope]) => html`<th class="num ${scope === 'all' ? 'optional' : ''}"
            aria-sort=${this.sort === key ? (this.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
          <a class="sort" data-sort=${key} href=${this.link(key, this.sort === key && this.order === 'desc' ? 'asc' : 'desc')}>
            ${label}${this.sort === key ? (this.order === 'asc' ? ' ↑' : ' ↓') : ''}</a></th>`)}
        <th>标记</th></tr></thead>
      <tbody>${rows.map((q, index) => this.row(q, index))}</tbody>
    </table></div>`;
  }

  row(q, index) {
    const f = q.finalExam;
    const flags = [...f.flags, ...(q.flag ? [q.flag] : [])];
    return html`<tr data-question=${q.questionId} class=${flags.length ? 'flagged' : ''}>
      <td class="num rank">${index + 1}</td>
      <td class="item-stem"><div>${q.stem}</div>
        <details class="picks"><summary>${TYPES[q.type] ?? q.type}${q.moduleCode ? ` · 模块 ${q.moduleCode}` : ''} · #${q.questionId} · 选项分布</summary>
          <ol>${q.options.map(o => html`<li class=${o.isKey ? 'key' : ''}><span class="option-key">${o.key}</span>${o.text}
            <span class="person-meta">${formatCount(o.picks)} 次 · ${formatPercent(o.share)}${o.isKey ? ' · 正确答案' : ''}</span></li>`)}</ol>
        </details></td>
      <td class="num" data-figure="firstAttempts" data-label="首次作答">${formatCount(f.firstAttempts)}</td>
      <td class="num" data-figure="facilityIndex" data-label="易度 F">${figure(f.facilityIndex)}</td>
      <td class="num" data-figure="discriminationIndex" data-label="区分度 D">${figure(f.discriminationIndex)}</td>
      <td class="num" data-figure="discriminativeEfficiency" data-label="区分效率 DE">${figure(f.discriminativeEfficiency)}</td>
      <td class="num optional" data-figure="asked">${formatCount(q.asked)}</td>
      <td class="num optional" data-figure="percentCorrect">${formatPercent(q.percentCorrect)}</td>
      <td class="item-flags" data-figure="flags">${flags.length ? badges(flags) : nothing}</td>
    </tr>`;
  }

  /** The API's order (most asked first) unless a column is chosen; figures that are not defined go last either way. */
  sorted(questions) {
    const key = this.sort;
    if (!key) return questions;
    const scope = COLUMNS.find(([k]) => k === key)[2];
    const value = q => (scope === 'final' ? q.finalExam[key] : q[key]);
    const direction = this.order === 'asc' ? 1 : -1;
    return [...questions].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
      if (y === null || y === undefined) return -1;
      return (x - y) * direction;
    });
  }

  link(sort, order) {
    return href('item-analysis', [this.org], {...this.query, sort, order});
  }

  legend() {
    return html`<section class="panel" id="item-legend">
      <div class="panel-head"><h2>指标说明</h2></div>
      <dl class="legend">
        <dt>易度 F（Facility index）</dt><dd>首次作答中答对该题的百分比。5 以下极难或题目可能有误，95 以上极易、区分不出水平。</dd>
        <dt>区分度 D（Discrimination index）</dt><dd>该题得分与本次考试其余各题得分之间的相关系数 × 100。负值说明其余题答得差的人反而更常答对，多为答案设置有误；低于 20 区分能力弱。</dd>
        <dt>区分效率 DE（Discriminative efficiency）</dt><dd>该题得分与其余题得分的协方差，占两者分布所允许的最大协方差的百分比；低于 15 说明该题几乎不起区分作用。</dd>
        <dt>内部一致性系数（CIC）</dt><dd>整卷的 Cronbach α × 100，按作答位置计算；低于 64 说明试卷整体一致性不理想。</dd>
        <dt>全部作答的标记</dt><dd>按所有测验的全部作答判断（作答满 10 次后）：正确率低于 20%，或某个错误选项被选次数多于正确答案，多为答案设置有误或题干有歧义。</dd>
        <dt>统计范围</dt><dd>只统计每名职工第一次、按时提交的结业考试（补考和超时作答不计）；标记在首次作答满 30 次后才给出。“全部作答”和“全部正确率”计入所有测验的每次作答。</dd>
      </dl>
      <div class="card-note">定义见 Moodle 文档《Quiz statistics calculations》《Quiz report statistics》。</div>
    </section>`;
  }
}

/** The API's percentages with their two decimals; a figure whose definition divides by zero is a dash. */
function figure(value) {
  return value === null || value === undefined ? '—' : `${value.toFixed(2)}%`;
}

function badges(flags) {
  return html`<span class="flag-list">${flags.map(flag => {
    const [label, level] = FLAGS[flag] ?? [flag, 'warn'];
    return html`<span class="badge ${level === 'bad' ? 'badge-bad' : 'badge-warn'}" data-flag=${flag}>${label}</span>`;
  })}</span>`;
}

customElements.define('page-item-analysis', ItemAnalysisPage);
