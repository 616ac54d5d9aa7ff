/**
 * WeChat's rules for subscribe-message values, by the type its key names ("订阅消息参数值内容限制说明",
 * subscribeMessage.send): a value that breaks them is answered with 47003 and the key in the errmsg.
 * Written from WeChat's table on purpose, not shared with src/domain/notification: the app's shaping is
 * checked against these, not against itself.
 */
type Rule = (value: string) => boolean;

const HAN = '\\p{Script=Han}';
const chars = (v: string) => [...v].length;
const hourMinute = '([01]?\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?';
const ymd = '\\d{4}年\\d{1,2}月\\d{1,2}日';
const ymdNumeric = '\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}';
const datePart = `(${ymd}|${ymdNumeric})`;
/** A point in time: "15:01", "2019年10月1日 15:01" (the date optional). */
const TIME_POINT = `(${datePart}\\s*)?${hourMinute}`;
/** A date: "2019年10月1日", optionally with "15:01". */
const DATE_POINT = `${datePart}(\\s*${hourMinute})?`;
/** Both allow a span: two points joined with "~". */
const span = (point: string) => new RegExp(`^${point}(\\s*~\\s*${point})?$`);
const TIME = span(TIME_POINT);
const DATE = span(DATE_POINT);

export const KEYWORD_RULES: Record<string, Rule> = {
  thing: (v) => chars(v) <= 20 && !/[\r\n]/.test(v),
  number: (v) => chars(v) <= 32 && /^\d+(\.\d+)?$/.test(v),
  letter: (v) => chars(v) <= 32 && /^[A-Za-z]+$/.test(v),
  symbol: (v) => chars(v) <= 5 && /^[\p{P}\p{S}]+$/u.test(v),
  character_string: (v) => chars(v) <= 32 && /^[\x21-\x7e]+$/.test(v),
  time: (v) => TIME.test(v),
  date: (v) => DATE.test(v),
  // One currency sign + up to 10 digits, decimals allowed, "元" allowed at the end.
  amount: (v) => /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(v),
  phone_number: (v) => chars(v) <= 17 && /^[\d+\-() ]+$/.test(v),
  // Up to 8; the first and the last may be Chinese, the rest letters or digits (粤A8Z888挂).
  car_number: (v) => chars(v) <= 8 && new RegExp(`^(${HAN}|[A-Za-z0-9])[A-Za-z0-9]*(${HAN})?$`, 'u').test(v),
  // 10 Chinese characters (mixed with letters counts as Chinese), or 20 letters/symbols.
  name: (v) => (new RegExp(HAN, 'u').test(v) ? chars(v) <= 10 : chars(v) <= 20 && /^[A-Za-z\p{P}\p{S} ]+$/u.test(v)),
  phrase: (v) => chars(v) <= 5 && new RegExp(`^${HAN}+$`, 'u').test(v),
};

const KEY = /^([a-z_]+?)([1-9]\d{0,2})$/;

/** `thing12` → `thing` when it is a WeChat keyword type. */
export function keywordTypeOfKey(key: string): string | null {
  const m = KEY.exec(key);
  return m && m[1] in KEYWORD_RULES ? m[1] : null;
}

/** null when the value is fine; else WeChat's 47003 errmsg for it. */
export function keywordProblem(key: string, value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return `argument invalid! data.${key}.value is empty`;
  const type = keywordTypeOfKey(key);
  if (!type || !KEYWORD_RULES[type](value)) return `argument invalid! data.${key}.value invalid`;
  return null;
}
