import ExcelJS from 'exceljs';
import { useFunctionCloud } from './function-cloud';
import { ADMIN, COMMUNITY_A, STAFF_A, STAFF_B, VOLUNTEER_A, aStoredCase, allDocs, crowdOfVolunteers, newRequestId, publishedActivity, volunteerAs } from '../support/volunteer-builders';

/** Issue 5 items 2, 3, 4, 6, 7, 8 through the gateway and the real SDK. */
describe('volunteer points', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const now = () => t.cloud.clock.now();
  const ledgerSum = async (volunteerId: string) => (await allDocs(t.db, 'ledger', { volunteerId })).reduce((s, e) => s + e.points, 0);
  const account = async (volunteerId: string) => (await allDocs(t.db, 'points_accounts', { volunteerId }))[0];

  /** Publishes, signs up the volunteers, moves past the start and completes with all of them attending. */
  async function completedWith(volunteerIds: string[], over: Record<string, unknown> = {}) {
    const staff = await volunteerAs(base(), STAFF_A);
    const activityId = await publishedActivity(staff, now(), over);
    for (const id of volunteerIds) expect((await (await volunteerAs(base(), id))('signUp', { activityId })).ok).toBe(true);
    t.cloud.clock.advance(25 * 3600_000);
    const done = await staff('complete', { activityId, attendedVolunteerIds: volunteerIds });
    expect(done.ok).toBe(true);
    return { staff, activityId, done };
  }

  it('gives exactly 10 places to 50 volunteers signing up at once for 10', async () => {
    const crowd = await crowdOfVolunteers(t.db, 50);
    const activityId = await publishedActivity(await volunteerAs(base(), STAFF_A), now());
    const callers = await Promise.all(crowd.map((id) => volunteerAs(base(), id)));
    const answers = await Promise.all(callers.map((c) => c('signUp', { activityId })));
    expect(answers.filter((a) => a.ok)).toHaveLength(10);
    expect(answers.filter((a) => !a.ok).map((a) => a.error.code).filter((c) => c !== 'CONFLICT')).toEqual([]);
    const signed = (await allDocs(t.db, 'signups', { activityId })).map((s) => s.volunteerId).sort();
    expect(signed).toHaveLength(10);
    const [activity] = await allDocs(t.db, 'activities', { _id: activityId });
    expect(activity.taken).toBe(10);
    // The holders on the activity are exactly the volunteers with a sign-up document (and were answered yes).
    expect([...activity.holders].sort()).toEqual(signed);
    expect(answers.map((a, i) => (a.ok ? crowd[i] : null)).filter(Boolean).sort()).toEqual(signed);
  });

  it('publishes the month the server is in, not the phone\'s: points earned on 1 December show without picking a month', async () => {
    t.cloud.clock.set(Date.parse('2026-11-30T17:50:00+08:00'));
    const { activityId } = await completedWith([VOLUNTEER_A]);
    expect(activityId).toBeTruthy();
    const staff = await volunteerAs(base(), STAFF_A);
    const current = await staff('publication', { communityId: COMMUNITY_A });
    expect(current.ok).toBe(true);
    expect(current.data.month).toBe('2026-12');
    expect(current.data.rows.map((r: { volunteerId: string }) => r.volunteerId)).toContain(VOLUNTEER_A);
    const november = await staff('publication', { communityId: COMMUNITY_A, month: '2026-11' });
    expect(november.data.rows).toEqual([]);
  });

  it('lets a double tap hold one place only', async () => {
    const activityId = await publishedActivity(await volunteerAs(base(), STAFF_A), now());
    const v = await volunteerAs(base(), VOLUNTEER_A);
    const answers = await Promise.all([v('signUp', { activityId }), v('signUp', { activityId }), v('signUp', { activityId })]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => a.error)).toEqual([
      { code: 'CONFLICT', message: '您已报名' },
      { code: 'CONFLICT', message: '您已报名' },
    ]);
    expect((await allDocs(t.db, 'activities', { _id: activityId }))[0]).toMatchObject({ taken: 1, holders: [VOLUNTEER_A] });
  });

  it('checks a volunteer in with the code from the activity QR, and refuses a wrong code', async () => {
    const staff = await volunteerAs(base(), STAFF_A);
    const activityId = await publishedActivity(staff, now());
    const v = await volunteerAs(base(), VOLUNTEER_A);
    await v('signUp', { activityId });
    t.cloud.clock.advance(24 * 3600_000 - 10 * 60_000);
    expect((await v('checkIn', { activityId, code: 'wrong' })).error.code).toBe('INVALID_INPUT');
    const { data } = await staff('activity', { activityId });
    expect((await v('checkIn', { activityId, code: data.checkInCode })).ok).toBe(true);
    expect((await v('activity', { activityId })).data).toMatchObject({ mine: 'checked_in' });
    expect((await v('activity', { activityId })).data.checkInCode).toBeUndefined();
  });

  it('gives out six-digit check-in codes and, after five wrong codes, leaves check-in to the organiser', async () => {
    const staff = await volunteerAs(base(), STAFF_A);
    const activityId = await publishedActivity(staff, now());
    const v = await volunteerAs(base(), VOLUNTEER_A);
    await v('signUp', { activityId });
    t.cloud.clock.advance(24 * 3600_000 - 10 * 60_000);
    const { data } = await staff('activity', { activityId });
    expect(data.checkInCode).toMatch(/^\d{6}$/);
    const wrong = data.checkInCode === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) expect((await v('checkIn', { activityId, code: wrong })).error.code).toBe('INVALID_INPUT');
    const locked = await v('checkIn', { activityId, code: data.checkInCode });
    expect(locked.error).toMatchObject({ code: 'RATE_LIMITED', message: '签到码输错次数过多，请找活动组织者帮您签到' });
    expect((await v('activity', { activityId })).data).not.toMatchObject({ mine: 'checked_in' });
    expect((await staff('checkInFor', { activityId, volunteerId: VOLUNTEER_A })).ok).toBe(true);
  });

  it('writes the completion awards once even when the organiser confirms twice', async () => {
    const { staff, activityId } = await completedWith([VOLUNTEER_A]);
    const again = await staff('complete', { activityId, attendedVolunteerIds: [VOLUNTEER_A] });
    expect(again).toMatchObject({ ok: true, data: { awarded: 0 } });
    expect(await allDocs(t.db, 'ledger', { volunteerId: VOLUNTEER_A })).toHaveLength(1);
    expect(await ledgerSum(VOLUNTEER_A)).toBe(2);
    expect(await account(VOLUNTEER_A)).toMatchObject({ earned: 2, available: 2 });
  });

  it('corrects an award with a new reversing entry carrying the reason, leaving the original untouched', async () => {
    const { staff, done } = await completedWith([VOLUNTEER_A]);
    const entryId = done.data.entryIds[0];
    const before = (await allDocs(t.db, 'ledger', { _id: entryId }))[0];
    const answer = await staff('correct', { entryId, reason: '当天实际未到场' });
    expect(answer).toMatchObject({ ok: true, data: { points: -2 } });
    expect((await allDocs(t.db, 'ledger', { _id: entryId }))[0]).toEqual(before);
    const correction = (await allDocs(t.db, 'ledger', { _id: answer.data.entryId }))[0];
    expect(correction).toMatchObject({ kind: 'correction', correctsEntryId: entryId, reason: '当天实际未到场', points: -2 });
    expect(await ledgerSum(VOLUNTEER_A)).toBe(0);
    expect((await (await volunteerAs(base(), VOLUNTEER_A))('myPoints', {})).data).toMatchObject({ yearEarned: 0, allTime: 0 });
    expect((await staff('correct', { entryId, reason: '再来一次' })).error.code).toBe('CONFLICT');
  });

  it('refuses a volunteer awarding, correcting or confirming points, and writes nothing', async () => {
    const { activityId, done } = await completedWith([VOLUNTEER_A]);
    const v = await volunteerAs(base(), VOLUNTEER_A);
    const before = await allDocs(t.db, 'ledger');
    for (const [action, data] of [
      ['complete', { activityId, attendedVolunteerIds: [VOLUNTEER_A] }],
      ['correct', { entryId: done.data.entryIds[0], reason: '我想改' }],
      ['confirmLead', { caseId: 'case-x', volunteerId: VOLUNTEER_A }],
      ['saveActivity', { requestId: newRequestId(), communityId: COMMUNITY_A, title: 'x', content: 'x', ruleId: 'governance.patrol', expectedPoints: 2, headcount: 1, startAt: new Date(now() + 1e7).toISOString(), endAt: new Date(now() + 2e7).toISOString(), place: 'x' }],
      ['saveRules', { expectedVersion: 0, overrides: [], added: [] }],
    ] as const) {
      expect([action, (await v(action, data)).error?.code]).toEqual([action, action === 'confirmLead' ? 'NOT_FOUND' : 'FORBIDDEN']);
    }
    expect(await allDocs(t.db, 'ledger')).toEqual(before);
  });

  it('lets an organiser act only in their own community', async () => {
    const { activityId, done } = await completedWith([VOLUNTEER_A]);
    const staffB = await volunteerAs(base(), STAFF_B);
    expect((await staffB('correct', { entryId: done.data.entryIds[0], reason: '越权' })).error.code).toBe('FORBIDDEN');
    expect((await staffB('complete', { activityId, attendedVolunteerIds: [] })).error.code).toBe('FORBIDDEN');
    expect((await staffB('saveGift', { requestId: newRequestId(), communityId: COMMUNITY_A, name: '毛巾', pointsCost: 5, stock: 3 })).error.code).toBe('FORBIDDEN');
    expect((await staffB('ledger', { volunteerId: VOLUNTEER_A })).error.code).toBe('FORBIDDEN');
  });

  it('ignores an openid in the payload: the caller stays who the platform says', async () => {
    const v = await volunteerAs(base(), VOLUNTEER_A);
    const answer = await v('profile', { openid: 'demo-community-a' });
    expect(answer).toMatchObject({ ok: true, data: { profile: { volunteerId: VOLUNTEER_A } } });
    const forged = await v('correct', { entryId: 'x', reason: 'x', OPENID: 'demo-community-a' });
    expect(forged.error.code).toBe('NOT_FOUND');
  });

  it('awards the 5-point lead report only when staff confirm the reporter\'s case', async () => {
    await aStoredCase(t.db, 'case-lead-1');
    expect(await allDocs(t.db, 'ledger', { volunteerId: VOLUNTEER_A })).toHaveLength(0);
    const staff = await volunteerAs(base(), STAFF_A);
    expect((await staff('confirmLead', { caseId: 'case-lead-1', volunteerId: 'user-volunteer-2' })).error.code).toBe('CONFLICT');
    expect(await staff('confirmLead', { caseId: 'case-lead-1', volunteerId: VOLUNTEER_A, note: '经派出所核实属实' })).toMatchObject({ ok: true, data: { points: 5, created: true } });
    expect(await staff('confirmLead', { caseId: 'case-lead-1', volunteerId: VOLUNTEER_A })).toMatchObject({ ok: true, data: { created: false } });
    expect(await ledgerSum(VOLUNTEER_A)).toBe(5);
  });

  it('never overdraws nor oversells when redemptions come at once', async () => {
    const crowd = await crowdOfVolunteers(t.db, 6);
    await completedWith(crowd, { expectedPoints: 2, headcount: 10 });
    const staff = await volunteerAs(base(), STAFF_A);
    const gift = await staff('saveGift', { requestId: newRequestId(), communityId: COMMUNITY_A, name: '毛巾', pointsCost: 1, stock: 4 });
    const callers = await Promise.all(crowd.map((id) => volunteerAs(base(), id)));
    // 6 volunteers × 3 tries each for 1 point: points allow 2 each (12), stock allows 4.
    const answers = await Promise.all(callers.flatMap((c) => [0, 1, 2].map(() => c('redeem', { giftId: gift.data.id, requestId: newRequestId() }))));
    expect(answers.filter((a) => a.ok)).toHaveLength(4);
    expect((await allDocs(t.db, 'rewards', { _id: gift.data.id }))[0].stock).toBe(0);
    const me = await volunteerAs(base(), crowd[0]);
    for (const id of crowd) {
      const acc = await account(id);
      expect(acc.available).toBe(await ledgerSum(id));
      expect(acc.available).toBeGreaterThanOrEqual(0);
    }
    // Points, not stock, limit one volunteer: a 3-point gift with plenty of stock.
    const big = await staff('saveGift', { requestId: newRequestId(), communityId: COMMUNITY_A, name: '大米', pointsCost: 1, stock: 100 });
    const mine = await Promise.all([0, 1, 2, 3, 4].map(() => me('redeem', { giftId: big.data.id, requestId: newRequestId() })));
    const available = (await account(crowd[0])).available;
    expect(available).toBe(await ledgerSum(crowd[0]));
    expect(available).toBe(0);
    expect(mine.filter((a) => !a.ok).every((a) => a.error.message === '本年度积分不足')).toBe(true);
  });

  it('hands a gift over only against its pickup code', async () => {
    await completedWith([VOLUNTEER_A], { headcount: 2 });
    const v = await volunteerAs(base(), VOLUNTEER_A);
    const r = await v('redeem', { giftId: 'gift-demo-a-soap', requestId: newRequestId() });
    expect(r.ok).toBe(false); // 2 points, the soap costs 10
    await t.db.collection('rewards').doc('gift-demo-a-soap').update({ pointsCost: 2 });
    const ok = await v('redeem', { giftId: 'gift-demo-a-soap', requestId: 'same-request-1' });
    expect(await v('redeem', { giftId: 'gift-demo-a-soap', requestId: 'same-request-1' })).toEqual(ok);
    const staff = await volunteerAs(base(), STAFF_A);
    const wrong = ok.data.pickupCode === '000000' ? '111111' : '000000';
    expect((await staff('markPickedUp', { redemptionId: ok.data.redemptionId, pickupCode: wrong })).error.code).toBe('INVALID_INPUT');
    expect((await staff('markPickedUp', { redemptionId: ok.data.redemptionId, pickupCode: ok.data.pickupCode })).ok).toBe(true);
  });

  it('stops guessing a pickup code after 5 wrong codes for that redemption, and a right code costs no try', async () => {
    await completedWith([VOLUNTEER_A], { headcount: 2 });
    await t.db.collection('rewards').doc('gift-demo-a-soap').update({ pointsCost: 2 });
    const ok = await (await volunteerAs(base(), VOLUNTEER_A))('redeem', { giftId: 'gift-demo-a-soap', requestId: newRequestId() });
    const staff = await volunteerAs(base(), STAFF_A);
    const code = ok.data.pickupCode as string;
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) {
      expect([i, (await staff('markPickedUp', { redemptionId: ok.data.redemptionId, pickupCode: wrong(i) })).error.code]).toEqual([i, 'INVALID_INPUT']);
    }
    const sixth = await staff('markPickedUp', { redemptionId: ok.data.redemptionId, pickupCode: code });
    expect(sixth.error.code).toBe('RATE_LIMITED');
    expect(sixth.error.message).toMatch(/^操作太频繁：.*请在 .* 后再试$/);
    expect((await allDocs(t.db, 'redemptions', { _id: ok.data.redemptionId }))[0].state).toBe('awaiting_pickup');
  });

  it('ranks the street\'s year and exports the community ledger as an Excel file with its rows', async () => {
    const crowd = await crowdOfVolunteers(t.db, 3);
    await completedWith([crowd[0], crowd[1]]);
    await completedWith([crowd[1]]);
    const year = new Date(now() + 8 * 3600_000).getUTCFullYear();
    const rank = await (await volunteerAs(base(), crowd[1]))('ranking', { scope: 'street', year });
    expect(rank.data.rows.map((r: any) => [r.rank, r.volunteerId, r.points])).toEqual([[1, crowd[1], 4], [2, crowd[0], 2]]);
    expect(rank.data.me).toMatchObject({ rank: 1, points: 4 });
    const admin = await volunteerAs(base(), ADMIN);
    expect((await admin('top', { year })).data.rows).toHaveLength(2);
    const file = await (await volunteerAs(base(), STAFF_A))('export', { kind: 'ledger', communityId: COMMUNITY_A, year });
    expect(file).toMatchObject({ ok: true, data: { rows: 3 } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await fetch(file.data.url)).arrayBuffer()) as any);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).getCell(1).value).toBe('时间');
    const quarter = await admin('export', { kind: 'quarterly', year, quarter: Math.floor(new Date(now() + 8 * 3600_000).getUTCMonth() / 3) + 1 });
    expect(quarter).toMatchObject({ ok: true, data: { rows: 2 } });
  });
});
