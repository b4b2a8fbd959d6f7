// 内容: import an official document (a dry run first: its module tree and warnings, then the real import), the
// documents and their modules, and publishing or withdrawing modules. Province admins only; the API says so to others.

import {html, nothing} from 'lit';
import {getJson, request, upload} from '../shared/api.js';
import {ConsolePage} from '../shared/console-page.js';
import {formatDateTime} from '../shared/format.js';
import {href} from '../shared/router.js';
import {alert, describe, empty, failure, loading} from '../shared/states.js';

const CHANGES = {
  CREATED: ['新增', 'badge-ok'], REVISED: ['修订', 'badge-warn'], UNCHANGED: ['不变', ''], WITHDRAWN: ['撤下', 'badge-warn'],
};
const WARNINGS = {
  LATIN_WORD_IN_CHINESE_TEXT: '夹有英文单词', SPACED_NUMBER: '数字带空格', PAGE_BREAK_JOINED: '跨页拼接',
  UNTERMINATED_PARAGRAPH: '缺句末标点', PAGE_NUMBER_DROPPED: '删去页码', UNRECOGNISED_HEADING: '未识别的标题',
  NUMBERING_OUT_OF_SEQUENCE: '编号不连续', HEADING_RUN_INTO_PARAGRAPH: '标题连着正文', VALUE_TRUNCATED: '内容过长已截断',
  RUNNING_HEADER_DROPPED: '删去页眉页脚', FOOTNOTE_KEPT: '保留注释', MODULE_SPLIT: '模块已拆分', LONG_MODULE: '模块过长',
  COVER_LETTER_FRAME: '印发通知的首页',
};
/** The importer's 4xx answers in words an admin can act on; anything else falls back to the shared descriptions. */
const IMPORT_PROBLEMS = {
  'invalid-notice': ['无法识别这份公文', '未找到标题或“一、”“（一）”“1．”式的编号结构。'],
  'unsupported-encoding': ['文本文件的编码无法识别', '请另存为 UTF-8 或 GBK 编码后重试。'],
  'unsupported-document': ['不支持这种文件', '请上传 Word（.docx）、带文字层的 PDF、Markdown 或纯文本文件。'],
  'unreadable-document': ['文件已损坏或无法读取', '请用 Word 或 PDF 阅读器打开确认后，重新保存再上传。'],
  'pdf-without-text': ['这份 PDF 没有文字层', '扫描件无法导入，请上传原始的 Word 文件或可复制文字的 PDF。'],
  'file-too-large': ['文件超过 2 MB', '请去掉图片等附件后重新上传。'],
  'body-too-large': ['文件超过 2 MB', '请去掉图片等附件后重新上传。'],
  'missing-file': ['请先选择文件', ''],
};
const FORBIDDEN = {title: '无权访问：内容管理仅对省总管理员开放', hint: '导入公文、发布模块和修改正文由省总管理员负责。'};

class ContentPage extends ConsolePage {
  static properties = {
    listing: {state: true},
    file: {state: true},
    preview: {state: true},
    importing: {state: true},
    imported: {state: true},
    busy: {state: true},
    rowError: {state: true},
  };

  /** The document whose modules are shown, from #/content/<noticeId>; none on the overview. */
  get noticeId() {
    return this.segments[0] ? Number(this.segments[0]) : null;
  }

  connectedCallback() {
    this.busy = new Set();
    super.connectedCallback();
  }

  /** The documents and all modules; {@code quietly} keeps the page on screen while they reload (after an import). */
  async load(quietly = false) {
    if (!quietly) this.listing = null;
    try {
      const [notices, modules] = await Promise.all([getJson('/api/v1/notices'), getJson('/api/v1/admin/modules')]);
      this.listing = {value: {notices, modules}};
    } catch (error) {
      this.listing = {error};
    }
  }

  render() {
    if (!this.listing) return loading('公文和模块');
    if (this.listing.error) return problem(this.listing.error, () => this.load());
    return this.noticeId === null ? this.overview() : this.document();
  }

  overview() {
    const {notices, modules} = this.listing.value;
    return html`
      <div class="page-head"><h1>学习内容</h1><div class="page-meta">导入公文，管理学习模块的发布和正文</div></div>
      ${this.importPanel()}
      <section class="panel" id="documents">
        <div class="panel-head"><h2>公文与学习模块</h2></div>
        ${notices.length === 0 ? empty('还没有导入公文', '在上方选择文件导入后，这里会列出公文和它的学习模块。')
          : html`<ul class="document-list">${[...notices].reverse().map(notice => {
            const own = modules.filter(m => m.noticeId === notice.id);
            const published = own.filter(m => m.published).length;
            return html`<li data-notice=${notice.id}>
              <a class="document-title" href=${href('content', [notice.id])}>${notice.title ?? '（无标题）'}</a>
              <span class="person-meta">${[notice.docNumber, notice.issueDate, `导入于 ${formatDateTime(notice.importedAt)}`]
                .filter(Boolean).join(' · ')}</span>
              <span class="person-meta">${own.length} 个模块 · 已发布 ${published} 个${published < own.length
                ? html` · <span class="badge badge-warn">${own.length - published} 个未发布</span>` : nothing}</span>
            </li>`;
          })}</ul>`}
      </section>`;
  }

