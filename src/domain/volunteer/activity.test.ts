import { acceptedSignUps, activitySchema, canCancel, canCheckIn, canPublish, canSignUp, checkInOpening, completionAwards } from './activity';
import { DEFAULT_POINTS_RULES } from './rules';
import { china, createActivity, createSignUp } from './test-builders';

const refused = (message: string) => expect.objectContaining({ ok: false, message });
const ALLOWED = { ok: true };
const beforeStart = china('2025-05-09', '20:00');

describe('publishing an activity', () => {
  it('a patrol draft with the rule’s 2 points can be published', () => {
    expect(canPublish(createActivity({ state: 'draft' }), DEFAULT_POINTS_RULES, beforeStart)).toEqual(ALLOWED);
  });

  it('a patrol promising 3 points is refused, the rule says 2', () => {
    expect(canPublish(createActivity({ state: 'draft', expectedPoints: 3 }), DEFAULT_POINTS_RULES, beforeStart)).toEqual(refused('该类活动每次计2分'));
  });

  it('an ad-hoc activity needs the street’s approval of its points first', () => {
    const adhoc = createActivity({ state: 'draft', ruleId: 'other.adhoc', expectedPoints: 4 });
    expect(canPublish(adhoc, DEFAULT_POINTS_RULES, beforeStart)).toEqual(refused('该活动分值须经街道同意后方可发布'));
    const approved = { ...adhoc, streetApproval: { points: 4, by: 'u-street', at: china('2025-05-01') } };
    expect(canPublish(approved, DEFAULT_POINTS_RULES, beforeStart)).toEqual(ALLOWED);
  });

  it('a lead report is not an activity', () => {
    const lead = createActivity({ state: 'draft', ruleId: 'governance.lead_report', expectedPoints: 5 });
    expect(canPublish(lead, DEFAULT_POINTS_RULES, beforeStart)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('an activity that ends before it starts is invalid', () => {
    const a = createActivity();
    expect(activitySchema.safeParse({ ...a, endAt: a.startAt }).success).toBe(false);
  });
});

describe('signing up: first come, first served (001 L881)', () => {
  const activity = createActivity({ headcount: 2 });

  it('a volunteer can sign up to a published activity with places left', () => {
    expect(canSignUp(activity, [], 'v-1', beforeStart)).toEqual(ALLOWED);
  });

  it('a volunteer cannot sign up twice', () => {
    expect(canSignUp(activity, [createSignUp('v-1', china('2025-05-08'))], 'v-1', beforeStart)).toEqual(refused('您已报名'));
  });

  it('the third volunteer for two places is told it is full', () => {
    const signups = [createSignUp('v-1', china('2025-05-08')), createSignUp('v-2', china('2025-05-08', '11:00'))];
    expect(canSignUp(activity, signups, 'v-3', beforeStart)).toEqual(refused('名额已满'));
  });

  it('a cancelled sign-up frees its place', () => {
    const signups = [createSignUp('v-1', china('2025-05-08'), { cancelledAt: china('2025-05-09') }), createSignUp('v-2', china('2025-05-08'))];
    expect(canSignUp(activity, signups, 'v-3', beforeStart)).toEqual(ALLOWED);
  });

  it('sign-up closes when the activity starts', () => {
    expect(canSignUp(activity, [], 'v-1', activity.startAt)).toEqual(refused('活动已开始,报名已截止'));
  });

  it('a draft or cancelled activity takes no sign-ups', () => {
    expect(canSignUp(createActivity({ state: 'draft' }), [], 'v-1', beforeStart)).toEqual(refused('活动未开放报名'));
    expect(canSignUp(createActivity({ state: 'cancelled' }), [], 'v-1', beforeStart)).toEqual(refused('活动未开放报名'));
  });

  it('when two sign-ups race past the headcount, the earlier ones keep the places', () => {
    const signups = [createSignUp('v-late', china('2025-05-08', '12:00')), createSignUp('v-b', china('2025-05-08', '09:00')), createSignUp('v-a', china('2025-05-08', '09:00'))];
    expect(acceptedSignUps(activity, signups).map((s) => s.volunteerId)).toEqual(['v-a', 'v-b']);
  });

  it('a volunteer can cancel before the start but not after', () => {
    const signup = createSignUp('v-1', china('2025-05-08'));
    expect(canCancel(activity, signup, beforeStart)).toEqual(ALLOWED);
    expect(canCancel(activity, signup, activity.startAt)).toEqual(refused('活动已开始,不能取消报名'));
  });
});

describe('checking in', () => {
  const activity = createActivity();
  const signups = [createSignUp('v-1', china('2025-05-08'))];

  it('check-in opens 30 minutes before the start and closes at the end', () => {
    expect(checkInOpening(activity)).toEqual({ opensAt: china('2025-05-10', '08:30'), closesAt: china('2025-05-10', '11:00') });
    expect(canCheckIn(activity, signups, 'v-1', china('2025-05-10', '08:29'))).toEqual(refused('签到尚未开始'));
    expect(canCheckIn(activity, signups, 'v-1', china('2025-05-10', '08:30'))).toEqual(ALLOWED);
    expect(canCheckIn(activity, signups, 'v-1', china('2025-05-10', '11:00'))).toEqual(refused('签到已结束'));
  });

  it('a street can open check-in earlier and keep it open after the end', () => {
    const window = { opensMinutesBeforeStart: 60, closesMinutesAfterEnd: 15 };
    expect(canCheckIn(activity, signups, 'v-1', china('2025-05-10', '08:00'), window)).toEqual(ALLOWED);
    expect(canCheckIn(activity, signups, 'v-1', china('2025-05-10', '11:10'), window)).toEqual(ALLOWED);
  });

  it('someone who did not get a place cannot check in', () => {
    expect(canCheckIn(activity, signups, 'v-9', china('2025-05-10', '09:00'))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('completion awards', () => {
  const done = createActivity({ state: 'completed' });
  const at = china('2025-05-10', '11:30');

  it('each attendee gets the activity’s points once, tagged with the activity', () => {
    const awards = completionAwards(done, ['v-1', 'v-2', 'v-1'], 'u-organiser', at);
    expect(awards.map((a) => [a.volunteerId, a.points, a.source.activityId, a.year])).toEqual([
      ['v-1', 2, 'act-1', 2025],
      ['v-2', 2, 'act-1', 2025],
    ]);
  });

  it('recording the same completion again yields the same ids, so the ledger refuses the repeat', () => {
    expect(completionAwards(done, ['v-1'], 'u-organiser', at)[0].id).toBe(completionAwards(done, ['v-1'], 'u-other', at)[0].id);
  });

  it('points are only recorded once the organiser has confirmed completion', () => {
    expect(() => completionAwards(createActivity(), ['v-1'], 'u-organiser', at)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});
