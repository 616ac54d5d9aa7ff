import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { EMPTY_QUEUE, enqueue, isRetryable, markRefused, markSent, markTried, nextToSend, pendingLabel, type QueuedCall, type QueueState } from '../domain/offline/queue';
import { storedBytes } from '../domain/offline/storage-budget';
import { isCallError } from './call-error';
import { createDefaultTransport, type Transport } from './transport';
import { unwrapReply } from './reply';
import { setWithinLimits, storedBytesOf, usedStorageBytes } from './device-storage';

/**
 * The device queue of writes waiting for the network (issue 14 item 7). Patrol points, check-ins and
 * findings go through it: queued in storage first (so a killed app loses nothing), then sent oldest
 * first; the server makes each idempotent by its request id, so a send whose reply was lost is
 * simply sent again. The worker sees what waits (`usePendingLabel`).
 */
const KEY = 'offline-queue:v1';

let transport: Transport | undefined;
const listeners = new Set<(s: QueueState) => void>();
let flushing: Promise<void> | null = null;

function isQueueState(v: unknown): v is QueueState {
  return typeof v === 'object' && v !== null && Array.isArray((v as QueueState).items) && Array.isArray((v as QueueState).refused);
}

export function loadQueue(): QueueState {
  try {
    const raw: unknown = Taro.getStorageSync(KEY);
    return isQueueState(raw) ? raw : EMPTY_QUEUE;
  } catch {
    return EMPTY_QUEUE;
  }
}

function save(state: QueueState): void {
  // Shrinking or replacing with fewer items always fits; a failure leaves the old (larger) state.
  setWithinLimits(KEY, state);
  for (const l of listeners) l(state);
}

export type QueueAnswer = { queued: true } | { queued: false; message: string };

/**
 * Queues a write and starts sending. `mergeLimit`: points of one patrol join the last untried batch up
 * to the street's batch size.
 */
export function queueCall(fn: string, action: string, data: Record<string, unknown> & { requestId: string }, mergeLimit?: number): QueueAnswer {
  const state = loadQueue();
  const item: QueuedCall = { id: data.requestId, fn, action, data, queuedAt: new Date().toISOString(), tries: 0 };
  const result = enqueue(state, item, { usedBytes: usedStorageBytes(), previousBytes: storedBytesOf(KEY), mergeLimit });
  if (!result.ok) return { queued: false, message: result.message };
  save(result.state);
  void flushQueue();
  return { queued: true };
}

/** Sends what waits, oldest first; stops at the first network failure (and is called again later). */
export function flushQueue(): Promise<void> {
  // `.finally` clears the flag a tick later: cleared inside an empty run it would be set again to that
  // run's settled promise, and the queue would never be sent again (the patrol E2E's lost track).
  flushing ??= sendWaiting().finally(() => {
    flushing = null;
  });
  return flushing;
}

async function sendWaiting(): Promise<void> {
  transport ??= createDefaultTransport();
  for (let item = nextToSend(loadQueue()); item; item = nextToSend(loadQueue())) {
    save(markTried(loadQueue(), item.id));
    try {
      unwrapReply(await transport.send(item.fn, item.action, item.data));
      save(markSent(loadQueue(), item.id));
    } catch (e) {
      if (!isCallError(e) || isRetryable(e.code)) return;
      save(markRefused(loadQueue(), item.id, e.message));
    }
  }
}

/** "待同步 2 条记录、45 个轨迹点" (empty when nothing waits), kept current while the page shows. */
export function usePendingLabel(): { label: string; refused: QueueState['refused'] } {
  const [state, setState] = useState<QueueState>(loadQueue);
  useEffect(() => {
    listeners.add(setState);
    return () => {
      listeners.delete(setState);
    };
  }, []);
  return { label: pendingLabel(state), refused: state.refused };
}

/** Sends again when the network returns (weapp: onNetworkStatusChange; H5: the `online` event). */
export function flushWhenOnline(): () => void {
  if (process.env.TARO_ENV === 'h5') {
    const onOnline = () => void flushQueue();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }
  const onChange = (res: { isConnected: boolean }) => {
    if (res.isConnected) void flushQueue();
  };
  Taro.onNetworkStatusChange(onChange);
  return () => Taro.offNetworkStatusChange(onChange);
}

export const queueBytes = (): number => storedBytes(loadQueue());

/**
 * Sends now when the network answers; when it does not, queues the write (same request id) to be sent
 * later. Answers the function's data, or null when it was queued. A refusal (bad input, no right) is
 * thrown as the CallError it is.
 */
export async function sendOrQueue<T>(fn: string, action: string, data: Record<string, unknown> & { requestId: string }, send: () => Promise<T>): Promise<{ data: T } | { queued: true } | { queued: false; message: string }> {
  try {
    return { data: await send() };
  } catch (e) {
    if (!isCallError(e) || e.code !== 'NETWORK') throw e;
    return queueCall(fn, action, data);
  }
}
