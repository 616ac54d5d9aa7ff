import type { ActionName, ActionOutput, FunctionName } from '../../../src/domain/api';
import type { ContractAnswer } from '../../support/contract-call';
import type { CloudBaseDb } from '../../support/local-cloud-harness';

/**
 * The callers of the access matrix, each named by where they stand relative to the row's target. The
 * targets of every function live in grid A1 of community A (the demo street, scripts/seed/demo-data.ts),
 * so "officer" is the officer of the target's grid and "officerB1" one of another community.
 */
export const CALLERS = {
  /** A WeChat user the platform knows (an openid) but who has no record: the anonymous visitor. */
  visitor: 'demo-visitor-matrix',
  /** 徐大爷, resident of grid A1: reporter of the fixtures' own items. */
  resident: 'demo-resident-1',
  /** 胡阿姨, resident of grid B1: a resident who owns none of the targets. */
  residentB1: 'demo-resident-2',
  /** 黄志明, volunteer of community A. */
  volunteer: 'demo-volunteer-1',
  /** 张丽, officer of grid A1 (also a volunteer of A: 一岗双责). */
  officer: 'demo-officer-a1',
  /** 李强, officer of grid A2: same community, another grid. */
  officerA2: 'demo-officer-a2',
  /** 孙伟, officer of grid B1: another community. */
  officerB1: 'demo-officer-b1',
  /**
   * 信息协管员 of grid A1: a role of src/domain/user.ts the demo street has nobody in, so the matrix adds
   * one (ASSISTANT_USER below) — every role the code knows is a caller.
   */
  assistant: 'demo-assistant-a1',
  /** 王秀兰, grid chief of every grid of community A. */
  chief: 'demo-chief-a',
  /** 刘建国, staff of community A. */
  staff: 'demo-community-a',
  /** 周晓燕, staff of community B. */
  staffB: 'demo-community-b',
  /** 杨文斌, street staff. */
  street: 'demo-street',
  /** The street's administrator. */
  admin: 'demo-admin',
} as const;
export type CallerKey = keyof typeof CALLERS;

/** The assistant's `users` record (the demo seed's shape), written after the seed. */
export const ASSISTANT_USER = {
  _id: 'user-assistant-a1',
  openid: CALLERS.assistant,
  name: '钱多多',
  phone: '13905511009',
  roles: [{ role: 'assistant', streetId: 'street-demo', communityId: 'community-a', gridIds: ['grid-a1'] }],
  prefs: { fontScale: 'standard' },
  version: 1,
};
export const CALLER_KEYS = Object.keys(CALLERS) as CallerKey[];

/**
 * What a caller must get: `allow` reaches past the role and scope check (ok, or a business answer such
 * as CONFLICT that only a permitted caller can see); FORBIDDEN refuses with nothing written. Two more
 * refusals exist where the caller's OWN record decides before any role does, and the row says why:
 * CONFLICT (e.g. "fill in your volunteer profile first": anyone may, so it is a step, not a right) and
 * NOT_FOUND (e.g. "you have no sign-up": records keyed by the caller's id). They too must write nothing.
 */
export type Outcome = 'allow' | 'FORBIDDEN' | 'CONFLICT' | 'NOT_FOUND';
export type Refusal = Exclude<Outcome, 'allow'>;

/**
 * What a function answers in the matrix, with what it logged when it failed unexpectedly. `data` is
 * `unknown` on purpose: the walk goes over the table by action NAME (a string from the rows), judges only
 * `ok` and the error code, and never reads what an allowed call answered.
 *
 * Payloads (`data` of `call` and `must`) are `unknown` on purpose too: a row builds one per caller and
 * aims it at targets outside the caller's scope, and it is the function's edge (zod) that must judge it —
 * typing them from the contract would let the compiler, not the function, refuse a bad one.
 */
export type MatrixAnswer<T = unknown> = ContractAnswer<T> & { logged?: string[] };

