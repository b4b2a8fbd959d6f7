// 学习活动: the campaigns (list, one campaign's audience and documents), and for province admins creating one,
// editing it with If-Match, choosing its documents, publishing and closing it. Org admins read the campaigns that
// reach their unions; the API refuses them every write.

import {html, nothing} from 'lit';
import {getJson, request} from '../shared/api.js';
import {ConsolePage} from '../shared/console-page.js';
import {formatDateTime} from '../shared/format.js';
import {href, navigate} from '../shared/router.js';
import {alert, describe, empty, failure, loading} from '../shared/states.js';
import {campaignProblem} from '../shared/campaign-form.js';
import {beijingDay, windowEnd, windowStart} from '../shared/days.js';

const STATUSES = {DRAFT: ['草稿', 'badge-warn'], PUBLISHED: ['进行中', 'badge-ok'], CLOSED: ['已结束', '']};
const BASE = '/api/v1/admin/campaigns';
const CODE_SEPARATOR = /[\s,，、;；]+/;

class CampaignsPage extends ConsolePage {
  static properties = {
    state: {state: true},
    outcome: {state: true},
    saving: {state: true},
  };

  get campaignId() {
    return this.segments[0] ? Number(this.segments[0]) : null;
  }

  get canWrite() {
    return this.context?.me?.role === 'province-admin';
  }

  /** The list, or one campaign with its ETag; the documents and the first level of unions to choose from. */
  async load() {
    this.state = null;
    this.outcome = null;
    try {
      const choices = this.canWrite ? this.choices() : Promise.resolve(null);
      if (this.campaignId === null) {
        const [listed, options] = await Promise.all([getJson(BASE, {size: 100}), choices]);
        this.state = {listed, options};
      } else {
        const [response, options] = await Promise.all([
          request(`${BASE}/${this.campaignId}`, {}, {headers: {Accept: 'application/json'}}), choices]);
        this.state = {campaign: await response.json(), etag: response.headers.get('ETag'), options};
      }
    } catch (error) {
      this.state = {error};
    }
  }

  async choices() {
    const root = this.context.me.org?.code ?? 'QH';
    const [notices, tree] = await Promise.all([getJson('/api/v1/notices'), getJson(`/api/v1/orgs/${encodeURIComponent(root)}`)]);
    return {notices, unions: [{code: tree.code, name: tree.name}, ...(tree.children ?? [])]};
  }

  render() {
    if (!this.state) return loading('学习活动');
    if (this.state.error) return failure(this.state.error, () => this.load());
    return this.campaignId === null ? this.list() : this.detail();
  }

  list() {
    const {listed} = this.state;
    return html`
      <div class="page-head"><h1>学习活动</h1><div class="page-meta">每个活动面向若干工会，学习指定的公文，完成后参加结业考试</div></div>
      <section class="panel" id="campaigns">
        <div class="panel-head"><h2>全部活动（${listed.total} 个）</h2></div>
        ${listed.items.length === 0 ? empty('还没有学习活动', this.canWrite ? '在下方新建一个活动。' : '')
          : html`<ul class="document-list" id="campaign-list">${listed.items.map(c => html`<li data-campaign=${c.id}>
              <a class="document-title" href=${href('campaigns', [c.id])}>${c.title}</a>
              <span class="person-meta"><span class="badge ${STATUSES[c.status][1]}">${STATUSES[c.status][0]}</span>
                ${windowText(c)} · ${c.audience.map(a => a.name).join('、')}</span>
              <span class="person-meta">${c.materials.map(m => m.docNumber ?? m.title).join('、') || '未选公文'}</span>
            </li>`)}</ul>`}
        ${listed.total > listed.items.length ? html`<div class="card-note">只列出最近的 ${listed.items.length} 个活动。</div>` : nothing}
      </section>
      ${this.canWrite ? this.form(null) : nothing}`;
  }

