import Taro from '@tarojs/taro';
import { pickPhotos, type PickedPhoto } from '../photo-picker';

/**
 * The one place weapp and H5 differ for the grid pages: phone calls, copying, photos and files.
 * `process.env.TARO_ENV` is a build-time constant, so each build keeps only its own branch.
 */
export const isH5 = process.env.TARO_ENV === 'h5';

/** The path a shared card or QR code opens: the board of one grid. */
export function boardPath(gridId: string): string {
  return `/pages/grid/index?gridId=${encodeURIComponent(gridId)}`;
}

/** H5 only: the full address of a grid's board (hash routing, see config/index.ts). */
export function boardUrl(gridId: string): string {
  if (!isH5) return boardPath(gridId);
  return `${window.location.origin}${window.location.pathname}#${boardPath(gridId)}`;
}

/** weapp: the system dialer. (H5 uses a real tel: link instead, see components/call-button.) */
export function callPhone(phone: string): void {
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
}

/** Copies text and says so in a toast; Taro implements setClipboardData on H5 with execCommand('copy'). */
export async function copyText(text: string, doneMessage: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text });
    await Taro.showToast({ title: doneMessage, icon: 'success', duration: 2000 });
    return true;
  } catch {
    await Taro.showToast({ title: '复制失败，请长按链接复制', icon: 'none', duration: 2500 });
    return false;
  }
}

/** Lets the user pick one photo (album or camera) and reads it as base64; null when they cancel. */
export async function pickPhotoAsBase64(): Promise<PickedPhoto | null> {
  const [photo] = await pickPhotos(1);
  return photo ?? null;
}

/** weapp: download the PDF and open it in WeChat's viewer (print / forward from there). H5 shows a link. */
export async function openPdf(url: string): Promise<void> {
  if (isH5) {
    window.open(url, '_blank', 'noopener');
    return;
  }
  const file = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'pdf', showMenu: true });
}

export interface MapSpot {
  latitude: number;
  longitude: number;
  name: string;
}

/**
 * H5: a map page for the spot (Amap's public marker URI, which opens the Amap app when installed).
 * Points picked in WeChat are GCJ-02, which Amap uses too; a browser's GPS point is WGS-84 and may sit
 * a few hundred metres off on the map.
 */
export function mapLinkOf(spot: MapSpot): string {
  return `https://uri.amap.com/marker?position=${spot.longitude},${spot.latitude}&name=${encodeURIComponent(spot.name)}&callnative=1`;
}

/** weapp: WeChat's own map with its 导航 button. */
export function openMap(spot: MapSpot): void {
  Taro.openLocation({ latitude: spot.latitude, longitude: spot.longitude, name: spot.name, scale: 17 }).catch(() => undefined);
}