export interface MatrixContext {
  db: CloudBaseDb;
  now: () => number;
  /** Moves the local cloud's clock on (set-up that needs an activity to have started). */
  advanceClock(ms: number): Promise<void>;
  /**
   * Calls `fn.action` as `caller` through the built bundle, the real SDK and the local cloud. The visitor
   * gets a fresh openid per action (`label`), since a visitor's first write makes them a resident on record.
   */
  call(caller: CallerKey, fn: FunctionName, action: string, data: unknown, label?: string): Promise<MatrixAnswer>;
  /** Same, but throws unless the answer is ok, returning `data` (fixture set-up). */
  must<F extends FunctionName, A extends ActionName<F>>(caller: CallerKey, fn: F, action: A, data: unknown): Promise<ActionOutput<F, A>>;
}

export interface ActionRows<Fx> {
  /** For an action with several rows (one per command of `case.act`): what this row tries. */
  variant?: string;
  /** A valid payload aimed at the target in scope (grid A1 / community A); fresh per call for writes. */
  payload: (fx: Fx, caller: CallerKey, ctx: MatrixContext) => unknown;
  /** Every caller, exhaustively: a new caller kind must be classified for every action too. */
  who: Record<CallerKey, Outcome>;
  /**
   * Allowed callers may answer with these business codes instead of ok (e.g. CONFLICT once a first
   * allowed caller changed the target). Each use says why.
   */
  allowedErrors?: { codes: string[]; why: string };
  /** Why the rule is what it is (PRODUCT.md section, seed line) when it is not obvious. */
  why?: string;
}

export interface FunctionMatrix<F extends FunctionName, Fx> {
  /** The targets every row aims at, made through the real functions as their owners would. */
  setup: (ctx: MatrixContext) => Promise<Fx>;
  /** Time the rows run at (China time): some actions depend on the day (working day, month). */
  at?: string;
  /** One row set per action; an action taking commands of different rules may list one per command. */
  actions: { [A in ActionName<F>]: ActionRows<Fx> | readonly ActionRows<Fx>[] };
}

/** The row sets of an action, one or several. */
export const rowSetsOf = <Fx>(rows: ActionRows<Fx> | readonly ActionRows<Fx>[]): readonly ActionRows<Fx>[] => (Array.isArray(rows) ? rows : [rows as ActionRows<Fx>]);

/** `allow('officer', 'chief')`: those callers pass, everyone else is refused. */
export function allow(...keys: CallerKey[]): Record<CallerKey, Outcome> {
  return Object.fromEntries(CALLER_KEYS.map((k) => [k, keys.includes(k) ? 'allow' : 'FORBIDDEN'])) as Record<CallerKey, Outcome>;
}

/** `refuse(who, 'CONFLICT', 'volunteer', …)`: those callers get that refusal instead of what `who` said. */
export function refuse(who: Record<CallerKey, Outcome>, code: Refusal, ...keys: CallerKey[]): Record<CallerKey, Outcome> {
  return { ...who, ...Object.fromEntries(keys.map((k) => [k, code])) };
}

/** The demo user id of a caller (scripts/seed/demo-data.ts: openid demo-x, user id user-x). */
export const userIdOf = (caller: CallerKey): string => CALLERS[caller].replace(/^demo-/, 'user-');

/** Every caller passes (public or self-service actions). */
export const everyone = (): Record<CallerKey, Outcome> => allow(...CALLER_KEYS);

/** Reads a document's current version (payloads of allowed updates aim at the version stored now). */
export async function versionOf(ctx: MatrixContext, collection: string, id: string): Promise<number> {
  const doc = (await ctx.db.collection(collection).doc(id).get()).data[0] as { version?: number } | undefined;
  if (!doc) throw new Error(`no ${collection}/${id}`);
  return doc.version ?? 0;
}

/** Groups used over and over. */
export const STAFF_OF_A1: CallerKey[] = ['officer', 'chief', 'staff', 'street', 'admin'];
/** The demo street's staff callers; the 信息协管员 is listed separately where the code lets them in. */
export const ALL_STAFF: CallerKey[] = ['officer', 'officerA2', 'officerB1', 'chief', 'staff', 'staffB', 'street', 'admin'];
export const SIGNED_IN: CallerKey[] = CALLER_KEYS.filter((k) => k !== 'visitor');
