import Taro from '@tarojs/taro';

/**
 * The meeting's QR holds its id and code, like the activity check-in's (`gridlink-checkin?…`), so one scan
 * names both. weapp scans with the camera; H5 has no scanner, so the code is typed.
 */
export const canScan = process.env.TARO_ENV !== 'h5';

export function meetingQrText(meetingId: string, code: string): string {
  return `gridlink-checkin?meetingId=${encodeURIComponent(meetingId)}&code=${encodeURIComponent(code)}`;
}

const param = (text: string, name: string) => {
  const match = new RegExp(`[?&]${name}=([^&#]+)`).exec(text);
  return match ? decodeURIComponent(match[1]) : undefined;
};

/** Null when the user cancels, the camera fails, or the code is not a meeting's. */
export async function scanMeetingCode(): Promise<{ meetingId: string; code: string } | null> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    const meetingId = param(result, 'meetingId');
    const code = param(result, 'code');
    return meetingId && code ? { meetingId, code } : null;
  } catch {
    return null;
  }
}

/** "305 812": groups of three are easier to read out across a room. */
export const groupCode = (code: string) => code.replace(/(.{3})(?=.)/g, '$1 ');
