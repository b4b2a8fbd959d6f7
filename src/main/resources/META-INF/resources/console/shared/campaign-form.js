// The campaign endpoints' problems in Chinese, each field named as the campaign page names it.

import {VALIDATION, translate} from './translate.js';

const TITLES = {
  'invalid-campaign': '活动内容有误',
  'validation': '活动内容有误',
  'campaign-incomplete': '活动还缺少必要的内容',
  'campaign-closed': '活动已结束，不能再修改',
  'campaign-already-published': '活动已经发布过了',
  'campaign-not-published': '草稿活动不能结束',
  'forbidden': '只有省总管理员可以管理学习活动',
};

const FIELDS = {
  title: '活动名称', description: '说明', opensAt: '开始日期', closesAt: '截止日期', finalPassScore: '及格分',
  audience: '参与工会', materials: '学习材料', optionalModuleIds: '选学模块',
};

const MESSAGES = [
  [/^no union has the code '(.*)'$/, (m, code) => `没有代码为“${code}”的工会`],
  [/^no notice has the id (\d+)$/, (m, id) => `没有编号为 ${id} 的公文`],
  [/^repeats \w+\[(\d+)]$/, (m, at) => `与第 ${Number(at) + 1} 项重复`],
  [/^needs at least one union$/, () => '至少选择一个工会'],
  [/needs a material with at least one published module$/, () => '至少选择一份含已发布模块的公文'],
  [/^has passed/, () => '已经过了，请选择今天以后的日期'],
  ...VALIDATION,
];

/** A field path of the API (audience[2]) in words: 参与工会第 3 项. */
function fieldName(field) {
  const item = /^(\w+)\[(\d+)]$/.exec(field ?? '');
  if (item) return `${FIELDS[item[1]] ?? item[1]}第 ${Number(item[2]) + 1} 项`;
  return FIELDS[field] ?? field ?? '';
}

/** {title, hint} for a campaign write's known problems, each field named in Chinese; null for any other error. */
export function campaignProblem(error) {
  const title = TITLES[error?.slug] ?? (error?.status === 403 ? TITLES.forbidden : null);
  if (!title) return null;
  const fields = (error.problem?.errors ?? []).map(e => `${fieldName(e.field)}：${translate(e.message, MESSAGES)}`);
  return {title, hint: fields.join('；')};
}
