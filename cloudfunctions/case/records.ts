import type { CaseSummary, Category } from '../../src/domain/case/api';
import { DEFAULT_CATEGORIES, findCategory } from '../../src/domain/case/categories';
import { CASE_CLASS_LABELS, CASE_STATE_LABELS } from '../../src/domain/case/case-state';
import { categoriesConfigRecordSchema, type CaseRecord } from '../../src/domain/case/records';
import { DomainError } from '../../src/domain/errors';
import type { Database, Invocation } from '../_lib';
import { casesOf } from '../_lib/cases/store';
import { collectionOf } from '../_lib/records';

/** A stored `cases` document: its one schema lives in src/domain/case/records.ts (issue 9 item 1). */
export type StoredCase = CaseRecord;

export const loadCase = (call: Pick<Invocation, 'db'>, caseId: string): Promise<StoredCase> => casesOf(call.db).require(caseId, '事件');

export { casePatch, workflowOf } from '../_lib/cases/store';

export const categoriesConfigId = (streetId: string) => `categories-${streetId}`;

/** The street's tree from `configs`, else the default tree of PRODUCT.md §4 (version 0: never saved). */
export async function loadCategories(db: Database, streetId: string): Promise<{ categories: Category[]; version: number }> {
  const doc = await collectionOf(db, 'configs', categoriesConfigRecordSchema).load(categoriesConfigId(streetId));
  return doc ? { categories: doc.categories, version: doc.version } : { categories: DEFAULT_CATEGORIES, version: 0 };
}

/** The tree reporters choose from: without the categories the administrator disabled. */
export const activeCategories = (tree: Category[]): Category[] =>
  tree
    .filter((c) => !c.disabled)
    .map((c) => ({ ...c, children: c.children.filter((k) => !k.disabled) }))
    // A category whose sub-categories are all disabled is not offered either (it is not a leaf to file under).
    .filter((c) => c.children.length > 0 || !tree.find((t) => t.id === c.id)?.children.length);

export function requireCategory(tree: Category[], categoryId: string) {
  const found = findCategory(activeCategories(tree), categoryId);
  if (!found) throw new DomainError('INVALID_INPUT', '输入有误：请选择有效的事件分类', { categoryId: '请选择有效的事件分类' });
  return found;
}

export function summaryOf(c: StoredCase): CaseSummary {
  return {
    caseId: c._id,
    state: c.state,
    stateLabel: CASE_STATE_LABELS[c.state],
    caseClass: c.caseClass,
    classLabel: CASE_CLASS_LABELS[c.caseClass],
    categoryId: c.categoryId,
    categoryLabel: c.categoryLabel,
    summary: c.description.slice(0, 60),
    gridId: c.gridId,
    communityId: c.communityId,
    createdAt: c.createdAt.toISOString(),
    ...(c.dueAt ? { dueAt: c.dueAt.toISOString() } : {}),
    ...(c.overdueLevel ? { overdueLevel: c.overdueLevel } : {}),
    supervised: c.supervision !== undefined,
    version: c.version,
  };
}

/**
 * Each caller's case photos live in their own folder. Which ids a case accepts is decided by an exact
 * match on the `uploads` record (requireOwnUploads in _lib/uploads.ts), not by the path: the old
 * `includes(folder)` check accepted `…/case-photos/<me>/../<you>/x.jpg` (issue 10 item 6).
 */
export const photoFolder = (userId: string) => `case-photos/${userId}/`;
