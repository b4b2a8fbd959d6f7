// 题库: upload a bank (checked first), the template, the uploaded banks with their Excel and GIFT exports, and every
// question, filtered and paged as the API allows, each to edit, approve or retire. Province admins only (the API's rule).

import {html, nothing} from 'lit';
import {getJson} from '../shared/api.js';
import {ConsolePage} from '../shared/console-page.js';
import {download} from '../shared/download.js';
import {formatCount, formatDateTime} from '../shared/format.js';
import {pageOf, pager} from '../shared/pager.js';
import {href} from '../shared/router.js';
import {describe, empty, failure, loading} from '../shared/states.js';
import {QuestionConflict, SOURCES, STATUSES, TYPES, editOf, saveQuestion, tagText} from '../shared/questions.js';
import './bank-upload.js';
import './question-editor.js';

const PAGE_SIZE = 20;
const FILTERS = ['status', 'type', 'source', 'moduleCode'];

class QuestionBankPage extends ConsolePage {
  static properties = {
    list: {state: true},
    banks: {state: true},
    editing: {state: true},
    rowNote: {state: true},
    exporting: {state: true},
  };

  /** The banks and the questions load, and fail, each on its own. */
  load() {
    this.loadBanks();
    this.loadList();
  }

  async loadBanks() {
    this.banks = null;
    try {
      this.banks = {value: await getJson('/api/v1/admin/question-banks')};
    } catch (error) {
      this.banks = {error};
    }
  }

  async loadList() {
    this.list = null;
    this.rowNote = null;
    const filters = Object.fromEntries(FILTERS.map(key => [key, this.query[key]]));
    try {
      this.list = {value: await getJson('/api/v1/admin/questions', {...filters, page: pageOf(this.query), size: PAGE_SIZE})};
    } catch (error) {
      this.list = {error};
    }
  }

  render() {
    // Whom the API turns away from the banks (it lets province admins in) sees that once, not under every part.
    if (this.banks?.error?.status === 403) return failure(this.banks.error);
    return html`
      <div class="page-head"><h1>题库</h1><div class="page-meta">全省学习活动测验和结业考试的题目</div></div>
      <bank-upload @bank-imported=${this.imported}></bank-upload>
      ${this.bankTable()}
      ${this.editing ? html`<question-editor .questionId=${this.editing} @question-saved=${this.saved}
          @editor-closed=${() => { this.editing = null; }}></question-editor>` : nothing}
      <section class="panel" id="questions">
        <div class="panel-head"><h2>题目</h2></div>
        ${this.filters()}
        ${this.questions()}
      </section>`;
  }

  bankTable() {
    const state = this.banks;
    const body = !state ? loading('题库') : state.error ? failure(state.error, () => this.loadBanks())
      : state.value.length === 0 ? empty('还没有上传的题库', '上传的题库会列在这里，并可导出为 Excel 或 GIFT 文件。')
      : html`<div class="table-wrap"><table class="table" id="bank-table">
          <thead><tr><th>题库</th><th class="num">题数</th><th class="optional">上传</th><th>导出</th></tr></thead>
          <tbody>${[...state.value].reverse().map(bank => html`<tr data-bank=${bank.id}>
            <td>${bank.name}<div class="person-meta">#${bank.id} · ${bank.format}</div></td>
            <td class="num">${formatCount(bank.questionCount)}</td>
            <td class="optional">${formatDateTime(bank.createdAt)}<div class="person-meta">${bank.createdBy ?? '—'}</div></td>
            <td><div class="button-row">
              <button class="button button-quiet" data-export="xlsx" ?disabled=${this.exporting} @click=${() => this.export(bank, 'xlsx')}>Excel</button>
              <button class="button button-quiet" data-export="gift" ?disabled=${this.exporting} @click=${() => this.export(bank, 'gift')}>GIFT</button>
            </div></td></tr>`)}</tbody>
        </table></div>
        ${this.exporting?.error ? html`<div class="toast notice-error" role="alert" id="export-result">${this.exporting.error}</div>` : nothing}`;
    return html`<section class="panel" id="banks"><div class="panel-head"><h2>已上传的题库</h2></div>${body}</section>`;
  }

  async export(bank, format) {
    this.exporting = {format};
    try {
      await download(`/api/v1/admin/question-banks/${bank.id}/export`, {format},
        `question-bank-${bank.id}.${format === 'xlsx' ? 'xlsx' : 'gift.txt'}`);
      this.exporting = null;
    } catch (error) {
      this.exporting = {error: `导出失败：${describe(error).title}`};
    }
  }

  filters() {
    const select = (key, label, values) => html`<label class="field">${label}
      <select name=${key} id=${`filter-${key}`} @change=${e => this.filter(e.target.form)}>
        <option value="">全部</option>
        ${Object.entries(values).map(([value, text]) => html`<option value=${value} ?selected=${this.query[key] === value}>${text}</option>`)}
      </select></label>`;
    return html`<form class="filters" id="question-filters" @submit=${e => { e.preventDefault(); this.filter(e.target); }}>
      ${select('status', '状态', STATUSES)}
      ${select('type', '题型', TYPES)}
      ${select('source', '来源', SOURCES)}
      <label class="field">模块编号
        <input type="text" name="moduleCode" id="filter-moduleCode" .value=${this.query.moduleCode ?? ''} placeholder="如 3.1" maxlength="32"></label>
      <button class="button" type="submit">筛选</button>
    </form>`;
  }

