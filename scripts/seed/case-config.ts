import type { localApp } from '../../local-cloud/local-sdk';
import { DEFAULT_CATEGORIES } from '../../src/domain/case/categories';
import { DEFAULT_TEMPLATES } from '../../src/domain/notification/templates';

type Db = ReturnType<ReturnType<typeof localApp>['database']>;

/**
 * Case configuration of a street (PRODUCT.md §4, §6): the default category tree, editable by the
 * administrator through `case.saveCategories`, and the subscribe-message templates with their keywords (placeholder ids
 * locally; real ids come from the WeChat admin console). Idempotent: `set` by a fixed id.
 */
export async function seedCaseConfig(db: Db, streetId: string, now: Date): Promise<void> {
  await db.createCollection('configs').catch(() => undefined);
  await db.collection('configs').doc(`categories-${streetId}`).set({ kind: 'categories', streetId, categories: DEFAULT_CATEGORIES, version: 1, createdAt: now, updatedAt: now });
  await db.collection('configs').doc(`notification-templates-${streetId}`).set({ kind: 'notification-templates', streetId, templates: DEFAULT_TEMPLATES, version: 1, createdAt: now, updatedAt: now });
}
