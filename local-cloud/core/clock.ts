/**
 * The local cloud's clock. Functions read time through their context (see cloudfunctions/_lib/clock.ts),
 * so tests can set or advance it; in production the platform's real time is used.
 */
export class Clock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

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

  /** Stop time at the current instant (deterministic tests). */
  freeze(): void {
    this.frozenAt = this.now();
  }

  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = null;
  }
}
