import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestCloud } from '../support/local-cloud-harness';

const WRITER = join(__dirname, 'support', 'durable-writer.ts');
const ACKS_BEFORE_KILL = 30;

/** Runs the writer in its own node process (no npx wrapper, so SIGKILL hits the process holding SQLite). */
function writeThenKill(dataDir: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('acked ')) acked.push(line.slice(6));
      if (acked.length >= ACKS_BEFORE_KILL && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`writer exited early: ${stderr}`))));
  });
}

describe('database durability', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'gridlink-durable-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test('every acknowledged write survives kill -9 of the local cloud', async () => {
    const acked = await writeThenKill(dataDir);
    expect(acked.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
    const restarted = await startTestCloud({ dataDir });
    try {
      const { total } = await restarted.db.collection('durable').count();
      expect(total).toBeGreaterThanOrEqual(acked.length);
      const last = acked[acked.length - 1];
      const { data } = await restarted.db.collection('durable').doc(last).get();
      expect(data[0].at).toBeInstanceOf(Date);
      const { data: all } = await restarted.db.collection('durable').where({ _id: restarted.db.command.in(acked) }).limit(1000).get();
      expect(all.map((d: { _id: string }) => d._id).sort()).toEqual([...acked].sort());
    } finally {
      await restarted.stop();
    }
  }, 60000);
});
