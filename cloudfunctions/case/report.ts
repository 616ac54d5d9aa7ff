import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { PHOTO_MAX_BYTES, type casePhotoInputSchema, type reportInputSchema } from '../../src/domain/case/api';
import type { CaseWorkflow } from '../../src/domain/case/case-state';
import { deadlineFieldsOf, type Escalation } from '../../src/domain/case/escalation';
import { caseEventId, caseRecordSchema, type CaseRecord } from '../../src/domain/case/records';
import type { RateLimitRecord } from '../../src/domain/platform/records';
import { DomainError } from '../../src/domain/errors';
import { callerOf, callerOrNewResident, decodePhoto, PHOTO_EXTENSIONS, recordUpload, type Caller, type getApp, type Invocation, type LimitSlot } from '../_lib';
import { insertResident, NEW_RESIDENT_NAME, residentIdFor } from '../_lib/caller';
import { dueEscalation, escalationEffects } from '../_lib/cases/escalation';
import { streetConfigFrom } from '../_lib/cases/street-config';
import { casesOf, flushOutbox, withEffects, type StepEffects } from '../_lib/cases/store';
import { notificationDocs, staffAmong } from '../_lib/notify';
import { LIMIT_GROUPS, limitDocId, releaseHits, takeLimits, windowsAfter, type LimitTake } from '../_lib/rate-limit';
import { requireOwnedAmong, requireWellFormedFileIds } from '../_lib/uploads';
import { addressDraftOf, insertDraft, insertDraftInTransaction, prepareDraft, registerConfigId } from '../_lib/register';
import { inTransaction } from '../_lib/records';
import { registerRulesSchema } from '../../src/domain/register/rules';
import { mayAt, type ChangeRecord } from '../../src/domain/register';
import { loadReportContext } from './report-context';
import { photoFolder, requireCategory } from './records';

type App = ReturnType<typeof getApp>;

/**
 * uploadPhoto: anyone WeChat identifies (a first-time visitor becomes a resident on record). The bytes
 * are decoded as the image they claim to be, the caller's photo limits are taken (count per hour, bytes
 * per day), the file lands in the caller's own folder, and the upload is recorded so `report`/`act`
 * accept exactly this file id from this caller (issue 10 items 5, 6).
 */
export async function uploadPhoto(input: z.infer<typeof casePhotoInputSchema>, call: Invocation, app: App) {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length > PHOTO_MAX_BYTES) throw new DomainError('INVALID_INPUT', '输入有误：照片不能超过 2MB', { dataBase64: '照片不能超过 2MB' });
  const { width, height } = decodePhoto(bytes, input.mimeType);
  // After the checks: a refused file leaves no record behind.
  const caller = await callerOrNewResident(call);
  // Count and bytes in one write (one document per group, _lib/rate-limit.ts).
  const slot = await takeLimits(call.db, caller, [{ action: 'photoUpload' }, { action: 'photoBytes', amount: bytes.length }], call.now);
  try {
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
    const { fileID } = await app.uploadFile({ cloudPath: `${photoFolder(caller.userId)}${hash}.${PHOTO_EXTENSIONS[input.mimeType]}`, fileContent: bytes });
    await recordUpload(call.db, { fileId: fileID, ownerId: caller.userId, bytes: bytes.length, mimeType: input.mimeType, width, height, purpose: 'case', now: call.now });
    const { fileList } = await app.getTempFileURL({ fileList: [fileID] });
    return { fileId: fileID, url: fileList[0]?.tempFileURL ?? '' };
  } catch (err) {
    await slot.release();
    throw err;
  }
}

/** Scoped by reporter and street: a requestId guessed from someone else files nothing of theirs and reveals nothing. */
export const caseIdFor = (streetId: string, userId: string, requestId: string) =>
  `case-${createHash('sha256').update(`${streetId}:${userId}:${requestId}`).digest('hex').slice(0, 20)}`;

/**
 * report (PRODUCT.md §4): anyone in the grid files a case in an enabled grid; a first-time visitor's
 * report makes them a resident on record (from the platform identity, never from the payload).
 *
 * Atomic by a single-document write (issue 9 item 3, docs/decisions.md): the case is inserted already
 * holding its report event (and, for a 突发性 case, its immediate escalation) and the officers'
 * outbox rows; then the rows go to `notifications`. Idempotent by a deterministic `_id`: a retry with
 * the same request id finds the case and completes whatever outbox rows an interrupted try left out.
 * Round trips (issue 9 item 6, ≤ 4): ONE aggregation reads the grid, the street's configs, the caller,
 * the grid's, community's and street's staff, the caller's rate-limit windows and the photos' upload
 * records (report-context.ts); then the window's conditional write (the report and, for 突发性, its
 * own limit: one document), the case insert, the outbox rows. A first-time visitor's record is made in
 * place of the window write, holding the hits it takes (`firstHits`, _lib/rate-limit.ts).
 */
