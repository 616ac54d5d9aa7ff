/**
 * The grid a board is for, from how the resident arrived:
 * - the QR code: `scene` is the grid id (wxacode.getUnlimited, URL-encoded by WeChat);
 * - a shared card or the H5 URL: `?gridId=…`.
 */
export function gridIdFromParams(params: Partial<Record<string, string>>): string | null {
  if (params.gridId) return safeDecode(params.gridId);
  if (params.scene) {
    const scene = safeDecode(params.scene);
    // A scene may also be written as a query ("gridId=grid-a1") by hand-made codes.
    const fromQuery = /(?:^|&)gridId=([^&]+)/.exec(scene);
    return fromQuery ? fromQuery[1] : scene;
  }
  return null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
