import { fitsStorage, storedBytes, WECHAT_STORAGE, type StorageLimits } from './storage-budget';

/**
 * The device's queue of writes waiting for the network (issue 14 item 7): patrol points, check-ins,
 * visit drafts. Pure: the storage adapter (src/services/offline-queue.ts) loads and saves the state.
 * Every item carries the request id the server makes idempotent, so sending one twice — the reply was
 * lost, the app was killed mid-send — stores it once.
 */
export interface QueuedCall {
  /** The request id inside `data` too; also the queue's key for the item. */
  id: string;
  fn: string;
  action: string;
  data: Record<string, unknown>;
  /** ISO time it was queued (shown as "等待同步 3 分钟"). */
  queuedAt: string;
  /** Send attempts so far; once tried, an item is never changed (the server may hold it under its id). */
  tries: number;
}

export interface QueueState {
  items: QueuedCall[];
  /** Items the server refused for good (not the network): kept for the worker to see, newest last. */
  refused: Array<{ id: string; action: string; message: string }>;
}

export const EMPTY_QUEUE: QueueState = { items: [], refused: [] };

/** The refusals kept to show; older ones are dropped (the worker has seen them). */
const REFUSALS_SHOWN = 20;

export type EnqueueResult = { ok: true; state: QueueState } | { ok: false; state: QueueState; message: string };

/**
 * Adds an item unless it is queued already (same id) and unless the queue would no longer fit its
 * storage key. Points of one patrol merge into the last queued, not yet tried batch of the same patrol
 * while it has room (`mergeLimit`), so an hour offline is a few batches, not 120 calls.
 */
export function enqueue(
  state: QueueState,
  item: QueuedCall,
  opts: { usedBytes: number; previousBytes: number; mergeLimit?: number; limits?: StorageLimits },
): EnqueueResult {
  if (state.items.some((i) => i.id === item.id)) return { ok: true, state };
  const merged = opts.mergeLimit ? mergePoints(state.items, item, opts.mergeLimit) : null;
  const next: QueueState = { ...state, items: merged ?? [...state.items, item] };
  const verdict = fitsStorage(storedBytes(next), opts.previousBytes, opts.usedBytes, opts.limits ?? WECHAT_STORAGE);
  if (!verdict.ok) return { ok: false, state, message: verdict.reason === 'key_too_large' ? '待同步的记录太多，手机存不下了，请连上网络同步后再继续' : '手机存储空间已满，请连上网络同步后再继续' };
  return { ok: true, state: next };
}

function mergePoints(items: QueuedCall[], item: QueuedCall, limit: number): QueuedCall[] | null {
  if (item.action !== 'appendPoints') return null;
  const last = items[items.length - 1];
  if (!last || last.action !== 'appendPoints' || last.fn !== item.fn || last.tries > 0 || last.data.patrolId !== item.data.patrolId) return null;
  const points = [...(last.data.points as unknown[]), ...(item.data.points as unknown[])];
  if (points.length > limit) return null;
  return [...items.slice(0, -1), { ...last, data: { ...last.data, points } }];
}

/** The next item to send: always the oldest, so a check-in never overtakes the start it belongs to. */
export const nextToSend = (state: QueueState): QueuedCall | undefined => state.items[0];

/** Marks an attempt before sending: from now on the item is not merged into. */
export const markTried = (state: QueueState, id: string): QueueState => ({ ...state, items: state.items.map((i) => (i.id === id ? { ...i, tries: i.tries + 1 } : i)) });

/** The server stored it (or had it already): it leaves the queue. */
export const markSent = (state: QueueState, id: string): QueueState => ({ ...state, items: state.items.filter((i) => i.id !== id) });

/** The server refused it for good (bad input, no right, gone): it leaves the queue and is shown. */
export function markRefused(state: QueueState, id: string, message: string): QueueState {
  const item = state.items.find((i) => i.id === id);
  if (!item) return state;
  return { items: state.items.filter((i) => i.id !== id), refused: [...state.refused, { id, action: item.action, message }].slice(-REFUSALS_SHOWN) };
}

/** What the worker sees waiting: records (check-ins, findings, visits …) and patrol points apart. */
export function pendingSummary(state: QueueState): { records: number; points: number } {
  let records = 0;
  let points = 0;
  for (const i of state.items) {
    if (i.action === 'appendPoints') points += (i.data.points as unknown[]).length;
    else records += 1;
  }
  return { records, points };
}

/** "待同步 2 条记录、45 个轨迹点"; empty when nothing waits. */
export function pendingLabel(state: QueueState): string {
  const { records, points } = pendingSummary(state);
  const parts = [records ? `${records} 条记录` : '', points ? `${points} 个轨迹点` : ''].filter(Boolean);
  return parts.length ? `待同步 ${parts.join('、')}` : '';
}

/** Whether an error means "try again later" (no reply, a busy server) rather than "never". */
export const isRetryable = (code: string): boolean => code === 'NETWORK' || code === 'INTERNAL' || code === 'RATE_LIMITED';
