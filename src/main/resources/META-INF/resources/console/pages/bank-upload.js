// 上传题库: a bank file is checked first (the API's dry run), every problem shown at its row and column, and only a
// file that passed is imported, all or nothing. Fires bank-imported ({result}) after a real import.

import {html, nothing} from 'lit';
import {upload} from '../shared/api.js';
import {LightElement} from '../shared/console-page.js';
import {download} from '../shared/download.js';
import {describe, loading} from '../shared/states.js';
import {fieldName, problemText} from '../shared/questions.js';

const BANKS = '/api/v1/admin/question-banks';
const FORMATS = [['', '按文件扩展名识别'], ['xlsx', 'Excel（.xlsx）'], ['csv', 'CSV'], ['gift', 'Moodle GIFT'],
  ['aiken', 'Aiken'], ['json', 'JSON']];
const NOTE = '支持 Excel、CSV（UTF-8 或 GBK）、Moodle GIFT、Aiken 和 JSON，最大 10 MB、5,000 题。先检查，检查通过后才能导入；'
  + '有任何问题时整个文件都不会导入。GIFT 和 Aiken 常为 .txt 文件，请选择格式。';

class BankUpload extends LightElement {
  static properties = {
    file: {state: true},
    format: {state: true},
    busy: {state: true},
    outcome: {state: true},
    checked: {state: true},
  };

  constructor() {
    super();
    this.format = '';
  }

  render() {
    return html`<section class="panel" id="bank-upload">
      <div class="panel-head"><h2>上传题库</h2>
        <button class="button button-quiet" id="bank-template" @click=${this.template}>下载 Excel 模板</button></div>
      <div class="upload-form">
        <label class="field">题库文件
          <input type="file" id="bank-file" accept=".xlsx,.csv,.txt,.gift,.aiken,.json" @change=${this.choose}></label>
        <label class="field">文件格式
          <select id="bank-format" @change=${e => this.choose(e, e.target.value)}>
            ${FORMATS.map(([key, label]) => html`<option value=${key} ?selected=${key === this.format}>${label}</option>`)}
          </select></label>
        <div class="button-row">
          <button class="button" id="bank-check" ?disabled=${!this.file || this.busy} @click=${() => this.send(true)}>检查文件</button>
          <button class="button button-primary" id="bank-import" ?disabled=${!this.checked || this.busy}
              @click=${() => this.send(false)}>导入题库</button>
        </div>
      </div>
      <div class="card-note">${NOTE}</div>
      <div id="bank-result" aria-live="polite">${this.busy ? loading(this.busy) : this.result()}</div>
    </section>`;
  }

  choose(event, format = this.format) {
    if (event.target.id === 'bank-file') this.file = event.target.files[0] ?? null;
    this.format = format;
    this.checked = false;
    this.outcome = null;
  }

  async send(dryRun) {
    this.busy = dryRun ? '检查结果' : '导入结果';
    this.outcome = null;
    try {
      const result = await upload(BANKS, {dryRun, format: this.format}, this.file);
      this.outcome = {result};
      this.checked = dryRun && result.duplicateOf == null;
      if (!dryRun && result.duplicateOf == null) {
        this.dispatchEvent(new CustomEvent('bank-imported', {detail: {result}, bubbles: true}));
      }
    } catch (error) {
      this.outcome = {error};
      this.checked = false;
      if (error.status === 422) this.forgetFile();
    } finally {
      this.busy = null;
    }
  }

  /** A file with problems is fixed on disk and chosen again: the browser would not re-read the old choice. */
  forgetFile() {
    this.file = null;
    const input = this.querySelector('#bank-file');
    if (input) input.value = '';
  }

  result() {
    const outcome = this.outcome;
    if (!outcome) return nothing;
    if (outcome.error) return this.problems(outcome.error);
    const r = outcome.result;
    if (r.duplicateOf != null) {
      return html`<div class="notice notice-warn" role="status" id="bank-duplicate">这个文件已经导入过（题库 #${r.duplicateOf}
        《${r.name}》），没有重复导入。</div>`;
    }
    if (r.dryRun) {
      return html`<div class="notice notice-ok" role="status" id="bank-checked">检查通过：《${r.name}》共 ${r.questions} 道题，
        没有发现问题，可以导入。</div>`;
    }
    return html`<div class="notice notice-ok" role="status" id="bank-imported">已导入《${r.name}》的 ${r.questions} 道题（题库
      #${r.bankId}），题目已启用，可在下方题目列表中查看。</div>`;
  }

  problems(error) {
    const errors = error.problem?.errors ?? [];
    if (error.status === 422 && errors.length > 0) {
      const total = error.problem.errorCount ?? errors.length;
      const unit = /\.json$/i.test(this.file?.name ?? '') || this.format === 'json' ? '题' : '行';
      return html`<div class="notice notice-error" role="alert" data-status="422" id="bank-problems">
          <strong class="problems-title">发现 ${total} 个问题，整个文件都没有导入</strong>
          <div>请按下表逐条修改文件，然后重新选择文件并检查。${total > errors.length ? `下表列出前 ${errors.length} 个。` : ''}</div>
        </div>
        <div class="table-wrap"><table class="table compact" id="bank-errors">
          <thead><tr><th>位置</th><th>问题</th></tr></thead>
          <tbody>${errors.map(e => html`<tr data-row=${e.row ?? ''} data-column=${e.column ?? ''}>
            <td class="where"><span class="where-row">${e.row ? `第 ${e.row} ${unit}` : '整个文件'}</span>
              ${e.column && e.column !== 'file' ? html`<span class="where-column">${fieldName(e.column)}${fieldName(e.column) !== e.column
                ? html` <span class="person-meta">${e.column}</span>` : nothing}</span>` : nothing}</td>
            <td class="problem-message" title=${e.message} data-message=${e.message}>${problemText(e.message)}</td></tr>`)}</tbody>
        </table></div>`;
    }
    const {title, hint} = explain(error);
    return html`<div class="state state-error" role="alert" data-status=${error.status ?? ''} id="bank-problems">
      <div class="state-title">${title}</div>${hint ? html`<div class="state-hint">${hint}</div>` : nothing}</div>`;
  }

  async template() {
    this.outcome = null;
    try {
      await download(`${BANKS}/template.xlsx`, {}, 'question-bank-template.xlsx');
    } catch (error) {
      this.outcome = {error};
    }
  }
}

/** The bank endpoint's own refusals in Chinese; anything else as every page says it. */
function explain(error) {
  switch (error.slug) {
    case 'unsupported-bank-format':
      return {title: '无法识别文件格式', hint: '请在“文件格式”中选择格式（GIFT 和 Aiken 文件常以 .txt 结尾）。'};
    case 'empty-question-bank':
      return {title: '文件中没有题目', hint: '请对照模板填写题目后再上传。'};
    case 'file-too-large':
      return {title: '文件过大', hint: '题库文件最大 10 MB；请拆分为多个文件上传。'};
    default:
      return describe(error);
  }
}

customElements.define('bank-upload', BankUpload);
