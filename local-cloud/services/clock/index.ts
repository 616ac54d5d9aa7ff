import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import { DomainError } from '../../../src/domain/errors';
import { parseInput } from '../../../src/domain/validation';
import { HttpError, readBody, sendJson } from '../../core/http';
import type { LocalCloudService, Route, ServiceContext } from '../../core/service';

const clockCommandSchema = z
  .object({
    reset: z.literal(true).optional().describe('恢复真实时间'),
    set: z.iso.datetime({ offset: true }).optional().describe('设置时间'),
    advanceMs: z.number().int().optional().describe('前进毫秒数'),
    freeze: z.literal(true).optional().describe('冻结时间'),
  })
  .strict();

/**
 * Test control of the clock functions read (`context.gridlinkClock`): set, advance, freeze, reset.
 * Mounted only in dev/test mode.
 */
export class ClockControlService implements LocalCloudService {
  readonly name = 'clock';
  private ctx!: ServiceContext;
  // Clock keeps its frozen state private; the control tracks it to report it.
  private frozen = false;

  start(ctx: ServiceContext): void {
    this.ctx = ctx;
  }

  stop(): void {}

  reset(): void {
    this.ctx.clock.reset();
    this.frozen = false;
  }

  routes(): Route[] {
    return [
      { method: 'GET', path: '/internal/clock', testOnly: true, handler: (_req, res) => sendJson(res, 200, this.state()) },
      { method: 'POST', path: '/internal/clock', testOnly: true, handler: (req, res) => this.command(req, res) },
    ];
  }

  private state() {
    return { now: new Date(this.ctx.clock.now()).toISOString(), frozen: this.frozen };
  }

  /** Applies in a fixed order — reset, set, advance, freeze — so one request can combine them. */
  private async command(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let command: z.infer<typeof clockCommandSchema>;
    try {
      command = parseInput(clockCommandSchema, JSON.parse((await readBody(req)).toString('utf8') || '{}'));
    } catch (err) {
      if (err instanceof DomainError) return sendJson(res, 400, { ok: false, error: err.toBody() });
      throw new HttpError(400, 'INVALID_INPUT', '请求内容不是有效的 JSON');
    }
    const { clock } = this.ctx;
    if (command.reset) this.reset();
    if (command.set) clock.set(Date.parse(command.set));
    if (command.advanceMs !== undefined) clock.advance(command.advanceMs);
    if (command.freeze) {
      // Exactly at the instant asked for (a loaded machine once froze it 1 ms late).
      clock.freeze(command.set ? Date.parse(command.set) + (command.advanceMs ?? 0) : undefined);
      this.frozen = true;
    }
    sendJson(res, 200, this.state());
  }
}
