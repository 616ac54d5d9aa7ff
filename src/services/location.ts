import Taro from '@tarojs/taro';

/** Where the problem is: an address a person can read, and coordinates when the device gave them. */
export interface PickedLocation {
  address: string;
  latitude?: number;
  longitude?: number;
}

export type LocationResult = { ok: true; location: PickedLocation } | { ok: false; message: string };

/**
 * weapp: WeChat's map picker (chooseLocation) gives address and coordinates.
 * H5: the browser's geolocation gives coordinates only; the address is typed in a text field.
 */
export async function pickLocation(): Promise<LocationResult> {
  if (process.env.TARO_ENV === 'h5') return browserPosition();
  try {
    const res = await Taro.chooseLocation({});
    const address = [res.name, res.address].filter(Boolean).join(' ');
    return { ok: true, location: { address, latitude: res.latitude, longitude: res.longitude } };
  } catch {
    return { ok: false, message: '没有选择位置。您也可以直接在下面写明地点。' };
  }
}

function browserPosition(): Promise<LocationResult> {
  return new Promise((resolve) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      resolve({ ok: false, message: '这台设备不能定位，请在下面写明地点。' });
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ ok: true, location: { address: '', latitude: p.coords.latitude, longitude: p.coords.longitude } }),
      () => resolve({ ok: false, message: '没能定位，请在下面写明地点。' }),
      { timeout: 10_000, maximumAge: 60_000 },
    );
  });
}

/** Whether this build lets the user pick on a map (weapp) or only type the address (H5). */
export const picksOnMap = process.env.TARO_ENV !== 'h5';
