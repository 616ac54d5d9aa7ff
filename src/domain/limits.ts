import { CHINA_OFFSET_MS, DAY_MS } from './calendar/china-time';

/**
 * Per-user sliding-window limits on the actions an abuser would repeat (issue 10 item 5: 50 reports in
 * 3.6 s, 10 × 2 MB photos, 200 pickup-code guesses). Each rule: at most `max` (count or bytes) within
 * any `windowMs`; `newUserMax` applies while the account is new (see `isNewUser`). The reason says why
 * the number is what it is, so a street can argue with it.
 */
export const LIMITED_ACTIONS = ['report', 'emergencyReport', 'photoUpload', 'photoBytes', 'pickupCodeWrong'] as const;
export type LimitedAction = (typeof LIMITED_ACTIONS)[number];

export interface LimitRule {
  windowMs: number;
  max: number;
  newUserMax: number;
  /** What is counted, in the Chinese message: "上报事件 10 件". */
  what: string;
  unit: '件' | '张' | 'MB' | '次';
  /** Bytes are shown in MB. */
  bytes?: true;
  reason: string;
}

const HOUR_MS = 3_600_000;
const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Record<LimitedAction, LimitRule> = {
  report: {
    windowMs: HOUR_MS,
    max: 10,
    newUserMax: 3,
    what: '上报事件',
    unit: '件',
    reason: '一位居民一小时内发现 10 件以上不同问题极少见；每件都会通知网格员，刷单会淹没真实事件（issue 10：50 件/3.6 秒、709 条通知）',
  },
  emergencyReport: {
    windowMs: DAY_MS,
    max: 3,
    newUserMax: 1,
    what: '上报突发事件',
    unit: '件',
    reason: '突发事件立即逐级上报到社区和街道（PRODUCT §5），误报代价最高；真实的突发事件一天内由同一人多次上报很少',
  },
  photoUpload: {
    windowMs: HOUR_MS,
    max: 30,
    newUserMax: 10,
    what: '上传照片',
    unit: '张',
    reason: '一件事件最多 9 张照片（case api），一小时 30 张够 3 件完整上报',
  },
  photoBytes: {
    windowMs: DAY_MS,
    max: 50 * MB,
    newUserMax: 10 * MB,
    what: '上传照片',
    unit: 'MB',
    bytes: true,
    reason: '存储按量计费；50 MB 约 25 张 2 MB 原图，远超一位居民一天的正常上报',
  },
  pickupCodeWrong: {
    windowMs: 30 * DAY_MS,
    max: 5,
    newUserMax: 5,
    what: '输错取货码',
    unit: '次',
    reason: '取货码 6 位，5 次之内猜中的概率约十万分之五；超过后请志愿者本人到场出示兑换记录',
  },
};

/** An account counts as new for this long after it was created. */
export const NEW_USER_MS = HOUR_MS;

/**
 * New: an account the platform made on a first write (PRODUCT §1 first visit: no role granted by
 * anyone) less than an hour ago. Accounts with a grant were issued by staff and are vouched for.
 */
export function isNewUser(user: { roles: readonly unknown[]; createdAt?: Date }, now: Date): boolean {
  if (user.roles.length > 0) return false;
  if (!user.createdAt) return true;
  return now.getTime() - user.createdAt.getTime() < NEW_USER_MS;
}

export interface Hit {
  id: string;
  at: number;
  amount: number;
}

export type LimitVerdict = { allowed: true; hits: Hit[] } | { allowed: false; retryAt: number; max: number };

/**
 * Sliding window: the hits inside (now − window, now] plus this one must stay within `max`. When they
 * would not, `retryAt` is the first moment enough old hits have left the window.
 */
export function checkLimit(stored: readonly Hit[], rule: LimitRule, newUser: boolean, hit: Hit): LimitVerdict {
  const max = newUser ? rule.newUserMax : rule.max;
  const live = stored.filter((h) => h.at > hit.at - rule.windowMs).sort((a, b) => a.at - b.at);
  let total = live.reduce((sum, h) => sum + h.amount, 0);
  if (total + hit.amount <= max) return { allowed: true, hits: [...live, hit] };
  // Oldest first out of the window: find when enough has left.
  for (const h of live) {
    total -= h.amount;
    if (total + hit.amount <= max) return { allowed: false, retryAt: h.at + rule.windowMs, max };
  }
  return { allowed: false, retryAt: hit.at + rule.windowMs, max };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:05" today (Beijing time), or "12月1日 14:05" on another day. */
export function chinaClock(at: number, now: number): string {
  const local = new Date(at + CHINA_OFFSET_MS);
  const today = new Date(now + CHINA_OFFSET_MS);
  const hhmm = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  const sameDay = local.getUTCFullYear() === today.getUTCFullYear() && local.getUTCMonth() === today.getUTCMonth() && local.getUTCDate() === today.getUTCDate();
  return sameDay ? hhmm : `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${hhmm}`;
}

const windowLabel = (ms: number) => (ms === HOUR_MS ? '每小时' : ms === DAY_MS ? '每天' : `每 ${Math.round(ms / DAY_MS)} 天`);

/** The Chinese RATE_LIMITED message: what the limit is and when to try again (rounded up to the minute). */
export function limitMessage(rule: LimitRule, max: number, retryAt: number, now: number, newUser: boolean): string {
  const retry = Math.ceil(retryAt / 60_000) * 60_000;
  const amount = rule.bytes ? `${Math.round(max / MB)} MB` : `${max} ${rule.unit}`;
  const who = newUser ? '新用户' : '';
  return `操作太频繁：${who}${windowLabel(rule.windowMs)}最多${rule.what} ${amount}，请在 ${chinaClock(retry, now)} 后再试`;
}
