// 编辑题目: one question's wording, answer, explanation, module, tags and status, saved with If-Match; a change made by
// someone else in between is explained and can be reloaded. Fires question-saved ({question}) and editor-closed.

import {html, nothing} from 'lit';
import {LightElement} from '../shared/console-page.js';
import {describe, failure, loading} from '../shared/states.js';
import {QuestionConflict, STATUSES, TYPES, editOf, fieldName, loadQuestion, saveQuestion} from '../shared/questions.js';

const KEYS = 'ABCDEFGH';
const TAG_SEPARATOR = /[,，、;；]/;

class QuestionEditor extends LightElement {
  static properties = {
    questionId: {attribute: false},
    loaded: {state: true},
    draft: {state: true},
    saving: {state: true},
    outcome: {state: true},
  };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    this.loaded = null;
    this.outcome = null;
    try {
      const {question, etag} = await loadQuestion(this.questionId);
      this.loaded = {question, etag};
      this.draft = draftOf(question);
    } catch (error) {
      this.loaded = {error};
    }
  }

  render() {
    if (!this.loaded) return html`<section class="panel" id="question-editor">${loading('题目')}</section>`;
    if (this.loaded.error) {
      return html`<section class="panel" id="question-editor">${failure(this.loaded.error, () => this.load())}
        <button class="button" @click=${this.close}>关闭</button></section>`;
    }
    const {question} = this.loaded;
    const d = this.draft;
    return html`<section class="panel" id="question-editor" data-question=${question.id} aria-labelledby="editor-title">
      <div class="panel-head">
        <h2 id="editor-title">编辑题目 #${question.id}</h2>
        <span class="page-meta">${TYPES[question.type] ?? question.type} · 第 ${question.version} 版</span>
      </div>
      ${this.outcomeNote()}
      <form class="editor" @submit=${this.save}>
        <label class="field">题干
          <textarea id="edit-stem" rows="3" required .value=${d.stem} @input=${e => this.set({stem: e.target.value})}></textarea>
        </label>
        ${this.answerFields()}
        <label class="field">解析
          <textarea id="edit-explanation" rows="2" .value=${d.explanation} @input=${e => this.set({explanation: e.target.value})}></textarea>
        </label>
        <div class="editor-row">
          <label class="field">模块编号
            <input type="text" id="edit-module" .value=${d.moduleCode} placeholder="如 3.1" maxlength="32"
                @input=${e => this.set({moduleCode: e.target.value})}></label>
          <label class="field">标签（用逗号分隔）
            <input type="text" id="edit-tags" .value=${d.tags} @input=${e => this.set({tags: e.target.value})}></label>
          <label class="field">状态
            <select id="edit-status" @change=${e => this.set({status: e.target.value})}>
              ${Object.entries(STATUSES).map(([key, label]) => html`<option value=${key} ?selected=${key === d.status}>${label}</option>`)}
            </select></label>
        </div>
        <div class="button-row">
          <button class="button button-primary" type="submit" id="edit-save" ?disabled=${this.saving}>${this.saving ? '正在保存…' : '保存'}</button>
          <button class="button" type="button" id="edit-cancel" @click=${this.close}>取消</button>
        </div>
      </form>
    </section>`;
  }

  answerFields() {
    const d = this.draft;
    const type = this.loaded.question.type;
    if (type === 'FILL_BLANK') {
      return html`<label class="field">可接受的答案（每行一个）
        <textarea id="edit-answers" rows="2" .value=${d.accepted} @input=${e => this.set({accepted: e.target.value})}></textarea></label>`;
    }
    const multiple = type === 'MULTIPLE_CHOICE';
    const fixed = type === 'TRUE_FALSE';
    return html`<fieldset class="options-edit"><legend>选项与正确答案</legend>
      ${d.options.map((option, index) => html`<div class="option-edit" data-key=${option.key}>
        <label class="option-key"><input type=${multiple ? 'checkbox' : 'radio'} name="answer" .checked=${d.answer.includes(option.key)}
            @change=${e => this.mark(option.key, e.target.checked, multiple)} aria-label=${`${option.key} 为正确答案`}>${option.key}</label>
        ${fixed ? html`<span>${option.text}</span>` : html`<input type="text" class="option-text" .value=${option.text}
            aria-label=${`选项${option.key}`} @input=${e => this.setOption(index, e.target.value)}>`}
      </div>`)}
      ${fixed ? nothing : html`<div class="button-row">
        <button class="button button-quiet" type="button" id="add-option" ?disabled=${d.options.length >= KEYS.length}
            @click=${() => this.resize(1)}>添加选项</button>
        <button class="button button-quiet" type="button" id="remove-option" ?disabled=${d.options.length <= 2}
            @click=${() => this.resize(-1)}>删除最后一个选项</button></div>`}
    </fieldset>`;
  }

  outcomeNote() {
    const outcome = this.outcome;
    if (!outcome) return nothing;
    if (outcome.conflict) {
      return html`<div class="state state-error" role="alert" id="edit-conflict" data-status="412">
        <div class="state-title">其他人已修改此题目，请刷新后重试</div>
        <div class="state-hint">您的修改尚未保存。重新加载会显示最新内容，需要时请再修改一次。</div>
        <button class="button" id="edit-reload" @click=${() => this.load()}>重新加载</button></div>`;
    }
    if (outcome.saved) {
      return html`<div class="notice" role="status" id="edit-saved">已保存（第 ${outcome.saved.version} 版）。</div>`;
    }
    const {title, hint} = describe(outcome.error);
    const errors = outcome.error?.problem?.errors ?? [];
    return html`<div class="notice notice-error" role="alert" id="edit-error"><strong>${errors.length ? '题目有误，未保存' : title}</strong>
      ${errors.length ? html`<ul>${errors.map(e => html`<li>${fieldName(e.field)}：${e.message}</li>`)}</ul>` : hint ? html`<div>${hint}</div>` : nothing}
    </div>`;
  }

  set(changes) {
    this.draft = {...this.draft, ...changes};
  }

  setOption(index, text) {
    this.set({options: this.draft.options.map((option, i) => (i === index ? {...option, text} : option))});
  }

  mark(key, checked, multiple) {
    const others = multiple ? this.draft.answer.filter(k => k !== key) : [];
    this.set({answer: checked ? [...others, key].sort() : others});
  }

  resize(by) {
    const options = this.draft.options;
    const next = by > 0 ? [...options, {key: KEYS[options.length], text: ''}] : options.slice(0, -1);
    this.set({options: next, answer: this.draft.answer.filter(key => next.some(o => o.key === key))});
  }

  async save(event) {
    event.preventDefault();
    const {question, etag} = this.loaded;
    this.saving = true;
    this.outcome = null;
    try {
      const saved = await saveQuestion(question, etag, editOf(question, changesOf(question.type, this.draft)));
      this.loaded = saved;
      this.draft = draftOf(saved.question);
      this.outcome = {saved: saved.question};
      this.dispatchEvent(new CustomEvent('question-saved', {detail: {question: saved.question}, bubbles: true}));
    } catch (error) {
      this.outcome = error instanceof QuestionConflict ? {conflict: true} : {error};
    } finally {
      this.saving = false;
    }
  }

  close() {
    this.dispatchEvent(new CustomEvent('editor-closed', {bubbles: true}));
  }
}

/** The form's values: texts as typed, tags and fill-in answers as one text each. */
function draftOf(q) {
  return {
    stem: q.stem, options: (q.options ?? []).map(o => ({...o})), answer: [...q.answer], explanation: q.explanation ?? '',
    moduleCode: q.moduleCode ?? '', tags: (q.tags ?? []).join('，'), status: q.status, accepted: q.answer.join('\n'),
  };
}

function changesOf(type, d) {
  const blank = text => (text.trim() === '' ? null : text.trim());
  return {
    stem: d.stem.trim(),
    options: type === 'FILL_BLANK' ? [] : d.options.map(o => ({key: o.key, text: o.text.trim()})),
    answer: type === 'FILL_BLANK' ? d.accepted.split('\n').map(a => a.trim()).filter(Boolean) : d.answer,
    explanation: blank(d.explanation),
    moduleCode: blank(d.moduleCode),
    tags: d.tags.split(TAG_SEPARATOR).map(t => t.trim()).filter(Boolean),
    status: d.status,
  };
}

customElements.define('question-editor', QuestionEditor);
