import { z } from 'zod';
import type { ReconcileReport } from '../../cloudfunctions/reconcile/checks';
import { activityRecordSchema, signupRecordSchema } from '../../src/domain/volunteer/records';
import { setClock } from '../support/case-builders';
import { runTimer } from '../support/contract-call';
import { crowdOfVolunteers, publishedActivity, STAFF_A, VOLUNTEER_A, volunteerAs } from '../support/volunteer-builders';
import { useFunctionCloud } from './function-cloud';

/**
 * Issue 9 items 2 and 5: a place on an activity left half-way by a crash. Both drifts are planted through
 * the real SDK exactly as the volunteer function's writes leave them (cloudfunctions/_lib/volunteer/places.ts)
 * and the reconcile timer runs: an interrupted sign-up (a holder without a sign-up document) is completed,
 * an interrupted cancellation (`releasing`, with or without its document) is finished — taken = holders =
 * sign-up documents after, never a place held by nobody, never two, never one lost.
 */
describe('reconcile timer: places on activities', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const NOW = Date.parse('2026-12-07T09:00:00+08:00');
  const reconcile = async () => (await runTimer<ReconcileReport>(base(), 'reconcile')).data.activityPlaces;

  beforeEach(async () => setClock(base(), new Date(NOW).toISOString()));

  async function places(activityId: string) {
    const activity = activityRecordSchema.parse((await t.db.collection('activities').doc(activityId).get()).data[0]);
    const signups = z.array(signupRecordSchema).parse((await t.db.collection('signups').where({ activityId }).limit(1000).get()).data);
    return { taken: activity.taken, holders: activity.holders ?? [], releasing: activity.releasing ?? [], signups: signups.map((s) => s.volunteerId).sort() };
  }
  const whole = (volunteers: string[]) => ({ taken: volunteers.length, holders: volunteers, releasing: [], signups: [...volunteers].sort() });

  it('completes an interrupted sign-up: the held place gets its document, the volunteer is signed up once', async () => {
    const staff = await volunteerAs(base(), STAFF_A);
    const activityId = await publishedActivity(staff, NOW);
    const [other] = await crowdOfVolunteers(t.db, 1);
    expect((await (await volunteerAs(base(), other))('signUp', { activityId })).ok).toBe(true);
    // What a crash after the claim leaves: 黄志明 among the holders, counted in taken, no document.
    await t.db.collection('activities').doc(activityId).update({ taken: 2, holders: [other, VOLUNTEER_A] });

    expect(await reconcile()).toMatchObject({ signupsCompleted: 1, cancelsCompleted: 0, placesBusy: 0 });
    expect(await places(activityId)).toEqual(whole([other, VOLUNTEER_A]));
    const volunteer = await volunteerAs(base(), VOLUNTEER_A);
    expect((await volunteer('activity', { activityId })).data).toMatchObject({ taken: 2, mine: 'signed_up' });
    // Their own retry finds it done; nothing is completed twice.
    expect((await volunteer('signUp', { activityId })).error).toEqual({ code: 'CONFLICT', message: '您已报名' });
    expect(await reconcile()).toMatchObject({ signupsCompleted: 0, cancelsCompleted: 0 });
    expect(await places(activityId)).toEqual(whole([other, VOLUNTEER_A]));
    // And the completed sign-up cancels like any other.
    expect((await volunteer('cancelSignUp', { activityId })).data).toMatchObject({ taken: 1, mine: 'none' });
    expect(await places(activityId)).toEqual(whole([other]));
  });

  it.each([
    ['before the document went', true],
    ['after the document went', false],
  ])('finishes a cancellation interrupted %s: the place is freed once, no document outlives it', async (_when, documentLeft) => {
    const staff = await volunteerAs(base(), STAFF_A);
    const activityId = await publishedActivity(staff, NOW);
    const volunteer = await volunteerAs(base(), VOLUNTEER_A);
    expect((await volunteer('signUp', { activityId })).ok).toBe(true);
    // What a crash after the cancel's first write (or its second) leaves: out of holders, into releasing, place still counted.
    await t.db.collection('activities').doc(activityId).update({ holders: [], releasing: [VOLUNTEER_A] });
    if (!documentLeft) await t.db.collection('signups').where({ activityId }).remove();
    expect(await places(activityId)).toEqual({ taken: 1, holders: [], releasing: [VOLUNTEER_A], signups: documentLeft ? [VOLUNTEER_A] : [] });

    expect(await reconcile()).toMatchObject({ signupsCompleted: 0, cancelsCompleted: 1, placesBusy: 0 });
    expect(await places(activityId)).toEqual(whole([]));
    expect(await reconcile()).toMatchObject({ cancelsCompleted: 0 });
    expect((await volunteer('cancelSignUp', { activityId })).error.code).toBe('NOT_FOUND');
    // The place is free again: they (or anyone) may take it.
    expect((await volunteer('signUp', { activityId })).data).toMatchObject({ taken: 1, mine: 'signed_up' });
    expect(await places(activityId)).toEqual(whole([VOLUNTEER_A]));
  });

  it('a sign-up after an interrupted cancellation of the same volunteer finishes the cancellation first, then takes one place', async () => {
    const staff = await volunteerAs(base(), STAFF_A);
    const activityId = await publishedActivity(staff, NOW, { headcount: 1 });
    const volunteer = await volunteerAs(base(), VOLUNTEER_A);
    expect((await volunteer('signUp', { activityId })).ok).toBe(true);
    await t.db.collection('activities').doc(activityId).update({ holders: [], releasing: [VOLUNTEER_A] });
    // One place, still counted for the unfinished cancel: the sign-up must not find the activity full, nor take two.
    expect((await volunteer('signUp', { activityId })).data).toMatchObject({ taken: 1, mine: 'signed_up' });
    expect(await places(activityId)).toEqual(whole([VOLUNTEER_A]));
    expect(await reconcile()).toMatchObject({ signupsCompleted: 0, cancelsCompleted: 0 });
  });

  it('leaves whole activities alone', async () => {
    const staff = await volunteerAs(base(), STAFF_A);
    const activityId = await publishedActivity(staff, NOW);
    expect((await (await volunteerAs(base(), VOLUNTEER_A))('signUp', { activityId })).ok).toBe(true);
    const before = await places(activityId);
    expect(await reconcile()).toMatchObject({ activitiesChecked: 1, signupsCompleted: 0, cancelsCompleted: 0, placesBusy: 0 });
    expect(await places(activityId)).toEqual(before);
  });
});
