// 审计日志: who did what, and who read whose data, newest first; filtered by actor, action and Beijing days, 50 a
// page. Province admins only; the API says so to others.

import {html, nothing} from 'lit';
import {getJson} from '../shared/api.js';
import {ConsolePage} from '../shared/console-page.js';
import {formatCount, formatDateTime} from '../shared/format.js';
import {pageOf, pager} from '../shared/pager.js';
import {href} from '../shared/router.js';
import {alert, empty, failure, loading} from '../shared/states.js';

const PAGE_SIZE = 50;
/** The actions the service writes (grep audit.record), grouped as an admin looks for them. */
const ACTIONS = [
  ['内容', [['notice.import', '导入公文'], ['module.edit', '修改模块正文'], ['module.publish', '发布模块'],
    ['module.unpublish', '撤下模块']]],
  ['学习活动', [['campaign.create', '创建学习活动'], ['campaign.update', '修改学习活动'], ['campaign.materials', '设置学习材料'],
    ['campaign.publish', '发布学习活动'], ['campaign.close', '结束学习活动'], ['campaign.found', '建立首个学习活动']]],
  ['题库与测验', [['bank.upload', '导入题库'], ['question.edit', '修改试题'], ['quiz.create', '创建测验'],
    ['quiz.update', '修改测验'], ['quiz.archive', '归档测验'], ['quiz.restore', '恢复测验']]],
  ['组织与职工', [['orgs.import', '导入组织'], ['workers.import', '导入职工名册']]],
  ['个人数据读取', [['workers.list', '查询职工名单'], ['workers.get', '查看职工'], ['workers.records', '查看职工学习记录'],
    ['stats.laggards', '查看未完成名单'], ['stats.export', '导出报表'], ['xapi.statements', '导出 xAPI 学习记录']]],
  ['统计', [['stats.reconcile', '统计校对']]],
];
const ACTION_NAMES = Object.fromEntries(ACTIONS.flatMap(([, actions]) => actions));
const ROLES = {'province-admin': '省总管理员', 'org-admin': '工会管理员', system: '系统'};
const FORBIDDEN = {title: '无权访问：审计日志仅对省总管理员开放', hint: '如需查看，请联系省总管理员。'};
const FILTERS = ['actor', 'action', 'from', 'to'];

class AuditPage extends ConsolePage {
  static properties = {
    result: {state: true},
    formError: {state: true},
  };

  async load() {
    this.result = null;
    const filters = Object.fromEntries(FILTERS.map(name => [name, this.query[name]]));
    try {
      this.result = {value: await getJson('/api/v1/admin/audit', {...filters, page: pageOf(this.query), size: PAGE_SIZE})};
    } catch (error) {
      this.result = {error};
    }
  }

  render() {
    if (this.result?.error?.status === 403) return alert(FORBIDDEN, null, 403, this.result.error.slug);
    const filtered = FILTERS.some(name => this.query[name]);
    return html`
      <div class="page-head"><h1>审计日志</h1><div class="page-meta">管理操作和个人数据读取的记录，最新的在前；时间为北京时间</div></div>
      <section class="panel">
        <form class="audit-filter" id="audit-filter" role="search" @submit=${this.search}>
          <label class="field">操作人<input type="text" name="actor" id="filter-actor" maxlength="64" .value=${this.query.actor ?? ''}
              placeholder="账号，如 demo-admin-qh"></label>
          <label class="field">操作<select name="action" id="filter-action">
            <option value="" ?selected=${!this.query.action}>全部操作</option>
            ${ACTIONS.map(([group, actions]) => html`<optgroup label=${group}>${actions.map(([code, name]) => html`
              <option value=${code} ?selected=${this.query.action === code}>${name}</option>`)}</optgroup>`)}
            ${this.query.action && !ACTION_NAMES[this.query.action]
              ? html`<option value=${this.query.action} selected>${this.query.action}</option>` : nothing}
          </select></label>
          <label class="field">从<input type="date" name="from" id="filter-from" min="2000-01-01" max="2099-12-31" .value=${this.query.from ?? ''}></label>
          <label class="field">到<input type="date" name="to" id="filter-to" min="2000-01-01" max="2099-12-31" .value=${this.query.to ?? ''}></label>
          <div class="button-row">
            <button class="button button-primary" type="submit" id="filter-apply">查询</button>
            ${filtered ? html`<a class="button" href=${href('audit')} id="filter-clear">清除条件</a>` : nothing}
          </div>
        </form>
        ${this.formError ? html`<div class="notice notice-error" role="alert" id="filter-error">${this.formError}</div>` : nothing}
        ${this.entries(filtered)}
      </section>`;
  }

  entries(filtered) {
    if (!this.result) return loading('审计日志');
    if (this.result.error) return failure(this.result.error, () => this.load());
    const list = this.result.value;
    if (list.total === 0) {
      return filtered ? empty('没有符合条件的记录', '请放宽条件，例如去掉日期或操作人。') : empty('还没有审计记录');
    }
    return html`<div class="table-wrap"><table class="table audit-table" id="audit-table">
        <thead><tr><th>时间</th><th>操作人</th><th>操作</th><th class="optional">对象</th><th class="optional">详情</th>
          <th class="num optional">读取行数</th></tr></thead>
        <tbody>${list.items.map(entry => html`<tr data-action=${entry.action} data-actor=${entry.actor}>
          <td class="audit-time">${formatDateTime(entry.at)}</td>
          <td><div>${entry.actor}</div><div class="person-meta">${ROLES[entry.role] ?? entry.role}</div></td>
          <td><div>${ACTION_NAMES[entry.action] ?? entry.action}</div><div class="person-meta">${entry.action}</div>
            <div class="person-meta audit-narrow">${entry.target ?? ''}</div></td>
          <td class="optional audit-target">${entry.target ?? '—'}</td>
          <td class="optional audit-detail">${entry.detail ?? '—'}</td>
          <td class="num optional">${entry.rowsRead === null ? '—' : formatCount(entry.rowsRead)}</td>
        </tr>`)}</tbody></table></div>
      ${pager(list, page => href('audit', [], {...this.query, page}), '条')}`;
  }

  search(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const filters = Object.fromEntries(FILTERS.map(name => [name, String(form.get(name) ?? '').trim()]));
    if (filters.from && filters.to && filters.from > filters.to) {
      this.formError = '开始日期不能晚于结束日期。';
      return;
    }
    this.formError = null;
    location.hash = href('audit', [], filters);
  }
}

customElements.define('page-audit', AuditPage);
