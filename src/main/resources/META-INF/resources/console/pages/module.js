// 编辑模块: one module's title and paragraphs, saved with If-Match on the version read, so that an edit never
// silently overwrites someone else's; a 412 says so in Chinese and offers the latest text. Province admins only.

import {html, nothing} from 'lit';
import {request} from '../shared/api.js';
import {ConsolePage} from '../shared/console-page.js';
import {href} from '../shared/router.js';
import {alert, describe, failure, loading} from '../shared/states.js';

const FORBIDDEN = {title: '无权访问：内容管理仅对省总管理员开放', hint: '导入公文、发布模块和修改正文由省总管理员负责。'};
const CONFLICT = {
  title: '保存失败：这个模块已被他人修改',
  hint: '您打开之后，其他管理员（或您在另一个窗口）保存了新的版本。为免覆盖对方的修改，本次没有保存。'
    + '请重新加载最新内容后再修改；您刚才的修改会保留在下方，可复制使用。',
};

class ModulePage extends ConsolePage {
  static properties = {
    state: {state: true},
    saving: {state: true},
    outcome: {state: true},
    draft: {state: true},
  };

  get moduleId() {
    return this.segments[0];
  }

  /** The module as it is now, with the ETag to send back; {@code keepDraft} keeps the unsaved text of a conflict. */
  async load(keepDraft = null) {
    this.state = null;
    this.outcome = null;
    this.draft = keepDraft;
    try {
      const response = await request(`/api/v1/admin/modules/${encodeURIComponent(this.moduleId)}`, {},
        {headers: {Accept: 'application/json'}});
      this.state = {module: await response.json(), etag: response.headers.get('ETag')};
    } catch (error) {
      this.state = {error};
    }
  }

  render() {
    if (!this.state) return loading('模块');
    if (this.state.error) {
      return this.state.error.status === 403 ? alert(FORBIDDEN, null, 403, this.state.error.slug)
        : failure(this.state.error, () => this.load());
    }
    const {module} = this.state;
    const back = this.query.notice ? href('content', [this.query.notice]) : href('content');
    return html`
      <nav class="breadcrumbs" aria-label="位置"><ol><li><a href=${href('content')}>学习内容</a></li>
        ${this.query.notice ? html`<li><a href=${back} id="back-to-modules">学习模块</a></li>` : nothing}
        <li>模块 ${module.code}</li></ol></nav>
      <div class="page-head"><h1 id="module-heading">${module.code} ${module.title}</h1>
        <div class="page-meta" id="module-version">第 ${module.version} 版 · 约 ${module.readingMinutes} 分钟 · ${module.paragraphs.length} 段</div></div>
      ${this.outcomePart()}
      <section class="panel" id="editor">
        <form class="editor" @submit=${this.save}>
          <label class="field">标题
            <input type="text" name="title" id="module-title" maxlength="200" required .value=${module.title}></label>
          <label class="field">正文（每段之间空一行）
            <textarea name="text" id="module-text" rows="18" required .value=${module.paragraphs.join('\n\n')}></textarea></label>
          <div class="card-note">保存后生成新的版本，职工端最迟 1 分钟内看到；已有的学习记录保留。正文不变时不会生成新版本。</div>
          <div class="button-row">
            <button class="button button-primary" type="submit" id="module-save" ?disabled=${this.saving}>${this.saving ? '正在保存…' : '保存'}</button>
            <a class="button" href=${back}>返回</a>
          </div>
        </form>
      </section>
      ${this.draft ? html`<section class="panel" id="unsaved-draft">
        <div class="panel-head"><h2>您刚才未保存的修改</h2></div>
        <textarea readonly rows="10" id="draft-text" aria-label="未保存的修改" .value=${this.draft}></textarea></section>` : nothing}`;
  }

  outcomePart() {
    if (!this.outcome) return nothing;
    if (this.outcome.conflict) {
      return html`<div class="state state-error" role="alert" id="edit-conflict" data-status="412">
        <div class="state-title">${CONFLICT.title}</div><div class="state-hint">${CONFLICT.hint}</div>
        <button class="button button-primary" id="reload-latest" @click=${() => this.load(this.outcome.draft)}>重新加载最新内容</button>
      </div>`;
    }
    if (this.outcome.invalid) return alert({title: this.outcome.invalid});
    if (this.outcome.error) {
      const error = this.outcome.error;
      const described = error.status === 403 ? FORBIDDEN : describe(error);
      return alert(described, null, error.status, error.slug);
    }
    return html`<div class="notice" role="status" id="edit-saved">${this.outcome.saved}</div>`;
  }

  async save(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const text = String(form.get('text'));
    const paragraphs = text.split(/\n\s*\n/).map(p => p.split('\n').map(line => line.trim()).join('')).filter(Boolean);
    if (paragraphs.length === 0) {
      this.outcome = {invalid: '正文不能为空'};
      return;
    }
    const before = this.state.module.version;
    this.saving = true;
    this.outcome = null;
    try {
      const response = await request(`/api/v1/admin/modules/${encodeURIComponent(this.moduleId)}/paragraphs`, {}, {
        method: 'PUT', body: JSON.stringify({title: String(form.get('title')).trim(), paragraphs}),
        headers: {'Content-Type': 'application/json', Accept: 'application/json', 'If-Match': this.state.etag},
      });
      const module = await response.json();
      this.state = {module, etag: response.headers.get('ETag')};
      this.draft = null;
      this.outcome = {saved: module.version === before ? '内容没有变化，未生成新版本。' : `已保存为第 ${module.version} 版。`};
    } catch (error) {
      this.outcome = error?.status === 412 ? {conflict: true, draft: text} : {error};
    } finally {
      this.saving = false;
    }
  }
}

customElements.define('page-module', ModulePage);
