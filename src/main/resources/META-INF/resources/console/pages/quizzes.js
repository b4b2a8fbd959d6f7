// 测验设置: every quiz with its campaign or document, filtered by kind; one quiz's settings edited with If-Match, and a
// quiz archived (after a confirmation) or restored. Province admins only (the API's rule).

import {html, nothing} from 'lit';
import {getJson, request} from '../shared/api.js';
import {ConsolePage} from '../shared/console-page.js';
import {beijingDay, windowEnd, windowStart} from '../shared/days.js';
import {pageOf, pager} from '../shared/pager.js';
import {href} from '../shared/router.js';
import {alert, describe, empty, failure, loading} from '../shared/states.js';
import {VALIDATION, translate} from '../shared/translate.js';

const QUIZZES = '/api/v1/admin/quizzes';
const KINDS = {FINAL: '结业考试', DAILY: '每日答题', MODULE: '模块测验'};
const PAGE_SIZE = 50;
const FORBIDDEN = {title: '无权访问：测验设置仅对省总管理员开放', hint: '测验的题数、及格分和限时由省总管理员设置。'};
const FIELDS = {
  title: '名称', questionCount: '题数', passScore: '及格分', timeLimitSeconds: '限时', maxAttempts: '可考次数',
  opensAt: '开始日期', closesAt: '截止日期', moduleCode: '模块',
};
const MESSAGES = [
  [/^at most (\d+) for this draw rule$/, (m, n) => `题库中符合抽题规则的已审核题目只有 ${n} 道，题数最多 ${n}`],
  ...VALIDATION,
];

class QuizzesPage extends ConsolePage {
  static properties = {
    state: {state: true},
    editing: {state: true},
    outcome: {state: true},
    saving: {state: true},
  };

  get kind() {
    return KINDS[this.query.kind] ? this.query.kind : '';
  }

  async load() {
    this.state = null;
    try {
      const [quizzes, campaigns, notices] = await Promise.all([getJson(QUIZZES), getJson('/api/v1/admin/campaigns', {size: 100}),
        getJson('/api/v1/notices')]);
      this.state = {quizzes, campaigns: new Map(campaigns.items.map(c => [c.id, c.title])),
        notices: new Map(notices.map(n => [n.id, n.docNumber ?? n.title]))};
    } catch (error) {
      this.state = {error};
    }
  }

