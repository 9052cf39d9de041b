import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/store/sqlite-driver.js';
import { openStore } from '../../src/store/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const writer = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hubflow-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the writer until it has written `minScenarios`, then SIGKILLs it. Returns the last count it printed. */
function writeThenKill(file: string, minScenarios: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let last = 0;
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = chunk.trim().split('\n');
      last = Number(lines[lines.length - 1]);
      if (!killed && last >= minScenarios) {
        killed = true;
        // Kill a moment later, at an arbitrary point of the write loop.
        setTimeout(() => child.kill('SIGKILL'), 7);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(last);
      else reject(new Error(`writer exited with ${code}: ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it('leaves an intact, consistent database when killed mid-write', async () => {
    const file = join(dir, 'crash.db');
    const printed = await writeThenKill(file, 15);
    expect(printed).toBeGreaterThanOrEqual(15);
    // Killed without a checkpoint: the write-ahead log is still there and must be recovered.
    expect(existsSync(`${file}-wal`)).toBe(true);

    const db = openSqlite(file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const scenarios = db.prepare('SELECT id, name, inputs, seed FROM scenarios').all() as { id: string; name: string; inputs: string; seed: number }[];
      // Every completed loop left a scenario (or deleted it); at most one more may have been committed after the last print.
      const expected = Array.from({ length: printed }, (_, n) => n).filter((n) => n % 7 !== 0).length;
      expect(scenarios.length).toBeGreaterThanOrEqual(expected);
      expect(scenarios.length).toBeLessThanOrEqual(expected + 1);
      for (const s of scenarios) {
        const inputs = JSON.parse(s.inputs) as { count: number; values: number[] };
        expect(inputs.values.length).toBe(inputs.count);
        expect(s.name).toBe(`crash ${s.seed}`);
        expect(inputs.values[1]).toBe(0.5 + s.seed);
      }
      const orphans = db.prepare('SELECT COUNT(*) AS n FROM runs WHERE scenario_id NOT IN (SELECT id FROM scenarios)').get() as { n: number };
      expect(orphans.n).toBe(0);
      const runs = db.prepare('SELECT status, result FROM runs').all() as { status: string; result: string | null }[];
      for (const r of runs) {
        if (r.status === 'done') expect((JSON.parse(r.result as string) as { kpis: object }).kpis).toBeDefined();
        else expect(r.result).toBeNull();
      }
    } finally {
      db.close();
    }

    // The store opens it again and keeps working.
    const store = openStore({ file });
    const s = await store.createScenario({ name: 'after', kind: 'vrp', inputs: {} });
    expect((await store.getScenario(s.id)).name).toBe('after');
    await store.close();
  });
});