  detail() {
    const {campaign: c} = this.state;
    return html`
      <nav class="breadcrumbs" aria-label="位置"><ol><li><a href=${href('campaigns')} id="back-to-campaigns">学习活动</a></li>
        <li>${c.title}</li></ol></nav>
      <div class="page-head"><h1 id="campaign-title">${c.title}</h1>
        <div class="page-meta"><span class="badge ${STATUSES[c.status][1]}" id="campaign-status">${STATUSES[c.status][0]}</span>
          第 ${c.revision} 版 · ${c.createdBy} 创建于 ${formatDateTime(c.createdAt)}</div></div>
      ${this.outcomePart()}
      <section class="panel" id="campaign-facts">
        <dl class="facts">
          <dt>学习时间</dt><dd id="campaign-window">${windowText(c)}</dd>
          <dt>结业考试及格分</dt><dd>${c.finalPassScore}</dd>
          <dt>发布时间</dt><dd>${formatDateTime(c.publishedAt)}</dd>
          <dt>参与工会</dt><dd id="campaign-audience">${c.audience.map(a => `${a.name}（${a.code}）`).join('、')}</dd>
          <dt>说明</dt><dd>${c.description || '—'}</dd>
        </dl>
        <h3>学习材料</h3>
        ${c.materials.length === 0 ? empty('还没有选择公文', '发布前至少选择一份含已发布模块的公文。')
          : html`<ol id="campaign-materials">${c.materials.map(m => html`<li data-notice=${m.noticeId}>
              ${m.docNumber ? `${m.docNumber} ` : ''}${m.title}<span class="person-meta"> · 已发布模块 ${m.publishedModules} 个</span></li>`)}</ol>`}
        ${this.canWrite ? this.actions(c) : nothing}
      </section>
      ${this.canWrite && c.status !== 'CLOSED' ? this.form(c) : nothing}`;
  }

  actions(c) {
    if (c.status === 'CLOSED') return html`<div class="card-note">活动已结束，内容不能再修改；已有的统计保留。</div>`;
    return html`<div class="button-row">
      ${c.status === 'DRAFT' ? html`<button class="button button-primary" id="campaign-publish" ?disabled=${this.saving}
          @click=${() => this.transition('publish')}>发布活动</button>` : nothing}
      ${c.status === 'PUBLISHED' ? html`<button class="button" id="campaign-close" ?disabled=${this.saving}
          @click=${() => this.transition('close')}>结束活动</button>` : nothing}
    </div>`;
  }

  /** The create form ({@code c} null) or the edit form of a campaign. */
  form(c) {
    const {options} = this.state;
    const chosen = new Set((c?.audience ?? []).map(a => a.code));
    const listed = new Set(options.unions.map(u => u.code));
    const others = [...chosen].filter(code => !listed.has(code)).join('、');
    const materials = new Set((c?.materials ?? []).map(m => m.noticeId));
    return html`<section class="panel" id="campaign-editor">
      <div class="panel-head"><h2>${c ? '修改活动' : '新建活动'}</h2></div>
      ${c === null ? this.outcomePart() : nothing}
      <form class="editor" @submit=${e => this.save(e, c)}>
        <label class="field">活动名称<input type="text" name="title" id="edit-title" maxlength="200" required .value=${c?.title ?? ''}></label>
        <label class="field">说明<textarea name="description" id="edit-description" rows="2" maxlength="2000" .value=${c?.description ?? ''}></textarea></label>
        <div class="editor-row">
          <label class="field">开始日期<input type="date" name="opensAt" id="edit-opens" min="2000-01-01" max="2099-12-31" .value=${beijingDay(c?.opensAt)}></label>
          <label class="field">截止日期<input type="date" name="closesAt" id="edit-closes" min="2000-01-01" max="2099-12-31" .value=${beijingDay(c?.closesAt)}></label>
          <label class="field">结业考试及格分<input type="number" name="finalPassScore" id="edit-pass" min="0" max="100" required .value=${String(c?.finalPassScore ?? 80)}></label>
        </div>
        <fieldset class="options-edit" id="edit-audience"><legend>参与工会（所选工会及其全部下级）</legend>
          ${options.unions.map(u => html`<label class="check"><input type="checkbox" name="audience" value=${u.code} .checked=${chosen.has(u.code)}> ${u.name}</label>`)}
          <label class="field">其他工会代码（用顿号或空格分隔）<input type="text" name="otherAudience" id="edit-other-audience" .value=${others}></label>
        </fieldset>
        <fieldset class="options-edit" id="edit-materials"><legend>学习材料（新选的公文排在已选的之后）</legend>
          ${options.notices.length === 0 ? html`<span>还没有导入公文，请先在“学习内容”中导入。</span>`
            : options.notices.map(n => html`<label class="check"><input type="checkbox" name="materials" value=${n.id} .checked=${materials.has(n.id)}>
                ${n.docNumber ? `${n.docNumber} ` : ''}${n.title ?? '（无标题）'}</label>`)}</fieldset>
        ${c?.status === 'PUBLISHED' ? html`<div class="card-note">活动进行中：改动参与工会或学习材料后，职工已有的学习记录会在后台重新计入统计。</div>` : nothing}
        <div class="button-row"><button class="button button-primary" type="submit" id="campaign-save" ?disabled=${this.saving}>
          ${this.saving ? '正在保存…' : c ? '保存修改' : '创建草稿'}</button></div>
      </form>
    </section>`;
  }

