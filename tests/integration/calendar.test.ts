import { useFunctionCloud } from './function-cloud';
import { aReport, caseCaller, setClock } from '../support/case-builders';

/** Issue 12 item 1 through the `case` function: years nobody has arranged, and the street's confirmed arrangement. */
describe('working calendar of years the library does not know', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;

  it('a case filed 2026-12-31 17:00 is due on Monday 4 January 2027, not on 元旦', async () => {
    await setClock(base(), '2026-12-31T17:00:00+08:00');
    const resident = await caseCaller(base(), 'user-resident-1');
    const { caseId } = (await resident('report', aReport())).data;
    const stored = (await t.db.collection('cases').doc(caseId).get()).data[0];
    expect(new Date(stored.dueAt).toISOString()).toBe('2027-01-04T02:00:00.000Z'); // 10:00 China time
  });

  it('from 1 November staff are warned while next year is unconfirmed; the admin confirms it and the warning goes', async () => {
    const officer = await caseCaller(base(), 'user-officer-a1');
    const admin = await caseCaller(base(), 'user-admin');
    await setClock(base(), '2026-10-31T23:00:00+08:00');
    expect((await officer('calendarStatus', {})).data).toMatchObject({ today: '2026-10-31', warning: null });
    await setClock(base(), '2026-11-01T08:00:00+08:00');
    const warned = (await officer('calendarStatus', {})).data;
    expect(warned.warning).toMatchObject({ year: 2027, message: expect.stringContaining('2027年放假安排尚未确认') });
    expect(warned.years).toEqual([{ year: 2026, source: 'bundled' }, { year: 2027, source: 'statutory' }]);

    const config = (await admin('streetConfig', {})).data;
    const arrangement = { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [], source: 'picked', reason: '按通知先录入元旦' };
    const saved = await admin('saveSla', { expectedVersion: config.slaVersion, sla: config.sla, calendar: { ...config.calendar, yearArrangements: [arrangement] } });
    expect(saved.ok).toBe(true);
    const after = (await officer('calendarStatus', {})).data;
    expect(after.warning).toBeNull();
    expect(after.years[1]).toEqual({ year: 2027, source: 'street' });
    expect((await admin('streetConfig', {})).data.calendar.yearArrangements).toEqual([arrangement]);
  });

  it('an arrangement with a date outside its year is refused naming the field, and nothing changes', async () => {
    const admin = await caseCaller(base(), 'user-admin');
    const config = (await admin('streetConfig', {})).data;
    const bad = { year: 2027, holidays: ['2028-01-01'], workdays: [], source: 'picked', reason: 'x' };
    const answer = await admin('saveSla', { expectedVersion: config.slaVersion, sla: config.sla, calendar: { ...config.calendar, yearArrangements: [bad] } });
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('INVALID_INPUT');
    expect(JSON.stringify(answer.error.fields)).toContain('不在 2027 年的安排范围内');
    expect((await admin('streetConfig', {})).data.slaVersion).toBe(config.slaVersion);
  });

  it('residents do not see the calendar status', async () => {
    const resident = await caseCaller(base(), 'user-resident-1');
    expect((await resident('calendarStatus', {})).error.code).toBe('FORBIDDEN');
  });
});
