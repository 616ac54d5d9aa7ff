/**
 * Which on-the-spot findings the grid chief checks (抽查, 004 L41): decided from the finding's id, so
 * the same finding is always in or out (a retry cannot change it) and a worker cannot steer it by
 * timing. FNV-1a over the id, then its share of 100.
 */
export function isSampled(findingId: string, samplePercent: number): boolean {
  if (samplePercent <= 0) return false;
  if (samplePercent >= 100) return true;
  let hash = 0x811c9dc5;
  for (let i = 0; i < findingId.length; i += 1) {
    hash ^= findingId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 100 < samplePercent;
}