  importPanel() {
    return html`<section class="panel" id="import">
      <div class="panel-head"><h2>导入公文</h2></div>
      <div class="import-form">
        <label class="button file-pick">选择文件<input type="file" id="import-file" class="visually-hidden"
            accept=".docx,.pdf,.md,.markdown,.txt" @change=${e => this.choose(e.target.files[0] ?? null)}></label>
        <span class="file-name" id="import-file-name">${this.file?.name ?? '未选择文件'}</span>
        <div class="button-row">
          <button class="button" id="import-preview" ?disabled=${!this.file || this.importing}
              @click=${() => this.send(true)}>预览（试导入）</button>
          ${this.preview?.value ? html`<button class="button button-primary" id="import-confirm" ?disabled=${this.importing}
              @click=${() => this.send(false)}>确认导入</button>` : nothing}
        </div>
      </div>
      <div class="card-note">支持 Word（.docx）、带文字层的 PDF、Markdown 和纯文本，最大 2 MB。先预览模块结构和提示，确认后才写入；
        再次导入同一公文只更新改动过的模块。</div>
      ${this.importing ? loading(this.importing === 'dry' ? '预览' : '导入') : nothing}
      ${this.imported ? this.importedNote() : nothing}
      ${this.preview ? this.previewPart() : nothing}
    </section>`;
  }

  choose(file) {
    this.file = file;
    this.preview = null;
    this.imported = null;
  }

  async send(dryRun) {
    this.importing = dryRun ? 'dry' : 'real';
    this.imported = null;
    try {
      const result = await upload('/api/v1/admin/notices', {dryRun}, this.file);
      if (dryRun) {
        this.preview = {value: result};
      } else {
        this.preview = null;
        this.imported = result;
        this.file = null;
        this.querySelector('#import-file').value = '';
        await this.load(true);
      }
    } catch (error) {
      this.preview = {error};
    } finally {
      this.importing = null;
    }
  }

  previewPart() {
    if (this.preview.error) return importProblem(this.preview.error);
    const {notice, modules, warnings, created} = this.preview.value;
    const counts = Object.keys(CHANGES).map(kind => [kind, modules.filter(m => m.change === kind).length])
      .filter(([, n]) => n > 0).map(([kind, n]) => `${CHANGES[kind][0]} ${n} 个`).join('，');
    const changed = modules.some(m => m.change !== 'UNCHANGED');
    return html`<div id="import-result" class="import-result">
      <div class="notice ${changed ? '' : 'notice-warn'}" id="import-summary">
        ${created ? '这是一份新公文，' : '这份公文已导入过，'}${changed ? `导入后：${counts}。` : '内容与已导入的版本相同，导入不会改变任何内容。'}
        （预览，尚未写入）</div>
      <dl class="facts">
        <dt>标题</dt><dd id="import-title">${notice.title ?? '—'}</dd>
        <dt>发文字号</dt><dd>${notice.docNumber ?? '（无）'}</dd>
        <dt>发文机关</dt><dd>${notice.issuer ?? '—'}</dd>
        <dt>成文日期</dt><dd>${notice.issueDate ?? '—'}</dd>
      </dl>
      <div class="grid-2 import-columns">
        <div>
          <h3>模块结构（${modules.length} 个）</h3>
          ${tree(modules, m => html`<span class="module-code">${m.code}</span><span class="module-title">${m.title}</span>
            <span class="badge ${CHANGES[m.change]?.[1] ?? ''}">${CHANGES[m.change]?.[0] ?? m.change}</span>`, 'import-tree')}
        </div>
        <div>
          <h3>导入提示（${warnings.length} 条）</h3>
          ${warnings.length === 0 ? empty('没有需要核对的地方')
            : html`<div class="card-note">行号按从文件中提取的文字计。提示不会改动原文，请对照原件核对。</div>
              <ol class="warning-list" id="import-warnings">${warnings.map(w => html`<li data-kind=${w.kind}>
                <span class="badge badge-warn">${WARNINGS[w.kind] ?? w.kind}</span> <span class="person-meta">第 ${w.line} 行</span>
                ${w.excerpt ? html`<div class="warning-excerpt">${w.excerpt}</div>` : nothing}
                <div class="person-meta">${w.message}</div></li>`)}</ol>`}
        </div>
      </div>
    </div>`;
  }

