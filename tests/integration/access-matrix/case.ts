import { aReport } from '../../support/case-builders';
import { jpegBytes } from '../../support/org-builders';
import { allow, ALL_STAFF, everyone, SIGNED_IN, type FunctionMatrix, type MatrixContext } from './types';

interface CaseFixtures {
  /** Reported by 徐大爷 in grid A1, untouched: what officers sign (签收). */
  reported: string;
  /** 徐大爷's case, resolved by 张丽 and verified by the chief: what only its reporter rates. */
  verified: string;
  /** More reported cases (one per command that moves them on) and one 张丽 resolved, awaiting 核查. */
  toReturn: string;
  toSupervise: string;
  resolved: string;
  categories: { streetId: string; version: number; categories: unknown };
  config: { sla: unknown; calendar: unknown; slaVersion: number; templates: unknown; templatesVersion: number };
}

const photo = () => ({ mimeType: 'image/jpeg', dataBase64: jpegBytes().toString('base64') });

async function walk(ctx: MatrixContext, caseId: string, caller: 'officer' | 'chief', command: Record<string, unknown>) {
  const { version } = await ctx.must(caller, 'case', 'detail', { caseId });
  await ctx.must(caller, 'case', 'act', { caseId, expectedVersion: version, command });
}

/**
 * `case` (PRODUCT.md §4–§6, §11): anyone may report and see their own reports; staff see the cases their
 * grant covers (grid, community, street); the state machine (src/domain/case/case-actor.ts) decides who
 * acts; the street admin alone edits categories, deadlines and templates.
 */
