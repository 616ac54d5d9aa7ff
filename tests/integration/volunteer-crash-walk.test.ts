import { z } from 'zod';
import type { ReconcileReport } from '../../cloudfunctions/reconcile/checks';
import { activityRecordSchema, signupRecordSchema } from '../../src/domain/volunteer/records';
import { post } from './function-cloud';
import { runTimer, type ContractCall } from '../support/contract-call';
import { anActivity, STAFF_A, VOLUNTEER_A } from '../support/volunteer-builders';
import { walkCrashPoints, type ChildCloud, type CrashPoint } from '../support/crash-walk';

/**
 * Issue 9 items 2 and 4 for the sign-up: the place is claimed on the activity (`taken`, `holders`) by
 * one conditional update, the sign-up document completes it (cloudfunctions/volunteer/signups.ts).
 * Crash after each write of a sign-up and of a cancellation, restart on the same data, retry the same
 * call, and check: the retry completes (or says it is done), the place is held once or not at all,
 * and `taken` = holders = sign-up documents.
 */
const MONDAY_9 = '2026-12-07T09:00:00+08:00';
const setClock = (cloud: ChildCloud, iso: string) => post(cloud.baseUrl, '/internal/clock', { set: iso, freeze: true });

async function as(cloud: ChildCloud, userId: string): Promise<ContractCall<'volunteer'>> {
  const cookie = await cloud.login(userId);
  return async (action, data) => (await cloud.call('volunteer', action, data, cookie)).body;
}

let activityId = '';

type Action = 'signUp' | 'cancelSignUp';

async function volunteerCalls(cloud: ChildCloud, action: Action) {
  await setClock(cloud, MONDAY_9);
  return (await as(cloud, VOLUNTEER_A))(action, { activityId });
}

/** The activity's places and sign-up documents as stored, parsed by their record schemas. */
async function placesOf(cloud: ChildCloud) {
  const activity = activityRecordSchema.parse((await cloud.db.collection('activities').doc(activityId).get()).data[0]);
  const signups = z.array(signupRecordSchema).parse((await cloud.db.collection('signups').where({ activityId }).limit(1000).get()).data);
  return { taken: activity.taken, holders: activity.holders ?? [], releasing: activity.releasing ?? [], signups: signups.map((s) => s.volunteerId) };
}

async function expectPlaces(cloud: ChildCloud, holders: string[]) {
  expect(await placesOf(cloud)).toEqual({ taken: holders.length, holders, releasing: [], signups: holders });
}

/** The reconcile timer, as its trigger runs it: what it completed of the activity's places. */
const reconcile = async (cloud: ChildCloud) => (await runTimer<ReconcileReport>(cloud.baseUrl, 'reconcile')).data.activityPlaces;

async function publish(cloud: ChildCloud) {
  await setClock(cloud, MONDAY_9);
  const staff = await as(cloud, STAFF_A);
  const saved = await staff('saveActivity', anActivity(Date.parse(MONDAY_9), { requestId: 'crash-activity' }));
  const published = await staff('publishActivity', { activityId: saved.data?.id, expectedVersion: saved.data?.version });
  if (!saved.ok || !published.ok) throw new Error(JSON.stringify([saved, published]));
  activityId = saved.data.id;
}

/** The state each walk starts from: a published activity, and for a cancel VOLUNTEER_A signed up on it. */
const PREPARE: Record<Action, (cloud: ChildCloud) => Promise<void>> = {
  signUp: publish,
  cancelSignUp: async (cloud) => {
    await publish(cloud);
    expect((await volunteerCalls(cloud, 'signUp')).ok).toBe(true);
  },
};

/** Crashes VOLUNTEER_A's `action` after each of its writes and checks the restarted cloud with `afterCrash`. */
async function walkAction(action: Action, afterCrash: (cloud: ChildCloud, point: CrashPoint) => Promise<void>): Promise<number> {
  const { totalWrites } = await walkCrashPoints({ seed: true, prepare: PREPARE[action], invoke: (cloud) => volunteerCalls(cloud, action), afterCrash });
  return totalWrites;
}

/** What stands once an action is whole: who holds a place, what the reconciler counts it under, and how a repeat is refused. */
const SETTLED: Record<Action, { holders: string[]; completed: 'signupsCompleted' | 'cancelsCompleted'; expectRepeatRefused: (error: { code: string; message: string }) => void }> = {
  signUp: { holders: [VOLUNTEER_A], completed: 'signupsCompleted', expectRepeatRefused: (error) => expect(error).toEqual({ code: 'CONFLICT', message: '您已报名' }) },
  cancelSignUp: { holders: [], completed: 'cancelsCompleted', expectRepeatRefused: (error) => expect(error.code).toBe('NOT_FOUND') },
};

