import { NOTICE_2026 } from './fixtures/notice-2026';
import { parseHolidayNotice } from './notice-parser';
import { bundledArrangement } from './working-day';

describe('parseHolidayNotice', () => {
  it('the 2026 notice gives exactly the bundled 2026 table', () => {
    const parsed = parseHolidayNotice(NOTICE_2026);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const bundled = bundledArrangement(2026)!;
    expect(parsed.year).toBe(2026);
    expect(parsed.holidays).toEqual(bundled.holidays);
    expect(parsed.workdays).toEqual(bundled.workdays);
    expect(parsed.holidays).toHaveLength(33);
    expect(parsed.items.map((i) => i.title)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
    expect(parsed.items[1]).toEqual({
      title: '春节',
      holidays: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
      workdays: ['2026-02-14', '2026-02-28'],
    });
  });

  it('reads the same notice pasted with half-width punctuation and without blank lines', () => {
    const ascii = NOTICE_2026.replace(/：/g, ':').replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',').replace(/\n\s*\n/g, '\n');
    const a = parseHolidayNotice(NOTICE_2026);
    const b = parseHolidayNotice(ascii);
    expect(b).toEqual(a);
  });

  it('reads items run together on one line (copied from a web page)', () => {
    const oneLine = NOTICE_2026.replace(/\s*\n\s*/g, '');
    const parsed = parseHolidayNotice(oneLine);
    expect(parsed.ok && parsed.holidays.length).toBe(33);
  });

  it('reads dates with their own year across New Year (2019 notice, 元旦 item)', () => {
    const parsed = parseHolidayNotice('一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。', 2019);
    expect(parsed).toMatchObject({ ok: true, year: 2019, holidays: ['2018-12-30', '2018-12-31', '2019-01-01'], workdays: ['2018-12-29'] });
  });

  it('a day count that does not match the range is an error naming the festival', () => {
    const broken = NOTICE_2026.replace('至7日（周三）放假调休，共7天', '至6日（周二）放假调休，共7天');
    const parsed = parseHolidayNotice(broken);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0]).toContain('国庆节');
    expect(!parsed.ok && parsed.errors[0]).toContain('共7天');
  });

  it('text without a year asks for the year; text without items says what an item looks like', () => {
    expect(parseHolidayNotice('一、元旦：1月1日放假，共1天。')).toEqual({ ok: false, errors: [expect.stringContaining('没有读到年份')] });
    expect(parseHolidayNotice('关于2027年部分节假日安排的通知 随便写点')).toEqual({ ok: false, errors: [expect.stringContaining('没有读到放假安排')] });
  });

  it('a day both off and worked is an error', () => {
    const parsed = parseHolidayNotice('关于2027年部分节假日安排的通知\n一、元旦：1月1日至3日放假，共3天。1月2日上班。');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors.join()).toContain('2027-01-02');
  });
});
