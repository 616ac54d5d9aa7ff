import type { Category } from './api';
import type { CaseClass } from './case-state';

/**
 * The default category tree of PRODUCT.md §4, seeded per street into `configs` and editable by the
 * administrator. Emergency categories default to 突发性 ("fire, gas, building safety …", §4).
 */
export const DEFAULT_CATEGORIES: Category[] = [
  {
    id: 'safety',
    label: '安全隐患',
    children: [
      { id: 'fire', label: '消防', defaultClass: 'emergency' },
      { id: 'gas', label: '燃气', defaultClass: 'emergency' },
      { id: 'electrical', label: '用电', defaultClass: 'emergency' },
      { id: 'building_safety', label: '房屋安全', defaultClass: 'emergency' },
      { id: 'workplace_safety', label: '生产安全', defaultClass: 'emergency' },
      // 八必报 (003 L164) items that are not emergencies: repairs and clearances that need the property
      // manager or traffic police (协调性), and the registration of a renovation (一般性).
      { id: 'fire_equipment', label: '消防设施损坏', defaultClass: 'coordination' },
      { id: 'fire_lane', label: '消防车道堵塞', defaultClass: 'coordination' },
      { id: 'small_venue_renovation', label: '六小单位装修', defaultClass: 'routine' },
    ],
  },
  {
    id: 'environment',
    label: '市容环境',
    children: [
      { id: 'rubbish', label: '垃圾' },
      { id: 'clutter', label: '乱堆乱放' },
      { id: 'street_trading', label: '占道经营' },
      { id: 'flyers', label: '违规张贴' },
      { id: 'fumes_noise', label: '油烟噪声' },
    ],
  },
  {
    id: 'illegal_building',
    label: '违法建设',
    children: [
      { id: 'illegal_construction', label: '违法建设' },
      { id: 'home_business', label: '居改非' },
    ],
  },
  { id: 'public_facility', label: '公共设施损坏', children: [] },
  { id: 'dispute', label: '矛盾纠纷', defaultClass: 'coordination', children: [] },
  { id: 'public_order', label: '治安线索', defaultClass: 'coordination', children: [] },
  {
    id: 'help',
    label: '民生求助',
    children: [
      { id: 'hardship', label: '困难帮扶' },
      { id: 'elderly_alone', label: '独居老人' },
      { id: 'errand', label: '代办', defaultClass: 'approval' },
    ],
  },
  { id: 'population_change', label: '人口房屋变动', children: [] },
  { id: 'other', label: '其他', children: [] },
];

export interface ResolvedCategory {
  id: string;
  label: string;
  defaultClass: CaseClass;
}

/** A reportable category: a leaf, or a top-level category without children. Its class falls back to the parent's, then 一般性. */
export function findCategory(tree: readonly Category[], categoryId: string): ResolvedCategory | undefined {
  for (const top of tree) {
    if (top.id === categoryId && top.children.length === 0) return { id: top.id, label: top.label, defaultClass: top.defaultClass ?? 'routine' };
    const leaf = top.children.find((c) => c.id === categoryId);
    if (leaf) return { id: leaf.id, label: `${top.label}/${leaf.label}`, defaultClass: leaf.defaultClass ?? top.defaultClass ?? 'routine' };
  }
  return undefined;
}

/** Ids must be unique across the tree, or a stored case would not know its category. */
export function duplicateCategoryIds(tree: readonly Category[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const id of tree.flatMap((t) => [t.id, ...t.children.map((c) => c.id)])) (seen.has(id) ? dupes : seen).add(id);
  return [...dupes];
}