export async function report(input: z.infer<typeof reportInputSchema>, call: Invocation) {
  requireWellFormedFileIds(input.photos);
  const context = await loadReportContext(call.db, { gridId: input.gridId, openid: call.openid, photos: input.photos });
  if (!context || !context.enabled) throw new DomainError('NOT_FOUND', '网格不存在或已停用');
  const grid = context;
  const config = streetConfigFrom(grid.streetId, context.configs);
  const category = requireCategory(config.categories, input.categoryId);
  const now = call.now;
  const place = { streetId: grid.streetId, communityId: grid.communityId, gridId: grid._id };
  const caseClass = input.urgent ? 'emergency' : category.defaultClass;
  const draft: CaseWorkflow = { state: 'reported', caseClass, categoryId: category.id, ...place, reporterId: '', stageStartedAt: now, reworkCount: 0 };
  const deadline = deadlineFieldsOf(draft, config.sla, now);
  // 突发性: its deadline is "immediately" (§5), so it is escalated in the same write, not at the next sweep.
  const escalatesNow = deadline !== null && deadline.dueAt.getTime() <= now.getTime();
  const staff = escalatesNow
    ? { ...staffAmong(context.areaStaff, ['community', 'street'], place), grid: staffAmong(context.gridStaff, ['grid'], place).grid }
    : staffAmong(context.gridStaff, ['grid'], place);
  const stored = context.caller[0];
  const registerRules = registerRulesSchema.parse(context.configs.find((c) => c._id === registerConfigId(grid.streetId))?.rules ?? {});
  // Only those who keep this grid's register name a household (issue 15 item 5): a resident (or a first-time
  // visitor, or another grid's officer) sending the note is refused under the field, before anything is written.
  if (input.register && !mayAt(stored ? callerOf(stored).roles : [], place, registerRules, 'write')) throw notTheGridsWorker();
  // A first-time visitor's record is made with the limits, right before the case: a report refused
  // before that (no real grid, a bad category or photo, a limit) leaves no record behind.
  const caller: Caller = stored ? callerOf(stored) : { userId: residentIdFor(call.openid), name: NEW_RESIDENT_NAME, roles: [], createdAt: now };
  const caseId = caseIdFor(grid.streetId, caller.userId, input.requestId);
  requireOwnedAmong(input.photos, context.uploads, caller.userId);
  // Checked before anything is written: a refused household note files no case.
  const noted = input.register ? await registerDraftOf(call, input.register, { caseId, gridId: grid._id, categoryId: category.id, roles: caller.roles }, now) : null;
  // A report naming no household (a resident's, who never sees the register) of a category that feeds it: an address-only draft for the grid's worker.
  const addressDraft = (at: Date) =>
    input.register
      ? null
      : addressDraftOf(
          { place, categoryId: category.id, caseId, description: input.description, ...(input.location.address ? { address: input.location.address } : {}), at, roles: caller.roles },
          registerRules,
          config.sla.calendar,
          now,
        );

  const wf: CaseWorkflow = { ...draft, reporterId: caller.userId };
  const filed: CaseRecord = caseRecordSchema.parse({
    _id: caseId,
    ...wf,
    ...(deadline ?? {}),
    categoryLabel: category.label,
    description: input.description,
    photos: input.photos,
    location: input.location,
    ...(input.phone ? { phone: input.phone } : {}),
    anonymous: input.anonymous,
    ...(input.urgent ? { urgentByReporter: true } : {}),
    reporterName: caller.name,
    requestId: input.requestId,
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
  const reportEventId = caseEventId(caseId, 1);
  const steps: StepEffects[] = [
    {
      event: { _id: reportEventId, caseId, type: 'report', to: 'reported', by: caller.userId, at: now, note: input.description, photos: input.photos },
      notifications: notificationDocs(
        staff.grid.map((toUserId) => ({ toUserId, kind: 'case_assigned' as const, caseId, cause: reportEventId, body: `${category.label}：${input.description}` })),
        now,
        { categoryLabel: category.label, templates: config.templates },
      ),
    },
  ];
  let doc: CaseRecord = filed;
  const esc = escalatesNow ? dueEscalation(filed, config, now) : null;
  if (esc) {
    steps.push(escalationEffects(filed, esc, staff, config, now));
    doc = escalatedInMemory(filed, esc);
  }
  // Limits last, right before the write: a refused or replayed report costs the reporter nothing.
  // Hits named after the case: an interrupted try's hits are not taken twice by its retry.
  const takes: LimitTake[] = caseClass === 'emergency' ? [{ action: 'report', hitId: caseId }, { action: 'emergencyReport', hitId: caseId }] : [{ action: 'report', hitId: caseId }];
  const window = context.windows.find((w) => w._id === limitDocId(LIMIT_GROUPS.report, caller.userId)) ?? null;
  const slot = stored ? await takeLimits(call.db, caller, takes, now, { window }) : await firstReportLimits(call, caller, takes, window);
  // The draft a new case brings (the household note, or the address-only one) is written WITH the case, in
  // one transaction (as a visit and its draft): a crash cannot leave the case without its draft.
  const draftWithCase = noted ?? addressDraft(now);
  const full = withEffects(doc, steps, now);
  const { doc: filedCase, created } = await (draftWithCase ? insertWithDraft(call, full, draftWithCase) : casesOf(call.db).insertOnce(full)).catch(async (err: unknown) => {
    await slot.release();
    throw err;
  });
  // The retry, or the other of two taps, was counted by the try that wrote the case.
  if (!created) await slot.release();
  // A retry (or the second of two taps) completes the outbox of the try that wrote the case.
  await flushOutbox(call.db, created ? steps.flatMap((e) => e.notifications) : (filedCase.outbox ?? []));
  // A retry of a case filed earlier (its draft is there already, or the case was filed without one, or by a
  // version that wrote the draft after the case): the same draft, dated by the case's filing so a retry on
  // another day makes the same one; written once (insertDraft finds it).
  if (!created) {
    const again = input.register ? await registerDraftOf(call, input.register, { caseId, gridId: grid._id, categoryId: category.id, roles: caller.roles }, filedCase.createdAt) : addressDraft(filedCase.createdAt);
    if (again) await insertDraft(call.db, again);
  }
  return { caseId, state: filedCase.state, version: filedCase.version, created };
}

/**
 * A first-time visitor's limits: their record is made holding the hits this report takes (one insert
 * instead of the record and a window). When a concurrent first write made the record first, or windows
 * of that id survive from an earlier record, the limits are taken as for anyone on record.
 */
async function firstReportLimits(call: Invocation, provisional: Caller, takes: readonly LimitTake[], window: RateLimitRecord | null): Promise<LimitSlot> {
  const prefs = { fontScale: 'standard' as const };
  if (window) return takeLimits(call.db, callerOf((await insertResident(call, prefs)).doc), takes, call.now, { window });
  const first = windowsAfter({}, provisional, takes, call.now);
  const { doc, created } = await insertResident(call, prefs, first.windows);
  const caller = callerOf(doc);
  if (!created) return takeLimits(call.db, caller, takes, call.now);
  const id = limitDocId(LIMIT_GROUPS.report, caller.userId);
  return { release: () => releaseHits(call.db, caller, id, caller.userId, first.hitIds, call.now) };
}

/** A new case and its register draft in one transaction; a retry (or the other of two taps) finds the case and writes nothing. */
async function insertWithDraft(call: Invocation, filed: CaseRecord, draft: ChangeRecord): Promise<{ doc: CaseRecord; created: boolean }> {
  return inTransaction(call.db, async (tx) => {
    const cases = tx.collectionOf('cases', caseRecordSchema);
    const existing = await cases.load(filed._id);
    if (existing) return { doc: existing, created: false };
    await cases.insert(filed);
    await insertDraftInTransaction(tx, draft);
    return { doc: filed, created: true };
  });
}

const notTheGridsWorker = () => new DomainError('FORBIDDEN', '户况变动：只有本网格的网格员可以登记户况变动', { register: '只有本网格的网格员可以登记户况变动，请关闭“户况有变动”' });

/** The register change a worker's 人口房屋变动 case notes (issue 15 item 5), checked and built, not written. */
function registerDraftOf(
  call: Invocation,
  noted: NonNullable<z.infer<typeof reportInputSchema>['register']>,
  c: { caseId: string; gridId: string; categoryId: string; roles: Caller['roles'] },
  at: Date,
) {
  const { householdId, ...noticed } = noted;
  return prepareDraft(call.db, { householdId, noticed, source: 'case', sourceId: c.caseId, at, by: { roles: c.roles }, gridId: c.gridId, categoryId: c.categoryId }, call.now);
}

/** The case after an escalation at filing: same state, the follow-up deadline (or none), the level reached. */
function escalatedInMemory(c: CaseRecord, esc: Escalation): CaseRecord {
  const { dueAt: _d, nearDueAt: _n, escalatesTo: _e, deadlineKey: _k, deadlineKind: _i, deadlineReason: _r, ...rest } = c;
  return { ...rest, ...(esc.next ?? {}), overdueLevel: esc.overdueLevel, version: c.version + 1 };
}
