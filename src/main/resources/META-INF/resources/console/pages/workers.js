// 职工查询: the workers of a union's subtree, searched by the start of a name or worker id; phones come masked.

import {html} from 'lit';
import {getJson} from '../shared/api.js';
import {breadcrumbs} from '../shared/breadcrumbs.js';
import {OrgPage} from '../shared/org-page.js';
import {pageOf, pager} from '../shared/pager.js';
import {href} from '../shared/router.js';
import {empty, failure, loading} from '../shared/states.js';

const PAGE_SIZE = 50;

class WorkersPage extends OrgPage {
  async load() {
    this.result = null;
    this.loadChain();
    try {
      const value = await getJson('/api/v1/admin/workers',
        {org: this.org, q: this.query.q, page: pageOf(this.query), size: PAGE_SIZE});
      this.result = {value};
      this.dispatchEvent(new CustomEvent('org-shown', {detail: {code: this.org}, bubbles: true}));
    } catch (error) {
      this.result = {error};
    }
  }

  render() {
    if (this.result?.error) return failure(this.result.error, () => this.load());
    const name = this.chain?.at(-1)?.name ?? this.org;
    return html`
      ${breadcrumbs(this.chain, 'workers', {})}
      <div class="page-head"><h1 id="org-name">${name}</h1><div class="page-meta">本工会及下级工会的职工</div></div>
      <section class="panel">
        <form class="search" role="search" @submit=${this.search}>
          <input type="search" name="q" id="worker-search" .value=${this.query.q ?? ''} maxlength="64"
              placeholder="姓名或职工编号（可只输入开头部分）" aria-label="姓名或职工编号">
          <button class="button button-primary" type="submit">查询</button>
        </form>
        ${this.results()}
      </section>`;
  }

  results() {
    if (!this.result) return loading('职工');
    const list = this.result.value;
    if (list.total === 0) {
      return this.query.q
        ? empty(`没有姓名或编号以“${this.query.q}”开头的职工`, '请检查输入，或换用职工编号查询。')
        : empty('本工会还没有职工名册', '职工名册由省总管理员导入，职工首次登录学习时也会自动登记。');
    }
    return html`<ul class="person-list" id="worker-list">${list.items.map(worker => html`<li data-worker=${worker.externalId}>
        <a class="person-name" href=${href('worker', [worker.externalId])}>${worker.name ?? worker.externalId}</a>
        <span class="person-meta">${worker.externalId} · ${worker.orgName}${worker.phone ? html` · <span class="phone">${worker.phone}</span>` : ''}</span>
      </li>`)}</ul>
      ${pager(list, page => href('workers', [this.org], {...this.query, page}))}`;
  }

  search(event) {
    event.preventDefault();
    const q = new FormData(event.target).get('q').trim();
    location.hash = href('workers', [this.org], {q});
  }
}

customElements.define('page-workers', WorkersPage);
