import { caseEventId, type CaseEventRecord, type CaseRecord } from '../../src/domain/case/records';
import { configRecordSchema } from '../../src/domain/case/records';
import type { Database } from '../_lib';
import { casesOf, flushOutbox, legacyEventsOf } from '../_lib/cases/store';
import { collectionOf } from '../_lib/records';
import type { Fixed } from './checks';

/** A step completes its outbox within the call; older than this, the call died before it could. */
export const OUTBOX_GRACE_MS = 60_000;
const BATCH = 100;
const MAX_BATCHES = 10;
/** Cases checked for a complete timeline per run (a slow full scan, resumed from a stored cursor). */
const SCAN_PER_RUN = 200;
const SCAN_CURSOR_ID = 'reconcile-case-scan';

/**
 * Outbox rows a step wrote onto its case but whose insert into `notifications` never happened (the
 * function died between its two writes): inserted now (same deterministic ids, so never twice), then
 * cleared from the case — conditional on `version` and `outboxAt`, so a step that pushed new rows since
 * keeps them.
 */
export async function completeCaseOutboxes(db: Database, now: Date): Promise<Fixed> {
  const _ = db.command;
  const cases = casesOf(db);
  const fixed = { outboxRowsInserted: 0, outboxesCleared: 0 };
  let after: string | null = null;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const page: { items: CaseRecord[]; next: string | null } = await cases.page(
      { outboxAt: _.lte(new Date(now.getTime() - OUTBOX_GRACE_MS)) },
      { orderBy: ['outboxAt', 'asc'], after, limit: BATCH },
    );
    fixed.outboxRowsInserted += await flushOutbox(db, page.items.flatMap((c) => c.outbox ?? []));
    for (const c of page.items) {
      fixed.outboxesCleared += await cases.updateWhere({ _id: c._id, version: c.version, outboxAt: c.outboxAt }, { outbox: _.remove(), outboxAt: _.remove() });
    }
    after = page.next;
    if (!after) break;
  }
  return fixed;
}

/**
 * Cases whose timeline lacks events (cases written by earlier versions kept them in `case_events`,
 * and a crash there left some without): the timeline is rebuilt from `case_events` where they exist,
 * the report event from the case itself, and any other missing step as a system note saying the record
 * was lost — never a made-up action. Written without bumping `version` (a repair is not a step).
 */
export async function completeCaseTimelines(db: Database, now: Date): Promise<Fixed> {
  const configs = collectionOf(db, 'configs', configRecordSchema);
  const cursor = (await configs.load(SCAN_CURSOR_ID)) as { after?: string | null; version: number } | null;
  const cases = casesOf(db);
  const page = await cases.page({}, { after: cursor?.after ?? null, limit: SCAN_PER_RUN });
  const fixed = { casesChecked: page.items.length, timelinesRepaired: 0, eventsRestored: 0, eventsMissing: 0 };
  const broken = page.items.filter((c) => c.timeline.length < c.version);
  if (broken.length) {
    const wanted = broken.flatMap((c) => Array.from({ length: c.version }, (_x, i) => caseEventId(c._id, i + 1)));
    const legacy = new Map((await legacyEventsOf(db).loadMany(wanted)).map((e) => [e._id, e]));
    for (const c of broken) {
      const have = new Map(c.timeline.map((e) => [e._id, e]));
      const timeline: CaseEventRecord[] = [];
      for (let v = 1; v <= c.version; v++) {
        const id = caseEventId(c._id, v);
        const event = have.get(id) ?? legacy.get(id) ?? (v === 1 ? reportEventOf(c) : lostStep(c, v, now));
        if (!have.has(id)) fixed[legacy.has(id) || v === 1 ? 'eventsRestored' : 'eventsMissing']++;
        timeline.push(event);
      }
      fixed.timelinesRepaired += await cases.updateWhere({ _id: c._id, version: c.version }, { timeline });
    }
  }
  // Resume after this page next run; at the end, start over.
  const state = { after: page.next, updatedAt: now };
  if (cursor) await configs.updateWhere({ _id: SCAN_CURSOR_ID }, state);
  else await configs.insertOnce({ _id: SCAN_CURSOR_ID, version: 1, ...state });
  return fixed;
}

const reportEventOf = (c: CaseRecord): CaseEventRecord => ({
  _id: caseEventId(c._id, 1),
  caseId: c._id,
  type: 'report',
  to: 'reported',
  by: c.reporterId,
  at: c.createdAt,
  note: c.description,
  photos: c.photos,
});

const lostStep = (c: CaseRecord, version: number, now: Date): CaseEventRecord => ({
  _id: caseEventId(c._id, version),
  caseId: c._id,
  type: 'reconcile',
  to: c.state,
  by: 'system',
  at: now,
  note: '该步骤的记录缺失，系统核对时补记',
  photos: [],
});
