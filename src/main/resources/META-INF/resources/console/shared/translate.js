// The API's English findings in Chinese. Each page lists [pattern, render] pairs of its own; the first that matches
// says it, and a finding no table knows stays as the API wrote it.

/** Findings of Bean Validation and of the date windows, which any form may meet. */
export const VALIDATION = [
  [/^must not be (?:blank|null|empty)$/, () => '不能为空'],
  [/^size must be between (\d+) and (\d+)$/, (m, min, max) => `长度须在 ${min} 至 ${max} 之间`],
  [/^must be greater than or equal to (\d+)$/, (m, n) => `不能小于 ${n}`],
  [/^must be less than or equal to (\d+)$/, (m, n) => `不能大于 ${n}`],
  [/^must be after opensAt$/, () => '须晚于开始日期'],
  [/^must be from .+ to .+$/, () => '须在 2000 年至 2100 年之间'],
];

/** {@code text} as the first entry of {@code table} that matches renders it; unchanged when none does. */
export function translate(text, table) {
  for (const [pattern, render] of table) {
    const match = pattern.exec(text ?? '');
    if (match) return render(...match);
  }
  return text ?? '';
}
