/**
 * The wall-clock bound of one timer run (issue 13 item 2). A run works in batches and must end inside a
 * quarter of its function's timeout (scripts/bench/budgets.ts `timerRun`), whatever the database or WeChat
 * costs today. Checking the clock only after a batch lets the last batch run past the bound by a whole
 * batch's time (measured 30 Nov: notify runs of 12.5–14.7 s against a 12 s check); so a run starts another
 * batch only when the slowest batch so far would still end inside it. The first batch always runs: a run
 * that did nothing would leave the backlog where it was.
 */
export class RunBudget {
  private slowestMs = 0;
  private batches = 0;

  constructor(
    private readonly budgetMs: number,
    private readonly clock: () => number = Date.now,
    private readonly startedAt: number = clock(),
  ) {}

  /** Whether another batch, as slow as the slowest yet, still ends inside the budget. */
  roomForBatch(): boolean {
    if (this.batches === 0) return true;
    return this.clock() - this.startedAt + this.slowestMs <= this.budgetMs;
  }

  /** Runs one batch and remembers how long it took. */
  async batch<T>(work: () => Promise<T>): Promise<T> {
    const started = this.clock();
    try {
      return await work();
    } finally {
      this.batches += 1;
      this.slowestMs = Math.max(this.slowestMs, this.clock() - started);
    }
  }
}

/** A quarter of the 30 s timeout of the every-minute timers (config.json), the share budgets.ts allows a run. */
export const TIMER_RUN_BUDGET_MS = 7_500;
