/**
 * Actions whose database cost the bench measures (one call each, as the seeded officer of grid A1).
 * Add a feature's actions here; give each a budget in budgets.ts (`actions`) under the same label.
 * `data` may be a function of the call number so repeated calls really write.
 */
export interface BenchAction {
  fn: string;
  action: string;
  data: unknown | ((i: number) => unknown);
  /** Makes what the measured call needs first (not counted), and gives its data: e.g. a case to act on. */
  prepare?: (call: (fn: string, action: string, data: unknown) => Promise<unknown>, i: number) => Promise<unknown>;
}

const aReport = (i: number) => ({ requestId: `bench-report-${i}-${Date.now().toString(36)}`, gridId: 'grid-a1', categoryId: 'rubbish', description: '楼下垃圾满溢', location: { lat: 31.86, lng: 117.28 }, anonymous: false });

export const actions: BenchAction[] = [
  { fn: 'user', action: 'me', data: {} },
  { fn: 'board', action: 'get', data: { gridId: 'grid-a1' } },
  { fn: 'user', action: 'updatePrefs', data: (i: number) => ({ fontScale: i % 2 === 0 ? 'large' : 'standard' }) },
  { fn: 'case', action: 'report', data: aReport },
  {
    // A case command (issue 9 item 6): the A1 officer signs for (签收) a case just filed in A1.
    fn: 'case',
    action: 'act',
    data: null,
    prepare: async (call, i) => {
      const filed = (await call('case', 'report', aReport(10_000 + i))) as { caseId: string; version: number };
      return { caseId: filed.caseId, expectedVersion: filed.version, command: { type: 'accept' } };
    },
  },
];

export function labelOf(a: Pick<BenchAction, 'fn' | 'action'>): string {
  return `${a.fn}.${a.action}`;
}

export function dataFor(a: BenchAction, i: number): unknown {
  return typeof a.data === 'function' ? (a.data as (i: number) => unknown)(i) : a.data;
}