  importedNote() {
    const {notice, modules, created, questions} = this.imported;
    const changed = modules.filter(m => m.change !== 'UNCHANGED').length;
    return html`<div class="notice" role="status" id="import-done">
      已${created ? '导入' : '更新'}《${notice.title}》：${modules.length} 个模块，其中 ${changed} 个新增、修订或撤下${questions
        ? `；生成试题 ${questions.generated ?? 0} 道` : ''}。
      <a href=${href('content', [notice.id])} id="imported-link">查看模块</a></div>`;
  }

  document() {
    const {notices, modules} = this.listing.value;
    const notice = notices.find(n => n.id === this.noticeId);
    if (!notice) return alert({title: '未找到这份公文', hint: '它可能已被删除，或链接有误。'});
    const own = modules.filter(m => m.noticeId === notice.id);
    return html`
      <nav class="breadcrumbs" aria-label="位置"><ol><li><a href=${href('content')} id="back-to-documents">学习内容</a></li>
        <li>${notice.docNumber ?? notice.title}</li></ol></nav>
      <div class="page-head"><h1 id="notice-title">${notice.title ?? '（无标题）'}</h1>
        <div class="page-meta">${[notice.docNumber, notice.issuer, notice.issueDate].filter(Boolean).join(' · ')}</div></div>
      <section class="panel" id="modules">
        <div class="panel-head"><h2>学习模块（${own.length} 个）</h2>
          <span class="person-meta">撤下的模块职工看不到，已有学习记录保留；发布后立即可读。</span></div>
        ${this.rowError ? html`<div class="notice notice-error" role="alert" id="module-action-error">${this.rowError}</div>` : nothing}
        ${own.length === 0 ? empty('这份公文没有学习模块')
          : tree(own, m => html`<span class="module-code">${m.code}</span>
            <span class="module-title">${m.title}<span class="person-meta"> · 第 ${m.version} 版 · 约 ${m.readingMinutes} 分钟</span></span>
            <span class="module-actions">
              <span class="badge ${m.published ? 'badge-ok' : 'badge-warn'}" data-published=${m.published}>${m.published ? '已发布' : '未发布'}</span>
              <button class="button button-quiet toggle-publish" ?disabled=${this.busy.has(m.id)}
                  @click=${() => this.setPublished(m, !m.published)}>${m.published ? '撤下' : '发布'}</button>
              <a class="button button-quiet" href=${href('module', [m.id], {notice: notice.id})}>编辑正文</a>
            </span>`, 'module-tree')}
      </section>`;
  }

  async setPublished(module, published) {
    this.busy = new Set([...this.busy, module.id]);
    this.rowError = null;
    try {
      const response = await request(`/api/v1/admin/modules/${module.id}/${published ? 'publish' : 'unpublish'}`, {},
        {method: 'POST', headers: {Accept: 'application/json'}});
      const updated = await response.json();
      const {notices, modules} = this.listing.value;
      this.listing = {value: {notices, modules: modules.map(m => (m.id === updated.id ? updated : m))}};
    } catch (error) {
      const {title, hint} = error?.status === 403 ? FORBIDDEN : describe(error);
      this.rowError = `模块 ${module.code} ${published ? '发布' : '撤下'}失败：${title}${hint ? `（${hint}）` : ''}`;
    } finally {
      const busy = new Set(this.busy);
      busy.delete(module.id);
      this.busy = busy;
    }
  }
}

/** Modules indented by their codes (2.1 under 2, 2.1.1 under 2.1), in the order given; {@code row} renders one. */
function tree(modules, row, id) {
  const codes = new Set(modules.map(m => m.code));
  const depth = code => {
    let level = 0;
    for (let parent = parentOf(code); parent !== null; parent = parentOf(parent)) if (codes.has(parent)) level++;
    return level;
  };
  return html`<ol class="module-tree" id=${id}>${modules.map(m => html`<li data-module=${m.code}
      data-id=${m.id ?? nothing} style="--depth:${depth(m.code)}">${row(m)}</li>`)}</ol>`;
}

function parentOf(code) {
  const cut = code.lastIndexOf('.');
  return cut < 0 ? null : code.slice(0, cut);
}

function importProblem(error) {
  const known = IMPORT_PROBLEMS[error?.slug];
  if (!known) return problem(error);
  // Findings about the text are Chinese; notes on a file's format are English, and the title already says them.
  const details = (error.problem?.errors ?? []).map(e => e.message).filter(m => m && /[\u4e00-\u9fff]/.test(m));
  return alert({title: known[0], hint: [known[1], ...details].filter(Boolean).join(' ')}, null, error.status, error.slug);
}

/** A 403 here means the role, not the union: the page is the province's. */
function problem(error, retry = null) {
  return error?.status === 403 ? alert(FORBIDDEN, null, 403, error.slug) : failure(error, retry);
}

customElements.define('page-content', ContentPage);
