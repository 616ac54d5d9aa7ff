import * as z from 'zod';

/** Mainland mobile numbers: 11 digits starting 13–19. */
const MOBILE = /^1[3-9]\d{9}$/;
/** Landlines as printed on duty boards: area code 0xx(x), optional dash, 7–8 digits. */
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

export const phoneSchema = z
  .string()
  .trim()
  .refine((v) => MOBILE.test(v) || LANDLINE.test(v), { message: '请填写正确的手机号或座机号（如 13812341234 或 0551-62345678）' })
  .describe('电话');

/**
 * Masks a phone outside the context it serves (PRODUCT.md §3: shown in full only on the board of the
 * grid the person serves): 13812341234 → 138****1234, 0551-62345678 → 0551-****5678.
 */
export function maskPhone(phone: string): string {
  if (MOBILE.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  const dash = phone.indexOf('-');
  const head = dash > 0 ? phone.slice(0, dash + 1) : phone.slice(0, 4);
  return `${head}****${phone.slice(-4)}`;
}
