import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, sendJson } from '../../core/http';
import type { LocalCloudService, Route, ServiceContext } from '../../core/service';
import type { FunctionsService } from '../functions';
import { CloudbaseCron } from './cron';

export interface TimersServiceOptions {
  /** Fire triggers on their schedule (real time). Tests turn this off and use run-now. */
  enabled: boolean;
}

interface ScheduledTrigger {
  functionName: string;
  triggerName: string;
  cron: CloudbaseCron;
  nextAt: Date | null;
  handle?: NodeJS.Timeout;
}

// setTimeout overflows past ~24.8 days; long waits are re-armed in steps.
const MAX_WAIT_MS = 24 * 3_600_000;

/** Timer triggers from each bundle's config.json, run on schedule like CloudBase's timer service. */
export class TimersService implements LocalCloudService {
  readonly name = 'timers';
  private ctx!: ServiceContext;
  private triggers: ScheduledTrigger[] = [];
  private stopped = false;

  constructor(private readonly options: TimersServiceOptions) {}

  start(ctx: ServiceContext): void {
    this.ctx = ctx;
    this.stopped = false;
    const bundles = this.functions().bundles;
    this.triggers = bundles.names().flatMap((functionName) =>
      bundles.timerTriggers(functionName).map((t) => ({ functionName, triggerName: t.name, cron: new CloudbaseCron(t.config), nextAt: null })),
    );
    if (this.options.enabled) for (const trigger of this.triggers) this.arm(trigger);
  }

  stop(): void {
    this.stopped = true;
    for (const trigger of this.triggers) clearTimeout(trigger.handle);
  }

  routes(): Route[] {
    return [
      { method: 'GET', path: '/internal/timers', testOnly: true, handler: (_req, res) => sendJson(res, 200, this.list()) },
      { method: 'POST', path: '/internal/timers/*', testOnly: true, handler: (req, res, url) => this.runNowRoute(req, res, url) },
    ];
  }

  info(): Record<string, unknown> {
    return { enabled: this.options.enabled, triggers: this.list() };
  }

  list() {
    return this.triggers.map((t) => ({
      functionName: t.functionName,
      triggerName: t.triggerName,
      cron: t.cron.expression,
      nextAt: t.nextAt?.toISOString() ?? null,
    }));
  }

  /** Runs a timer function now, with the event CloudBase sends and the local clock's time. */
  async runNow(functionName: string, triggerName?: string): Promise<unknown> {
    const name = triggerName ?? this.triggers.find((t) => t.functionName === functionName)?.triggerName ?? 'manual';
    return this.fire(functionName, name, new Date(this.ctx.clock.now()));
  }

  private arm(trigger: ScheduledTrigger): void {
    if (this.stopped) return;
    trigger.nextAt = trigger.nextAt ?? trigger.cron.nextAfter(new Date());
    if (!trigger.nextAt) return;
    const wait = trigger.nextAt.getTime() - Date.now();
    trigger.handle = setTimeout(() => {
      if (wait > MAX_WAIT_MS) return this.arm(trigger);
      const firedFor = trigger.nextAt as Date;
      trigger.nextAt = trigger.cron.nextAfter(firedFor);
      this.arm(trigger);
      // CloudBase fires even if the previous run is still going; versioned writes make that safe.
      this.fire(trigger.functionName, trigger.triggerName, firedFor).catch((err) => {
        console.error(`[timers] ${trigger.functionName}/${trigger.triggerName} failed`, err);
      });
    }, Math.max(0, Math.min(wait, MAX_WAIT_MS)));
    // Scheduled work alone must not keep a finished test process alive.
    trigger.handle.unref();
  }

  private fire(functionName: string, triggerName: string, time: Date): Promise<unknown> {
    const event = { Type: 'Timer', TriggerName: triggerName, Time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'), Message: '' };
    return this.functions().invoke(functionName, event, { kind: 'timer' });
  }

  private async runNowRoute(_req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const [functionName, suffix] = decodeURIComponent(url.pathname.slice('/internal/timers/'.length)).split('/');
    if (suffix !== 'run' || !this.functions().bundles.has(functionName)) {
      throw new HttpError(404, 'NOT_FOUND', `找不到定时函数“${functionName}”（用法：POST /internal/timers/<函数名>/run）`);
    }
    const trigger = url.searchParams.get('trigger') ?? undefined;
    try {
      sendJson(res, 200, await this.runNow(functionName, trigger));
    } catch (err) {
      console.error(`[timers] ${functionName} threw`, err);
      sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' } });
    }
  }

  private functions(): FunctionsService {
    return this.ctx.services.get<FunctionsService>('functions');
  }
}
