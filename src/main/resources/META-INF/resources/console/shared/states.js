// The designed loading, empty and error states every page shows, and the Chinese words for each API problem.

import {html} from 'lit';

export function loading(what = '数据') {
  return html`<div class="state state-loading" role="status" aria-live="polite">
    <span class="spinner" aria-hidden="true"></span>正在加载${what}…</div>`;
}

export function empty(message, hint = '') {
  return html`<div class="state state-empty" role="status">
    <div class="state-title">${message}</div>${hint ? html`<div class="state-hint">${hint}</div>` : ''}</div>`;
}

/** An error with what to do about it; {@code retry} (optional) re-runs what failed, unless trying again cannot help. */
export function failure(error, retry = null) {
  return alert(describe(error), worthRetrying(error) ? retry : null, error?.status, error?.slug);
}

/** Network failures, 429 and 5xx may pass; a refusal (403), a missing union (404) or a bad request will not. */
function worthRetrying(error) {
  const status = error?.status;
  return status === undefined || status === 0 || status === 429 || status >= 500;
}

/** A problem the console found itself, shown like an API error: {title, hint}. */
export function alert({title, hint}, retry = null, status = '', slug = '') {
  return html`<div class="state state-error" role="alert" data-status=${status ?? ''} data-problem=${slug ?? ''}>
    <div class="state-title">${title}</div>
    ${hint ? html`<div class="state-hint">${hint}</div>` : ''}
    ${retry ? html`<button class="button" @click=${retry}>重试</button>` : ''}
  </div>`;
}

/** What an error means to an admin: a title and, where it helps, a hint (the API's own detail is kept as a hint). */
export function describe(error) {
  const status = error?.status;
  const detail = error?.problem?.detail ?? '';
  if (status === undefined) return {title: '出错了', hint: String(error?.message ?? error)};
  if (status === 0) return {title: '无法连接服务', hint: '请检查网络连接后重试。'};
  if (status === 429 || status === 503) {
    const wait = error.retryAfterSeconds ?? 30;
    return {title: `服务繁忙，请 ${wait} 秒后重试`, hint: status === 429 ? '同时进行的请求过多（例如多个报表正在导出）。' : '服务暂时无法处理请求。'};
  }
  switch (error.slug) {
    case 'outside-subtree':
      return {title: '无权查看：该工会不在您管辖的范围内', hint: '您只能查看本级及下级工会的数据。'};
    case 'unknown-org':
      return {title: '您所属的工会不在组织名录中', hint: '请联系上级工会管理员核对组织名录。'};
    case 'forbidden':
      return {title: '您没有此项操作的权限', hint: detail};
    case 'org-not-found':
      return {title: '未找到该工会', hint: '请检查工会代码是否正确。'};
    case 'worker-not-found':
      return {title: '未找到该职工', hint: '请检查职工编号是否正确。'};
    case 'campaign-not-found':
      return {title: '未找到该学习活动', hint: '该活动不存在、尚未发布，或不面向您管辖的工会。'};
    default:
      break;
  }
  if (status === 401) return {title: '登录已过期，请重新登录', hint: ''};
  if (status === 400) {
    const fields = (error.problem?.errors ?? []).map(e => `${e.field ?? ''} ${e.message ?? ''}`.trim()).join('；');
    return {title: '请求有误', hint: fields || detail};
  }
  if (status === 404) return {title: '未找到', hint: detail};
  return {title: `出错了（HTTP ${status}）`, hint: detail};
}
