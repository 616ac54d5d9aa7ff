import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { HttpError, readBody } from '../../core/http';
import type { AdminActionHandler, LocalCloudService, Route, ServiceContext } from '../../core/service';
import { FileStore, cloudPathProblem } from './file-store';

const UPLOAD_PREFIX = '/storage/upload/';
const FILE_PREFIX = '/storage/files/';
/** getTempFileURL's default lifetime when the caller gives no maxAge (the SDK's downloadFile asks 600 s). */
const DEFAULT_MAX_AGE_S = 86400;
const UPLOAD_URL_TTL_S = 900;
const BUCKET = 'local-bucket';

const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Cloud storage on local disk. The SDK's uploadFile asks `storage.getUploadMetadata` for a COS URL and
 * then PUTs the bytes there (node-sdk/src/storage/index.ts); here that URL points back at this server.
 * Temp URLs are HMAC-signed with an expiry read from the local cloud's clock.
 */
export class StorageService implements LocalCloudService {
  readonly name = 'storage';
  private ctx: ServiceContext | null = null;
  private files: FileStore | null = null;
  private readonly secret = randomBytes(32);

  start(ctx: ServiceContext): void {
    this.ctx = ctx;
    this.files = new FileStore(join(ctx.dataDir, 'storage'));
  }

  stop(): void {
    this.files = null;
  }

  async reset(): Promise<void> {
    await this.store().wipe();
  }

  info(): Record<string, unknown> {
    return { root: this.ctx ? join(this.ctx.dataDir, 'storage') : null, bucket: BUCKET };
  }

  routes(): Route[] {
    return [
      { method: 'PUT', path: `${UPLOAD_PREFIX}*`, handler: (req, res, url) => this.receiveUpload(req, res, url) },
      { method: 'GET', path: `${FILE_PREFIX}*`, handler: (_req, res, url) => this.serveFile(res, url) },
    ];
  }

  adminActions(): Record<string, AdminActionHandler> {
    return {
      'storage.getUploadMetadata': (p) => {
        const cloudPath = String(p.path ?? '').replace(/^\/+/, '');
        const problem = cloudPathProblem(cloudPath);
        if (problem) throw new HttpError(400, 'INVALID_PARAM', `文件路径无效：${problem}`);
        const env = String(p.envName ?? 'local');
        return {
          url: this.signedUrl(UPLOAD_PREFIX, cloudPath, UPLOAD_URL_TTL_S),
          token: 'local',
          authorization: 'local',
          fileId: `cloud://${env}.${BUCKET}/${cloudPath}`,
          cosFileId: 'local',
        };
      },
      'storage.batchGetDownloadUrl': async (p) => {
        const list = Array.isArray(p.file_list) ? (p.file_list as Array<{ fileid: string; max_age?: number }>) : [];
        const download_list = await Promise.all(list.map((item) => this.downloadEntry(item.fileid, item.max_age)));
        return { download_list };
      },
      'storage.batchDeleteFile': async (p) => {
        const ids = Array.isArray(p.fileid_list) ? (p.fileid_list as string[]) : [];
        const delete_list = await Promise.all(
          ids.map(async (fileID) => {
            const path = cloudPathOf(fileID);
            const removed = path !== undefined && (await this.store().remove(path));
            return removed ? { fileID, code: 'SUCCESS' } : { fileID, code: 'STORAGE_FILE_NONEXIST', message: '文件不存在' };
          }),
        );
        return { delete_list };
      },
    };
  }

  private async downloadEntry(fileID: string, maxAge?: number) {
    const path = cloudPathOf(fileID);
    if (path === undefined || !(await this.store().exists(path))) {
      return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: '文件不存在' };
    }
    const ttl = Number(maxAge) > 0 ? Number(maxAge) : DEFAULT_MAX_AGE_S;
    return { fileID, tempFileURL: this.signedUrl(FILE_PREFIX, path, ttl), code: 'SUCCESS' };
  }

  private async receiveUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    res.setHeader('x-content-type-options', 'nosniff');
    const bad = badRequestPath(url, UPLOAD_PREFIX);
    if (bad) return sendCosError(res, 400, 'InvalidURI', bad);
    const path = this.verifiedPath(url, UPLOAD_PREFIX);
    if (path === undefined) return sendCosError(res, 403, 'AccessDenied', 'upload URL invalid or expired');
    await this.store().write(path, await readBody(req));
    // COS answers a successful PUT with an empty body; the SDK parses it as XML and expects no <Error>.
    res.writeHead(200, { 'content-length': 0 });
    res.end();
  }

  private async serveFile(res: ServerResponse, url: URL): Promise<void> {
    // Stored bytes are whatever a caller uploaded: never let a browser guess them into HTML or script.
    res.setHeader('x-content-type-options', 'nosniff');
    const bad = badRequestPath(url, FILE_PREFIX);
    if (bad) return sendCosError(res, 400, 'InvalidURI', bad);
    const path = this.verifiedPath(url, FILE_PREFIX);
    if (path === undefined) return sendCosError(res, 403, 'AccessDenied', 'temp URL invalid or expired');
    const content = await this.store().read(path);
    if (!content) return sendCosError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream', 'content-length': content.length });
    res.end(content);
  }

  private signedUrl(prefix: string, cloudPath: string, ttlSeconds: number): string {
    const expires = Math.floor(this.now() / 1000) + ttlSeconds;
    const encoded = cloudPath.split('/').map(encodeURIComponent).join('/');
    return `${this.ctx?.baseUrl ?? ''}${prefix}${encoded}?expires=${expires}&sign=${this.sign(prefix, cloudPath, expires)}`;
  }

  private verifiedPath(url: URL, prefix: string): string | undefined {
    const cloudPath = decodeURIComponent(url.pathname.slice(prefix.length));
    const expires = Number(url.searchParams.get('expires'));
    const given = Buffer.from(url.searchParams.get('sign') ?? '');
    const wanted = Buffer.from(this.sign(prefix, cloudPath, expires));
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return undefined;
    return expires * 1000 >= this.now() ? cloudPath : undefined;
  }

  private sign(prefix: string, cloudPath: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${prefix}\n${cloudPath}\n${expires}`).digest('hex');
  }

  private now(): number {
    return this.ctx?.clock.now() ?? Date.now();
  }

  private store(): FileStore {
    if (!this.files) throw new Error('storage service not started');
    return this.files;
  }
}

/** `cloud://<env>.<bucket>/<path>` → `<path>` */
export function cloudPathOf(fileID: string): string | undefined {
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(String(fileID));
  return match ? match[1] : undefined;
}

/** A malformed escape, NUL, `..` and the like: a clear 400 (COS's InvalidURI), never a thrown 500. */
function badRequestPath(url: URL, prefix: string): string | null {
  let cloudPath: string;
  try {
    cloudPath = decodeURIComponent(url.pathname.slice(prefix.length));
  } catch {
    return '文件路径无效：百分号编码不正确';
  }
  const problem = cloudPathProblem(cloudPath);
  return problem ? `文件路径无效：${problem}` : null;
}

function sendCosError(res: ServerResponse, status: number, code: string, message: string): void {
  const xml = `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(xml) });
  res.end(xml);
}
