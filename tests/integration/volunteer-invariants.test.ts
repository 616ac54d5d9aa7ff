import fc from 'fast-check';
import { useFunctionCloud } from './function-cloud';
import { COMMUNITY_A, STAFF_A, STREET, aStoredCase, allDocs, newRequestId, volunteerAs, type VolunteerCall } from '../support/volunteer-builders';
import type { CloudBaseDb } from '../support/local-cloud-harness';

/**
 * Issue 9 item 3: awards, corrections and redemptions interleaved at random and sent CONCURRENTLY through
 * the gateway and the real SDK. Whatever the interleaving: available ≥ 0, account = sum of ledger, stock
 * used = redemptions, each request id applied once. `GRIDLINK_DEEP=1` (npm run test:deep) runs many more.
 */
const DEEP = process.env.GRIDLINK_DEEP === '1';
const RUNS = DEEP ? 25 : 2;
const MAX_OPS = DEEP ? 30 : 12;
const VOLUNTEERS = 2;
const GIFT_STOCK = 3;
/** 5 points per lead (001 L873) against a 4-point gift: two awards buy two gifts, a correction then has to be refused. */
const GIFT_COST = 4;

type Op =
  | { kind: 'award'; volunteer: number; lead: number }
  | { kind: 'correct'; lead: number }
  | { kind: 'redeem'; volunteer: number; request: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('award' as const), volunteer: fc.nat(VOLUNTEERS - 1), lead: fc.nat(5) }),
  fc.record({ kind: fc.constant('correct' as const), lead: fc.nat(5) }),
  // Few request ids per volunteer, so retries of the same request happen often.
  fc.record({ kind: fc.constant('redeem' as const), volunteer: fc.nat(VOLUNTEERS - 1), request: fc.nat(3) }),
);

async function volunteersOfRun(db: CloudBaseDb, run: string): Promise<string[]> {
  const ids = Array.from({ length: VOLUNTEERS }, (_, i) => `user-inv-${run}-${i}`);
  for (const [i, id] of ids.entries()) {
    await db.collection('users').doc(id).set({ openid: `demo-inv-${run}-${i}`, name: `志愿者${i}`, roles: [{ role: 'volunteer', streetId: STREET, communityId: COMMUNITY_A }], prefs: { fontScale: 'standard' }, version: 1, createdAt: new Date(), updatedAt: new Date() });
    await db.collection('volunteers').doc(id).set({ userId: id, streetId: STREET, communityId: COMMUNITY_A, name: `志愿者${i}`, phone: '13600000000', building: '', skills: [], flags: { buildingHead: false, unitHead: false, infoAssistant: false }, version: 1 });
  }
  return ids;
}

describe('volunteer points under concurrent random operations', () => {
  const t = useFunctionCloud();
  const base = () => t.cloud.baseUrl;
  let runNo = 0;
  let opsTried = 0;

  afterAll(() => {
    console.log(`volunteer invariants: ${runNo} runs, ${opsTried} concurrent operations (${DEEP ? 'deep' : 'quick'} mode)`);
  });

  it('keeps available ≥ 0, account = ledger, stock used = redemptions, each request once', async () => {
    const staff = await volunteerAs(base(), STAFF_A);
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: MAX_OPS }), async (ops) => {
        const run = `r${++runNo}`;
        opsTried += ops.length;
        const volunteers = await volunteersOfRun(t.db, run);
        const callers: VolunteerCall[] = await Promise.all(volunteers.map((v) => volunteerAs(base(), v)));
        const gift = await staff('saveGift', { requestId: newRequestId(`gift${run}`), communityId: COMMUNITY_A, name: '毛巾', pointsCost: GIFT_COST, stock: GIFT_STOCK });
        expect(gift.ok).toBe(true);
        const giftId: string = gift.data.id;
        // Each lead is a verified case reported by one volunteer (the first award op naming it decides who).
        const leadOwner = new Map<number, string>();
        for (const op of ops) if (op.kind === 'award' && !leadOwner.has(op.lead)) leadOwner.set(op.lead, volunteers[op.volunteer]);
        for (const [lead, reporter] of leadOwner) await aStoredCase(t.db, `case-${run}-${lead}`, { reporterId: reporter });

        const answers = await Promise.all(
          ops.map(async (op) => {
            if (op.kind === 'award') return { op, answer: await staff('confirmLead', { caseId: `case-${run}-${op.lead}`, volunteerId: leadOwner.get(op.lead)! }), redeemed: undefined };
            if (op.kind === 'correct') {
              const reporter = leadOwner.get(op.lead);
              return { op, answer: await staff('correct', { entryId: `award:case:case-${run}-${op.lead}:${reporter ?? 'nobody'}`, reason: '核实有误' }), redeemed: undefined };
            }
            // `redeemed` keeps the redeem answer typed as one (the three actions answer different shapes).
            const redeemed = await callers[op.volunteer]('redeem', { giftId, requestId: `req-${run}-${op.volunteer}-${op.request}` });
            return { op, answer: redeemed, redeemed };
          }),
        );

        // No call may fail for any reason other than a refusal the user can read.
        for (const { answer } of answers) if (!answer.ok) expect(['CONFLICT', 'NOT_FOUND']).toContain(answer.error.code);

        const ledger = (await allDocs(t.db, 'ledger')).filter((e) => volunteers.includes(e.volunteerId));
        const accounts = (await allDocs(t.db, 'points_accounts')).filter((a) => volunteers.includes(a.volunteerId));
        const redemptions = (await allDocs(t.db, 'redemptions', { giftId }));
        for (const v of volunteers) {
          const mine = ledger.filter((e) => e.volunteerId === v);
          const account = accounts.find((a) => a.volunteerId === v);
          const sum = mine.reduce((s, e) => s + e.points, 0);
          expect(account?.available ?? 0).toBe(sum);
          expect(sum).toBeGreaterThanOrEqual(0);
          expect(account?.earned ?? 0).toBe(mine.filter((e) => e.kind !== 'redemption').reduce((s, e) => s + e.points, 0));
        }
        const stockLeft = (await allDocs(t.db, 'rewards', { _id: giftId }))[0].stock;
        expect(GIFT_STOCK - stockLeft).toBe(redemptions.length);
        // Each request id applied once: one redemption per request, one ledger line per redemption.
        const requests = redemptions.map((r) => `${r.volunteerId}:${r.requestId}`);
        expect(new Set(requests).size).toBe(requests.length);
        for (const r of redemptions) expect(ledger.filter((e) => e.source?.redemptionId === r._id)).toHaveLength(1);
        expect(ledger.filter((e) => e.kind === 'redemption')).toHaveLength(redemptions.length);
        // Every acknowledged redemption is stored, and a repeated request answered the same redemption.
        const byRequest = new Map<string, string>();
        for (const { op, redeemed: answer } of answers) {
          if (op.kind !== 'redeem' || !answer?.ok) continue;
          const key = `${op.volunteer}-${op.request}`;
          expect(redemptions.map((r) => r._id)).toContain(answer.data.redemptionId);
          expect(byRequest.get(key) ?? answer.data.redemptionId).toBe(answer.data.redemptionId);
          byRequest.set(key, answer.data.redemptionId);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
