import * as z from 'zod';
import type { Category } from '../case/api';
import { findCategory } from '../case/categories';
import { CASE_CLASS_LABELS, type CaseClass } from '../case/case-state';

/**
 * 八必报 (003 L164): eight things a community worker must always report. Each item opens the report
 * form prefilled with a category of the street's category tree; the class is the one that category
 * has there (the case report path decides it the same way), so the sheet never promises a class the
 * case will not get. Streets remap an item to another category with a reason.
 */
export const EIGHT_REPORT_ITEMS = [
  'fire_equipment_damaged',
  'fire_lane_blocked',
  'fire_hazard',
  'house_rented',
  'small_venue_renovation',
  'outsider_employment',
  'new_assisted_person',
  'fire_instability',
] as const;
export type EightReportItem = (typeof EIGHT_REPORT_ITEMS)[number];

export interface EightReportMapping {
  label: string;
  categoryId: string;
  reason: string;
}

export const DEFAULT_EIGHT_REPORTS: Record<EightReportItem, EightReportMapping> = {
  fire_equipment_damaged: { label: '消防设施损坏', categoryId: 'fire_equipment', reason: '003 L164“消防设施损坏必报”；需物业或产权单位维修，按协调性办理' },
  fire_lane_blocked: { label: '消防车道堵塞', categoryId: 'fire_lane', reason: '003 L164“消防车道堵塞必报”；清理车道需物业、交警配合，按协调性办理' },
  fire_hazard: { label: '火灾隐患和消防违法行为', categoryId: 'fire', reason: '003 L164“发现火灾隐患和消防违法行为必报”；消防类默认突发性（PRODUCT §4）' },
  house_rented: { label: '居民房屋出租', categoryId: 'population_change', reason: '003 L164“居民房屋出租必报”；出租房屋属人口房屋变动（000 L34）' },
  small_venue_renovation: { label: '六小单位装修', categoryId: 'small_venue_renovation', reason: '003 L164“六小单位装修必报”；装修期间动火用电多，需登记跟踪' },
  outsider_employment: { label: '外来人员就业', categoryId: 'population_change', reason: '003 L164“外来人员就业必报”；外来人员属人口房屋变动（PRODUCT §4）' },
  new_assisted_person: { label: '新增残障等帮扶人员', categoryId: 'hardship', reason: '003 L164“新增残障等帮扶人员必报”；归入民生求助/困难帮扶' },
  fire_instability: { label: '消防安全不稳定因素', categoryId: 'fire', reason: '003 L164“有消防安全不稳定因素必报”；可能酿成火灾，按消防类突发性处理' },
};

/** A street's remapping of one item: another category of its tree, with the reason. */
export const eightReportOverrideSchema = z
  .object({
    categoryId: z.string().min(1).max(40).describe('分类'),
    reason: z.string().trim().min(1, '请写明调整理由').max(100, '理由不能超过 100 字').describe('理由'),
  })
  .strict();
export const eightReportOverridesSchema = z.partialRecord(z.enum(EIGHT_REPORT_ITEMS), eightReportOverrideSchema);
export type EightReportOverrides = z.infer<typeof eightReportOverridesSchema>;

export interface EightReportRow {
  item: EightReportItem;
  label: string;
  categoryId: string;
  categoryLabel: string;
  caseClass: CaseClass;
  classLabel: string;
  reason: string;
  /** False when the mapped category is missing or disabled in the street's tree: the sheet says so. */
  available: boolean;
}

/** The sheet for a street: every item, in the order of 003 L164, resolved against its category tree. */
export function eightReportSheet(activeTree: readonly Category[], overrides: EightReportOverrides | undefined): EightReportRow[] {
  return EIGHT_REPORT_ITEMS.map((item) => {
    const base = DEFAULT_EIGHT_REPORTS[item];
    const override = overrides?.[item];
    const categoryId = override?.categoryId ?? base.categoryId;
    const category = findCategory(activeTree, categoryId);
    const caseClass = category?.defaultClass ?? 'routine';
    return {
      item,
      label: base.label,
      categoryId,
      categoryLabel: category?.label ?? '（分类已停用）',
      caseClass,
      classLabel: CASE_CLASS_LABELS[caseClass],
      reason: override?.reason ?? base.reason,
      available: category !== undefined,
    };
  });
}
