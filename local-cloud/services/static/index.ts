import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../core/http';
import type { LocalCloudService, Route } from '../../core/service';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

// API-like paths never fall back to the app's index.html: a wrong URL there is an error, not a page.
const NO_FALLBACK = ['/api/', '/admin', '/internal/', '/storage/'];

/** Serves the built H5 app (dist/h5) with single-page-app fallback to index.html. */
export class StaticAppService implements LocalCloudService {
  readonly name = 'static';
  private readonly h5Dir: string;

  constructor(h5Dir: string) {
    this.h5Dir = resolve(h5Dir);
  }

  start(): void {}
  stop(): void {}

  info(): Record<string, unknown> {
    return { h5Dir: this.h5Dir, built: existsSync(join(this.h5Dir, 'index.html')) };
  }

  routes(): Route[] {
    return [{ method: 'GET', path: '/*', handler: (req, res, url) => this.serve(req, res, url) }];
  }

  private serve(_req: IncomingMessage, res: ServerResponse, url: URL): void {
    const file = this.fileFor(decodeURIComponent(url.pathname));
    if (file) return sendFile(res, file);
    if (NO_FALLBACK.some((prefix) => url.pathname.startsWith(prefix))) {
      return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '找不到该地址' } });
    }
    const index = join(this.h5Dir, 'index.html');
    if (existsSync(index)) return sendFile(res, index, 'no-cache');
    res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>网格通</title><p>H5 应用尚未构建：请运行 <code>npm start</code>（会自动构建）或 <code>npm run build:h5</code>。</p></html>');
  }

  /** A file inside h5Dir, never outside it (`..` in the URL is refused). */
  private fileFor(pathname: string): string | null {
    const candidate = normalize(join(this.h5Dir, pathname));
    if (candidate !== this.h5Dir && !candidate.startsWith(this.h5Dir + sep)) return null;
    return existsSync(candidate) && statSync(candidate).isFile() ? candidate : null;
  }
}

function sendFile(res: ServerResponse, file: string, cache = 'public, max-age=300'): void {
  res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
  createReadStream(file).pipe(res);
}
