import Taro from '@tarojs/taro';

/**
 * The activity code a volunteer scans at the place. weapp: the camera (`Taro.scanCode`); H5 has no scanner,
 * so the check-in page shows a code field instead.
 */
export const canScan = process.env.TARO_ENV !== 'h5';

export interface ScannedCode {
  /** Present when the QR is the check-in page's path (see `checkInQrText`). */
  activityId?: string;
  code: string;
}

/** Null when the user cancels or the camera fails. */
export async function scanActivityCode(): Promise<ScannedCode | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return parseCheckInQr(res.result);
  } catch {
    return null;
  }
}

const param = (text: string, name: string) => {
  const match = new RegExp(`[?&]${name}=([^&#]+)`).exec(text);
  return match ? decodeURIComponent(match[1]) : undefined;
};

/** What the organiser's QR holds: the activity and its code, so one scan names both (short: a smaller QR is easier to scan). */
export function checkInQrText(activityId: string, code: string): string {
  return `gridlink-checkin?activityId=${encodeURIComponent(activityId)}&code=${encodeURIComponent(code)}`;
}

/** A QR of `checkInQrText`, or a bare code (then the page must already know the activity). */
export function parseCheckInQr(text: string): ScannedCode {
  const code = param(text, 'code');
  return code ? { activityId: param(text, 'activityId'), code } : { code: text.trim() };
}

/** The code as typed: spaces (the organiser's page shows it in groups of three) and capitals don't matter. */
export function normalizeCode(typed: string): string {
  return typed.replace(/\s+/g, '').toLowerCase();
}

/** "305 812": groups of three are easier to read out and type than one long string. */
export function groupCode(code: string): string {
  return code.replace(/(.{3})(?=.)/g, '$1 ');
}
