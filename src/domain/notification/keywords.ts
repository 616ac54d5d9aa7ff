import { CHINA_OFFSET_MS } from '../calendar/china-time';
/**
 * WeChat subscribe-message keyword types. A template's data key names its type (`thing1`, `time2`,
 * `character_string3`), and WeChat answers 47003 to a value that does not fit the type's rule
 * ("订阅消息参数值内容限制说明", subscribeMessage.send). Here: the types and how a value is made to fit;
 * the local WeChat (local-cloud/services/wx-openapi) checks the rules on its own, so a shaping bug
 * shows up as WeChat's errcode.
 */
export const KEYWORD_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const;
export type KeywordType = (typeof KEYWORD_TYPES)[number];

const KEY = new RegExp(`^(${KEYWORD_TYPES.join('|')})([1-9][0-9]{0,2})$`);

/** `thing12` → `thing`; anything that is not a WeChat keyword key → null. */
export function keywordTypeOf(key: string): KeywordType | null {
  const m = KEY.exec(key);
  return m ? (m[1] as KeywordType) : null;
}

/** WeChat limits (characters): thing 20, character_string 32, phrase 5 (Chinese only). */
export const THING_MAX = 20;
export const CHARACTER_STRING_MAX = 32;
export const PHRASE_MAX = 5;

/** Text for a `thing` keyword: one line, at most 20 characters (cut with "…" so the reader sees it is cut). */
export function thingValue(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  if (chars.length === 0) return '无';
  return chars.length <= THING_MAX ? oneLine : `${chars.slice(0, THING_MAX - 1).join('')}…`;
}

/** A `character_string`: digits, letters and ASCII symbols only, at most 32. */
export function characterStringValue(text: string): string {
  return text.replace(/[^\x21-\x7e]/g, '').slice(0, CHARACTER_STRING_MAX) || '-';
}

/**
 * `time` and `date` keywords take "2019年10月1日 15:01" (24-hour clock, with the date), shown in China's
 * time whatever the server's time zone: an ISO string is refused with 47003.
 */
export function timeValue(at: Date): string {
  const d = new Date(at.getTime() + CHINA_OFFSET_MS);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`;
}
