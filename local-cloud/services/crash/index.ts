import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import { DomainError } from '../../../src/domain/errors';
import { parseInput } from '../../../src/domain/validation';
import { HttpError, readBody, sendJson } from '../../core/http';
import type { LocalCloudService, Route, ServiceContext } from '../../core/service';
import type { DatabaseService } from '../database';
import type { FunctionsService } from '../functions';

const armSchema = z
  .object({
    afterWrites: z.number().int().min(1).optional().describe('第几次写入后崩溃'),
    disarm: z.literal(true).optional().describe('取消'),
  })
  .strict();

/** What the last finished function call wrote: a walker crashes after write 1, 2, … `writes`. */
export interface CallWrites {
  functionName: string;
  action: unknown;
  writes: number;
}

interface CurrentCall {
  functionName: string;
  action: unknown;
  writes: number;
  crashAfter: number | null;
}

/**
 * Test control for "crash at every write" walks (dev/test mode only): armed with N, the local cloud's
 * process dies like `kill -9` right after the Nth durable database write (insert, update, remove or
 * transaction commit through the admin API) made during the next function call — the write is on disk,
 * its caller never hears back. Every finished call's write count is kept, so a test learns how many
 * crash points a call has. Writes are attributed by time (between the call's start and end), so a walk
 * must run one call at a time, with timers off.
 */
export class CrashControlService implements LocalCloudService {
  readonly name = 'crash';
  private armedAfter: number | null = null;
  private current: CurrentCall | null = null;
  private lastCall: CallWrites | null = null;
  private active = false;

  constructor(private readonly die: () => void = () => process.kill(process.pid, 'SIGKILL')) {}

  start(ctx: ServiceContext): void {
    // Never wired outside dev/test: in serve mode nothing can arm it and nothing is counted.
    this.active = ctx.mode !== 'serve';
    if (!this.active) return;
    ctx.services.get<DatabaseService>('database').onDurableWrite(() => this.afterWrite());
    ctx.services.get<FunctionsService>('functions').onInvoke((functionName, event) => this.beginCall(functionName, event));
  }

  stop(): void {}

  reset(): void {
    this.armedAfter = null;
    this.lastCall = null;
  }

  routes(): Route[] {
    return [
      { method: 'GET', path: '/internal/crash', testOnly: true, handler: (_req, res) => sendJson(res, 200, this.state()) },
      { method: 'POST', path: '/internal/crash', testOnly: true, handler: (req, res) => this.command(req, res) },
    ];
  }

  private state() {
    return { armedAfterWrites: this.armedAfter, lastCall: this.lastCall };
  }

  private beginCall(functionName: string, event: unknown): () => void {
    // A call started while another runs is counted into the outer one (see the class comment).
    if (this.current) return () => {};
    const action = (event as { action?: unknown } | null)?.action;
    const call: CurrentCall = { functionName, action, writes: 0, crashAfter: this.armedAfter };
    this.armedAfter = null;
    this.current = call;
    return () => {
      this.current = null;
      this.lastCall = { functionName, action, writes: call.writes };
    };
  }

  private afterWrite(): void {
    const call = this.current;
    if (!call) return;
    call.writes += 1;
    if (call.crashAfter !== null && call.writes >= call.crashAfter) {
      call.crashAfter = null;
      console.error(`[local-cloud] crash control: dying after write ${call.writes} of ${call.functionName}`);
      this.die();
    }
  }

  private async command(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let command: z.infer<typeof armSchema>;
    try {
      command = parseInput(armSchema, JSON.parse((await readBody(req)).toString('utf8') || '{}'));
    } catch (err) {
      if (err instanceof DomainError) return sendJson(res, 400, { ok: false, error: err.toBody() });
      throw new HttpError(400, 'INVALID_INPUT', '请求内容不是有效的 JSON');
    }
    if (command.disarm) this.armedAfter = null;
    else if (command.afterWrites !== undefined) this.armedAfter = command.afterWrites;
    else throw new HttpError(400, 'INVALID_INPUT', '请给出 afterWrites（第几次写入后崩溃）或 disarm');
    sendJson(res, 200, this.state());
  }
}
