import type { Category } from '../../domain/case/api';

// Pure (no Taro): the report's check uses it, and unit tests run that without a renderer.

/** The top category whose id, or one of whose children's ids, is `categoryId`. */
export function topOf(categories: readonly Category[], categoryId: string): Category | undefined {
  return categories.find((c) => c.id === categoryId || c.children.some((k) => k.id === categoryId));
}
