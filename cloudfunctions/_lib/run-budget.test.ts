import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { budgets } from '../../scripts/bench/budgets';
import { RunBudget, TIMER_RUN_BUDGET_MS } from './run-budget';

/** A clock the test moves by hand, and a batch that takes `ms` of it. */
function manualClock() {
  let now = 1_000;
  return { now: () => now, take: (ms: number) => async () => void (now += ms) };
}

describe('RunBudget: a run starts a batch only if it still ends inside the budget', () => {
  it('always runs the first batch, however slow, so every run moves the backlog', async () => {
    const clock = manualClock();
    const budget = new RunBudget(100, clock.now);
    expect(budget.roomForBatch()).toBe(true);
    await budget.batch(clock.take(500));
    expect(budget.roomForBatch()).toBe(false);
  });

  it('stops before the batch that would cross the budget, judging by the slowest batch so far', async () => {
    const clock = manualClock();
    const budget = new RunBudget(1_000, clock.now);
    let ran = 0;
    const times = [300, 200, 200, 200, 200];
    while (ran < times.length && budget.roomForBatch()) await budget.batch(clock.take(times[ran++]));
    // Elapsed 300, 500, 700, 900: the fourth starts at 700 (700 + slowest 300 = 1 000 fits), the fifth
    // would start at 900 and may take 300, so it waits for the next run.
    expect(ran).toBe(4);
    expect(budget.roomForBatch()).toBe(false);
  });

  it('counts a batch that failed', async () => {
    const clock = manualClock();
    const budget = new RunBudget(100, clock.now);
    await expect(
      budget.batch(async () => {
        await clock.take(90)();
        throw new Error('database unreachable');
      }),
    ).rejects.toThrow('database unreachable');
    expect(budget.roomForBatch()).toBe(false);
  });
});

describe('TIMER_RUN_BUDGET_MS', () => {
  it.each(['notify', 'escalate'])('is the share of %s’s configured timeout that budgets.ts allows a run', (fn) => {
    const config = JSON.parse(readFileSync(join(__dirname, '..', fn, 'config.json'), 'utf8')) as { timeout: number };
    expect(TIMER_RUN_BUDGET_MS).toBeLessThanOrEqual(config.timeout * 1000 * budgets.timerRun.shareOfTimeout);
  });
});
