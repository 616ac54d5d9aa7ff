import { post } from './function-cloud';
import { anActivity, STAFF_A, VOLUNTEER_A } from '../support/volunteer-builders';
import { walkCrashPoints, type ChildCloud } from '../support/crash-walk';

/**
 * Issue 9 items 2 and 4 for the sign-up: the place is claimed on the activity (`taken`, `holders`) by
 * one conditional update, the sign-up document completes it (cloudfunctions/volunteer/signups.ts).
 * Crash after each write of a sign-up and of a cancellation, restart on the same data, retry the same
 * call, and check: the retry completes (or says it is done), the place is held once or not at all,
 * and `taken` = holders = sign-up documents.
 */
const MONDAY_9 = '2026-12-07T09:00:00+08:00';
const setClock = (cloud: ChildCloud, iso: string) => post(cloud.baseUrl, '/internal/clock', { set: iso, freeze: true });

async function as(cloud: ChildCloud, userId: string) {
  const cookie = await cloud.login(userId);
  return async (action: string, data: unknown) => (await cloud.call('volunteer', action, data, cookie)).body;
}

let activityId = '';

async function volunteerCalls(cloud: ChildCloud, action: 'signUp' | 'cancelSignUp') {
  await setClock(cloud, MONDAY_9);
  return (await as(cloud, VOLUNTEER_A))(action, { activityId });
}

async function expectPlaces(cloud: ChildCloud, holders: string[]) {
  const [activity] = (await cloud.db.collection('activities').where({ _id: activityId }).get()).data as any[];
  const signups = (await cloud.db.collection('signups').where({ activityId }).limit(1000).get()).data as any[];
  expect({ taken: activity.taken, holders: activity.holders ?? [], signups: signups.map((s) => s.volunteerId) }).toEqual({ taken: holders.length, holders, signups: holders });
}

async function publish(cloud: ChildCloud) {
  await setClock(cloud, MONDAY_9);
  const staff = await as(cloud, STAFF_A);
  const saved = await staff('saveActivity', anActivity(Date.parse(MONDAY_9), { requestId: 'crash-activity' }));
  const published = await staff('publishActivity', { activityId: saved.data?.id, expectedVersion: saved.data?.version });
  if (!saved.ok || !published.ok) throw new Error(JSON.stringify([saved, published]));
  activityId = saved.data.id;
}

describe('crash at every write of a volunteer sign-up', () => {
  jest.setTimeout(20 * 60_000);
  const tested: Record<string, number> = {};
  afterAll(() => {
    const total = Object.values(tested).reduce((s, n) => s + n, 0);
    console.log(`volunteer crash walk: ${total} crash points tested (${Object.entries(tested).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  });

  it('signUp: the retry completes the sign-up (or says 您已报名 when it was whole), one place held, taken = holders = sign-ups', async () => {
    const { totalWrites } = await walkCrashPoints({
      seed: true,
      prepare: publish,
      invoke: (cloud) => volunteerCalls(cloud, 'signUp'),
      afterCrash: async (cloud) => {
        const retry = await volunteerCalls(cloud, 'signUp');
        if (!retry.ok) expect(retry.error).toEqual({ code: 'CONFLICT', message: '您已报名' });
        else expect(retry.data).toMatchObject({ taken: 1, mine: 'signed_up' });
        await expectPlaces(cloud, [VOLUNTEER_A]);
        expect((await volunteerCalls(cloud, 'signUp')).error).toEqual({ code: 'CONFLICT', message: '您已报名' });
        await expectPlaces(cloud, [VOLUNTEER_A]);
      },
    });
    tested.signUp = totalWrites;
    expect(totalWrites).toBe(2); // the claim on the activity, the sign-up document
  });

  it('cancelSignUp: the retry gives the place back once, and no sign-up document outlives its place', async () => {
    const { totalWrites } = await walkCrashPoints({
      seed: true,
      prepare: async (cloud) => {
        await publish(cloud);
        expect((await volunteerCalls(cloud, 'signUp')).ok).toBe(true);
      },
      invoke: (cloud) => volunteerCalls(cloud, 'cancelSignUp'),
      afterCrash: async (cloud) => {
        // Right after the crash: at most a held place without its document, never the other way round.
        const signups = (await cloud.db.collection('signups').where({ activityId }).get()).data;
        const [activity] = (await cloud.db.collection('activities').where({ _id: activityId }).get()).data as any[];
        if (signups.length) expect(activity.holders).toEqual([VOLUNTEER_A]);
        const retry = await volunteerCalls(cloud, 'cancelSignUp');
        if (!retry.ok) expect(retry.error).toEqual({ code: 'NOT_FOUND', message: '没有有效的报名' });
        else expect(retry.data).toMatchObject({ taken: 0, mine: 'none' });
        await expectPlaces(cloud, []);
        expect((await volunteerCalls(cloud, 'cancelSignUp')).error.code).toBe('NOT_FOUND');
        await expectPlaces(cloud, []);
      },
    });
    tested.cancelSignUp = totalWrites;
    expect(totalWrites).toBe(2); // the sign-up document, the place
  });
});
