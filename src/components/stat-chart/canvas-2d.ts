import Taro from '@tarojs/taro';

/**
 * The one platform difference of the charts (STYLE: one small adapter): a 2D drawing context for the
 * `<Canvas type='2d' id>` on the page, sized for the screen's pixel ratio. weapp hands the canvas node
 * through a selector query (Canvas 2D, base library ≥ 2.9.0); the H5 build renders `<taro-canvas-core
 * id>` around a real `<canvas>`. Null when the canvas is not (yet) on the page.
 */
export interface Drawing {
  context: CanvasRenderingContext2D;
  pixelRatio: number;
}

export async function canvas2d(id: string, width: number, height: number): Promise<Drawing | null> {
  const pixelRatio = Math.max(1, screenInfo().pixelRatio);
  let canvas: HTMLCanvasElement | null = null;
  if (process.env.TARO_ENV === 'h5') {
    const host = document.getElementById(id);
    canvas = host ? (host.tagName === 'CANVAS' ? (host as HTMLCanvasElement) : host.querySelector('canvas')) : null;
  } else {
    canvas = await new Promise<HTMLCanvasElement | null>((resolve) => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: HTMLCanvasElement } | null>) => resolve(res?.[0]?.node ?? null));
    });
  }
  if (!canvas) return null;
  canvas.width = Math.round(width * pixelRatio);
  canvas.height = Math.round(height * pixelRatio);
  const context = canvas.getContext('2d');
  return context ? { context, pixelRatio } : null;
}

/** Screen width and pixel ratio; a host without them (a test simulator) gets a phone's defaults. */
export function screenInfo(): { windowWidth: number; pixelRatio: number } {
  try {
    const info = Taro.getSystemInfoSync();
    return { windowWidth: info.windowWidth || 375, pixelRatio: info.pixelRatio || 1 };
  } catch {
    return { windowWidth: 375, pixelRatio: 1 };
  }
}
