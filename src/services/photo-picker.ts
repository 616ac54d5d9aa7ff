import Taro from '@tarojs/taro';

/**
 * Photos, weapp and H5 behind one interface: pick up to `max` photos (album or camera) and read each as
 * base64 for upload. `previewUrl` shows the thumbnail until the upload's own URL replaces it.
 */
export interface PickedPhoto {
  mimeType: 'image/jpeg' | 'image/png';
  dataBase64: string;
  bytes: number;
  previewUrl: string;
}


/** [] when the user cancels. */
export async function pickPhotos(max: number): Promise<PickedPhoto[]> {
  if (max <= 0) return [];
  let paths: string[];
  try {
    const res = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    paths = res.tempFilePaths.slice(0, max);
  } catch {
    return [];
  }
  // The literal env check lets the weapp build drop the browser-only reader (fetch, FileReader).
  return Promise.all(paths.map((p) => (process.env.TARO_ENV === 'h5' ? readBlobUrl(p) : readWeappFile(p))));
}

async function readBlobUrl(url: string): Promise<PickedPhoto> {
  const blob = await (await fetch(url)).blob();
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
  const mimeType = blob.type === 'image/png' ? 'image/png' : 'image/jpeg';
  return { mimeType, dataBase64: dataUrl.slice(dataUrl.indexOf(',') + 1), bytes: blob.size, previewUrl: url };
}

function readWeappFile(filePath: string): Promise<PickedPhoto> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (res) => {
        const dataBase64 = String(res.data);
        resolve({
          mimeType: /\.png$/i.test(filePath) ? 'image/png' : 'image/jpeg',
          dataBase64,
          bytes: Math.floor((dataBase64.length * 3) / 4),
          previewUrl: filePath,
        });
      },
      fail: reject,
    });
  });
}
