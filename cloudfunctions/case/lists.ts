import { categoryTreeSchema } from '../../src/domain/case/api';
import { duplicateCategoryIds } from '../../src/domain/case/categories';
import { CASE_STATES, CASE_STATE_GROUP } from '../../src/domain/case/case-state';
import { canManageStreet } from '../../src/domain/access';
import { DomainError } from '../../src/domain/errors';
import type { Role } from '../../src/domain/user';
import type { z } from 'zod';
import { authorize, findCaller, requireCaller, type Caller, type Invocation } from '../_lib';
import { activeCategories, categoriesConfigId, loadCategories, summaryOf } from './records';
import { saveConfigDoc } from './street-config';
import { collectionOf, type Database } from '../_lib';
import { gridRecordSchema } from '../../src/domain/org/records';
import { notificationRecordSchema } from '../../src/domain/notification/records';
import { isStaffOver } from './scope';
import { casesOf } from '../_lib/cases/store';
import { pageOptionsOf } from '../../src/domain/paging';

const gridsOf = (db: Database) => collectionOf(db, 'grids', gridRecordSchema);
const notificationsOf = (db: Database) => collectionOf(db, 'notifications', notificationRecordSchema);

const OPEN = CASE_STATES.filter((s) => CASE_STATE_GROUP[s] === 'open');
const LIMIT = 100;

type PageInput = { after?: string; limit?: number };

/**
 * One cursor page of a work list, newest first (issue 8 item 9: never cut off silently), with the
 * list's total and how many of its cases are past their deadline, for the workbench's counts.
 */
async function listCases(call: Invocation, caller: Caller, where: Record<string, unknown>, input: PageInput) {
  const _ = call.db.command;
  const cases = call.db.collection('cases');
  const [page, { total }, { total: overdueCount }] = await Promise.all([
    casesOf(call.db).page(where, { orderBy: ['createdAt', 'desc'], after: input.after ?? null, limit: input.limit ?? LIMIT }),
    cases.where(where).count(),
    cases.where(_.and([where, { dueAt: _.lt(call.now) }])).count(),
  ]);
  // Scope is re-checked on every stored case (grantCovers), not trusted to the query alone (PRODUCT.md §11).
  const visible = page.items.filter((c) => c.reporterId === caller.userId || isStaffOver(caller, c));
  return { cases: visible.map(summaryOf), next: page.next, total: total ?? 0, overdueCount: overdueCount ?? 0 };
}

const grantsOf = (caller: Caller, ...roles: Role[]) => caller.roles.filter((g) => roles.includes(g.role));

/**
 * mine: the caller's own reports only (PRODUCT.md §11 "a resident sees only their own reports"), newest
 * first, one cursor page at a time through the records accessor (never silently truncated).
 */
export async function mine(input: { after?: string; limit?: number }, call: Invocation) {
  const caller = await findCaller(call);
  if (!caller) return { cases: [], next: null };
  const page = await casesOf(call.db).page({ reporterId: caller.userId }, { orderBy: ['createdAt', 'desc'], after: input.after ?? null, limit: input.limit ?? LIMIT });
  return { cases: page.items.filter((c) => c.reporterId === caller.userId).map(summaryOf), next: page.next };
}

/** inbox: open cases of the officer's / chief's own grids. */
export async function inbox(input: PageInput, call: Invocation) {
  const caller = await requireCaller(call);
  const gridIds = [...new Set(grantsOf(caller, 'grid_officer', 'grid_chief', 'assistant').flatMap((g) => g.gridIds ?? []))];
  authorize(gridIds.length > 0, '只有网格员可以查看待办');
  const _ = call.db.command;
  return listCases(call, caller, { gridId: _.in(gridIds), state: _.in(OPEN) }, input);
}

/** Where the level's staff look: community staff by community, street staff by street. */
function levelScope(call: Invocation, caller: Caller, level: 'community' | 'street') {
  const _ = call.db.command;
  if (level === 'community') {
    const ids = [...new Set(grantsOf(caller, 'community_staff').flatMap((g) => (g.communityId ? [g.communityId] : [])))];
    authorize(ids.length > 0, '只有社区工作人员可以查看');
    return { communityId: _.in(ids) };
  }
  const ids = [...new Set(grantsOf(caller, 'street_staff', 'admin').map((g) => g.streetId))];
  authorize(ids.length > 0, '只有街道工作人员可以查看');
  return { streetId: _.in(ids) };
}

const QUEUE_STATE = { community: 'escalated_to_community', street: 'escalated_to_street', department: 'dispatched' } as const;

/** queue: cases handed up to the level (department: 交办 cases, seen by the street). */
export async function queue(input: { level: 'community' | 'street' | 'department' } & PageInput, call: Invocation) {
  const caller = await requireCaller(call);
  const scope = levelScope(call, caller, input.level === 'community' ? 'community' : 'street');
  return listCases(call, caller, { ...scope, state: QUEUE_STATE[input.level] }, input);
}

