import { ACCOUNTS_PER_RUN, POINTS_CURSOR_ID } from '../../cloudfunctions/reconcile/points';
import { useFunctionCloud, post } from './function-cloud';
import { STAFF_A, VOLUNTEER_A, aStoredCase, allDocs, volunteerAs } from '../support/volunteer-builders';

/** Issue 9 item 5, volunteer half: a points account that disagrees with its ledger is repaired from the ledger, and reported. */
describe('reconcile timer: points accounts against the ledger', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  const runReconcile = async () => (await post(base(), '/internal/timers/reconcile/run', {})).body;
  const accountOf = async (volunteerId: string) => (await allDocs(t.db, 'points_accounts', { volunteerId }))[0];

  /** 5 points through the real path (a confirmed lead): one ledger entry and its account, moved together. */
  async function fivePoints(caseId: string): Promise<void> {
    await aStoredCase(t.db, caseId);
    const staff = await volunteerAs(base(), STAFF_A);
    expect(await staff('confirmLead', { caseId, volunteerId: VOLUNTEER_A, note: '经核实属实' })).toMatchObject({ ok: true, data: { points: 5, created: true } });
    // The stand-in case holds only what the lead rule reads; gone, it cannot trouble the case checks of the same run.
    await t.db.collection('cases').doc(caseId).remove();
  }

  it('leaves a true account alone, and sets a drifted one to the sums of its ledger', async () => {
    await fivePoints('case-drift-1');
    const before = await accountOf(VOLUNTEER_A);
    expect(before).toMatchObject({ earned: 5, available: 5 });
    const clean = await runReconcile();
    expect(clean.ok).toBe(true);
    expect(clean.data.pointsAccounts).toMatchObject({ accountsChecked: 1, accountsRepaired: 0, accountsNegative: 0 });

    // Plant the drift an earlier version left (an account moved without its entry): +40 available, +3 earned.
    await t.db.collection('points_accounts').doc(before._id).update({ available: 45, earned: 8 });
    const repair = await runReconcile();
    expect(repair.data.pointsAccounts).toMatchObject({ accountsChecked: 1, accountsRepaired: 1 });
    expect(await accountOf(VOLUNTEER_A)).toMatchObject({ earned: 5, available: 5 });
    // The ledger is the truth and is never touched.
    expect(await allDocs(t.db, 'ledger', { volunteerId: VOLUNTEER_A })).toHaveLength(1);
    expect((await runReconcile()).data.pointsAccounts).toMatchObject({ accountsRepaired: 0 });
  });

  it('never writes an account below zero: a ledger that sums negative is reported and left to a person', async () => {
    await fivePoints('case-drift-2');
    const account = await accountOf(VOLUNTEER_A);
    // A hand-made redemption entry of -30 with no account move: the ledger now sums to -25.
    await t.db.collection('ledger').add({
      _id: 'redemption:planted', kind: 'redemption', volunteerId: VOLUNTEER_A, communityId: account.communityId, streetId: account.streetId, year: account.year,
      points: -30, reason: '兑换礼品', by: VOLUNTEER_A, at: new Date(t.cloud.clock.now()), source: { redemptionId: 'red-planted' },
    });
    const report = await runReconcile();
    expect(report.data.pointsAccounts).toMatchObject({ accountsNegative: 1, accountsRepaired: 0 });
    expect(await accountOf(VOLUNTEER_A)).toMatchObject({ available: 5 });
  });

  it('goes through the accounts a bounded page per run and starts over after the last', async () => {
    await fivePoints('case-drift-3');
    await runReconcile();
    // One account, fewer than a page: the cursor is back at the start, ready for the next sweep.
    expect((await allDocs(t.db, 'configs', { _id: POINTS_CURSOR_ID }))[0]).toMatchObject({ after: null });
    expect(ACCOUNTS_PER_RUN).toBeGreaterThan(0);
  });
});
