import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { useFunctionCloud } from './function-cloud';
import { assessCaller, storedPatrol } from '../support/assess-builders';
import { caseCaller } from '../support/case-builders';

/**
 * The half-monthly 巡查通报 (002 L151, issue 16 item 6) through the gateway and the real SDK: October's
 * first half (1st–15th) for community A. The street's calendar: 10-01..07 国庆 holidays, Saturday 10-10 a
 * 调休 working day (State Council 2026), and the street closed 10-15 itself (extraClosedDates). So the
 * working days are 10-08, 09, 10, 12, 13, 14: six.
 */
describe('巡查通报 (half-monthly patrol bulletin)', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const as = (userId: string) => assessCaller(base(), userId);
  const A1 = 'user-officer-a1'; // 张丽
  const A2 = 'user-officer-a2'; // 李强
  const A3 = 'user-officer-a3'; // 赵敏
  const pin = (iso: string) => {
    t.cloud.clock.set(Date.parse(iso));
    t.cloud.clock.freeze();
  };

  const patrol = (workerId: string, day: string, extra: Record<string, unknown> = {}) => ({ ...storedPatrol(workerId, 'grid-a1', day), ...extra });

  beforeEach(async () => {
    pin('2026-10-15T20:00:00+08:00');
    const admin = await caseCaller(base(), 'user-admin');
    const current = (await admin('streetConfig', {})).data;
    const saved = await admin('saveSla', { expectedVersion: current.slaVersion, sla: current.sla, calendar: { ...current.calendar, extraClosedDates: ['2026-10-15'] } });
    expect(saved.ok).toBe(true);
    const at = new Date('2026-10-08T15:00:00+08:00');
    await t.db.collection('patrols').add([
      // 张丽: every working day, plus Sunday 10-11 (a rest day), plus a second half-hour patrol on 10-08
      // with two building check-ins, one finding filed as a case and one handled on the spot.
      ...['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-11', '2026-10-12', '2026-10-13', '2026-10-14'].map((d) => patrol(A1, d)),
      patrol(A1, '2026-10-08', {
        _id: 'patrol-a1-second',
        requestId: 'patrol-a1-second',
        startedAt: at,
        minutes: 30,
        checkIns: [1, 2].map((n) => ({ requestId: `ci-${n}`, buildingId: `building-${n}`, buildingName: `${n}栋`, at })),
        findings: (['case', 'on_spot'] as const).map((kind) => ({ id: `f-${kind}`, kind, requestId: `f-${kind}`, at, categoryId: 'rubbish', categoryLabel: '垃圾', description: '垃圾满溢', beforePhotos: [], afterPhotos: [], location: {}, sampled: false })),
      }),
      // Outside the half-month: never counted.
      patrol(A1, '2026-09-30'),
      patrol(A1, '2026-10-16'),
      // 李强: missed the 调休 Saturday 10-10.
      ...['2026-10-08', '2026-10-09', '2026-10-12', '2026-10-13', '2026-10-14'].map((d) => patrol(A2, d)),
      // 赵敏: 10-08, and 10-15 when the street was closed (a rest day for the street).
      patrol(A3, '2026-10-08'),
      patrol(A3, '2026-10-15'),
      // Community B's officer: not in community A's bulletin.
      { ...storedPatrol('user-officer-b1', 'grid-b1', '2026-10-08'), communityId: 'community-b' },
    ]);
  });

  it('refuses a half-month that is not over, then makes the ranked rows, PDF and Excel, frozen on repeat', async () => {
    const street = await as('user-street');
    const early = await street('patrolBulletin', { halfMonth: '2026-10-1', communityId: 'community-a' });
    expect(early.error).toMatchObject({ code: 'CONFLICT', message: '2026年10月上半月尚未结束（2026-10-15结束），结束后才能生成巡查通报' });
    expect((await t.db.collection('patrol_bulletins').get()).data).toEqual([]);

    pin('2026-10-16T09:00:00+08:00');
    const made = await street('patrolBulletin', { halfMonth: '2026-10-1', communityId: 'community-a' });
    expect(made.data).toMatchObject({ created: true, bulletinId: 'patrol-street-demo-community-a-2026-10-1', title: '肥东路社区2026年10月上半月巡查通报' });

    const view = (await (await as(A2))('patrolBulletinView', { bulletinId: made.data.bulletinId })).data;
    const cols = (r: any) => [r.rank, r.name, r.patrolDays, r.workingDays, r.missedDays, r.restDayPatrols, r.minutes, r.checkIns, r.casesFiled, r.onSpot];
    // By hand: minutes 张丽 7×60+30, 李强 5×60, 赵敏 2×60; ranked by missed days, then minutes.
    expect(view.rows.map(cols)).toEqual([
      [1, '张丽', 6, 6, 0, 1, 450, 2, 1, 1],
      [2, '李强', 5, 6, 1, 0, 300, 0, 0, 0],
      [3, '赵敏', 1, 6, 5, 1, 120, 0, 0, 0],
      [4, '王秀兰', 0, 6, 6, 0, 0, 0, 0, 0],
    ]);
    expect(view).toMatchObject({ scopeName: '肥东路社区', halfMonth: '2026年10月上半月' });

    const work = mkdtempSync(join(tmpdir(), 'patrol-bulletin-'));
    writeFileSync(join(work, 'b.pdf'), Buffer.from(await (await fetch(made.data.pdfUrl)).arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', join(work, 'b.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('肥东路社区2026年10月上半月巡查通报');
    expect(text).toContain('2026-10-01 至 2026-10-15 · 应巡工作日 6 天');
    expect(text).toMatch(/1\s+张丽\s+6\/6\s+0\s+1\s+450\s+2\s+1\s+1/);
    expect(text).toMatch(/4\s+王秀兰\s+0\/6\s+6\s+0\s+0/);
    expect(text).not.toContain('孙伟');

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await fetch(made.data.xlsxUrl)).arrayBuffer()) as any);
    const ws = book.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '名次', '姓名', '巡查天数', '应巡工作日', '漏巡天数', '休息日巡查', '巡查时长(分钟)', '楼栋打卡', '上报事件', '当场处置']);
    expect(ws.getRow(3).values).toEqual([undefined, 2, '李强', 5, 6, 1, 0, 300, 0, 0, 0]);

    // A late patrol record changes nothing once made: the same files, the same rows.
    await t.db.collection('patrols').add(patrol(A3, '2026-10-09'));
    const again = await street('patrolBulletin', { halfMonth: '2026-10-1', communityId: 'community-a' });
    expect(again.data).toMatchObject({ created: false, bulletinId: made.data.bulletinId });
    const stored = (await t.db.collection('patrol_bulletins').get()).data;
    expect(stored).toHaveLength(1);
    expect(stored[0].rows.find((r: any) => r.name === '赵敏').patrolDays).toBe(1);
  });

  it('lets community staff make their own community\'s only, and shows it to that community alone', async () => {
    pin('2026-10-16T09:00:00+08:00');
    const staffA = await as('user-community-a');
    // The page offers each caller the scopes they may choose: their community, or the street and every community.
    expect((await staffA('runs', {})).data.patrolBulletinScopes).toEqual([{ communityId: 'community-a', name: '肥东路社区' }]);
    const scopes = (await (await as('user-street'))('runs', {})).data.patrolBulletinScopes;
    expect(scopes[0]).toEqual({ communityId: null, name: '全街道' });
    expect(scopes.map((s: any) => s.communityId)).toContain('community-b');
    expect((await staffA('patrolBulletin', { halfMonth: '2026-10-1' })).error.code).toBe('FORBIDDEN');
    expect((await (await as('user-community-b'))('patrolBulletin', { halfMonth: '2026-10-1', communityId: 'community-a' })).error.code).toBe('FORBIDDEN');
    expect((await (await as(A1))('patrolBulletin', { halfMonth: '2026-10-1', communityId: 'community-a' })).error.code).toBe('FORBIDDEN');
    const made = (await staffA('patrolBulletin', { halfMonth: '2026-10-1', communityId: 'community-a' })).data;
    expect(made.created).toBe(true);
    expect((await (await as('user-officer-b1'))('patrolBulletinView', { bulletinId: made.bulletinId })).error.code).toBe('FORBIDDEN');
    expect((await (await as('user-resident-1'))('patrolBulletinView', { bulletinId: made.bulletinId })).error.code).toBe('FORBIDDEN');
    expect((await (await as('user-chief-a'))('patrolBulletinView', { bulletinId: made.bulletinId })).ok).toBe(true);

    // The street-wide bulletin covers community B's officer too, and B's officer may read it.
    const street = (await (await as('user-street'))('patrolBulletin', { halfMonth: '2026-10-1' })).data;
    const streetView = (await (await as('user-officer-b1'))('patrolBulletinView', { bulletinId: street.bulletinId })).data;
    expect(streetView.rows.find((r: any) => r.name === '孙伟')).toMatchObject({ patrolDays: 1, missedDays: 5 });
    expect(streetView.rows).toHaveLength(new Set(streetView.rows.map((r: any) => r.workerId)).size);
  });

  it('names the field of a malformed half-month in Chinese', async () => {
    const answer = await (await as('user-street'))('patrolBulletin', { halfMonth: '2026-10' });
    expect(answer.error.fields.halfMonth).toContain('半月格式应为');
  });
});