/** overdue (督办): open cases the timer escalated to this level or above. */
export async function overdue(input: { level: 'community' | 'street' } & PageInput, call: Invocation) {
  const caller = await requireCaller(call);
  const _ = call.db.command;
  const levels = input.level === 'community' ? ['community', 'street', 'street_leader'] : ['street', 'street_leader'];
  return listCases(call, caller, { ...levelScope(call, caller, input.level), overdueLevel: _.in(levels), state: _.in(OPEN) }, input);
}

/** satisfaction: 满意率 = 满意 / rated × 100 % per grid (PRODUCT.md §6, 002). Staff covering the grid. */
export async function satisfaction(input: { gridId: string }, call: Invocation) {
  const caller = await requireCaller(call);
  const grid = await gridsOf(call.db).load(input.gridId);
  if (!grid) throw new DomainError('NOT_FOUND', '网格不存在');
  const place = { streetId: grid.streetId, communityId: grid.communityId, gridId: grid._id };
  authorize(isStaffOver(caller, place as never), '您无权查看该网格的满意率');
  const _ = call.db.command;
  // Every rated case of the grid, page by page (never cut at the read cap).
  const rows = await casesOf(call.db).all({ gridId: grid._id, rating: _.exists(true) });
  const count = (r: string) => rows.filter((x) => x.rating === r).length;
  const rated = rows.length;
  const satisfied = count('satisfied');
  return {
    gridId: grid._id,
    rated,
    satisfied,
    basicallySatisfied: count('basically_satisfied'),
    dissatisfied: count('dissatisfied'),
    reworked: rows.filter((x) => (x.reworkCount ?? 0) > 0).length,
    satisfactionRate: rated === 0 ? null : Math.round((satisfied / rated) * 1000) / 10,
  };
}

/** categories: anyone; the street of the grid, else the caller's first street. */
export async function categories(input: { gridId?: string; includeDisabled?: boolean }, call: Invocation) {
  let streetId: string | undefined;
  if (input.gridId) {
    streetId = (await gridsOf(call.db).load(input.gridId))?.streetId;
    if (!streetId) throw new DomainError('NOT_FOUND', '网格不存在');
  } else {
    streetId = (await findCaller(call))?.roles[0]?.streetId;
    if (!streetId) throw new DomainError('INVALID_INPUT', '输入有误：请先扫描网格码', { gridId: '请先扫描网格码' });
  }
  const { categories: tree, version } = await loadCategories(call.db, streetId);
  return { streetId, categories: input.includeDisabled ? tree : activeCategories(tree), version };
}

/** saveCategories: the street's administrator replaces the tree (versioned like every config write). */
export async function saveCategories(input: { streetId: string; expectedVersion: number; categories: z.infer<typeof categoryTreeSchema> }, call: Invocation) {
  const caller = await requireCaller(call);
  authorize(canManageStreet(caller.roles, input.streetId), '只有街道管理员可以修改事件分类');
  const dupes = duplicateCategoryIds(input.categories);
  if (dupes.length) throw new DomainError('INVALID_INPUT', `输入有误：分类编号重复（${dupes.join('、')}）`, { categories: '分类编号重复' });
  const id = categoriesConfigId(input.streetId);
  const doc = { categories: input.categories, streetId: input.streetId, kind: 'categories', updatedAt: call.now, updatedBy: caller.userId };
  return { version: await saveConfigDoc(call, id, input.expectedVersion, doc, '分类已被其他人修改，请刷新后重试') };
}

/** notifications: the caller's own outbox entries (the in-app 消息 list), one cursor page newest first, the total and how many are unread. */
export async function notifications(input: PageInput, call: Invocation) {
  const caller = await findCaller(call);
  if (!caller) return { items: [], unread: 0, next: null, total: 0 };
  const _ = call.db.command;
  const mineOnly = { toUserId: caller.userId };
  const outbox = notificationsOf(call.db);
  const [page, unread, total] = await Promise.all([
    outbox.page(mineOnly, { orderBy: ['createdAt', 'desc'], ...pageOptionsOf(input) }),
    outbox.count({ ...mineOnly, readAt: _.exists(false) }),
    outbox.count(mineOnly),
  ]);
  return {
    unread,
    next: page.next,
    total,
    items: page.items.map((n) => ({
      id: n._id,
      kind: n.kind,
      title: n.title ?? '',
      body: n.body ?? '',
      ...(n.caseId ? { caseId: n.caseId } : {}),
      ...(n.activityId ? { activityId: n.activityId } : {}),
      status: n.status,
      read: n.readAt != null,
      createdAt: n.createdAt.toISOString(),
    })),
  };
}

/** readNotifications: the caller's own only — the condition carries toUserId, so another's id changes nothing. */
export async function readNotifications(input: { ids?: string[] }, call: Invocation) {
  const caller = await findCaller(call);
  if (!caller) return { read: 0 };
  const _ = call.db.command;
  const where = { toUserId: caller.userId, readAt: _.exists(false), ...(input.ids ? { _id: _.in(input.ids) } : {}) };
  return { read: await notificationsOf(call.db).updateWhere(where, { readAt: call.now }) };
}
