import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, readBody, sendJson } from '../../core/http';
import { AdminEnvelope, type AdminActionHandler, type LocalCloudService, type Route, type ServiceContext } from '../../core/service';
import { decodeAdminBody } from './decode-body';
import { verifyAdminSignature } from './signature';

/**
 * `POST /admin` — the endpoint @cloudbase/node-sdk calls when initialised with
 * `serviceUrl: '<base>/admin'` (it appends `?env=<env>&seqId=<seq>`; see node-sdk/src/utils/tcbapiendpoint.ts).
 *
 * Envelope (node-sdk/src/utils/tcbapirequester.ts): HTTP 200 with `{ data, requestId }` on success; on
 * failure HTTP 200 with `{ code, message, requestId }` — a truthy `code` makes the SDK throw a TcbError
 * carrying that code. Non-200 statuses become errors whose code is the status number, so they are
 * reserved for transport problems.
 *
 * Every request must carry the SDK's TC3-HMAC-SHA256 signature made with the cloud's key pair
 * (`./signature.ts`); only a test-mode cloud started with `unsignedAdmin` skips that check.
 */
export class AdminApiService implements LocalCloudService {
  readonly name = 'admin-api';
  private ctx: ServiceContext | null = null;
  private actions: Map<string, AdminActionHandler> | null = null;

  start(ctx: ServiceContext): void {
    this.ctx = ctx;
    this.actions = null;
  }

  stop(): void {
    this.ctx = null;
  }

  routes(): Route[] {
    return [
      { method: 'POST', path: '/admin', handler: (req, res) => this.answer(req, res) },
      { method: 'POST', path: '/internal/reset', testOnly: true, handler: (_req, res) => this.resetAll(res) },
    ];
  }

  info(): Record<string, unknown> {
    return { path: '/admin', actions: [...this.actionTable().keys()].sort() };
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    try {
      const { params, file, fileField } = await decodeAdminBody(req, await readBody(req));
      const ctx = this.context();
      if (!ctx.acceptUnsignedAdmin) verifyAdminSignature(req, fileField && file ? { ...params, [fileField]: file } : params, ctx.adminKeys);
      const action = typeof params.action === 'string' ? params.action : '';
      const handler = this.actionTable().get(action);
      if (!handler) {
        return sendJson(res, 200, { code: 'INVALID_ACTION', message: `action not supported by the local cloud: ${action || '(none)'}`, requestId });
      }
      const data = await handler(params, { file, headers: req.headers });
      if (data instanceof AdminEnvelope) return sendJson(res, 200, { ...data.topLevel, data: data.data ?? {}, requestId });
      sendJson(res, 200, { data: data ?? {}, requestId });
    } catch (err) {
      sendJson(res, 200, errorEnvelope(err, requestId));
    }
  }

  private context(): ServiceContext {
    if (!this.ctx) throw new Error('admin-api service not started');
    return this.ctx;
  }

  /** Built on first use, once every service has started, from each service's `adminActions()`. */
  private actionTable(): Map<string, AdminActionHandler> {
    if (this.actions) return this.actions;
    if (!this.ctx) throw new Error('admin-api service not started');
    const table = new Map<string, AdminActionHandler>();
    for (const service of this.ctx.services.all()) {
      for (const [action, handler] of Object.entries(service.adminActions?.() ?? {})) {
        if (table.has(action)) throw new Error(`admin action ${action} registered twice (second by ${service.name})`);
        table.set(action, handler);
      }
    }
    this.actions = table;
    return table;
  }

  private async resetAll(res: ServerResponse): Promise<void> {
    for (const service of this.ctx?.services.all() ?? []) await service.reset?.();
    sendJson(res, 200, { ok: true });
  }
}

/** Errors with a string `code` (DatabaseError, StorageError, HttpError) keep it; anything else is SYS_ERR. */
function errorEnvelope(err: unknown, requestId: string): { code: string; message: string; requestId: string } {
  const code = (err as { code?: unknown })?.code;
  if (err instanceof HttpError || (err instanceof Error && typeof code === 'string' && code !== '')) {
    return { code: code as string, message: err.message, requestId };
  }
  console.error('[local-cloud] admin action failed', err);
  return { code: 'SYS_ERR', message: err instanceof Error ? err.message : String(err), requestId };
}
