// 名册导入: the union tree and the workers, each from a CSV or Excel file checked first (the API's dry run), every
// problem at its row and column in Chinese, and only a file that passed imported, all or nothing. Province admins only.

import {html, nothing} from 'lit';
import {upload} from '../shared/api.js';
import {ConsolePage, LightElement} from '../shared/console-page.js';
import {formatCount} from '../shared/format.js';
import {alert, describe, loading} from '../shared/states.js';
import {translate} from '../shared/translate.js';

const KINDS = {
  orgs: {
    title: '工会组织导入', path: '/api/v1/admin/orgs/import', unit: '个工会',
    note: '列：code（工会代码）、name（名称）、type（PROVINCE 省总、CITY 市州、INDUSTRY 产业、DIRECT 直属、COUNTY 县区、GRASSROOTS 基层）、'
      + 'parent_code（上级工会代码）。文件中没有的工会不会删除；改了上级的工会连同其下级整体移动。',
  },
  workers: {
    title: '职工名册导入', path: '/api/v1/admin/workers/import', unit: '名职工',
    note: '列：external_id（职工编号，与统一身份认证的账号一致）、name（姓名）、org_code（所属工会代码）、phone（手机号，可空）。'
      + '再次导入同一职工会更新其姓名、工会和手机号；百万行的文件也可一次导入。',
  },
};
const COLUMNS = {
  code: '工会代码', name: '名称', type: '类型', parent_code: '上级工会代码', external_id: '职工编号', org_code: '所属工会代码',
  phone: '手机号',
};
const MESSAGES = [
  [/^(\w+) is required$/, () => '不能为空'],
  [/^duplicate (?:code|external_id) '(.*)', first used on row (\d+)$/, (m, code, row) => `“${code}”与第 ${row} 行重复`],
  [/^unknown parent '(.*)': not in this file nor in the directory$/, (m, code) => `上级工会“${code}”既不在文件中，也不在现有名录中`],
  [/^unknown org_code '(.*)'$/, (m, code) => `名录中没有代码为“${code}”的工会`],
  [/^parent '(.*)' is a GRASSROOTS union, which cannot have child unions$/, (m, code) => `上级“${code}”是基层工会，不能再有下级工会`],
  [/^'(.*)' has child unions in the directory \(e\.g\. '(.*)'\), so it cannot be GRASSROOTS$/,
    (m, code, child) => `“${code}”在名录中有下级工会（如“${child}”），不能改为基层工会`],
  [/^type '(.*)' is not one of /, (m, type) => `类型“${type}”无效；应为 PROVINCE、CITY、INDUSTRY、DIRECT、COUNTY 或 GRASSROOTS`],
  [/^only the PROVINCE union may have no parent$/, () => '只有省总工会可以没有上级'],
  [/^the PROVINCE union cannot have a parent$/, () => '省总工会不能有上级'],
  [/^the directory already has a PROVINCE root; only one is allowed$/, () => '名录中已有省总工会，只能有一个'],
  [/^an org cannot be its own parent \(cycle\)$/, () => '上级不能是自己'],
  [/^cycle in the tree: (.*)$/, (m, trail) => `上下级形成循环：${trail}`],
  [/^(\w+) is longer than (\d+) characters$/, (m, field, max) => `超过 ${max} 个字`],
  [/^code must be /, () => '只能包含字母、数字、- _ .，以字母或数字开头，最多 64 个字符'],
  [/^external_id must be /, () => '只能包含字母、数字和 _ . : @ -，最多 64 个字符'],
  [/^phone must be /, () => '应为 5 至 20 位数字，可以 + 开头'],
  [/^required column is missing from the header/, () => '表头缺少这一列'],
  [/^column appears (\d+) times in the header/, (m, times) => `表头中出现了 ${times} 次`],
  [/^the file has no rows/, () => '文件是空的；第一行应为表头'],
  [/^a quoted cell starts here but its closing " is missing$/, () => '这一行有引号没有配对'],
];

class DirectoryImport extends LightElement {
  static properties = {
    kind: {},
    file: {state: true},
    busy: {state: true},
    outcome: {state: true},
    checked: {state: true},
  };

  render() {
    const kind = KINDS[this.kind];
    const id = this.kind;
    return html`<section class="panel" id=${`${id}-import`}>
      <div class="panel-head"><h2>${kind.title}</h2></div>
      <div class="upload-form">
        <div class="field">CSV 或 Excel 文件
          <span class="file-row"><label class="button file-pick">选择文件<input type="file" class="directory-file visually-hidden"
              accept=".csv,.xlsx,.txt" @change=${this.choose}></label>
            <span class="file-name">${this.file?.name ?? '未选择文件'}</span></span></div>
        <span></span>
        <div class="button-row">
          <button class="button directory-check" ?disabled=${!this.file || this.busy} @click=${() => this.send(true)}>检查文件</button>
          <button class="button button-primary directory-import" ?disabled=${!this.checked || this.busy}
              @click=${() => this.send(false)}>导入</button>
        </div>
      </div>
      <div class="card-note">${kind.note} CSV 可为 UTF-8 或 GBK 编码。先检查，检查通过后才能导入；有任何问题时整个文件都不会导入。</div>
      <div class="directory-result" aria-live="polite">${this.busy ? loading(this.busy) : this.result()}</div>
    </section>`;
  }

  choose(event) {
    this.file = event.target.files[0] ?? null;
    this.checked = false;
    this.outcome = null;
  }

  async send(dryRun) {
    this.busy = dryRun ? '检查结果' : '导入结果';
    this.outcome = null;
    try {
      const result = await upload(KINDS[this.kind].path, {dryRun}, this.file);
      this.outcome = {result};
      this.checked = dryRun;
    } catch (error) {
      this.outcome = {error};
      this.checked = false;
    } finally {
      this.busy = null;
    }
  }

  result() {
    const outcome = this.outcome;
    if (!outcome) return nothing;
    if (outcome.error) return this.problems(outcome.error);
    const r = outcome.result;
    const unit = KINDS[this.kind].unit;
    const counts = `新增 ${formatCount(r.created)}、更新 ${formatCount(r.updated)}、不变 ${formatCount(r.unchanged)}`;
    return r.dryRun
      ? html`<div class="notice notice-ok" role="status" data-outcome="checked">检查通过：共 ${formatCount(r.rows)} 行，导入后将${counts}
          ${unit}。尚未写入，确认无误后请点“导入”。</div>`
      : html`<div class="notice notice-ok" role="status" data-outcome="imported">已导入 ${formatCount(r.rows)} 行：${counts} ${unit}。</div>`;
  }

  problems(error) {
    const errors = error.problem?.errors ?? [];
    if (error.status === 422 && errors.length > 0) {
      const total = error.problem.errorCount ?? errors.length;
      return html`<div class="notice notice-error" role="alert" data-status="422">
          <strong class="problems-title">发现 ${formatCount(total)} 个问题，整个文件都没有导入</strong>
          <div>请按下表逐条修改文件，然后重新选择文件并检查。${total > errors.length ? `下表列出前 ${errors.length} 个。` : ''}</div>
        </div>
        <div class="table-wrap"><table class="table compact directory-errors">
          <thead><tr><th>位置</th><th>问题</th></tr></thead>
          <tbody>${errors.map(e => html`<tr data-row=${e.row ?? ''} data-column=${e.column ?? ''}>
            <td class="where"><span class="where-row">${e.row ? `第 ${e.row} 行` : '整个文件'}</span>
              ${e.column ? html`<span class="where-column">${COLUMNS[e.column] ?? e.column}
                <span class="person-meta">${e.column}</span></span>` : nothing}</td>
            <td class="problem-message" title=${e.message} data-message=${e.message}>${translate(e.message, MESSAGES)}</td></tr>`)}</tbody>
        </table></div>`;
    }
    const known = error.slug === 'empty-file' ? {title: '文件中只有表头，没有数据行', hint: ''} : describe(error);
    return alert(known, null, error.status, error.slug);
  }
}

customElements.define('directory-import', DirectoryImport);

class DirectoryPage extends ConsolePage {
  load() {
  }

  render() {
    if (this.context.me.role !== 'province-admin') {
      return alert({title: '无权访问：名册导入仅对省总管理员开放', hint: '工会组织和职工名册由省总管理员统一导入。'}, null, 403, 'forbidden');
    }
    return html`<div class="page-head"><h1>名册导入</h1>
        <div class="page-meta">先导入工会组织，再导入职工名册；统计按名册中的工会归属计算</div></div>
      <directory-import kind="orgs"></directory-import>
      <directory-import kind="workers"></directory-import>`;
  }
}

customElements.define('page-directory', DirectoryPage);
