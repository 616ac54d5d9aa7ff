/** A client-made id for a create (api.ts `requestId`: 8–64 of [A-Za-z0-9_-]), so a retry creates one record. */
export function newRequestId(): string {
  const random = Math.random().toString(36).slice(2, 12).padEnd(10, '0');
  return `r${Date.now().toString(36)}${random}`;
}
