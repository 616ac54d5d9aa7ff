import path from 'node:path';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { contractReply, inputProblem } from './contract-replies';
import type { FunctionName } from '../../../src/domain/api';
import { appPagesOf } from '../../../scripts/app-config.cjs';

/**
 * The production weapp build (dist/weapp) run by WeChat's component test tool: `miniprogram-simulate`
 * (j-component + exparser, WeChat's own WXML compiler `wcc` for the templates) mounts each page in
 * jsdom, in one thread. `wx` is a stub that records what the page asks of WeChat: cloud calls (answered
 * from the contract's output schemas), navigation, share, subscription prompts, toasts.
 */
export const DIST = path.resolve(__dirname, '..', '..', '..', 'dist', 'weapp');

export interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
}
export const appJson: AppJson = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8'));
export const allPages = (): string[] => appPagesOf({ pages: appJson.pages, subPackages: appJson.subPackages ?? [] });

/** A recorded URL ('/pages/x/index?a=1' or 'pages/x/index') is a page of app.json. */
export const isAppPage = (url: string) => allPages().includes(url.replace(/^\//, '').split('?')[0]);

export interface Recorded {
  calls: Array<{ fn: string; action: string; data: unknown }>;
  navigations: Array<{ api: string; url: string }>;
  wxCalls: Array<{ api: string; arg: unknown }>;
  errors: string[];
}

type Replies = Record<string, unknown>;

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
const g = global as unknown as Record<string, unknown>;
for (const k of ['window', 'document', 'Event', 'CustomEvent', 'Element', 'HTMLElement', 'Node', 'navigator', 'MutationObserver', 'DocumentFragment', 'Text', 'Comment', 'TouchEvent', 'Touch']) {
  g[k] = k === 'window' ? dom.window : (dom.window as unknown as Record<string, unknown>)[k];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulate = require('miniprogram-simulate') as {
  load(p: string, o: Record<string, unknown>): string;
  render(id: string): any;
};

export const recorded: Recorded = { calls: [], navigations: [], wxCalls: [], errors: [] };
let replies: Replies = {};
let app: Record<string, any> | null = null;
const pageStack: any[] = [];
let mounting: { route: string; query: Record<string, string> } | null = null;

const NAVIGATION = ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab'];

/** The WeChat APIs the app may use; anything else is recorded and answers like a successful no-op. */
const wxStub: Record<string, unknown> = {
  cloud: {
    init: () => undefined,
    callFunction: async ({ name, data }: { name: string; data: { action: string; data: unknown } }) => {
      recorded.calls.push({ fn: name, action: data.action, data: data.data });
      const problem = inputProblem(name, data.action, data.data);
      if (problem) recorded.errors.push(problem);
      const key = `${name}.${data.action}`;
      const override = replies[key];
      if (override && typeof override === 'object' && 'ok' in (override as object)) return { result: override };
      try {
        return { result: contractReply(name as FunctionName, data.action, override) };
      } catch (e) {
        recorded.errors.push(`reply: ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      }
    },
  },
  getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667, pixelRatio: 2, statusBarHeight: 20, SDKVersion: '3.4.0', language: 'zh_CN', version: '8.0.50' }),
  getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667, pixelRatio: 2, statusBarHeight: 20 }),
  getMenuButtonBoundingClientRect: () => ({ top: 24, height: 32, right: 365, width: 87, left: 278, bottom: 56 }),
  getStorageSync: () => '',
  getStorageInfoSync: () => ({ keys: [], currentSize: 0, limitSize: 10240 }),
  setStorageSync: () => undefined,
  removeStorageSync: () => undefined,
  nextTick: (fn: () => void) => setTimeout(fn, 0),
  // Foreground location during a patrol (issue 14): WeChat's APIs exist, the stub answers ok and sends no points.
  startLocationUpdate: (o: { success?: (r: unknown) => void; complete?: () => void } = {}) => {
    recorded.wxCalls.push({ api: 'startLocationUpdate', arg: {} });
    o.success?.({ errMsg: 'startLocationUpdate:ok' });
    o.complete?.();
  },
  stopLocationUpdate: (o: { success?: (r: unknown) => void; complete?: () => void } = {}) => {
    o.success?.({ errMsg: 'stopLocationUpdate:ok' });
    o.complete?.();
  },
  onLocationChange: () => undefined,
  offLocationChange: () => undefined,
  // The offline queue (issue 14 item 7) syncs when the network returns.
  onNetworkStatusChange: () => undefined,
  offNetworkStatusChange: () => undefined,
  // WeChat's prompt, answered as if the user tapped 允许 for every template.
  requestSubscribeMessage: (o: { tmplIds: string[]; success?: (r: unknown) => void; complete?: () => void }) => {
    recorded.wxCalls.push({ api: 'requestSubscribeMessage', arg: { tmplIds: o.tmplIds } });
    o.success?.({ errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(o.tmplIds.map((id) => [id, 'accept'])) });
    o.complete?.();
  },
  // The dashboard's Canvas 2D charts look up their canvas node; the simulator has none, so the query
  // answers [null] as WeChat does for a node it cannot find (the chart's plain table still shows).
  createSelectorQuery: () => {
    const query = {
      in: () => query,
      select: () => query,
      selectAll: () => query,
      fields: () => query,
      boundingClientRect: () => query,
      exec: (cb?: (res: unknown[]) => void) => setTimeout(() => cb?.([null]), 0),
    };
    recorded.wxCalls.push({ api: 'createSelectorQuery', arg: {} });
    return query;
  },
  canIUse: () => true,
  env: { USER_DATA_PATH: 'wxfile://usr' },
};
for (const api of NAVIGATION) {
  wxStub[api] = (o: { url: string; success?: (r: { errMsg: string }) => void; complete?: () => void }) => {
    recorded.navigations.push({ api, url: o.url });
    o.success?.({ errMsg: `${api}:ok` });
    o.complete?.();
  };
}
g.wx = new Proxy(wxStub, {
  get(target, key) {
    if (key in target || typeof key !== 'string' || key === 'then' || key === 'webpackJsonp') return target[key as string];
    // An API not stubbed above: record it and succeed, so a test can assert on it.
    return (arg?: { success?: (r: unknown) => void; complete?: () => void }) => {
      recorded.wxCalls.push({ api: key, arg });
      const res = { errMsg: `${key}:ok` };
      arg?.success?.(res);
      arg?.complete?.();
      return undefined;
    };
  },
});
g.App = (options: Record<string, any>) => {
  app = options;
};
g.getApp = () => app;
g.getCurrentPages = () => pageStack;

const simulatedComponent = g.Component as (o: Record<string, unknown>) => void;
/** Taro calls Page(config); j-component knows components: the page becomes one, with WeChat's page lifecycle. */
g.Page = (options: Record<string, any>) => {
  const methods: Record<string, (...a: unknown[]) => unknown> = {};
  for (const [k, v] of Object.entries(options)) if (typeof v === 'function') methods[k] = v;
  simulatedComponent({
    data: options.data,
    methods,
    lifetimes: {
      attached(this: any) {
        // Read at attach time: a page is registered once (webpack runs its module once) and mounted many times.
        const { route, query } = mounting ?? { route: '', query: {} };
        this.route = route;
        this.__route__ = route;
        this.options = query;
        pageStack.push(this);
        methods.onLoad?.call(this, query);
        methods.onShow?.call(this);
      },
      ready(this: any) {
        methods.onReady?.call(this);
      },
    },
  });
};

const originalError = console.error;
console.error = (...args: unknown[]) => {
  recorded.errors.push(`console.error: ${args.map(String).join(' ')}`);
};
process.on('unhandledRejection', (e) => recorded.errors.push(`unhandled rejection: ${e instanceof Error ? e.stack : String(e)}`));

let appLoaded = false;
const loaded = new Map<string, string>();
function loadApp(): void {
  if (appLoaded) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(DIST, 'app.js'));
  if (!app) throw new Error('app.js did not call App()');
  app.onLaunch?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 });
  app.onShow?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 });
  appLoaded = true;
}

export interface MountedPage {
  route: string;
  text(): string;
  /** Taps the innermost element whose text is exactly `label` (or contains it), letting the tap bubble like WeChat's. */
  tap(label: string): Promise<void>;
  share(): unknown;
  instance: any;
}

/** Clears what was recorded and sets the replies for the next mount (`fn.action` → data overrides, or a whole `{ ok:false }` reply). */
export function resetRecorded(next: Replies = {}): void {
  recorded.calls = [];
  recorded.navigations = [];
  recorded.wxCalls = [];
  recorded.errors = [];
  replies = next;
}

export async function mountPage(route: string, query: Record<string, string> = {}): Promise<MountedPage> {
  loadApp();
  pageStack.length = 0;
  mounting = { route, query };
  let id = loaded.get(route);
  if (!id) {
    id = simulate.load(path.join(DIST, route), { rootPath: DIST });
    loaded.set(route, id);
  }
  const comp = simulate.render(id);
  const parent = document.createElement('parent-wrapper');
  comp.attach(parent);
  mounting = null;
  await settle();
  const instance = pageStack[pageStack.length - 1];
  return {
    route,
    instance,
    text: () => (comp.dom as HTMLElement).textContent ?? '',
    async tap(label: string) {
      const el = findByText(comp.dom as HTMLElement, label);
      if (!el) throw new Error(`no element with text "${label}" on ${route}: ${(comp.dom as HTMLElement).textContent}`);
      const sid = el.closest('[data-sid]')?.getAttribute('data-sid');
      const target = sid ? comp.querySelector(`#${sid}`) : null;
      if (!target) throw new Error(`element "${label}" on ${route} has no tappable node`);
      target.dispatchEvent('tap', { bubbles: true });
      await settle();
    },
    share() {
      const fn = instance?.onShareAppMessage;
      return typeof fn === 'function' ? fn.call(instance, { from: 'menu' }) : undefined;
    },
  };
}

function findByText(root: HTMLElement, label: string): HTMLElement | null {
  const all = Array.from(root.querySelectorAll<HTMLElement>('*'));
  const exact = all.filter((e) => e.textContent?.trim() === label);
  return exact[exact.length - 1] ?? null;
}

/** Lets promises, timers and setData callbacks run (replies resolve in microtasks; React schedules with timeouts). */
export async function settle(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 15));
}

export function restoreConsole(): void {
  console.error = originalError;
}
