import { chinaIsoDate, dayIndexOfIsoDate } from './china-time';

/**
 * Reads the State Council's yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知) into dates, so the
 * street administrator pastes the text instead of typing 30 dates. Every item reads like
 *   "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。"
 * i.e. ranges or single days before "放假", a day count "共N天", and make-up days before "上班". Dates may
 * carry a year ("2018年12月30日至2019年1月1日", the 2019 notice) or omit the month after "至" ("至3日").
 * The count is checked against the range, so a mistyped or half-pasted item is an error, not a wrong calendar.
 */
export interface NoticeItem {
  /** The festival heading as written, e.g. "国庆节、中秋节". */
  title: string;
  holidays: string[];
  workdays: string[];
}

export type NoticeParse =
  | { ok: true; year: number; holidays: string[]; workdays: string[]; items: NoticeItem[] }
  | { ok: false; errors: string[] };

const ITEM = /(?:^|[\n。；;\s])[一二三四五六七八九十]+[、.．]\s*([^：:\n]{1,20})[：:]([^\n]*?)(?=(?:[。；;\s]*[一二三四五六七八九十]+[、.．][^：:\n]{1,20}[：:])|\n|$)/g;
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/g;

/** Full-width digits and punctuation to ASCII where it matters; parentheses (周日, 农历…) removed first. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/[（(][^（()）]*[）)]/g, '')
    .replace(/\r\n?/g, '\n');
}

function yearOf(text: string): number | undefined {
  const m = text.match(/关于\s*(\d{4})\s*年部分节假日安排/) ?? text.match(/现将\s*(\d{4})\s*年/);
  return m ? Number(m[1]) : undefined;
}

interface Cursor {
  year: number;
  month?: number;
}

/** The dates of one clause in order, each inheriting the year and month of the one before. */
function datesOf(clause: string, cursor: Cursor): { iso: string; at: number; end: number }[] {
  const out: { iso: string; at: number; end: number }[] = [];
  for (const m of clause.matchAll(DATE)) {
    if (m[1]) cursor.year = Number(m[1]);
    if (m[2]) cursor.month = Number(m[2]);
    if (cursor.month === undefined) continue;
    const iso = `${cursor.year}-${String(cursor.month).padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    if (chinaIsoDate(dayIndexOfIsoDate(iso)) !== iso) continue;
    out.push({ iso, at: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

function daysBetween(from: string, to: string): string[] {
  const a = dayIndexOfIsoDate(from);
  const b = dayIndexOfIsoDate(to);
  const days: string[] = [];
  for (let d = a; d <= b; d++) days.push(chinaIsoDate(d));
  return days;
}

function parseItem(title: string, body: string, year: number, errors: string[]): NoticeItem {
  const item: NoticeItem = { title: title.trim(), holidays: [], workdays: [] };
  const cursor: Cursor = { year };
  for (const clause of body.split(/[。；;]/)) {
    const dates = datesOf(clause, cursor);
    if (clause.includes('放假')) {
      if (dates.length === 0) {
        errors.push(`${item.title}：没有读到放假日期`);
        continue;
      }
      // "A至B" is a range; dates joined by 、 are single days.
      for (let i = 0; i < dates.length; i++) {
        const next = dates[i + 1];
        if (next && /^\s*至\s*$/.test(clause.slice(dates[i].end, next.at))) {
          if (next.iso < dates[i].iso) errors.push(`${item.title}：${dates[i].iso} 至 ${next.iso} 起止颠倒`);
          else item.holidays.push(...daysBetween(dates[i].iso, next.iso));
          i++;
        } else item.holidays.push(dates[i].iso);
      }
      const count = clause.match(/共\s*(\d+)\s*天/);
      if (count && Number(count[1]) !== item.holidays.length) {
        errors.push(`${item.title}：通知写"共${count[1]}天"，读到的放假日期是 ${item.holidays.length} 天，请检查粘贴的文字`);
      }
    } else if (clause.includes('上班')) {
      if (dates.length === 0) errors.push(`${item.title}：没有读到上班日期`);
      item.workdays.push(...dates.map((d) => d.iso));
    }
  }
  if (item.holidays.length === 0 && !errors.some((e) => e.startsWith(`${item.title}：`))) errors.push(`${item.title}：没有读到放假日期`);
  return item;
}

/** Parses the notice text; `year` is needed only when the pasted text lacks the title line. */
export function parseHolidayNotice(text: string, year?: number): NoticeParse {
  const normalised = normalise(text);
  const noticeYear = yearOf(normalised) ?? year;
  if (noticeYear === undefined) return { ok: false, errors: ['没有读到年份：请粘贴通知全文（含"关于XXXX年部分节假日安排的通知"），或先选择年份'] };
  const errors: string[] = [];
  const items = [...normalised.matchAll(ITEM)].map((m) => parseItem(m[1], m[2], noticeYear, errors));
  if (items.length === 0) return { ok: false, errors: ['没有读到放假安排：每一项应形如"一、元旦：1月1日至3日放假调休，共3天。"'] };
  const holidays = [...new Set(items.flatMap((i) => i.holidays))].sort();
  const workdays = [...new Set(items.flatMap((i) => i.workdays))].sort();
  const clash = workdays.filter((d) => holidays.includes(d));
  if (clash.length) errors.push(`${clash.join('、')} 既放假又上班，请检查粘贴的文字`);
  const outside = [...holidays, ...workdays].filter((d) => d < `${noticeYear - 1}-12-01` || d > `${noticeYear}-12-31`);
  if (outside.length) errors.push(`${outside.join('、')} 不在 ${noticeYear} 年的安排范围内`);
  if (errors.length) return { ok: false, errors };
  return { ok: true, year: noticeYear, holidays, workdays, items };
}