/**
 * The crashed action left alone for the reconcile timer: it completes it exactly when the crash came
 * before the last write (nothing to do after all of them), the places then stand as after a whole
 * action, a repeat is refused, and a second run finds nothing left.
 */
function leftToReconciler(action: Action) {
  const settled = SETTLED[action];
  return async (cloud: ChildCloud, point: CrashPoint) => {
    await setClock(cloud, MONDAY_9);
    const completed = { signupsCompleted: 0, cancelsCompleted: 0, [settled.completed]: point.afterWrites < point.totalWrites ? 1 : 0 };
    expect(await reconcile(cloud)).toMatchObject({ ...completed, placesBusy: 0 });
    await expectPlaces(cloud, settled.holders);
    settled.expectRepeatRefused((await volunteerCalls(cloud, action)).error);
    expect(await reconcile(cloud)).toMatchObject({ signupsCompleted: 0, cancelsCompleted: 0 });
  };
}

describe('crash at every write of a volunteer sign-up', () => {
  jest.setTimeout(20 * 60_000);
  const tested: Record<string, number> = {};
  afterAll(() => {
    const total = Object.values(tested).reduce((s, n) => s + n, 0);
    console.log(`volunteer crash walk: ${total} crash points tested (${Object.entries(tested).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  });

  it('signUp: the retry completes the sign-up (or says 您已报名 when it was whole), one place held, taken = holders = sign-ups', async () => {
    const totalWrites = await walkAction('signUp', async (cloud) => {
      const retry = await volunteerCalls(cloud, 'signUp');
      if (!retry.ok) expect(retry.error).toEqual({ code: 'CONFLICT', message: '您已报名' });
      else expect(retry.data).toMatchObject({ taken: 1, mine: 'signed_up' });
      await expectPlaces(cloud, [VOLUNTEER_A]);
      expect((await volunteerCalls(cloud, 'signUp')).error).toEqual({ code: 'CONFLICT', message: '您已报名' });
      await expectPlaces(cloud, [VOLUNTEER_A]);
    });
    tested.signUp = totalWrites;
    expect(totalWrites).toBe(2); // the claim on the activity, the sign-up document
  });

  it('cancelSignUp: the retry gives the place back once, and no sign-up document outlives its place', async () => {
    const totalWrites = await walkAction('cancelSignUp', async (cloud) => {
      // Right after the crash: never a document without its place (held or releasing), and never a
      // holder without a document — that drift means an interrupted SIGN-UP to the reconciler.
      const crashed = await placesOf(cloud);
      if (crashed.signups.length) expect([...crashed.holders, ...crashed.releasing]).toEqual([VOLUNTEER_A]);
      if (crashed.holders.length) expect(crashed.signups).toEqual(crashed.holders);
      expect(crashed.taken).toBe(crashed.holders.length + crashed.releasing.length);
      const retry = await volunteerCalls(cloud, 'cancelSignUp');
      if (!retry.ok) expect(retry.error).toEqual({ code: 'NOT_FOUND', message: '没有有效的报名' });
      else expect(retry.data).toMatchObject({ taken: 0, mine: 'none' });
      await expectPlaces(cloud, []);
      expect((await volunteerCalls(cloud, 'cancelSignUp')).error.code).toBe('NOT_FOUND');
      await expectPlaces(cloud, []);
    });
    tested.cancelSignUp = totalWrites;
    expect(totalWrites).toBe(3); // out of holders into releasing, the sign-up document, the place
  });

  it('signUp left alone after the crash: the reconcile timer completes it, one place held, taken = holders = sign-ups', async () => {
    // After the claim only, the reconciler inserts the document; after both writes there is nothing to do.
    const totalWrites = await walkAction('signUp', leftToReconciler('signUp'));
    tested.signUpReconciled = totalWrites;
    expect(totalWrites).toBe(2);
  });

  it('cancelSignUp left alone after the crash: the reconcile timer finishes it, the place freed once, no document left', async () => {
    const totalWrites = await walkAction('cancelSignUp', leftToReconciler('cancelSignUp'));
    tested.cancelSignUpReconciled = totalWrites;
    expect(totalWrites).toBe(3);
  });
});
