import { categoryTreeSchema, type Category } from './api';
import { DEFAULT_CATEGORIES, duplicateCategoryIds, findCategory } from './categories';

describe('the default category tree (PRODUCT.md §4)', () => {
  it('is a valid category tree as the administrator would save it', () => {
    expect(categoryTreeSchema.safeParse(DEFAULT_CATEGORIES).success).toBe(true);
  });

  it('has no id twice', () => {
    expect(duplicateCategoryIds(DEFAULT_CATEGORIES)).toEqual([]);
  });

  it('files fire, gas, electrical, building and workplace safety as 突发性 by default', () => {
    for (const id of ['fire', 'gas', 'electrical', 'building_safety', 'workplace_safety']) {
      expect(findCategory(DEFAULT_CATEGORIES, id)?.defaultClass).toBe('emergency');
    }
  });

  it('files disputes and public-order leads as 协调性 and errands as 审批性', () => {
    expect(findCategory(DEFAULT_CATEGORIES, 'dispute')?.defaultClass).toBe('coordination');
    expect(findCategory(DEFAULT_CATEGORIES, 'public_order')?.defaultClass).toBe('coordination');
    expect(findCategory(DEFAULT_CATEGORIES, 'errand')?.defaultClass).toBe('approval');
  });

  it('files everything else as 一般性', () => {
    expect(findCategory(DEFAULT_CATEGORIES, 'rubbish')?.defaultClass).toBe('routine');
    expect(findCategory(DEFAULT_CATEGORIES, 'other')?.defaultClass).toBe('routine');
  });
});

describe('findCategory', () => {
  const tree: Category[] = [
    { id: 'safety', label: '安全隐患', defaultClass: 'emergency', children: [{ id: 'fire', label: '消防' }, { id: 'noise', label: '噪声', defaultClass: 'routine' }] },
    { id: 'other', label: '其他', children: [] },
  ];

  it('a leaf is labelled with its parent, as 上级/分类', () => {
    expect(findCategory(tree, 'fire')).toEqual({ id: 'fire', label: '安全隐患/消防', defaultClass: 'emergency' });
  });

  it('a leaf without its own class takes its parent’s', () => {
    expect(findCategory(tree, 'fire')?.defaultClass).toBe('emergency');
  });

  it('a leaf’s own class wins over its parent’s', () => {
    expect(findCategory(tree, 'noise')?.defaultClass).toBe('routine');
  });

  it('a top-level category without children can be reported, under its own label, as 一般性 unless it says otherwise', () => {
    expect(findCategory(tree, 'other')).toEqual({ id: 'other', label: '其他', defaultClass: 'routine' });
  });

  it('a top-level category with children cannot be reported itself: the reporter picks a leaf', () => {
    expect(findCategory(tree, 'safety')).toBeUndefined();
  });

  it('an unknown id finds nothing', () => {
    expect(findCategory(tree, 'unknown')).toBeUndefined();
    expect(findCategory([], 'fire')).toBeUndefined();
  });
});

describe('duplicateCategoryIds', () => {
  it('names an id used by a leaf and a top-level category', () => {
    const tree: Category[] = [
      { id: 'other', label: '其他', children: [] },
      { id: 'help', label: '民生求助', children: [{ id: 'other', label: '其他求助' }] },
    ];
    expect(duplicateCategoryIds(tree)).toEqual(['other']);
  });

  it('names an id used by two leaves of different parents, once however often it repeats', () => {
    const leaf = { id: 'noise', label: '噪声' };
    const tree: Category[] = [
      { id: 'a', label: '甲', children: [leaf, leaf] },
      { id: 'b', label: '乙', children: [leaf] },
    ];
    expect(duplicateCategoryIds(tree)).toEqual(['noise']);
  });

  it('finds nothing in a tree of unique ids', () => {
    expect(duplicateCategoryIds([{ id: 'a', label: '甲', children: [{ id: 'b', label: '乙' }] }])).toEqual([]);
  });
});
