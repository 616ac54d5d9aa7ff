import type { RoleGrant } from '../user';
import { ACTIVITY_ACTIONS, ACTIVITY_RULES, activityVerdict, allowedActivityActions, type ActivityActor } from './activity-rules';
import { ACTIVITY_STATES, type ActivityState } from './activity';
import { DEFAULT_POINTS_RULES } from './rules';
import { china, createActivity } from './test-builders';

const staffOfA: RoleGrant[] = [{ role: 'community_staff', streetId: 'st-1', communityId: 'cm-A' }];
const officerOfA: RoleGrant[] = [{ role: 'grid_officer', streetId: 'st-1', communityId: 'cm-A', gridIds: ['g-1'] }];
const admin: RoleGrant[] = [{ role: 'admin', streetId: 'st-1' }];

const organiser: ActivityActor = { userId: 'u-staff', roles: staffOfA, volunteerCommunityId: 'cm-A' };
const volunteer: ActivityActor = { userId: 'v-alice', roles: [], volunteerCommunityId: 'cm-A' };
const signedUp: ActivityActor = { ...volunteer, signup: { signedAt: china('2025-05-01'), checkedIn: false } };
const before = china('2025-05-09');
const during = china('2025-05-10', '09:30');

describe('the activity rule table', () => {
  it('has a row for every action, each valid in at least one state', () => {
    for (const action of ACTIVITY_ACTIONS) expect(ACTIVITY_RULES[action].from.length).toBeGreaterThan(0);
  });

  it('an organiser never signs up for their own activity, in any state', () => {
    for (const state of ACTIVITY_STATES) {
      const verdict = activityVerdict('signUp', { activity: createActivity({ state }) }, organiser, { now: before });
      expect(verdict).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });

  it('a volunteer of the community signs up for a published activity before it starts, and only then', () => {
    const verdictIn = (state: ActivityState, now = before) => activityVerdict('signUp', { activity: createActivity({ state }) }, volunteer, { now }).ok;
    expect(ACTIVITY_STATES.filter((s) => verdictIn(s))).toEqual(['published']);
    expect(verdictIn('published', during)).toBe(false);
    const other: ActivityActor = { ...volunteer, volunteerCommunityId: 'cm-B' };
    expect(activityVerdict('signUp', { activity: createActivity() }, other, { now: before })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('gives each caller the actions they may take now', () => {
    const facts = { activity: createActivity() };
    const rules = DEFAULT_POINTS_RULES;
    expect(allowedActivityActions(facts, volunteer, { now: before, rules })).toEqual(['signUp']);
    expect(allowedActivityActions(facts, signedUp, { now: before, rules })).toEqual(['cancelSignUp']);
    expect(allowedActivityActions(facts, signedUp, { now: during, rules })).toEqual(['checkIn']);
    expect(allowedActivityActions(facts, organiser, { now: during, rules })).toEqual(['cancel', 'checkInFor', 'complete']);
    expect(allowedActivityActions({ activity: createActivity({ state: 'draft' }) }, organiser, { now: before, rules })).toEqual(['edit', 'publish', 'cancel']);
  });

  it('a staff participant’s points are confirmed by another staff member: not themselves, not who completed it', () => {
    const facts = { activity: createActivity({ state: 'completed' }), completedBy: 'u-staff' };
    const ctx = { now: during, participantId: 'u-officer' };
    expect(activityVerdict('confirmStaffAward', facts, organiser, ctx)).toMatchObject({ code: 'FORBIDDEN' });
    expect(activityVerdict('confirmStaffAward', facts, { userId: 'u-officer', roles: officerOfA }, ctx)).toMatchObject({ code: 'FORBIDDEN' });
    expect(activityVerdict('confirmStaffAward', facts, { userId: 'u-admin', roles: admin }, ctx).ok).toBe(true);
    expect(activityVerdict('confirmStaffAward', { ...facts, activity: createActivity() }, { userId: 'u-admin', roles: admin }, ctx)).toMatchObject({ code: 'CONFLICT' });
  });
});
