import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/shared/errors.js';
import { LATEST_VERSION, MIGRATIONS, migrate, openStore, schemaVersion } from '../../src/store/index.js';
import { openSqlite } from '../../src/store/sqlite-driver.js';

const dir = mkdtempSync(join(tmpdir(), 'hubflow-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function columns(file: string, table: string): string[] {
  const db = openSqlite(file);
  const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  db.close();
  return cols;
}

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('upgrade a database created at migration 1 to the latest, keeping its rows', async () => {
    const file = join(dir, 'v1.db');
    const db = openSqlite(file);
    expect(migrate(db, 1)).toEqual([1]);
    db.prepare("INSERT INTO scenarios VALUES ('s1', 'old one', 'savings', '{\"periods\":4}', 3, '2025-01-01T00:00:00.000Z')").run();
    db.prepare("INSERT INTO runs (id, scenario_id, status, progress, result, created_at) VALUES ('r1', 's1', 'done', 1, '{\"kpis\":{\"x\":2}}', '2025-01-01T00:00:01.000Z')").run();
    db.close();
    expect(columns(file, 'scenarios')).not.toContain('updated_at');
    expect(columns(file, 'runs')).not.toContain('job_id');

    const store = openStore({ file });
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    const recorded = store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(recorded.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const s = await store.getScenario('s1');
    expect(s).toMatchObject({ name: 'old one', kind: 'savings', inputs: { periods: 4 }, seed: 3, updatedAt: '2025-01-01T00:00:00.000Z' });
    expect(await store.latestRun('s1')).toMatchObject({ id: 'r1', result: { kpis: { x: 2 } }, jobId: null });
    expect(columns(file, 'runs')).toContain('job_id');
    await store.close();

    // Idempotent: opening again applies nothing.
    const again = openSqlite(file);
    expect(migrate(again)).toEqual([]);
    again.close();
  });

  it('roll a failing migration back completely', () => {
    const file = join(dir, 'broken.db');
    const db = openSqlite(file);
    migrate(db, 1);
    // Make migration 2 fail half-way: its ALTER TABLE succeeds, then CREATE INDEX collides.
    db.exec('CREATE INDEX runs_by_scenario ON runs (status)');
    expect(() => migrate(db)).toThrow(/runs_by_scenario/);
    expect(schemaVersion(db)).toBe(1);
    db.close();
    expect(columns(file, 'scenarios')).not.toContain('updated_at');
  });

  it('refuse a database newer than the code', () => {
    const file = join(dir, 'future.db');
    const db = openSqlite(file);
    migrate(db);
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01')").run();
    db.close();
    expect(() => openStore({ file })).toThrow(DataError);
  });

  it('puts the file under HUBFLOW_STATE_DIR by default', async () => {
    const prev = process.env.HUBFLOW_STATE_DIR;
    process.env.HUBFLOW_STATE_DIR = join(dir, 'state');
    try {
      const store = openStore();
      expect(store.db.name).toBe(join(dir, 'state', 'hubflow.db'));
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      await store.close();
    } finally {
      if (prev === undefined) delete process.env.HUBFLOW_STATE_DIR;
      else process.env.HUBFLOW_STATE_DIR = prev;
    }
  });
});