export const caseMatrix: FunctionMatrix<'case', CaseFixtures> = {
  setup: async (ctx) => {
    const reported = (await ctx.must('resident', 'case', 'report', aReport())).caseId;
    const verified = (await ctx.must('resident', 'case', 'report', aReport({ description: '楼道灯坏了，晚上很黑' }))).caseId;
    await walk(ctx, verified, 'officer', { type: 'accept' });
    const { fileId } = await ctx.must('officer', 'case', 'uploadPhoto', photo());
    await walk(ctx, verified, 'officer', { type: 'resolve', note: '已更换灯泡', photos: [fileId] });
    await walk(ctx, verified, 'chief', { type: 'verify', passed: true });
    const toReturn = (await ctx.must('resident', 'case', 'report', aReport({ description: '门口有人乱停车' }))).caseId;
    const toSupervise = (await ctx.must('resident', 'case', 'report', aReport({ description: '小区路灯不亮' }))).caseId;
    const resolved = (await ctx.must('resident', 'case', 'report', aReport({ description: '井盖松动，有响声' }))).caseId;
    await walk(ctx, resolved, 'officer', { type: 'accept' });
    const second = await ctx.must('officer', 'case', 'uploadPhoto', photo());
    await walk(ctx, resolved, 'officer', { type: 'resolve', note: '已固定井盖', photos: [second.fileId] });
    const categories = await ctx.must('admin', 'case', 'categories', { gridId: 'grid-a1', includeDisabled: true });
    const config = await ctx.must('admin', 'case', 'streetConfig', { streetId: 'street-demo' });
    return { reported, verified, toReturn, toSupervise, resolved, categories, config };
  },
  actions: {
    categories: { payload: () => ({ gridId: 'grid-a1' }), who: everyone(), why: 'the report form of anyone who scanned a grid code' },
    saveCategories: {
      payload: (fx) => ({ streetId: fx.categories.streetId, expectedVersion: fx.categories.version, categories: fx.categories.categories }),
      who: allow('admin'),
    },
    streetConfig: { payload: () => ({ streetId: 'street-demo' }), who: allow('admin') },
    calendarStatus: { payload: () => ({ streetId: 'street-demo' }), who: allow(...ALL_STAFF), why: 'whoever keeps case deadlines; residents and volunteers have none' },
    saveSla: { payload: (fx) => ({ streetId: 'street-demo', expectedVersion: fx.config.slaVersion, sla: fx.config.sla, calendar: fx.config.calendar }), who: allow('admin') },
    saveTemplates: { payload: (fx) => ({ streetId: 'street-demo', expectedVersion: fx.config.templatesVersion, templates: fx.config.templates }), who: allow('admin') },
    uploadPhoto: { payload: photo, who: everyone(), why: 'a visitor\'s first upload makes them a resident (PRODUCT.md §1)' },
    report: { payload: () => aReport(), who: everyone(), why: 'anyone with WeChat who scans a grid\'s code may report (PRODUCT.md §1)' },
    mine: { payload: () => ({}), who: everyone(), why: 'one\'s own reports only (filtered by reporter)' },
    inbox: { payload: () => ({}), who: allow('officer', 'assistant', 'officerA2', 'officerB1', 'chief'), why: 'grid staff (officers, chiefs, assistants); each sees their own grids (filtered)' },
    queue: { payload: () => ({ level: 'community' }), who: allow('staff', 'staffB'), why: 'community staff, each their own community (filtered)' },
    overdue: { payload: () => ({ level: 'street' }), who: allow('street', 'admin') },
    detail: { payload: (fx) => ({ caseId: fx.reported }), who: allow('resident', 'officer', 'assistant', 'chief', 'staff', 'street', 'admin'), why: 'its reporter, and case staff (incl. the grid\'s 信息协管员) whose grant covers it' },
    // The state machine (src/domain/case/case-actor.ts ACTION_RULES) decides per command: one row each.
    act: [
      {
        variant: '签收',
        payload: (fx) => ({ caseId: fx.reported, expectedVersion: 1, command: { type: 'accept' } }),
        who: allow('officer', 'chief'),
        allowedErrors: { codes: ['CONFLICT'], why: 'the officer signs first; the chief then sees the version moved on' },
        why: 'in state reported the grid\'s officers and chief handle it (HANDLER_BY_STATE); others who can see the case are refused by the state machine',
      },
      {
        variant: '退回',
        payload: (fx) => ({ caseId: fx.toReturn, expectedVersion: 1, command: { type: 'return', reason: '不属于网格事项' } }),
        who: allow('officer', 'chief'),
        allowedErrors: { codes: ['CONFLICT'], why: 'returned once by the officer, the chief finds the version moved on' },
        why: 'only the current handler returns a case',
      },
      {
        variant: '督办',
        payload: (fx) => ({ caseId: fx.toSupervise, expectedVersion: 1, command: { type: 'supervise', dueAt: '2026-12-10T09:00:00+08:00', note: '请尽快处理' } }),
        who: allow('chief', 'staff', 'street'),
        allowedErrors: { codes: ['CONFLICT'], why: 'flagged once by the chief, the next supervisor finds the version moved on' },
        why: '001 L23 挂牌督办: the grid chief, community and street staff over the case (supervision is not the admin\'s, nor the officer\'s)',
      },
      {
        variant: '核查',
        payload: (fx) => ({ caseId: fx.resolved, expectedVersion: 3, command: { type: 'verify', passed: true } }),
        who: allow('chief', 'staff', 'street'),
        allowedErrors: { codes: ['CONFLICT'], why: 'verified once by the chief, the next finds the version moved on' },
        why: '001 L323: a supervisor who is not the handler (张丽 resolved it)',
      },
    ],
    rate: { payload: (fx) => ({ caseId: fx.verified, rating: 'satisfied' }), who: allow('resident'), why: 'only the reporter rates (PRODUCT.md §6)' },
    satisfaction: { payload: () => ({ gridId: 'grid-a1' }), who: allow('officer', 'assistant', 'chief', 'staff', 'street', 'admin') },
    notifications: { payload: () => ({}), who: everyone(), why: 'one\'s own notifications only' },
    readNotifications: { payload: () => ({}), who: everyone(), why: 'the condition carries the caller\'s id' },
    subscriptionTemplates: {
      payload: (fx) => ({ caseId: fx.reported }),
      who: allow('visitor', 'resident', 'officer', 'assistant', 'chief', 'staff', 'street', 'admin'),
      why: 'those who can see the case; a visitor with no record is asked nothing (an empty list)',
    },
    acceptSubscriptions: { payload: () => ({ templateIds: ['TEMPLATE_CASE_PROGRESS'] }), who: allow(...SIGNED_IN), why: 'one\'s own one-time sends; a visitor has no record to hold them' },
  },
};
