/**
 * Resident identity numbers (居民身份证号码, GB 11643-1999): 6 region digits, 8 birth-date digits
 * (YYYYMMDD), 3 sequence digits whose last is odd for men and even for women, and a check character
 * computed with ISO 7064 MOD 11-2 ('X' stands for 10). Pure: no storage here — the register keeps the
 * number only encrypted (cloudfunctions/register/sealing.ts) and shows it masked.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** The check character GB 11643 assigns to the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Upper-cases a trailing x and drops spaces, the two ways a hand-typed number differs from the card. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export type IdNumberProblem = 'shape' | 'birth_date' | 'checksum';

export const ID_NUMBER_PROBLEM_TEXT: Record<IdNumberProblem, string> = {
  shape: '身份证号应为18位，最后一位可以是数字或X',
  birth_date: '身份证号中的出生日期不是有效日期',
  checksum: '身份证号校验位不对，请核对后重新填写',
};

/** Why the number is not a valid GB 11643 number, or null when it is. `today` bounds the birth date. */
export function idNumberProblem(idNumber: string, today?: string): IdNumberProblem | null {
  if (!SHAPE.test(idNumber)) return 'shape';
  const birth = birthDateOfId(idNumber);
  if (!isRealDate(birth) || birth < '1900-01-01' || (today !== undefined && birth > today)) return 'birth_date';
  if (idCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return 'checksum';
  return null;
}

/** YYYY-MM-DD from digits 7–14. */
export function birthDateOfId(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/** The 17th digit: odd for men, even for women. */
export function sexOfId(idNumber: string): 'male' | 'female' {
  return Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
}

/** The last 4 characters: what a worker types to find a person ("身份证后四位"). */
export function idTail(idNumber: string): string {
  return idNumber.slice(-4);
}

/**
 * Shown by default (PRODUCT.md §11 minimisation): the first 3 and last 4 characters, the rest starred —
 * enough to tell two people apart on a list, not enough to use the number.
 */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 7) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 3)}${'*'.repeat(idNumber.length - 7)}${idNumber.slice(-4)}`;
}

function isRealDate(iso: string): boolean {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === iso;
}
