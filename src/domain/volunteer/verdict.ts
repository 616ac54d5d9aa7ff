import { DomainError, type ErrorCode } from '../errors';

/** The answer of a pure check: the UI shows `message` to explain a disabled button; the function edge throws it. */
export type Verdict = { ok: true } | { ok: false; code: ErrorCode; message: string };

export const ALLOWED: Verdict = { ok: true };

export function refuse(code: ErrorCode, message: string): Verdict {
  return { ok: false, code, message };
}

export function assertAllowed(verdict: Verdict): void {
  if (!verdict.ok) throw new DomainError(verdict.code, verdict.message);
}