  outcomePart() {
    if (!this.outcome) return nothing;
    if (this.outcome.conflict) {
      return html`<div class="state state-error" role="alert" id="campaign-conflict" data-status="412">
        <div class="state-title">保存失败：这个活动已被他人修改</div>
        <div class="state-hint">您打开之后，活动有了新的版本（可能是其他管理员的修改，或其学习模块被撤下）。为免覆盖，本次没有保存。</div>
        <button class="button button-primary" id="campaign-reload" @click=${() => this.load()}>重新加载</button></div>`;
    }
    if (this.outcome.error) {
      const error = this.outcome.error;
      const known = campaignProblem(error);
      return alert(known ?? describe(error), null, error.status, error.slug);
    }
    return html`<div class="notice" role="status" id="campaign-done">${this.outcome.done}</div>`;
  }

  async save(event, c) {
    event.preventDefault();
    const form = new FormData(event.target);
    const audience = [...form.getAll('audience').map(String),
      ...String(form.get('otherAudience') ?? '').split(CODE_SEPARATOR).filter(Boolean)];
    const materials = form.getAll('materials').map(Number);
    this.saving = true;
    this.outcome = null;
    try {
      const body = {
        title: String(form.get('title')).trim(), description: String(form.get('description') ?? '').trim(),
        opensAt: windowStart(String(form.get('opensAt') ?? ''), c?.opensAt),
        closesAt: windowEnd(String(form.get('closesAt') ?? ''), c?.closesAt),
        finalPassScore: Number(form.get('finalPassScore')), audience: [...new Set(audience)],
      };
      if (c === null) {
        const created = await this.send('POST', BASE, {...body, materials});
        this.announce();
        navigate('campaigns', [created.campaign.id]);
        return;
      }
      // The page does not edit optional modules; a PUT replaces them, so it sends back those the campaign has.
      let {campaign, etag} = await this.send('PUT', `${BASE}/${c.id}`, {...body, optionalModuleIds: c.optionalModuleIds},
        this.state.etag);
      const kept = c.materials.map(m => m.noticeId).filter(id => materials.includes(id));
      const ordered = [...kept, ...materials.filter(id => !kept.includes(id))];
      if (ordered.length !== c.materials.length || kept.length !== c.materials.length) {
        ({campaign, etag} = await this.send('PUT', `${BASE}/${c.id}/materials`, {materials: ordered}, etag));
      }
      this.state = {...this.state, campaign, etag};
      this.outcome = {done: `已保存为第 ${campaign.revision} 版。`};
      this.announce();
    } catch (error) {
      this.outcome = error?.status === 412 ? {conflict: true} : {error};
    } finally {
      this.saving = false;
    }
  }

  async transition(action) {
    const c = this.state.campaign;
    if (action === 'close' && !window.confirm(`结束“${c.title}”后职工不能再学习和考试，活动也不能再修改。确定结束吗？`)) return;
    this.saving = true;
    this.outcome = null;
    try {
      const {campaign, etag} = await this.send('POST', `${BASE}/${c.id}/${action}`, null, this.state.etag);
      this.state = {...this.state, campaign, etag};
      this.outcome = {done: action === 'publish'
        ? '活动已发布，参与工会的职工现在可以看到它。职工此前已有的学习记录正在后台计入统计，稍后刷新统计页即可看到。'
        : '活动已结束。'};
      this.announce();
    } catch (error) {
      this.outcome = error?.status === 412 ? {conflict: true} : {error};
    } finally {
      this.saving = false;
    }
  }

  async send(method, path, body, etag = null) {
    const headers = {Accept: 'application/json'};
    if (body !== null) headers['Content-Type'] = 'application/json';
    if (etag) headers['If-Match'] = etag;
    const response = await request(path, {}, {method, headers, body: body === null ? undefined : JSON.stringify(body)});
    return {campaign: await response.json(), etag: response.headers.get('ETag')};
  }

  /** The shell's campaign selector lists published campaigns: tell it the list changed. */
  announce() {
    this.dispatchEvent(new CustomEvent('campaigns-changed', {bubbles: true}));
  }
}

function windowText(c) {
  if (!c.opensAt && !c.closesAt) return '不限时间';
  return `${c.opensAt ? formatDateTime(c.opensAt) : '即日'} 至 ${c.closesAt ? formatDateTime(c.closesAt) : '不限'}`;
}

customElements.define('page-campaigns', CampaignsPage);
