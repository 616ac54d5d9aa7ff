import { CASE_STATE_LABELS, type CaseState } from '../../../src/domain/case/case-state';
import { sendJson } from '../../core/http';
import type { LocalCloudService, Route, ServiceContext } from '../../core/service';
import { localApp } from '../../local-sdk';

/** How many of the newest notifications the dev page shows. */
export const OUTBOX_VIEW_LIMIT = 100;

/** One row of the dev page (pages/dev-notifications): who gets what, about which case, and how it went. */
export interface OutboxRow {
  id: string;
  toUserId: string;
  recipientName: string | null;
  openid: string | null;
  kind: string;
  title: string;
  template: string;
  body: string;
  caseId: string;
  /** The case's state now, in Chinese (null when the case is gone). */
  caseState: string | null;
  /** pending → sending → sent | failed */
  status: string;
  attempts: number;
  errcode: number | string | null;
  createdAt: string | null;
  sentAt: string | null;
}

/**
 * Issue 4 item 7, "locally listed on a dev page": the `notifications` outbox as the notify timer sees
 * it, joined with recipient names and case states. Test-only route (absent in serve mode); it reads
 * through the SDK like every other local tool.
 */
export class OutboxViewService implements LocalCloudService {
  readonly name = 'outbox-view';
  private ctx: ServiceContext | null = null;

  start(ctx: ServiceContext): void {
    this.ctx = ctx;
  }

  stop(): void {
    this.ctx = null;
  }

  routes(): Route[] {
    return [{ method: 'GET', path: '/internal/outbox', testOnly: true, handler: async (_req, res) => sendJson(res, 200, await this.rows()) }];
  }

  async rows(): Promise<OutboxRow[]> {
    if (!this.ctx) throw new Error('outbox-view service not started');
    const db = localApp(this.ctx.baseUrl).database();
    const _ = db.command;
    const { data } = await db.collection('notifications').orderBy('createdAt', 'desc').limit(OUTBOX_VIEW_LIMIT).get();
    const items = data as Array<Record<string, any>>;
    const byId = async (collection: string, ids: string[], fields: Record<string, true>) => {
      if (ids.length === 0) return new Map<string, Record<string, any>>();
      const { data: docs } = await db.collection(collection).where({ _id: _.in(ids) }).field({ _id: true, ...fields }).limit(OUTBOX_VIEW_LIMIT).get();
      return new Map((docs as Array<Record<string, any>>).map((d) => [d._id as string, d]));
    };
    const [users, cases] = await Promise.all([
      byId('users', [...new Set(items.map((n) => String(n.toUserId)))], { name: true, openid: true }),
      byId('cases', [...new Set(items.map((n) => String(n.caseId)))], { state: true }),
    ]);
    return items.map((n) => {
      const user = users.get(n.toUserId);
      const state = cases.get(n.caseId)?.state as CaseState | undefined;
      return {
        id: n._id,
        toUserId: n.toUserId,
        recipientName: typeof user?.name === 'string' ? user.name : null,
        openid: typeof user?.openid === 'string' ? user.openid : null,
        kind: n.kind,
        title: n.title ?? '',
        template: n.template ?? '',
        body: n.body ?? '',
        caseId: n.caseId,
        caseState: state ? (CASE_STATE_LABELS[state] ?? state) : null,
        status: n.status,
        attempts: typeof n.attempts === 'number' ? n.attempts : 0,
        errcode: n.errcode ?? null,
        createdAt: iso(n.createdAt),
        sentAt: iso(n.sentAt),
      };
    });
  }
}

function iso(v: unknown): string | null {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string') return v;
  return null;
}
