/**
 * Local mode only: the notifications outbox as the local cloud lists it (GET /internal/outbox).
 * Only pages/dev-notifications imports this file; production builds drop that page.
 */
import { BAD_REPLY_MESSAGE, CallError } from '../../services/call-error';
import { requestJson } from '../../services/transport/http-request';

export interface OutboxRow {
  id: string;
  recipientName: string | null;
  openid: string | null;
  title: string;
  template: string;
  body: string;
  caseState: string | null;
  status: string;
  attempts: number;
  errcode: number | string | null;
  createdAt: string | null;
  sentAt: string | null;
}

function localCloudBase(): string {
  const base = process.env.TARO_ENV === 'weapp' ? process.env.TARO_APP_LOCAL_CLOUD_URL : process.env.TARO_APP_API_BASE;
  return (base ?? '').replace(/\/+$/, '');
}

export async function listOutbox(): Promise<OutboxRow[]> {
  const res = await requestJson({ method: 'GET', url: `${localCloudBase()}/internal/outbox` });
  if (res.status !== 200 || !Array.isArray(res.body)) throw new CallError('INTERNAL', BAD_REPLY_MESSAGE);
  return res.body.filter(isRow);
}

function isRow(v: unknown): v is OutboxRow {
  const r = v as Partial<OutboxRow> | null;
  return typeof r?.id === 'string' && typeof r.status === 'string' && typeof r.template === 'string';
}

export const STATUS_LABELS: Record<string, string> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
};
