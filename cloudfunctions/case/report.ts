import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { PHOTO_MAX_BYTES, type casePhotoInputSchema, type reportInputSchema } from '../../src/domain/case/api';
import type { CaseWorkflow } from '../../src/domain/case/case-state';
import { deadlineFieldsOf } from '../../src/domain/case/escalation';
import { DomainError } from '../../src/domain/errors';
import { callerOrNewResident, decodePhoto, PHOTO_EXTENSIONS, recordUpload, requireOwnUploads, takeLimit, type getApp, type Invocation, type LimitSlot } from '../_lib';
import { queueNotifications, staffAt } from '../_lib/notify';
import { escalateCase } from '../escalate/apply';
import { parseCase, photoFolder, requireCategory, type StoredCase } from './records';
import { loadStreetConfig } from './street-config';

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
  const count = await takeLimit(call.db, caller, 'photoUpload', call.now);
  let size: LimitSlot;
  try {
    size = await takeLimit(call.db, caller, 'photoBytes', call.now, { amount: bytes.length });
  } catch (err) {
    await count.release();
    throw err;
  }
  try {
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
    const { fileID } = await app.uploadFile({ cloudPath: `${photoFolder(caller.userId)}${hash}.${PHOTO_EXTENSIONS[input.mimeType]}`, fileContent: bytes });
    await recordUpload(call.db, { fileId: fileID, ownerId: caller.userId, bytes: bytes.length, mimeType: input.mimeType, width, height, purpose: 'case', now: call.now });
    const { fileList } = await app.getTempFileURL({ fileList: [fileID] });
    return { fileId: fileID, url: fileList[0]?.tempFileURL ?? '' };
  } catch (err) {
    await Promise.all([count.release(), size.release()]);
    throw err;
  }
}

/** Scoped by reporter and street: a requestId guessed from someone else files nothing of theirs and reveals nothing. */
export const caseIdFor = (streetId: string, userId: string, requestId: string) =>
  `case-${createHash('sha256').update(`${streetId}:${userId}:${requestId}`).digest('hex').slice(0, 20)}`;

/**
 * report (PRODUCT.md §4): anyone in the grid files a case in an enabled grid; a first-time visitor's
 * report makes them a resident on record (from the platform identity, never from the payload). Idempotent by a
 * deterministic `_id`: the second add of the same id fails and the existing case is returned.
 */
export async function report(input: z.infer<typeof reportInputSchema>, call: Invocation) {
  const { data: grids } = await call.db.collection('grids').where({ _id: input.gridId }).limit(1).get();
  const grid = grids[0] as { _id: string; streetId: string; communityId: string; enabled: boolean } | undefined;
  if (!grid || !grid.enabled) throw new DomainError('NOT_FOUND', '网格不存在或已停用');
  // After the grid check: a visitor who reports to no real grid leaves no record behind.
  const caller = await callerOrNewResident(call);
  const caseId = caseIdFor(grid.streetId, caller.userId, input.requestId);
  const existing = await findCase(call, caseId);
  if (existing) return { caseId, state: existing.state, version: existing.version, created: false };

  // Categories, SLA + calendar and template ids of the street: one query (bench budget caseReport).
  const config = await loadStreetConfig(call.db, grid.streetId);
  const category = requireCategory(config.categories, input.categoryId);
  await requireOwnUploads(call.db, input.photos, caller.userId);
  const now = call.now;
  const wf: CaseWorkflow = {
    state: 'reported',
    caseClass: input.urgent ? 'emergency' : category.defaultClass,
    categoryId: category.id,
    streetId: grid.streetId,
    communityId: grid.communityId,
    gridId: grid._id,
    reporterId: caller.userId,
    stageStartedAt: now,
    reworkCount: 0,
  };
  const deadline = deadlineFieldsOf(wf, config.sla, now);
  const doc = {
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
  };
  // Limits last, right before the write: a refused or replayed report costs the reporter nothing.
  const slots = [await takeLimit(call.db, caller, 'report', now)];
  if (wf.caseClass === 'emergency') {
    try {
      slots.push(await takeLimit(call.db, caller, 'emergencyReport', now));
    } catch (err) {
      await slots[0].release();
      throw err;
    }
  }
  try {
    await call.db.collection('cases').add(doc);
  } catch (err) {
    // Two taps at once: the other one's add won (and counted); answer with that case.
    await Promise.all(slots.map((s) => s.release()));
    const raced = await findCase(call, caseId);
    if (!raced) throw err;
    return { caseId, state: raced.state, version: raced.version, created: false };
  }
  await call.db.collection('case_events').add({
    _id: `${caseId}-v1`, caseId, type: 'report', to: 'reported', by: caller.userId, at: now, note: input.description, photos: input.photos,
  });
  const officers = await staffAt(call.db, 'grid', wf);
  await queueNotifications(
    call.db,
    officers.map((toUserId) => ({ toUserId, kind: 'case_assigned' as const, caseId, cause: `${caseId}-v1`, body: `${category.label}：${input.description}` })),
    now,
    { categoryLabel: category.label, templates: config.templates },
  );
  // 突发性: its deadline is "immediately" (§5), so it is escalated now rather than at the next sweep.
  if (deadline && deadline.dueAt.getTime() <= now.getTime()) {
    const stored = parseCase(doc);
    if (await escalateCase(call.db, stored, now, { config })) return { caseId, state: stored.state, version: 2, created: true };
  }
  return { caseId, state: wf.state, version: 1, created: true };
}

async function findCase(call: Invocation, caseId: string): Promise<StoredCase | null> {
  const { data } = await call.db.collection('cases').where({ _id: caseId }).limit(1).get();
  return data.length ? parseCase(data[0]) : null;
}
