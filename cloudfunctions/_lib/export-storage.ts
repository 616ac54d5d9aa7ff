import { DomainError } from '../../src/domain/errors';
import type { getApp } from './app';

/**
 * Cloud storage as an export needs it (volunteer sheets, 台账, 户况, assessment rankings and bulletins):
 * put the file, then a temporary download link. Built from the invocation's SDK app in each function's
 * index.ts; the handlers take it as a parameter because `Invocation` carries only the database.
 */
export interface ExportStorage {
  upload(cloudPath: string, bytes: Buffer): Promise<string>;
  tempUrl(fileId: string): Promise<string>;
}

/** The link is opened right away by the person who asked for the file; an hour covers a slow phone. */
const DOWNLOAD_URL_MAX_AGE_S = 3600;

export function exportStorageOf(app: ReturnType<typeof getApp>): ExportStorage {
  return {
    async upload(cloudPath, bytes) {
      return (await app.uploadFile({ cloudPath, fileContent: bytes })).fileID;
    },
    async tempUrl(fileId) {
      const { fileList } = await app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: DOWNLOAD_URL_MAX_AGE_S }] });
      const url = fileList?.[0]?.tempFileURL;
      if (!url) throw new DomainError('INTERNAL', '文件链接生成失败，请稍后再试');
      return url;
    },
  };
}