  filter(form) {
    const data = new FormData(form);
    location.hash = href('question-bank', [], Object.fromEntries(FILTERS.map(key => [key, String(data.get(key) ?? '').trim()])));
  }

  questions() {
    const state = this.list;
    if (!state) return loading('题目');
    if (state.error) return failure(state.error, () => this.loadList());
    const list = state.value;
    if (list.total === 0) {
      return FILTERS.some(key => this.query[key])
        ? empty('没有符合筛选条件的题目', '请放宽筛选条件。')
        : empty('题库中还没有题目', '导入学习材料会自动生成题目，也可以上传题库文件。');
    }
    return html`<ol class="question-list" id="question-list">${list.items.map(q => this.question(q))}</ol>
      ${pager(list, page => href('question-bank', [], {...this.query, page}), '题')}`;
  }

  question(q) {
    const note = this.rowNote?.id === q.id ? this.rowNote : null;
    const choices = q.options ?? [];
    return html`<li class="question" data-question=${q.id} data-status=${q.status}>
      <div class="question-meta">
        <span class="question-id">#${q.id}</span>
        <span class="badge">${TYPES[q.type] ?? q.type}</span>
        <span class="badge ${q.status === 'APPROVED' ? 'badge-ok' : q.status === 'DRAFT' ? 'badge-warn' : ''}" data-role="status">${STATUSES[q.status] ?? q.status}</span>
        <span class="person-meta">${SOURCES[q.source] ?? q.source}${q.moduleCode ? ` · 模块 ${q.moduleCode}` : ''} · 第 ${q.version} 版${q.bankId ? ` · 题库 #${q.bankId}` : ''}</span>
        ${(q.tags ?? []).map(tag => html`<span class="tag" title=${tag}>${tagText(tag)}</span>`)}
        <span class="button-row question-actions">
          <button class="button button-quiet" data-action="edit" @click=${() => this.edit(q)}>编辑</button>
          ${q.status !== 'APPROVED' ? html`<button class="button button-quiet" data-action="approve" @click=${() => this.setStatus(q, 'APPROVED')}>审核通过</button>` : nothing}
          ${q.status !== 'RETIRED' ? html`<button class="button button-quiet" data-action="retire" @click=${() => this.setStatus(q, 'RETIRED')}>停用</button>` : nothing}
        </span>
      </div>
      <div class="question-stem">${q.stem}</div>
      ${choices.length ? html`<ol class="question-options">${choices.map(o => html`<li class=${q.answer.includes(o.key) ? 'key' : ''}>
          <span class="option-key">${o.key}</span>${o.text}${q.answer.includes(o.key) ? html`<span class="visually-hidden">（正确答案）</span>` : nothing}</li>`)}</ol>`
        : html`<div class="question-answer">答案：${q.answer.join(' / ')}</div>`}
      ${note ? this.noteOf(note) : nothing}
    </li>`;
  }

  noteOf(note) {
    if (note.conflict) {
      return html`<div class="notice notice-error row-note" role="alert" data-status="412">其他人已修改此题目，请刷新后重试。
        <button class="button button-quiet" data-action="reload" @click=${() => this.loadList()}>刷新列表</button></div>`;
    }
    return html`<div class="notice row-note ${note.error ? 'notice-error' : ''}" role="status">${note.text}</div>`;
  }

  edit(q) {
    this.editing = null;
    // A new editor element for the question, so it loads the question (and its ETag) afresh.
    this.updateComplete.then(() => {
      this.editing = q.id;
      return this.updateComplete;
    }).then(() => this.querySelector('#question-editor')?.scrollIntoView({block: 'start'}));
  }

  async setStatus(q, status) {
    if (status === 'RETIRED' && !window.confirm(`停用后各测验不再抽取题目 #${q.id}，已有的答题记录和统计保留。确定停用吗？`)) return;
    this.rowNote = {id: q.id, text: '正在保存…'};
    try {
      const {question} = await saveQuestion(q, null, editOf(q, {status}));
      this.replace(question);
      this.rowNote = {id: q.id, text: status === 'APPROVED' ? '已审核通过，可被测验抽取。' : '已停用，测验不再抽取此题。'};
    } catch (error) {
      this.rowNote = error instanceof QuestionConflict ? {id: q.id, conflict: true}
        : {id: q.id, error: true, text: describe(error).title};
    }
  }

  saved(event) {
    this.replace(event.detail.question);
  }

  replace(question) {
    if (!this.list?.value) return;
    const items = this.list.value.items.map(item => (item.id === question.id ? question : item));
    this.list = {value: {...this.list.value, items}};
  }

  /**
   * After an import the list shows the page of the first imported question (uploaded ones are listed by id). The address
   * follows without a hashchange, which would make the shell replace this page and lose the import's report.
   */
  async imported(event) {
    this.loadBanks();
    try {
      const {total} = await getJson('/api/v1/admin/questions', {source: 'UPLOADED', size: 1});
      const first = Math.max(0, total - event.detail.result.questions);
      const query = {source: 'UPLOADED', page: String(Math.floor(first / PAGE_SIZE))};
      history.pushState(null, '', href('question-bank', [], query));
      this.query = query;
    } finally {
      this.loadList();
    }
  }
}

customElements.define('page-question-bank', QuestionBankPage);
