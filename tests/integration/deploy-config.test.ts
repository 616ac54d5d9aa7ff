/**
 * Deployment as code (ARCHITECTURE.md §8) cannot be exercised here, so its shape is checked:
 * cloudbaserc.json against cloudfunctions/*\/config.json and deploy/*.json, the security rules,
 * the declared indexes, and that the local cloud declares the same indexes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COLLECTION_NAMES, COLLECTIONS, INDEXES } from '../../deploy/collections';
import { ensureDeclaredIndexes } from '../../local-cloud/indexes';
import { CloudbaseCron } from '../../local-cloud/services/timers/cron';
import { useTestCloud } from '../support/local-cloud-harness';

const root = resolve(__dirname, '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

interface Trigger {
  name: string;
  type: string;
  config: string;
}
interface FunctionEntry {
  name: string;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  triggers?: Trigger[];
}

const rc = readJson('cloudbaserc.json');
const rcFunctions: FunctionEntry[] = rc.functions;
const functionFolders = readdirSync(join(root, 'cloudfunctions')).filter(
  (name) => !name.startsWith('_') && !name.startsWith('.') && statSync(join(root, 'cloudfunctions', name)).isDirectory(),
);
const configOf = (name: string) => {
  const path = join('cloudfunctions', name, 'config.json');
  return existsSync(join(root, path)) ? readJson(path) : {};
};
const databaseRules: Record<string, Record<string, unknown>> = readJson('deploy/database-rules.json').rules;
const storageRules: Record<string, unknown> = readJson('deploy/storage-rules.json');

/** A rule denies every client operation when each operation it names is literally `false` and read/write are named. */
const deniesClients = (rule: Record<string, unknown>) =>
  rule.read === false && rule.write === false && Object.entries(rule).every(([op, value]) => ['read', 'write', 'create', 'update', 'delete'].includes(op) && value === false);

