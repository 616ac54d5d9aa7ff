import { allow, ALL_STAFF, SIGNED_IN, type FunctionMatrix, type MatrixContext } from './types';

interface AssessFixtures {
  /** The street's open (unpublished, confidential) November run of the 000 worker table for community A. */
  open: string;
  /** October's run, published: what a correction reopens. */
  published: string;
  /** 张丽's sheet of the published run. */
  sheetId: string;
  bulletinId: string;
  /** Community A's 巡查通报 of November's second half (over at the matrix's clock). */
  patrolBulletinId: string;
  /** The street's own copy of the worker table (a shipped table is never edited). */
  ownTable: string;
}

const TABLE = 'seed-000-worker-100';
const runVersion = async (ctx: MatrixContext, runId: string) => ((await ctx.db.collection('assessment_runs').doc(runId).get()).data[0] as { version: number }).version;

async function openRun(ctx: MatrixContext, month: string): Promise<string> {
  return (await ctx.must('street', 'assess', 'openRun', { ruleSetId: TABLE, month, communityId: 'community-a' })).runId;
}

/**
 * `assess` (issue 16, src/domain/assessment/access.ts): street staff and the admin run assessments; scorers
 * score the items their role may score, never a subject they answer for (002 L135 回避); before publication
 * a run is confidential to those; after it the ranking is open to the street and the community assessed;
 * a worker reads their own sheet; bulletins go to every staff member of the street.
 */
export const assessMatrix: FunctionMatrix<'assess', AssessFixtures> = {
  at: '2026-12-01T10:00:00+08:00',
  setup: async (ctx) => {
    const open = await openRun(ctx, '2026-11');
    const published = await openRun(ctx, '2026-10');
    await ctx.must('street', 'assess', 'publish', { runId: published, expectedVersion: await runVersion(ctx, published) });
    const sheetId = (await ctx.must('officer', 'assess', 'mySheets', {})).sheets[0].sheetId;
    const bulletinId = (await ctx.must('street', 'assess', 'bulletin', { runId: published, kind: 'red_black' })).bulletinId;
    await ctx.must('street', 'assess', 'copyRuleSet', { fromId: TABLE, newId: 'matrix-worker', name: '示范街道网格员考核', reason: '按街道实际调整' });
    const patrolBulletinId = (await ctx.must('street', 'assess', 'patrolBulletin', { halfMonth: '2026-11-2', communityId: 'community-a' })).bulletinId;
    return { open, published, sheetId, bulletinId, patrolBulletinId, ownTable: 'matrix-worker' };
  },
  actions: {
    ruleSets: { payload: () => ({}), who: allow('staff', 'staffB', 'street', 'admin'), why: 'the tables everyone is measured by: street and community staff' },
    ruleSet: { payload: () => ({ ruleSetId: TABLE }), who: allow('staff', 'staffB', 'street', 'admin') },
    copyRuleSet: { payload: (_fx, caller) => ({ fromId: TABLE, newId: `copy-${caller.toLowerCase()}`, name: '复制的考核表', reason: '按街道实际调整' }), who: allow('street', 'admin') },
    saveRuleSet: {
      payload: async (fx, caller, ctx) => {
        const { ruleSet, version } = await ctx.must('admin', 'assess', 'ruleSet', { ruleSetId: fx.ownTable });
        // A save must change something: each caller renames it their way.
        return { ruleSetId: fx.ownTable, expectedVersion: version, ruleSet: { ...ruleSet, name: `网格员考核（${caller}）` }, reason: '漏巡问题突出,加大扣分' };
      },
      who: allow('street', 'admin'),
    },
    openRun: {
      payload: () => ({ ruleSetId: TABLE, month: '2026-09', communityId: 'community-a' }),
      who: allow('street', 'admin'),
      allowedErrors: { codes: ['CONFLICT'], why: 'one run per table, month and community: the admin finds the street\'s' },
    },
    runs: { payload: () => ({ month: '2026-11' }), who: allow('staff', 'staffB', 'street', 'admin'), why: 'filtered to the runs the caller may see' },
    run: { payload: (fx) => ({ runId: fx.open }), who: allow('staff', 'street', 'admin'), why: 'confidential before publication (002 L133): runners and scorers without a conflict (not the subjects, not their chief)' },
    refreshFacts: { payload: async (fx, _c, ctx) => ({ runId: fx.open, expectedVersion: await runVersion(ctx, fx.open) }), who: allow('street', 'admin') },
    enterScore: {
      payload: async (fx, _c, ctx) => ({ runId: fx.open, expectedVersion: await runVersion(ctx, fx.open), subjectId: 'user-officer-a2', itemId: 'civility', value: { kind: 'points', points: 18 }, reason: '按月度检查记录评分' }),
      who: allow('staff', 'street'),
      why: 'roles that score the item (文明创建: community and street staff; the admin configures, does not score), over the run\'s community, without a conflict with 李强 (his own grid\'s officer and chief are refused)',
    },
    setCover: {
      payload: async (fx, _c, ctx) => ({ runId: fx.open, expectedVersion: await runVersion(ctx, fx.open), absentPersonId: 'user-officer-a3', coverPersonId: 'user-officer-a2', reason: '赵敏11月病假一个月以上' }),
      who: allow('street', 'admin'),
    },
    publish: {
      payload: async (fx, _c, ctx) => ({ runId: fx.open, expectedVersion: await runVersion(ctx, fx.open) }),
      who: allow('street', 'admin'),
      allowedErrors: { codes: ['CONFLICT'], why: 'published once by the street staff, the admin finds it published' },
    },
    correct: {
      payload: async (fx, _c, ctx) => ({ runId: fx.published, expectedVersion: await runVersion(ctx, fx.published), reason: '社区补交了文明创建材料' }),
      who: allow('street', 'admin'),
      allowedErrors: { codes: ['CONFLICT'], why: 'reopened once by the street staff, the admin finds a correction open' },
    },
    mySheets: { payload: () => ({}), who: allow(...SIGNED_IN), why: 'one\'s own sheets' },
    sheet: { payload: (fx) => ({ sheetId: fx.sheetId }), who: allow('officer', 'staff', 'street', 'admin'), why: 'the worker\'s own, and who may see the ranking (the street, the community assessed)' },
    quarter: { payload: () => ({ ruleSetId: TABLE, year: 2026, quarter: 4, communityId: 'community-a' }), who: allow('street', 'admin') },
    exportRanking: { payload: (fx) => ({ runId: fx.published }), who: allow('staff', 'street', 'admin'), allowedErrors: { codes: ['CONFLICT'], why: 'the street\'s correction reopened the run: nothing published to export until it is published again' } },
    bulletin: { payload: (fx) => ({ runId: fx.published, kind: 'ranking' }), who: allow('street', 'admin'), allowedErrors: { codes: ['CONFLICT'], why: 'the street\'s correction reopened the run' } },
    bulletinView: { payload: (fx) => ({ bulletinId: fx.bulletinId }), who: allow(...ALL_STAFF), why: 'every staff member of the street' },
    patrolBulletin: {
      payload: () => ({ halfMonth: '2026-11-2', communityId: 'community-a' }),
      who: allow('staff', 'street', 'admin'),
      why: 'the street\'s staff for any community, a community\'s staff for their own (周晓燕 of B is refused); made once, then the same files',
    },
    patrolBulletinView: {
      payload: (fx) => ({ bulletinId: fx.patrolBulletinId }),
      who: allow('officer', 'officerA2', 'chief', 'staff', 'street', 'admin'),
      why: 'the street\'s staff and the staff and grid workers of the community it covers (B\'s officer and staff are refused)',
    },
  },
};
