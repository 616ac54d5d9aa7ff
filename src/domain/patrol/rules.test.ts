import { categoryTreeSchema } from '../case/api';
import { DEFAULT_CATEGORIES } from '../case/categories';
import { buildingIdOfScene, buildingScene } from './building-code';
import { EIGHT_REPORT_ITEMS, eightReportSheet } from './eight-reports';
import { DEFAULT_PATROL_RULES, PATROL_RULE_KEYS, patrolRuleOverridesSchema, resolvePatrolRules } from './rules';
import { isSampled } from './sampling';

describe('the street\'s patrol rules', () => {
  it('every default has a reason and lies within its own range', () => {
    for (const key of PATROL_RULE_KEYS) {
      const r = DEFAULT_PATROL_RULES[key];
      expect(r.reason.length).toBeGreaterThan(5);
      expect(r.value).toBeGreaterThanOrEqual(r.min);
      expect(r.value).toBeLessThanOrEqual(r.max);
    }
  });

  it('samples one point per 30–60 s, as the issue asks', () => {
    expect(DEFAULT_PATROL_RULES.minPointIntervalSeconds).toMatchObject({ min: 30, max: 60 });
  });

  it('takes a street\'s override with its reason, and refuses one out of range or without a reason, naming the field', () => {
    const ok = patrolRuleOverridesSchema.parse({ trackRetentionDays: { value: 30, reason: '本街道只留一个月' } });
    expect(resolvePatrolRules(ok).trackRetentionDays).toBe(30);
    expect(resolvePatrolRules(ok).minPointIntervalSeconds).toBe(30);
    const out = patrolRuleOverridesSchema.safeParse({ minPointIntervalSeconds: { value: 5, reason: '更密' } });
    expect(out.success ? [] : out.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['minPointIntervalSeconds.value', '轨迹点最短间隔（秒）应在 30–60 之间']]);
    expect(patrolRuleOverridesSchema.safeParse({ maxPatrolMinutes: { value: 600, reason: '' } }).success).toBe(false);
  });
});

describe('八必报 sheet (003 L164)', () => {
  it('lists the eight items in order, each on a category of the default tree with that category\'s class', () => {
    const rows = eightReportSheet(DEFAULT_CATEGORIES, undefined);
    expect(rows.map((r) => r.label)).toEqual(['消防设施损坏', '消防车道堵塞', '火灾隐患和消防违法行为', '居民房屋出租', '六小单位装修', '外来人员就业', '新增残障等帮扶人员', '消防安全不稳定因素']);
    expect(rows.every((r) => r.available)).toBe(true);
    expect(rows.find((r) => r.item === 'fire_lane_blocked')).toMatchObject({ categoryLabel: '安全隐患/消防车道堵塞', classLabel: '协调性' });
    expect(rows.find((r) => r.item === 'fire_hazard')).toMatchObject({ categoryId: 'fire', classLabel: '突发性' });
    expect(rows).toHaveLength(EIGHT_REPORT_ITEMS.length);
  });

  it('follows a street\'s remapping and the class its tree gives, and marks an item whose category is gone', () => {
    const tree = categoryTreeSchema.parse([{ id: 'other', label: '其他', defaultClass: 'coordination', children: [] }]);
    const rows = eightReportSheet(tree, { house_rented: { categoryId: 'other', reason: '本街道出租登记归其他' } });
    expect(rows.find((r) => r.item === 'house_rented')).toMatchObject({ categoryId: 'other', classLabel: '协调性', reason: '本街道出租登记归其他', available: true });
    expect(rows.find((r) => r.item === 'fire_hazard')).toMatchObject({ available: false });
  });
});

describe('building QR payload', () => {
  it('names the building and reads back, also URI-encoded as WeChat passes scene', () => {
    const scene = buildingScene('building-0123456789abcdef0123')!;
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(buildingIdOfScene(scene)).toBe('building-0123456789abcdef0123');
    expect(buildingIdOfScene(encodeURIComponent(scene))).toBe('building-0123456789abcdef0123');
  });

  it('is not a grid code or anything else', () => {
    expect(buildingIdOfScene('grid-a1')).toBeNull();
    expect(buildingIdOfScene('b:../x')).toBeNull();
    expect(buildingScene('a'.repeat(40))).toBeNull();
  });
});

describe('抽查 of on-the-spot findings (004 L41)', () => {
  it('picks about the configured share, always the same for the same finding', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `f-${i.toString(16).padStart(6, '0')}`);
    const share = ids.filter((id) => isSampled(id, 30)).length / ids.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
    expect(ids.map((id) => isSampled(id, 30))).toEqual(ids.map((id) => isSampled(id, 30)));
    expect(ids.every((id) => isSampled(id, 100))).toBe(true);
    expect(ids.some((id) => isSampled(id, 0))).toBe(false);
  });
});
