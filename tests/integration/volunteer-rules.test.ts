import { useFunctionCloud } from './function-cloud';
import { ADMIN, STAFF_A, STAFF_B, VOLUNTEER_A, aStoredCase, allDocs, pointsState, publishedActivity, volunteerAs, withVolunteerProfile } from '../support/volunteer-builders';
import { found } from '../support/contract-call';

const OFFICER_A1 = 'user-officer-a1';

/** Issue 10 item 4: points only for what really happened — every denial is FORBIDDEN or CONFLICT with nothing written. */
describe('honest volunteer points', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const now = () => t.cloud.clock.now();

  describe('activities', () => {
    it('refuses an organiser signing up for their own activity, and writes nothing', async () => {
      await withVolunteerProfile(t.db, STAFF_A);
      const staff = await volunteerAs(base(), STAFF_A);
      const activityId = await publishedActivity(staff, now());
      const before = await pointsState(t.db);
      const answer = await staff('signUp', { activityId });
      expect(answer.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('组织者不能报名') });
      expect(await pointsState(t.db)).toEqual(before);
      expect((await staff('activity', { activityId })).data.actions).not.toContain('signUp');
    });

    it('lists for each caller only the actions the rule table allows now', async () => {
      const staff = await volunteerAs(base(), STAFF_A);
      const activityId = await publishedActivity(staff, now());
      const volunteer = await volunteerAs(base(), VOLUNTEER_A);
      expect((await volunteer('activity', { activityId })).data.actions).toEqual(['signUp']);
      expect((await staff('activity', { activityId })).data.actions).toEqual(['cancel', 'checkInFor']);
      await volunteer('signUp', { activityId });
      expect((await volunteer('activity', { activityId })).data.actions).toEqual(['cancelSignUp']);
      t.cloud.clock.advance(25 * 3600_000);
      expect((await staff('activity', { activityId })).data.actions).toEqual(['cancel', 'checkInFor', 'complete']);
      expect((await volunteer('activity', { activityId })).data.actions).toEqual(['checkIn']);
      t.cloud.clock.advance(2 * 3600_000);
      expect(found((await volunteer('activities', {})).data.activities.find((a) => a.activityId === activityId), 'the activity').actions).toEqual([]);
    });

    it('holds a staff participant’s points until another staff member confirms them', async () => {
      await withVolunteerProfile(t.db, OFFICER_A1);
      const staff = await volunteerAs(base(), STAFF_A);
      const activityId = await publishedActivity(staff, now());
      const officer = await volunteerAs(base(), OFFICER_A1);
      const volunteer = await volunteerAs(base(), VOLUNTEER_A);
      expect((await officer('signUp', { activityId })).ok).toBe(true);
      expect((await volunteer('signUp', { activityId })).ok).toBe(true);
      t.cloud.clock.advance(25 * 3600_000);
      const done = await staff('complete', { activityId, attendedVolunteerIds: [OFFICER_A1, VOLUNTEER_A] });
      expect(done).toMatchObject({ ok: true, data: { awarded: 1 } });
      expect(await allDocs(t.db, 'ledger', { volunteerId: OFFICER_A1 })).toHaveLength(0);

      const rows = (await staff('signups', { activityId })).data.signups;
      expect(rows.find((r: any) => r.volunteerId === OFFICER_A1)).toMatchObject({ staffAward: 'awaiting_confirmation', canConfirmAward: false });

      // Neither the participant nor whoever completed the activity may confirm; nothing is written.
      const before = await pointsState(t.db);
      for (const who of [staff, officer]) {
        expect((await who('confirmStaffAward', { activityId, volunteerId: OFFICER_A1 })).error.code).toBe('FORBIDDEN');
      }
      expect((await (await volunteerAs(base(), STAFF_B))('confirmStaffAward', { activityId, volunteerId: OFFICER_A1 })).error.code).toBe('FORBIDDEN');
      expect(await pointsState(t.db)).toEqual(before);

      const admin = await volunteerAs(base(), ADMIN);
      expect(found((await admin('signups', { activityId })).data.signups.find((r) => r.volunteerId === OFFICER_A1), "张丽's sign-up").canConfirmAward).toBe(true);
      expect(await admin('confirmStaffAward', { activityId, volunteerId: OFFICER_A1 })).toMatchObject({ ok: true, data: { points: 2, created: true } });
      expect(await admin('confirmStaffAward', { activityId, volunteerId: OFFICER_A1 })).toMatchObject({ ok: true, data: { created: false } });
      expect((await allDocs(t.db, 'ledger', { volunteerId: OFFICER_A1 })).map((e) => e.points)).toEqual([2]);
      expect((await staff('complete', { activityId, attendedVolunteerIds: [] })).data.awarded).toBe(0);
      expect(await allDocs(t.db, 'ledger', { volunteerId: OFFICER_A1 })).toHaveLength(1);
    });

    it('refuses to confirm points of a volunteer who is not a staff participant', async () => {
      const staff = await volunteerAs(base(), STAFF_A);
      const activityId = await publishedActivity(staff, now());
      await (await volunteerAs(base(), VOLUNTEER_A))('signUp', { activityId });
      t.cloud.clock.advance(25 * 3600_000);
      await staff('complete', { activityId, attendedVolunteerIds: [VOLUNTEER_A] });
      const before = await pointsState(t.db);
      expect((await (await volunteerAs(base(), ADMIN))('confirmStaffAward', { activityId, volunteerId: VOLUNTEER_A })).error.code).toBe('NOT_FOUND');
      expect(await pointsState(t.db)).toEqual(before);
    });
  });

  describe('leads (001 L873 经确认属实后)', () => {
    const confirm = async (userId: string, caseId: string) => (await volunteerAs(base(), userId))('confirmLead', { caseId, volunteerId: VOLUNTEER_A });

    const denials: Array<[string, Record<string, unknown>, string, string, string]> = [
      ['a case outside the lead categories (rubbish)', { categoryId: 'rubbish' }, STAFF_A, 'CONFLICT', '不属于线索类别'],
      ['a lead returned as 线索不实', { state: 'returned', returnReason: '线索不实' }, STAFF_A, 'CONFLICT', '已退回'],
      ['a lead not yet verified', { state: 'resolved' }, STAFF_A, 'CONFLICT', '核查属实后'],
      ['a lead handed to the police without 核查', { state: 'transferred' }, STAFF_A, 'CONFLICT', '核查属实后'],
      ['the confirming staff member reported it', { reporterId: STAFF_A }, STAFF_A, 'FORBIDDEN', '自己上报'],
      ['the confirming staff member handled it', { ownerId: STAFF_A, resolvedBy: STAFF_A }, STAFF_A, 'FORBIDDEN', '办理该事件'],
      ['the confirming administrator resolved it', { resolvedBy: ADMIN }, ADMIN, 'FORBIDDEN', '办理该事件'],
      ['staff of another community', {}, STAFF_B, 'FORBIDDEN', '所在社区'],
    ];
    it.each(denials)('refuses %s, and writes nothing', async (_story, over, who, code, message) => {
      await withVolunteerProfile(t.db, STAFF_A);
      const caseId = await aStoredCase(t.db, 'case-lead-denied', over);
      const before = await pointsState(t.db);
      const answer = await confirm(who, caseId);
      expect(answer.error).toMatchObject({ code, message: expect.stringContaining(message) });
      expect(await pointsState(t.db)).toEqual(before);
    });

    it('pays a verified lead once, and tells the page before and after', async () => {
      const caseId = await aStoredCase(t.db, 'case-lead-ok');
      const staff = await volunteerAs(base(), STAFF_A);
      expect(await staff('leadStatus', { caseId })).toMatchObject({ ok: true, data: { confirmable: true, awarded: false, points: 5 } });
      expect(await confirm(STAFF_A, caseId)).toMatchObject({ ok: true, data: { points: 5, created: true } });
      expect(await confirm(STAFF_A, caseId)).toMatchObject({ ok: true, data: { created: false } });
      expect((await staff('leadStatus', { caseId })).data).toMatchObject({ awarded: true });
      expect((await allDocs(t.db, 'ledger', { volunteerId: VOLUNTEER_A })).map((e) => e.points)).toEqual([5]);
    });

    it('explains to the page why a lead cannot be confirmed, and refuses staff of another community', async () => {
      const caseId = await aStoredCase(t.db, 'case-lead-rubbish', { categoryId: 'rubbish' });
      const staff = await volunteerAs(base(), STAFF_A);
      expect((await staff('leadStatus', { caseId })).data).toMatchObject({ confirmable: false, message: expect.stringContaining('不属于线索类别') });
      expect((await (await volunteerAs(base(), STAFF_B))('leadStatus', { caseId })).error.code).toBe('FORBIDDEN');
    });

    it('follows the street’s own lead categories, set by the administrator with a reason', async () => {
      const caseId = await aStoredCase(t.db, 'case-lead-street', { categoryId: 'fumes_noise' });
      expect((await confirm(STAFF_A, caseId)).error.code).toBe('CONFLICT');
      const admin = await volunteerAs(base(), ADMIN);
      const saved = await admin('saveRules', { expectedVersion: 0, overrides: [], added: [], leadCategories: { categoryIds: ['public_order', 'fumes_noise'], reason: '街道将扰民线索纳入' } });
      expect(saved.ok).toBe(true);
      expect((await admin('rules', {})).data.leadCategoryIds).toEqual(['public_order', 'fumes_noise']);
      expect(await confirm(STAFF_A, caseId)).toMatchObject({ ok: true, data: { points: 5 } });
    });
  });
});
