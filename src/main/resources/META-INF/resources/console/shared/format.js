// Figures as Chinese readers expect them: 万 and 亿 for large counts, percentages, Beijing time.

const ZONE = 'Asia/Shanghai';
const grouped = new Intl.NumberFormat('zh-CN', {maximumFractionDigits: 0});
const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** 1,234 below ten thousand, then 12.3万 and 1.2亿 (one decimal, dropped when zero). */
export function formatCount(value) {
  if (value === null || value === undefined) return '—';
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${trim(value / 1e8)}亿`;
  if (abs >= 1e4) return `${trim(value / 1e4)}万`;
  return grouped.format(value);
}

/** A 0–1 rate as a percentage with one decimal: 0.5391 → 53.9%. */
export function formatPercent(rate) {
  if (rate === null || rate === undefined) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** A score out of 100 with at most one decimal; null (nobody took the exam) is a dash. */
export function formatScore(score) {
  if (score === null || score === undefined) return '—';
  return trim(score);
}

/** Credited reading time: minutes below an hour, then hours (with 万 for ten thousand hours and more). */
export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds === 0) return '0';
  if (seconds < 60) return `${seconds} 秒`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} 分钟`;
  const hours = seconds / 3600;
  return hours >= 1e4 ? `${trim(hours / 1e4)}万小时` : `${trim(hours)} 小时`;
}

/** An instant in Beijing time, 2022-11-20 09:30; null (never) is a dash. */
export function formatDateTime(iso) {
  if (!iso) return '—';
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A calendar day of the API (already a Beijing day) as 11月20日. */
export function formatDay(day) {
  const [, month, date] = day.split('-').map(Number);
  return `${month}月${date}日`;
}

function trim(value) {
  return (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '');
}
