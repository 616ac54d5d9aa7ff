import Taro from '@tarojs/taro';

/** A sampled position as the patrol stores it (device time, WGS/GCJ degrees, accuracy in metres). */
export interface SampledPoint {
  at: string;
  lat: number;
  lng: number;
  acc?: number;
}

/**
 * Foreground location sampling during a patrol (issue 14 item 1), behind one interface:
 * weapp — `startLocationUpdate` + `onLocationChange` (both declared in app.config's requiredPrivateInfos;
 * foreground only, so location is collected only while the patrol page is open); H5 — the browser's
 * `watchPosition`. Both call back far more often than a track needs, so points are throttled here to one
 * per `minIntervalMs` (the street's rule); the server thins again with the same rule.
 * Returns the function that stops sampling.
 */
export function trackLocation(minIntervalMs: number, onPoint: (p: SampledPoint) => void, onError: (message: string) => void): () => void {
  let last = -Infinity;
  const take = (lat: number, lng: number, acc: number | undefined) => {
    const now = Date.now();
    if (now - last < minIntervalMs) return;
    last = now;
    onPoint({ at: new Date(now).toISOString(), lat, lng, ...(acc !== undefined && Number.isFinite(acc) ? { acc } : {}) });
  };
  if (process.env.TARO_ENV === 'h5') return watchInBrowser(take, onError);
  const listener = (res: { latitude: number; longitude: number; accuracy?: number }) => take(res.latitude, res.longitude, res.accuracy);
  Taro.startLocationUpdate({
    type: 'gcj02',
    success: () => Taro.onLocationChange(listener),
    fail: () => onError('没能开始定位：请在设置里允许“网格通”使用位置信息，巡查计时不受影响'),
  });
  return () => {
    Taro.offLocationChange(listener);
    Taro.stopLocationUpdate({ fail: () => undefined });
  };
}

function watchInBrowser(take: (lat: number, lng: number, acc: number | undefined) => void, onError: (message: string) => void): () => void {
  if (typeof navigator === 'undefined' || !navigator.geolocation) {
    onError('这台设备不能定位，巡查计时不受影响');
    return () => undefined;
  }
  const id = navigator.geolocation.watchPosition(
    (p) => take(p.coords.latitude, p.coords.longitude, p.coords.accuracy),
    () => onError('没能定位：请允许浏览器使用位置信息，巡查计时不受影响'),
    { enableHighAccuracy: true, maximumAge: 10_000 },
  );
  return () => navigator.geolocation.clearWatch(id);
}
