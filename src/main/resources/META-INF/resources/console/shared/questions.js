// Questions of the bank (题库): Chinese names of their types, states and fields, and saving an edit safely: the API
// guards PUT with If-Match, and the console also compares what the admin saw with what is stored now.

import {ApiError, request} from './api.js';
import {VALIDATION, translate} from './translate.js';

export const TYPES = {SINGLE_CHOICE: '单选题', MULTIPLE_CHOICE: '多选题', TRUE_FALSE: '判断题', FILL_BLANK: '填空题'};
export const STATUSES = {APPROVED: '已审核', DRAFT: '草稿', RETIRED: '已停用'};
export const SOURCES = {GENERATED: '自动生成', UPLOADED: '题库上传'};

/** Columns and fields named by bank problems (row, column) and by edit problems (field), in Chinese. */
const FIELDS = {
  file: '整个文件', question: '题目', type: '题型', stem: '题干', options: '选项', answer: '答案', explanation: '解析',
  module_code: '模块编号', moduleCode: '模块编号', tags: '标签', status: '状态',
};

export function fieldName(field) {
  if (!field) return '';
  const option = /^option_([a-h])$/i.exec(field) ?? /^options\[(\d+)]/.exec(field);
  if (option) {
    const key = /^\d+$/.test(option[1]) ? String.fromCharCode(65 + Number(option[1])) : option[1].toUpperCase();
    return `选项${key}`;
  }
  return FIELDS[field] ?? field;
}

/** The stored question was changed by someone else since the admin loaded it. */
export class QuestionConflict extends Error {
  constructor(current) {
    super('其他人已修改此题目，请刷新后重试');
    this.current = current;
  }
}

/** One question and the ETag to send back as If-Match. */
export async function loadQuestion(id) {
  const response = await request(`/api/v1/admin/questions/${id}`, {}, {headers: {Accept: 'application/json'}});
  return {question: await response.json(), etag: response.headers.get('ETag')};
}

/** The body of PUT /api/v1/admin/questions/{id}: the question's full new state. */
export function editOf(question, changes = {}) {
  const {stem, options, answer, explanation, moduleCode, tags, status} = {...question, ...changes};
  return {stem, options, answer, explanation, moduleCode, tags, status};
}

/**
 * Saves {@code body} over {@code seen}, the question as the admin saw it, with If-Match {@code etag} (the ETag it was
 * loaded with; it covers the wording's version, status, module and tags). A list row has no ETag: the stored question is
 * compared with the row first and its ETag sent, so a change made after the row was listed is a conflict too.
 */
export async function saveQuestion(seen, etag, body) {
  if (!etag) {
    const stored = await loadQuestion(seen.id);
    if (signature(stored.question) !== signature(seen)) throw new QuestionConflict(stored.question);
    etag = stored.etag;
  }
  try {
    const response = await request(`/api/v1/admin/questions/${seen.id}`, {}, {
      method: 'PUT',
      headers: {'Content-Type': 'application/json', Accept: 'application/json', 'If-Match': etag},
      body: JSON.stringify(body),
    });
    return {question: await response.json(), etag: response.headers.get('ETag')};
  } catch (error) {
    if (error instanceof ApiError && error.status === 412) throw new QuestionConflict(null);
    throw error;
  }
}

function signature(q) {
  return JSON.stringify([q.status, q.moduleCode, q.tags ?? [], q.version, q.stem, q.options, q.answer, q.explanation]);
}

/** The bank checks' findings (quiz/bank, in English in the API) in Chinese; a message not listed stays as it is. */
const PROBLEMS = [
  [/^is empty$/, () => '不能为空'],
  [/^is empty; use /, () => '题型不能为空；请填写 单选、多选、判断 或 填空'],
  [/^unknown question type '(.*)'; use /, (m, type) => `无法识别题型“${type}”；请填写 单选、多选、判断 或 填空`],
  [/^names option (\S+), which the question does not have$/, (m, key) => `答案 ${key} 不是本题的选项`],
  [/^no correct answer is given; write /, () => '没有正确答案；判断题请填写 正确 或 错误'],
  [/^no correct answer is given$/, () => '没有正确答案'],
  [/^no accepted answer is given$/, () => '没有可接受的答案'],
  [/^'(.*)' is not true or false; write /, (m, text) => `“${text}”不是判断答案；请填写 正确 或 错误`],
  [/^a single-choice question has exactly one answer; found (.*)$/, (m, keys) => `单选题只能有一个正确答案，现为 ${keys}`],
  [/^a (?:single|multiple)-choice question needs (\d+) to (\d+) options; found (\d+)$/,
    (m, min, max, found) => `选择题需要 ${min} 至 ${max} 个选项，现有 ${found} 个`],
  [/^has the same text as (\S+)$/, (m, field) => `与${fieldName(field)}的内容相同`],
  [/^has (\d+) characters; at most (\d+)$/, (m, length, max) => `有 ${length} 个字，最多 ${max} 个`],
  [/^'(.*)' is not a module code such as 0, 3 or 3\.1$/, (m, code) => `“${code}”不是模块编号（应为 0、3 或 3.1 这样的编号）`],
  [/^duplicates the question at (?:row|line|question) (\d+)$/, (m, at) => `与第 ${at} 处的题目重复`],
  [/^the same question is already stored as question (\d+)$/, (m, id) => `题库中已有相同的题目（#${id}）`],
  [/^required column is missing$/, () => '缺少必填的列'],
  [/^the file contains no questions$/, () => '文件中没有题目'],
  [/^a fill-in-the-blank question has no options; found (\d+)$/, (m, found) => `填空题不设选项，现有 ${found} 个`],
  [/^a true\/false question has no options, or exactly A 正确 and B 错误$/, () => '判断题不填选项，或只填 A 正确、B 错误'],
  [/^has (\d+) tags; at most (\d+)$/, (m, count, max) => `有 ${count} 个标签，最多 ${max} 个`],
  [/^the file has more than (\d+) questions; split it into several files$/, (m, max) => `题目超过 ${max} 道，请拆分为多个文件`],
  [/^tag '(.*)' contains one of /, (m, tag) => `标签“${tag}”含有分隔符（逗号、顿号或分号），请拆成几个标签`],
  [/^tag '(.*)' has (\d+) characters; at most (\d+)$/, (m, tag, length, max) => `标签“${tag}”有 ${length} 个字，最多 ${max} 个`],
  [/^accepted answer '(.*)' contains \| or ；/, (m, text) => `答案“${text}”含有 | 或 ；（它们用来分隔多个可接受的答案）`],
  [/^has (\d+) accepted answers; at most (\d+)$/, (m, count, max) => `有 ${count} 个可接受的答案，最多 ${max} 个`],
  ...VALIDATION,
];

/** The generator's tags (quiz/generation: the kind of phrase asked about, and "generated") in Chinese. */
const TAG_NAMES = {
  generated: '自动生成', FORMULA: '提法', SLOGAN: '口号', QUOTATION: '引文', ENUMERATION: '列举', NUMBER: '数字',
};

/** A tag as the list shows it: the generator's own in Chinese, an admin's as written. */
export function tagText(tag) {
  return TAG_NAMES[tag] ?? tag;
}

export function problemText(message) {
  return translate(message, PROBLEMS);
}
