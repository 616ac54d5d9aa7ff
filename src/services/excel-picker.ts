import Taro from '@tarojs/taro';

/** A picked .xlsx file as the import action takes it. */
export interface PickedExcel {
  name: string;
  dataBase64: string;
}

/**
 * Picks one .xlsx: in WeChat from a chat (chooseMessageFile — where staff receive the filled template), in
 * the browser from the computer (a file input). Null when the user cancels.
 */
export async function pickExcel(): Promise<PickedExcel | null> {
  // The literal env check lets the weapp build drop the browser-only reader (document, FileReader).
  return process.env.TARO_ENV === 'h5' ? pickInBrowser() : pickInWeapp();
}

async function pickInWeapp(): Promise<PickedExcel | null> {
  let file: { path: string; name: string };
  try {
    file = (await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })).tempFiles[0];
  } catch {
    return null;
  }
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({ filePath: file.path, encoding: 'base64', success: (res) => resolve({ name: file.name, dataBase64: String(res.data) }), fail: reject });
  });
}

function pickInBrowser(): Promise<PickedExcel | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    input.onchange = () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      const reader = new FileReader();
      reader.onload = () => {
        const dataUrl = String(reader.result);
        resolve({ name: file.name, dataBase64: dataUrl.slice(dataUrl.indexOf(',') + 1) });
      };
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    };
    input.click();
  });
}
