// Campaign and quiz windows in date inputs: Beijing days, turned back into the instants the API takes.

const ZONE = 'Asia/Shanghai';
const day = new Intl.DateTimeFormat('en-CA', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit'});

/** An instant as the Beijing day a date input shows (2022-11-16); empty for none. */
export function beijingDay(iso) {
  return iso ? day.format(new Date(iso)) : '';
}

/**
 * The window's start for a date input's {@code value}: the instant it had when the admin left its day alone (an
 * opening at 08:00 stays at 08:00), else the first moment of the chosen Beijing day; null for an empty input.
 */
export function windowStart(value, before = null) {
  if (!value) return null;
  return before && beijingDay(before) === value ? before : instant(`${value}T00:00:00+08:00`);
}

/** The window's end likewise: a day newly chosen closes at its last second, so the campaign is open all that day. */
export function windowEnd(value, before = null) {
  if (!value) return null;
  return before && beijingDay(before) === value ? before : instant(`${value}T23:59:59+08:00`);
}

function instant(text) {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new Error('日期无效，请按“年-月-日”重新选择');
  return date.toISOString();
}
