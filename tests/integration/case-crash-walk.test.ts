import { post } from './function-cloud';
import { z } from 'zod';
import type { SweepResult } from '../../cloudfunctions/escalate';
import { caseRecordSchema, type CaseRecord } from '../../src/domain/case/records';
import { notificationRecordSchema } from '../../src/domain/notification/records';
import { aReport } from '../support/case-builders';
import { runTimer, type ContractCall } from '../support/contract-call';
import { walkCrashPoints, type ChildCloud } from '../support/crash-walk';

/**
 * Issue 9 item 4: crash at every write of filing a case, a case command and an escalation; restart on
 * the same data, retry the same request (or the next sweep), and check the case is whole: its timeline
 * has one event per version, and every outbox row of its steps is in `notifications`, exactly once.
 * `npm test` walks one command (a sample); `npm run test:deep` (GRIDLINK_DEEP=1) walks them all.
 */
const DEEP = process.env.GRIDLINK_DEEP === '1';
const MONDAY_9 = '2026-12-07T09:00:00+08:00';
const REPORT = aReport({ requestId: 'crash-walk-report-1' });

async function as(cloud: ChildCloud, userId: string): Promise<ContractCall<'case'>> {
  const cookie = await cloud.login(userId);
  return async (action, data) => (await cloud.call('case', action, data, cookie)).body;
}
const setClock = (cloud: ChildCloud, iso: string) => post(cloud.baseUrl, '/internal/clock', { set: iso, freeze: true });

/** The one case of REPORT, parsed by its stored schema (a half-written case fails the parse). */
async function theCase(cloud: ChildCloud): Promise<CaseRecord> {
  const { data } = await cloud.db.collection('cases').where({ requestId: REPORT.requestId }).get();
  expect(data).toHaveLength(1);
  return caseRecordSchema.parse(data[0]);
}

/** The invariants after a crash and a retry: one event per version; every outbox row stored once. */
async function expectWhole(cloud: ChildCloud, wantVersion: number, wantKinds: string[]): Promise<void> {
  const c = await theCase(cloud);
  expect(c.version).toBe(wantVersion);
  expect(c.timeline.map((e) => e._id)).toEqual(Array.from({ length: wantVersion }, (_x, i) => `${c._id}-v${i + 1}`));
  const rows = z.array(notificationRecordSchema).parse((await cloud.db.collection('notifications').where({ caseId: c._id }).limit(1000).get()).data);
  for (const row of c.outbox ?? []) expect(rows.map((r) => r._id)).toContain(row._id);
  expect(new Set(rows.map((r) => r._id)).size).toBe(rows.length);
  for (const kind of wantKinds) expect(rows.map((r) => r.kind)).toContain(kind);
}

const tested: Record<string, number> = {};
afterAll(() => {
  const total = Object.values(tested).reduce((a, b) => a + b, 0);
  console.log(`crash walk: ${total} crash points tested (${Object.entries(tested).map(([k, v]) => `${k} ${v}`).join(', ')})`);
});

describe('crash at every write of a case step', () => {
  jest.setTimeout(30 * 60_000);

  (DEEP ? it : it.skip)('filing a case: the retry with the same request id leaves the case with its report event and the officers’ notifications', async () => {
    const { totalWrites } = await walkCrashPoints({
      seed: true,
      invoke: async (cloud) => {
        await setClock(cloud, MONDAY_9);
        return (await as(cloud, 'user-resident-1'))('report', REPORT);
      },
      afterCrash: async (cloud) => {
        await setClock(cloud, MONDAY_9);
        const answer = await (await as(cloud, 'user-resident-1'))('report', REPORT);
        expect(answer.ok).toBe(true);
        await expectWhole(cloud, 1, ['case_assigned']);
      },
    });
    tested.report = totalWrites;
    expect(totalWrites).toBeGreaterThan(0);
  });

  it('a case command (签收): the retry of the same request completes the reporter’s notification and never applies twice', async () => {
    const accept = async (cloud: ChildCloud) => {
      await setClock(cloud, MONDAY_9);
      return (await as(cloud, 'user-officer-a1'))('act', { caseId: (await theCase(cloud))._id, expectedVersion: 1, command: { type: 'accept' } });
    };
    const { totalWrites } = await walkCrashPoints({
      seed: true,
      prepare: async (cloud) => {
        await setClock(cloud, MONDAY_9);
        expect((await (await as(cloud, 'user-resident-1'))('report', REPORT)).ok).toBe(true);
      },
      invoke: accept,
      afterCrash: async (cloud) => {
        const answer = await accept(cloud);
        expect(answer).toMatchObject({ ok: true, data: { state: 'accepted', version: 2 } });
        await expectWhole(cloud, 2, ['case_assigned', 'case_accepted']);
      },
    });
    tested.accept = totalWrites;
    expect(totalWrites).toBeGreaterThan(0);
  });

  (DEEP ? it : it.skip)('an escalation: the next sweep after the crash completes it, exactly once', async () => {
    const LATER = '2026-12-07T12:00:00+08:00'; // 3 working hours: nobody signed, due to the community
    const sweep = async (cloud: ChildCloud) => {
      await setClock(cloud, LATER);
      // The raw answer: the crash walk treats any answer, even a refusal, as "it did not crash".
      return post(cloud.baseUrl, '/internal/timers/escalate/run', {});
    };
    const { totalWrites } = await walkCrashPoints({
      seed: true,
      prepare: async (cloud) => {
        await setClock(cloud, MONDAY_9);
        expect((await (await as(cloud, 'user-resident-1'))('report', REPORT)).ok).toBe(true);
      },
      invoke: sweep,
      afterCrash: async (cloud) => {
        await sweep(cloud);
        await post(cloud.baseUrl, '/internal/timers/reconcile/run', {}); // what a sweep cannot finish, the reconciler does
        await expectWhole(cloud, 2, ['case_assigned', 'case_escalated']);
        expect((await runTimer<SweepResult>(cloud.baseUrl, 'escalate')).data.escalated).toBe(0);
      },
    });
    tested.escalate = totalWrites;
    expect(totalWrites).toBeGreaterThan(0);
  });
});
