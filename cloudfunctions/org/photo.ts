import { createHash } from 'node:crypto';
import * as z from 'zod';
import { DomainError } from '../../src/domain/errors';
import { PHOTO_MAX_BYTES, type photoInputSchema } from '../../src/domain/org/api';
import { appendAudit, authorize, decodePhoto, PHOTO_EXTENSIONS, recordUpload, requireCaller, type getApp, type Invocation } from '../_lib';
import { loadRecord, orgCollection } from './records';
import { canManagePerson } from './scope';
import { personalFields, personTarget } from './people';

/** The cloud storage calls photos need, from the SDK app of this invocation (see index.ts). */
export interface PhotoStorage {
  upload(cloudPath: string, bytes: Buffer): Promise<string>;
  remove(fileId: string): Promise<void>;
  temporaryUrls(fileIds: string[]): Promise<Map<string, string>>;
}

export function photoStorageOf(app: ReturnType<typeof getApp>): PhotoStorage {
  return {
    async upload(cloudPath, bytes) {
      const { fileID } = await app.uploadFile({ cloudPath, fileContent: bytes });
      return fileID;
    },
    async remove(fileId) {
      await app.deleteFile({ fileList: [fileId] });
    },
    async temporaryUrls(fileIds) {
      if (!fileIds.length) return new Map();
      const { fileList } = await app.getTempFileURL({ fileList: fileIds });
      return new Map(fileList.filter((f) => f.tempFileURL).map((f) => [f.fileID, f.tempFileURL]));
    },
  };
}

/** uploadPersonPhoto: same rights as savePerson on that person; the previous photo file is deleted. */
export async function uploadPersonPhoto(input: z.infer<typeof photoInputSchema>, call: Invocation, storage: PhotoStorage) {
  const caller = await requireCaller(call);
  const person = await loadRecord(call, 'persons', input.personId);
  authorize(await canManagePerson(call, caller, person));
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length > PHOTO_MAX_BYTES) {
    throw new DomainError('INVALID_INPUT', '输入有误：照片不能超过 2MB', { dataBase64: '照片不能超过 2MB' });
  }
  // Decoded, not sniffed: a JPEG header followed by HTML is refused (issue 10 item 6).
  const { width, height } = decodePhoto(bytes, input.mimeType);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const fileId = await storage.upload(`persons/${person._id}/${hash}.${PHOTO_EXTENSIONS[input.mimeType]}`, bytes);
  let version: number;
  try {
    await recordUpload(call.db, { fileId, ownerId: caller.userId, bytes: bytes.length, mimeType: input.mimeType, width, height, purpose: 'person', now: call.now });
    version = await orgCollection(call, 'persons').update(person, { photoFileId: fileId, updatedAt: call.now });
  } catch (err) {
    // The person changed meanwhile: the new file is referenced by nobody, so it goes.
    if (fileId !== person.photoFileId) await storage.remove(fileId).catch(() => undefined);
    throw err;
  }
  await appendAudit(call.db, {
    caller,
    streetId: person.streetId,
    now: call.now,
    action: 'org.uploadPersonPhoto',
    target: personTarget(person._id, person.name),
    before: personalFields(person),
    after: personalFields({ ...person, photoFileId: fileId }),
  });
  // The same picture again lands on the same path: deleting the "previous" file would delete this one.
  if (person.photoFileId && person.photoFileId !== fileId) {
    await storage.remove(person.photoFileId).catch((err) => console.warn('[org] old photo not deleted', person.photoFileId, err));
  }
  return { photoFileId: fileId, version };
}
