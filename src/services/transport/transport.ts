/**
 * One way of delivering `{ action, data }` to a cloud function. It resolves with the reply body as
 * received (checked by `call`), and rejects with a CallError('NETWORK') when no reply came back.
 */
export interface Transport {
  send(fn: string, action: string, data: unknown): Promise<unknown>;
}
