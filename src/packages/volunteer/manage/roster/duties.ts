export const FLAG_LABELS = { buildingHead: '楼栋长', unitHead: '单元长', infoAssistant: '信息协管员' } as const;
export type FlagKey = keyof typeof FLAG_LABELS;
export const FLAG_KEYS = Object.keys(FLAG_LABELS) as FlagKey[];

/** "担任：楼栋长、单元长" or "普通志愿者", as on the volunteer's own profile page. */
export function dutiesText(flags: Record<FlagKey, boolean>): string {
  const held = FLAG_KEYS.filter((k) => flags[k]);
  return held.length > 0 ? `担任：${held.map((k) => FLAG_LABELS[k]).join('、')}` : '普通志愿者';
}
