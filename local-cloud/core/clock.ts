/**
 * The local cloud's clock. Functions read time through their context (see cloudfunctions/_lib/clock.ts),
 * so tests can set or advance it; in production the platform's real time is used.
 */
export class Clock {
  private offsetMs = 0;
  private frozenAt: number | null = null;
  /** Where `reset()` returns to: real time (0), or a test's starting instant (`startAt`). */
  private baseOffsetMs = 0;

  /**
   * Starts time at `epochMs` (running) and makes that the instant `reset()` returns to, so a whole suite
   * runs "on" a chosen date (GRIDLINK_TEST_NOW, tests/support/test-now.ts).
   */
  startAt(epochMs: number): void {
    this.baseOffsetMs = epochMs - Date.now();
    this.reset();
  }

  now(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs;
  }

  /** Jump to an instant and keep running from there. */
  set(epochMs: number): void {
    this.offsetMs = epochMs - Date.now();
    if (this.frozenAt !== null) this.frozenAt = epochMs;
  }

  advance(ms: number): void {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  /**
   * Stop time (deterministic tests) at `at`, by default the current instant. "Set and freeze" passes the
   * instant it set: reading now() again would add the milliseconds the request took to get here.
   */
  freeze(at: number = this.now()): void {
    this.frozenAt = at;
  }

  reset(): void {
    this.offsetMs = this.baseOffsetMs;
    this.frozenAt = null;
  }
}
