
/**
 * The two grid-code schemes the sources use; a street picks one.
 * - letter: "社区代码以英文大写字母A、B、C代表,网格以阿拉伯数字代表 … A1" (000 L6)
 * - six_digit: 3 village digits + 1 type digit (1 普通, 2 专属) + 2 sequence digits (004 L364–365)
 */
export const GRID_CODE_SCHEMES = ['letter', 'six_digit'] as const;
export type GridCodeScheme = (typeof GRID_CODE_SCHEMES)[number];

export const GRID_TYPES = ['ordinary', 'dedicated'] as const;
export type GridType = (typeof GRID_TYPES)[number];
export const GRID_TYPE_LABELS: Record<GridType, string> = { ordinary: '普通网格', dedicated: '专属网格' };

/** What the community contributes to its grids' codes under each scheme. */
export interface CommunityCodePart {
  /** letter scheme: one capital letter, e.g. 'A'. */
  letter?: string;
  /** six_digit scheme: three digits, e.g. '012'. */
  villageCode?: string;
}

export type GridCodeCheck = { ok: true } | { ok: false; message: string };

const LETTER_CODE = /^([A-Z])([1-9]\d?)$/;
const SIX_DIGIT_CODE = /^(\d{3})([12])(\d{2})$/;

export function checkGridCode(scheme: GridCodeScheme, code: string, community: CommunityCodePart, type: GridType): GridCodeCheck {
  return scheme === 'letter' ? checkLetterCode(code, community) : checkSixDigitCode(code, community, type);
}

function checkLetterCode(code: string, community: CommunityCodePart): GridCodeCheck {
  const match = LETTER_CODE.exec(code);
  if (!match) return { ok: false, message: '网格编号应为社区字母加数字，如 A1' };
  if (community.letter && match[1] !== community.letter) {
    return { ok: false, message: `网格编号应以所属社区字母 ${community.letter} 开头` };
  }
  return { ok: true };
}

function checkSixDigitCode(code: string, community: CommunityCodePart, type: GridType): GridCodeCheck {
  const match = SIX_DIGIT_CODE.exec(code);
  if (!match) return { ok: false, message: '网格编号应为6位数字：3位村（社区）码＋1位类型码（1普通/2专属）＋2位序号' };
  if (community.villageCode && match[1] !== community.villageCode) {
    return { ok: false, message: `网格编号前3位应为所属社区代码 ${community.villageCode}` };
  }
  if (match[2] !== (type === 'ordinary' ? '1' : '2')) {
    return { ok: false, message: `第4位类型码应为 ${type === 'ordinary' ? '1（普通网格）' : '2（专属网格）'}` };
  }
  if (match[3] === '00') return { ok: false, message: '网格序号应从01开始' };
  return { ok: true };
}
