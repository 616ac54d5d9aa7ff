/**
 * The payload of a building's QR code (issue 14 item 1): the mini-program code's `scene` (at most 32
 * characters, wxacode.getUnlimited) names the building; the check-in page reads it back. A prefix keeps
 * a building code apart from a grid board code if one is ever scanned on the wrong page.
 */
const PREFIX = 'b:';
const SCENE_MAX = 32;

export function buildingScene(buildingId: string): string | null {
  const scene = `${PREFIX}${buildingId}`;
  return scene.length <= SCENE_MAX && /^[0-9A-Za-z_-]+$/.test(buildingId) ? scene : null;
}

/** The building id a scanned scene names, or null when it is not a building code. */
export function buildingIdOfScene(scene: string): string | null {
  const decoded = safeDecode(scene.trim());
  if (!decoded.startsWith(PREFIX)) return null;
  const id = decoded.slice(PREFIX.length);
  return /^[0-9A-Za-z_-]{1,30}$/.test(id) ? id : null;
}

/** WeChat hands `scene` to the page URI-encoded ("b%3Abuilding-…"). */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
