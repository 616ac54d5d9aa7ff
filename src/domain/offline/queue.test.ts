import { EMPTY_QUEUE, enqueue, isRetryable, markRefused, markSent, markTried, nextToSend, pendingLabel, pendingSummary, type QueuedCall, type QueueState } from './queue';
import { fitsStorage, storedBytes, WECHAT_STORAGE } from './storage-budget';

const points = (patrolId: string, n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ at: new Date(Date.UTC(2026, 10, 30, 1, 0, (from + i) * 30)).toISOString(), lat: 31.86, lng: 117.28 }));
const pointsCall = (id: string, patrolId: string, n: number, from = 0): QueuedCall => ({ id, fn: 'patrol', action: 'appendPoints', data: { patrolId, requestId: id, points: points(patrolId, n, from) }, queuedAt: '2026-11-30T01:00:00.000Z', tries: 0 });
const checkIn = (id: string): QueuedCall => ({ id, fn: 'patrol', action: 'checkIn', data: { requestId: id, scene: 'b:building-1' }, queuedAt: '2026-11-30T01:00:00.000Z', tries: 0 });
const room = { usedBytes: 0, previousBytes: 0, mergeLimit: 200 };

function add(state: QueueState, item: QueuedCall): QueueState {
  const r = enqueue(state, item, room);
  if (!r.ok) throw new Error(r.message);
  return r.state;
}

describe('the offline queue', () => {
  it('keeps calls in order and sends the oldest first', () => {
    let q = add(EMPTY_QUEUE, checkIn('ci-1'));
    q = add(q, pointsCall('p-1', 'patrol-1', 3));
    q = add(q, checkIn('ci-2'));
    expect(q.items.map((i) => i.id)).toEqual(['ci-1', 'p-1', 'ci-2']);
    expect(nextToSend(q)?.id).toBe('ci-1');
  });

  it('queues the same request id once (a double tap, a reload re-queuing a draft)', () => {
    const q = add(add(EMPTY_QUEUE, checkIn('ci-1')), checkIn('ci-1'));
    expect(q.items).toHaveLength(1);
  });

  it('merges points of one patrol into the last untried batch up to the batch size, and never into one already tried', () => {
    let q = add(EMPTY_QUEUE, pointsCall('p-1', 'patrol-1', 150));
    q = add(q, pointsCall('p-2', 'patrol-1', 40, 150));
    expect(q.items).toHaveLength(1);
    expect((q.items[0].data.points as unknown[]).length).toBe(190);
    q = add(q, pointsCall('p-3', 'patrol-1', 20, 190));
    expect(q.items.map((i) => i.id)).toEqual(['p-1', 'p-3']);
    q = markTried(q, 'p-3');
    q = add(q, pointsCall('p-4', 'patrol-1', 5, 210));
    expect(q.items.map((i) => i.id)).toEqual(['p-1', 'p-3', 'p-4']);
    q = add(q, pointsCall('p-5', 'patrol-2', 5));
    expect(q.items.map((i) => i.id)).toEqual(['p-1', 'p-3', 'p-4', 'p-5']);
  });

  it('removes what was sent, and moves a refusal to the refused list with its message', () => {
    let q = add(add(EMPTY_QUEUE, checkIn('ci-1')), checkIn('ci-2'));
    q = markSent(q, 'ci-1');
    q = markRefused(q, 'ci-2', '这栋楼不在本次巡查的网格');
    expect(q.items).toEqual([]);
    expect(q.refused).toEqual([{ id: 'ci-2', action: 'checkIn', message: '这栋楼不在本次巡查的网格' }]);
  });

  it('tells the worker what waits: records and points apart', () => {
    const q = add(add(EMPTY_QUEUE, checkIn('ci-1')), pointsCall('p-1', 'patrol-1', 45));
    expect(pendingSummary(q)).toEqual({ records: 1, points: 45 });
    expect(pendingLabel(q)).toBe('待同步 1 条记录、45 个轨迹点');
    expect(pendingLabel(EMPTY_QUEUE)).toBe('');
  });

  it('retries on no network or a busy server, and gives up on a refusal', () => {
    expect(['NETWORK', 'INTERNAL', 'RATE_LIMITED'].every(isRetryable)).toBe(true);
    expect(['INVALID_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'].some(isRetryable)).toBe(false);
  });
});

describe('WeChat storage limits (1 MB per key, 10 MB in all)', () => {
  it('counts UTF-8 bytes of the JSON text, Chinese as three bytes', () => {
    expect(storedBytes('ab')).toBe(4);
    expect(storedBytes('巡查')).toBe(8);
  });

  it('refuses a value over 1 MB and a write that would take storage past 10 MB, counting the key\'s old value as freed', () => {
    expect(fitsStorage(WECHAT_STORAGE.perKeyBytes + 1, 0, 0)).toMatchObject({ ok: false, reason: 'key_too_large' });
    expect(fitsStorage(1000, 0, WECHAT_STORAGE.totalBytes - 999)).toMatchObject({ ok: false, reason: 'storage_full' });
    expect(fitsStorage(1000, 500, WECHAT_STORAGE.totalBytes - 500)).toEqual({ ok: true });
  });

  it('refuses to queue what would not fit its key, and keeps the queue as it was', () => {
    let q: QueueState = EMPTY_QUEUE;
    let refused = '';
    // About 60 bytes a point: a 1 MB key holds some 17 000 points.
    for (let i = 0; i < 200 && !refused; i += 1) {
      const r = enqueue(q, pointsCall(`p-${i}`, 'patrol-1', 200, i * 200), { usedBytes: storedBytes(q), previousBytes: storedBytes(q) });
      if (r.ok) q = r.state;
      else refused = r.message;
    }
    expect(refused).toBe('待同步的记录太多，手机存不下了，请连上网络同步后再继续');
    expect(storedBytes(q)).toBeLessThanOrEqual(WECHAT_STORAGE.perKeyBytes);
    expect(q.items.length).toBeGreaterThan(50);
  });
});
