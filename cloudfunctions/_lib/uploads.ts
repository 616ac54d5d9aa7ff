import { createHash } from 'node:crypto';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { DomainError } from '../../src/domain/errors';
import { uploadRecordSchema, type UploadRecord } from '../../src/domain/platform/records';
import type { Database } from './app';
import { collectionOf } from './records';

/**
 * Photos as files (issue 10 item 6): every upload is decoded as the image it claims to be — not only
 * its first bytes — and recorded in `uploads` (file id, owner), so a case accepts exactly the caller's
 * own uploads. Decoders: jpeg-js and pngjs, pure JavaScript, small enough for a function bundle
 * (docs/decisions.md).
 */
export type PhotoMime = 'image/jpeg' | 'image/png';
export const PHOTO_EXTENSIONS: Record<PhotoMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png' };

// A 2 MB photo decodes to at most this many pixels in practice; a "decompression bomb" needs more.
const MAX_MEGAPIXELS = 40;
const PNG_IEND = Buffer.from([0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

const notAPhoto = () => new DomainError('INVALID_INPUT', '输入有误：照片只能是 JPG 或 PNG 图片', { dataBase64: '照片只能是 JPG 或 PNG 图片' });

/**
 * Decodes the whole image or throws INVALID_INPUT. Also refuses bytes after the image's end marker:
 * a valid picture with an HTML page appended would otherwise be stored and served as it came.
 */
export function decodePhoto(bytes: Buffer, mimeType: PhotoMime): { width: number; height: number } {
  try {
    if (mimeType === 'image/jpeg') {
      if (bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[bytes.length - 2] !== 0xff || bytes[bytes.length - 1] !== 0xd9) throw notAPhoto();
      const image = jpeg.decode(bytes, { useTArray: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 200 });
      if (!(image.width > 0 && image.height > 0)) throw notAPhoto();
      return { width: image.width, height: image.height };
    }
    if (bytes.length < PNG_IEND.length || !bytes.subarray(bytes.length - PNG_IEND.length).equals(PNG_IEND)) throw notAPhoto();
    const image = PNG.sync.read(bytes);
    if (!(image.width > 0 && image.height > 0) || image.width * image.height > MAX_MEGAPIXELS * 1_000_000) throw notAPhoto();
    return { width: image.width, height: image.height };
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw notAPhoto();
  }
}

const uploadsOf = (db: Database) => collectionOf(db, 'uploads', uploadRecordSchema);
export const uploadIdOf = (fileId: string) => `up-${createHash('sha256').update(fileId).digest('hex').slice(0, 32)}`;

/** Records an upload once it is stored; the same picture again (same path, same owner) is already recorded. */
export async function recordUpload(
  db: Database,
  upload: { fileId: string; ownerId: string; bytes: number; mimeType: PhotoMime; width: number; height: number; purpose: 'case' | 'person'; now: Date },
): Promise<void> {
  const { now, ...fields } = upload;
  await uploadsOf(db).insertOnce({ _id: uploadIdOf(upload.fileId), ...fields, at: now });
}

/** Why a client-sent file id is refused before any lookup, or null: traversal, NUL, foreign schemes. */
export function fileIdProblem(fileId: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(fileId) || fileId.includes('..') || fileId.includes('%')) return '照片编号含有不允许的字符';
  if (!/^cloud:\/\/[^/]+\/[^?#]+$/.test(fileId)) return '照片编号格式不正确，请重新上传';
  return null;
}

/**
 * Each id must be exactly the file id of an upload the caller made (not a prefix, not a path inside
 * their folder): field `${field}.${i}` names the first bad one.
 */
export async function requireOwnUploads(db: Database, fileIds: readonly string[], ownerId: string, field = 'photos'): Promise<void> {
  if (!fileIds.length) return;
  requireWellFormedFileIds(fileIds, field);
  requireOwnedAmong(fileIds, await uploadsOf(db).loadMany(fileIds.map(uploadIdOf)), ownerId, field);
}

const refuse = (field: string, i: number, why: string) => new DomainError('INVALID_INPUT', `输入有误：${why}`, { [`${field}.${i}`]: why });

/** Refuses traversal, NUL and foreign schemes before any lookup (field `${field}.${i}`). */
export function requireWellFormedFileIds(fileIds: readonly string[], field = 'photos'): void {
  fileIds.forEach((id, i) => {
    const problem = fileIdProblem(id);
    if (problem) throw refuse(field, i, problem);
  });
}

/** requireOwnUploads on `uploads` records the caller already read (e.g. in one aggregation with the rest). */
export function requireOwnedAmong(fileIds: readonly string[], stored: readonly UploadRecord[], ownerId: string, field = 'photos'): void {
  const own = new Set(stored.filter((u) => u.ownerId === ownerId).map((u) => u.fileId));
  const bad = fileIds.findIndex((id) => !own.has(id));
  if (bad >= 0) throw refuse(field, bad, '照片需先由您本人上传');
}