describe('cloudbaserc.json', () => {
  test('is what deploy/sync-cloudbaserc.mjs generates from its sources (no drift)', () => {
    const run = spawnSync(process.execPath, [join(root, 'deploy', 'sync-cloudbaserc.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`).toContain('in sync');
    expect(run.status).toBe(0);
  });

  test('targets the env from {{env.ENV_ID}} (config version 2.0 dynamic variables) and the built bundles', () => {
    expect(rc.version).toBe('2.0');
    expect(rc.envId).toBe('{{env.ENV_ID}}');
    expect(rc.functionRoot).toBe('./dist/functions');
  });

  test('lists every function folder in cloudfunctions/ (except _lib) and nothing else', () => {
    expect(functionFolders.length).toBeGreaterThan(0);
    expect(rcFunctions.map((f) => f.name).sort()).toEqual([...functionFolders].sort());
  });

  test.each(functionFolders)('%s: triggers match its config.json', (name) => {
    const entry = rcFunctions.find((f) => f.name === name)!;
    const declared: Trigger[] = configOf(name).triggers ?? [];
    expect(entry.triggers ?? []).toEqual(declared.map(({ name: n, type, config }) => ({ name: n, type, config })));
  });

  test.each(functionFolders)('%s: runtime Nodejs16.13, self-contained bundle, sane limits', (name) => {
    const entry = rcFunctions.find((f) => f.name === name)!;
    expect(entry).toMatchObject({ runtime: 'Nodejs16.13', handler: 'index.main', installDependency: false });
    expect(entry.timeout).toBeGreaterThanOrEqual(1);
    expect(entry.timeout).toBeLessThanOrEqual(60);
    expect([128, 256, 512, 1024, 2048]).toContain(entry.memorySize);
    // The integration stage runs after scripts/build-functions.mjs: the deployed folder must exist.
    for (const file of ['index.js', 'package.json', 'config.json']) expect(existsSync(join(root, rc.functionRoot, name, file))).toBe(true);
  });

  test.each(functionFolders)('%s: declares its own timeout and memory with a reason, and cloudbaserc.json deploys exactly those', (name) => {
    const config = configOf(name);
    expect(typeof config.timeout).toBe('number');
    expect(typeof config.memorySize).toBe('number');
    expect(typeof config.limitsReason).toBe('string');
    expect(config.limitsReason.trim().length).toBeGreaterThan(20);
    const entry = rcFunctions.find((f) => f.name === name)!;
    expect({ timeout: entry.timeout, memorySize: entry.memorySize }).toEqual({ timeout: config.timeout, memorySize: config.memorySize });
  });

  test.each(functionFolders.filter((name) => (configOf(name).triggers ?? []).length > 0))(
    '%s: a timer run ends before its next run starts (timeout under the shortest trigger period)',
    (name) => {
      const entry = rcFunctions.find((f) => f.name === name)!;
      for (const trigger of entry.triggers ?? []) {
        const cron = new CloudbaseCron(trigger.config);
        const first = cron.nextAfter(new Date('2026-01-05T00:00:30Z'));
        const second = first ? cron.nextAfter(first) : null;
        if (!first || !second) continue;
        expect(entry.timeout * 1000).toBeLessThan(second.getTime() - first.getTime());
      }
    },
  );

  const triggers = rcFunctions.flatMap((f) => (f.triggers ?? []).map((t) => [f.name, t] as const));
  test.each(triggers.length ? triggers : [['(none)', null] as const])('%s: timer triggers have a 7-field cron and a valid name', (_fn, trigger) => {
    if (!trigger) return;
    expect(trigger.type).toBe('timer');
    expect(trigger.name).toMatch(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/);
    expect(trigger.config.trim().split(/\s+/)).toHaveLength(7);
    expect(() => new CloudbaseCron(trigger.config)).not.toThrow();
  });

  test('its database plugin block declares every collection, admin-only, with the declared indexes', () => {
    const plugin = rc.framework.plugins.database;
    expect(plugin.use).toBe('@cloudbase/framework-plugin-database');
    const collections = plugin.inputs.collections as Array<Record<string, any>>;
    expect(collections.map((c) => c.collectionName)).toEqual(COLLECTIONS.map((c) => c.name));
    for (const c of collections) {
      expect(c.aclTag).toBe('CUSTOM');
      expect(deniesClients(JSON.parse(c.aclRule))).toBe(true);
      const expected = INDEXES.filter((i) => i.collection === c.collectionName).map((i) => i.name);
      expect((c.createIndexes ?? []).map((i: { name: string }) => i.name)).toEqual(expected);
    }
  });
});

describe('collections and indexes', () => {
  test('the declared collections are exactly the app list', () => {
    expect(COLLECTIONS.map((c) => c.name)).toEqual([...COLLECTION_NAMES]);
    expect(new Set(COLLECTION_NAMES).size).toBe(COLLECTION_NAMES.length);
  });

  test('every index names a declared collection, has keys and a unique valid name', () => {
    const declared = new Set<string>(COLLECTION_NAMES);
    for (const index of INDEXES) {
      expect(declared.has(index.collection)).toBe(true);
      expect(index.keys.length).toBeGreaterThan(0);
      expect(index.name).toMatch(/^[A-Za-z0-9_]{1,64}$/);
    }
    const names = INDEXES.map((i) => `${i.collection}.${i.name}`);
    expect(new Set(names).size).toBe(names.length);
  });

  test('the hot queries have their indexes', () => {
    const shape = INDEXES.map((i) => `${i.collection}{${i.keys.map((k) => k.field).join(',')}}${i.unique ? '!' : ''}`).sort();
    expect(shape).toEqual(
      [
        'cases{gridId,state}',
        'cases{dueAt}',
        'ledger{communityId,at}',
        'ledger{streetId,at}',
        'ledger{volunteerId,year}',
        'meeting_attendance{meetingId}',
        'meeting_attendance{streetId,startAt}',
        'meeting_attendance{userId,startAt}',
        'meetings{streetId,communityId,startAt}',
        'meetings{streetId,startAt}',
        'users{openid}!',
        'grids{streetId,code}!',
        'persons{streetId}',
        'notifications{status,createdAt}',
        'points_accounts{communityId,year,earned}',
        'points_accounts{streetId,year,earned}',
        'signups{activityId}',
        // case function (issue 4): own cases, level queues, near-due sweep, timeline, in-app notifications
        'cases{reporterId,createdAt}',
        'cases{communityId,state}',
        'cases{streetId,state}',
        'cases{nearDueAt}',
        'case_events{caseId,at}',
        'notifications{toUserId,createdAt}',
        // volunteer lists paged with a cursor (issue 8 item 9): activities, ledger, redemptions, roster, gifts
        'activities{communityId,startAt}',
        'ledger{volunteerId,at}',
        'redemptions{volunteerId,at}',
        'redemptions{communityId,state,at}',
        'volunteers{communityId}',
        'rewards{communityId}',
        // case.report's one aggregation joins the caller's rate-limit windows on subject (issue 9 item 6)
        'rate_limits{subject}',
        // patrol function (issue 14): a worker's running patrol and own list, a grid's patrols, the track retention purge
        'patrols{workerId,state,startedAt}',
        'patrols{gridId,startedAt}',
        'patrols{trackPurgeAt}',
        // worklog function (issue 14): own visits, the compliance view's street weeks
        'visits{workerId,visitedAt}',
        'visits{streetId,visitedAt}',
        // statistics (issue 16): rows of a scope and period, the timer's change feed, a street-day / grid-day of cases
        'stats_daily{streetId,day}',
        'stats_daily{communityId,day}',
        'stats_daily{gridId,day}',
        'cases{updatedAt,_id}',
        'cases{streetId,createdAt}',
        'cases{gridId,createdAt}',
        // assess function (issue 16): own sheets, a run's ranking, history and quarters under one table, a month's runs
        'assessment_sheets{subjectId,current}',
        'assessment_sheets{runId,revision}',
        'assessment_sheets{streetId,ruleSetId,month}',
        'assessment_runs{streetId,month}',
        // register function (issue 15): lists by grid/community, search by keyed hashes, deadlines, purge
        'households{gridId,address}',
        'households{communityId,address}',
        'households{gridId,memberCount}',
        'residents{householdId,status}',
        'residents{gridId,status}',
        'residents{streetId,idKey}',
        'residents{streetId,nameKeys}',
        'residents{gridId,idTailKey}',
        'residents{gridId,phoneTailKey}',
        'residents{gridId,name}',
        'residents{purgeAt}',
        'register_changes{gridId,createdAt}',
        'register_changes{communityId,handover.state,handover.dueAt}',
        'register_changes{gridId,state,dueAt}',
        'tenancies{gridId,contactDueAt}',
        'grid_logs{workerId,date}',
        'grid_logs{streetId,date}',
        'cases{timeline.by,updatedAt}',
        'patrols{workerId,startedAt}',
        'patrols{streetId,startedAt}',
        'stats_monthly{streetId,month}',
        'stats_monthly{communityId,month}',
        'stats_monthly{gridId,month}',
        'stats_daily{streetId,month}',
        'stats_daily{gridId,month}',
      ].sort(),
    );
  });
});

describe('security rules', () => {
  test('every collection has a database rule, and no rule names an undeclared collection', () => {
    expect(Object.keys(databaseRules).sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  test.each([...COLLECTION_NAMES])('%s: clients read and write nothing directly', (name) => {
    expect(databaseRules[name]).toEqual({ read: false, write: false });
    expect(deniesClients(databaseRules[name])).toBe(true);
  });

  test('storage is admin-only', () => {
    expect(storageRules).toEqual({ read: false, write: false });
  });
});

/**
 * Function security rules (https://docs.cloudbase.net/cloud-function/security-rules): one JSON per
 * environment, `{ "<name>|*": { "invoke": <rule> } }`, only `true`, `false`, "auth != null" or
 * "auth.loginType != 'ANONYMOUS' && auth != null". They bind client calls only; timers still fire.
 */
describe('function security rules', () => {
  const functionRules: Record<string, { invoke: unknown }> = readJson('deploy/function-rules.json');
  const RULE_VALUES = [true, false, 'auth != null', "auth.loginType != 'ANONYMOUS' && auth != null"];
  const timerFunctions = rcFunctions.filter((f) => (f.triggers ?? []).some((t) => t.type === 'timer')).map((f) => f.name);

  test('has the wildcard, names only deployed functions, and uses only values CloudBase accepts', () => {
    expect(functionRules['*']).toEqual({ invoke: 'auth != null' });
    for (const [name, rule] of Object.entries(functionRules)) {
      if (name !== '*') expect(rcFunctions.map((f) => f.name)).toContain(name);
      expect(Object.keys(rule)).toEqual(['invoke']);
      expect(RULE_VALUES).toContainEqual(rule.invoke);
    }
  });

  test('no client may invoke a timer function; every other function stays callable', () => {
    expect(timerFunctions.length).toBeGreaterThanOrEqual(3);
    for (const f of rcFunctions) {
      const expected = timerFunctions.includes(f.name) ? false : 'auth != null';
      expect([f.name, (functionRules[f.name] ?? functionRules['*']).invoke]).toEqual([f.name, expected]);
    }
  });
});

describe('local cloud indexes', () => {
  const t = useTestCloud();

  test('ensureDeclaredIndexes declares every index field on the database service', () => {
    const calls: Array<[string, string[]]> = [];
    const declared = ensureDeclaredIndexes({ ensureIndex: (collection, paths) => void calls.push([collection, paths]) });
    expect(declared).toBe(INDEXES);
    expect(calls).toEqual(INDEXES.map((i) => [i.collection, i.keys.map((k) => k.field)]));
  });

  test('on the real local database the escalation sweep query uses the dueAt index', async () => {
    ensureDeclaredIndexes(t.database);
    ensureDeclaredIndexes(t.database); // idempotent
    const now = new Date('2026-06-01T00:00:00Z');
    const docs = Array.from({ length: 50 }, (_unused, i) => ({
      _id: `case-${i}`,
      gridId: 'g1',
      state: 'open',
      dueAt: new Date(now.getTime() + (i < 5 ? -60_000 : 60_000) * (i + 1)),
    }));
    await t.db.collection('cases').add(docs as never);
    await fetch(`${t.cloud.baseUrl}/internal/db/stats/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const _ = t.db.command;
    const { data } = await t.db.collection('cases').where({ dueAt: _.lte(now) }).get();
    expect(data).toHaveLength(5);
    const stats = (await (await fetch(`${t.cloud.baseUrl}/internal/db/stats`)).json()) as { lastQuery: { scanned: number; usedIndexes: string[] } };
    expect(stats.lastQuery.usedIndexes).toEqual(['dueAt']);
    expect(stats.lastQuery.scanned).toBe(5);
  });
});