  render() {
    if (!this.state) return loading('测验');
    if (this.state.error) {
      return this.state.error.status === 403 ? alert(FORBIDDEN, null, 403, this.state.error.slug)
        : failure(this.state.error, () => this.load());
    }
    const shown = this.state.quizzes.filter(q => (!this.kind || q.kind === this.kind) && (q.active || this.query.archived));
    const page = pageOf(this.query);
    const list = {items: shown.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE), total: shown.length, page, size: PAGE_SIZE};
    return html`
      <div class="page-head"><h1>测验设置</h1><div class="page-meta">每份公文的模块测验、每个活动的结业考试和每日答题</div></div>
      ${this.editing ? this.editor() : nothing}
      <section class="panel" id="quizzes">
        <form class="filters" id="quiz-filters" @change=${e => this.filter(e.currentTarget)} @submit=${e => e.preventDefault()}>
          <label class="field">类型<select name="kind" id="filter-kind">
            <option value="">全部</option>
            ${Object.entries(KINDS).map(([key, label]) => html`<option value=${key} ?selected=${key === this.kind}>${label}</option>`)}
          </select></label>
          <label class="check"><input type="checkbox" name="archived" id="filter-archived" .checked=${Boolean(this.query.archived)}> 显示已归档的测验</label>
        </form>
        ${this.outcome && !this.editing ? this.outcomePart() : nothing}
        ${list.total === 0 ? empty('没有符合条件的测验') : html`<div class="table-wrap"><table class="table" id="quiz-table">
          <thead><tr><th>名称</th><th>类型</th><th class="num">题数</th><th class="num">及格分</th><th class="num">限时</th>
            <th class="num">可考次数</th><th>状态</th><th></th></tr></thead>
          <tbody>${list.items.map(q => this.row(q))}</tbody></table></div>`}
        ${pager(list, p => href('quizzes', [], {...this.query, page: p}), '个测验')}
      </section>`;
  }

  row(q) {
    const owner = q.campaignId ? `活动：${this.state.campaigns.get(q.campaignId) ?? `#${q.campaignId}`}`
      : q.noticeId ? `公文：${this.state.notices.get(q.noticeId) ?? `#${q.noticeId}`}${q.moduleCode ? ` · 模块 ${q.moduleCode}` : ''}`
        : '管理员创建';
    return html`<tr data-quiz=${q.id} data-active=${q.active}>
      <td>${q.title}<div class="person-meta">${owner}</div></td>
      <td>${KINDS[q.kind] ?? q.kind}</td>
      <td class="num">${q.questionCount}</td><td class="num">${q.passScore}</td>
      <td class="num">${Math.round(q.timeLimitSeconds / 60)} 分钟</td>
      <td class="num">${q.kind === 'DAILY' ? '每天 1 次' : q.maxAttempts ?? '不限'}</td>
      <td><span class="badge ${q.active ? 'badge-ok' : ''}">${q.active ? '启用' : '已归档'}</span></td>
      <td class="row-actions">${q.active
        ? html`<button class="button button-quiet" data-action="edit" @click=${() => this.edit(q)}>编辑</button>
            <button class="button button-quiet" data-action="archive" @click=${() => this.archive(q)}>归档</button>`
        : html`<button class="button button-quiet" data-action="restore" @click=${() => this.restore(q)}>恢复</button>`}</td>
    </tr>`;
  }

  filter(form) {
    const data = new FormData(form);
    location.hash = href('quizzes', [], {kind: String(data.get('kind') ?? ''), archived: data.get('archived') ? '1' : ''});
  }

  async edit(q) {
    this.outcome = null;
    try {
      const response = await request(`${QUIZZES}/${q.id}`, {}, {headers: {Accept: 'application/json'}});
      this.editing = {quiz: await response.json(), etag: response.headers.get('ETag')};
      await this.updateComplete;
      this.querySelector('#quiz-editor')?.scrollIntoView({block: 'start'});
    } catch (error) {
      this.outcome = {error, quiz: q};
    }
  }

  editor() {
    const q = this.editing.quiz;
    return html`<section class="panel" id="quiz-editor" data-quiz=${q.id}>
      <div class="panel-head"><h2>编辑测验 #${q.id}</h2><span class="page-meta">${KINDS[q.kind]} · 第 ${q.revision} 版</span></div>
      ${this.outcomePart()}
      <form class="editor" @submit=${e => this.save(e)}>
        <label class="field">名称<input type="text" name="title" id="quiz-title" maxlength="200" required .value=${q.title}></label>
        <div class="editor-row">
          <label class="field">题数<input type="number" name="questionCount" id="quiz-count" min="1" max="100" required .value=${String(q.questionCount)}></label>
          <label class="field">及格分<input type="number" name="passScore" id="quiz-pass" min="0" max="100" required .value=${String(q.passScore)}></label>
          <label class="field">限时（分钟）<input type="number" name="minutes" id="quiz-minutes" min="1" max="240" required .value=${String(Math.round(q.timeLimitSeconds / 60))}></label>
        </div>
        <div class="editor-row">
          <label class="field">开始日期<input type="date" name="opensAt" id="quiz-opens" min="2000-01-01" max="2099-12-31" .value=${beijingDay(q.opensAt)}></label>
          <label class="field">截止日期<input type="date" name="closesAt" id="quiz-closes" min="2000-01-01" max="2099-12-31" .value=${beijingDay(q.closesAt)}></label>
          ${q.kind === 'DAILY' ? html`<span class="field">可考次数<span>每天 1 次</span></span>`
            : html`<label class="field">可考次数（空为不限）<input type="number" name="maxAttempts" id="quiz-attempts" min="1" max="100" .value=${q.maxAttempts == null ? '' : String(q.maxAttempts)}></label>`}
        </div>
        <label class="check"><input type="checkbox" name="shuffleQuestions" .checked=${q.shuffleQuestions}> 每人题目顺序不同</label>
        <label class="check"><input type="checkbox" name="shuffleOptions" .checked=${q.shuffleOptions}> 每人选项顺序不同</label>
        <div class="card-note">保存后新开始的作答按新设置出题；已交卷的成绩不变。</div>
        <div class="button-row">
          <button class="button button-primary" type="submit" id="quiz-save" ?disabled=${this.saving}>${this.saving ? '正在保存…' : '保存'}</button>
          <button class="button" type="button" id="quiz-cancel" @click=${() => { this.editing = null; this.outcome = null; }}>关闭</button>
        </div>
      </form>
    </section>`;
  }

  outcomePart() {
    const outcome = this.outcome;
    if (!outcome) return nothing;
    if (outcome.conflict) {
      return html`<div class="state state-error" role="alert" id="quiz-conflict" data-status="412">
        <div class="state-title">保存失败：这个测验已被他人修改</div>
        <div class="state-hint">为免覆盖对方的修改，本次没有保存。请重新打开后再修改。</div>
        <button class="button button-primary" id="quiz-reload" @click=${() => this.reopen()}>重新打开</button></div>`;
    }
    if (outcome.error) return alert(explain(outcome.error), null, outcome.error.status, outcome.error.slug);
    return html`<div class="notice" role="status" id="quiz-done">${outcome.done}</div>`;
  }

  async reopen() {
    const id = this.editing.quiz.id;
    await this.load();
    const quiz = this.state.quizzes?.find(q => q.id === id);
    this.editing = null;
    if (quiz) await this.edit(quiz);
  }

  async save(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const q = this.editing.quiz;
    this.saving = true;
    this.outcome = null;
    try {
      const attempts = String(form.get('maxAttempts') ?? '');
      const body = {
        title: String(form.get('title')).trim(), kind: q.kind, moduleCode: q.moduleCode, drawRule: q.drawRule,
        questionCount: Number(form.get('questionCount')), passScore: Number(form.get('passScore')),
        timeLimitSeconds: Number(form.get('minutes')) * 60,
        maxAttempts: q.kind === 'DAILY' || attempts === '' ? null : Number(attempts),
        opensAt: windowStart(String(form.get('opensAt') ?? ''), q.opensAt),
        closesAt: windowEnd(String(form.get('closesAt') ?? ''), q.closesAt),
        shuffleQuestions: form.has('shuffleQuestions'), shuffleOptions: form.has('shuffleOptions'),
      };
      const response = await request(`${QUIZZES}/${q.id}`, {}, {method: 'PUT', body: JSON.stringify(body),
        headers: {'Content-Type': 'application/json', Accept: 'application/json', 'If-Match': this.editing.etag}});
      const saved = await response.json();
      this.editing = {quiz: saved, etag: response.headers.get('ETag')};
      this.replace(saved);
      this.outcome = {done: `已保存为第 ${saved.revision} 版。`};
    } catch (error) {
      this.outcome = error?.status === 412 ? {conflict: true} : {error};
    } finally {
      this.saving = false;
    }
  }

  async archive(q) {
    if (!window.confirm(`归档“${q.title}”后职工不能再开始作答，已有的成绩和统计保留，之后可以恢复。确定归档吗？`)) return;
    await this.act(q, 'DELETE', `${QUIZZES}/${q.id}`, '已归档');
  }

  async restore(q) {
    await this.act(q, 'POST', `${QUIZZES}/${q.id}/restore`, '已恢复');
  }

  async act(q, method, path, done) {
    this.outcome = null;
    this.editing = null;
    try {
      await request(path, {}, {method, headers: {Accept: 'application/json'}});
      this.replace(await getJson(`${QUIZZES}/${q.id}`));
      this.outcome = {done: `${done}“${q.title}”。`};
    } catch (error) {
      this.outcome = {error};
    }
  }

  replace(quiz) {
    this.state = {...this.state, quizzes: this.state.quizzes.map(q => (q.id === quiz.id ? quiz : q))};
  }
}

/** The quiz endpoints' refusals in Chinese, field by field; anything else as every page says it. */
function explain(error) {
  const fields = (error.problem?.errors ?? []).map(e => `${FIELDS[e.field] ?? e.field}：${translate(e.message, MESSAGES)}`).join('；');
  switch (error.slug) {
    case 'not-enough-questions':
      return {title: '题库中的已审核题目不够', hint: fields};
    case 'quiz-in-use':
      return {title: '这个测验正在使用中', hint: '它是进行中的学习活动的结业考试：先结束活动，才能归档它。'};
    case 'invalid-quiz':
    case 'validation':
      return {title: '测验设置有误', hint: fields};
    default:
      return error.status === 403 ? FORBIDDEN : describe(error);
  }
}

customElements.define('page-quizzes', QuizzesPage);
