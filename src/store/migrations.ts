/**
 * Numbered schema migrations for the SQLite store. Each runs in its own
 * transaction together with its row in `schema_migrations`, so a migration is
 * either fully applied and recorded or not at all. Applying is idempotent:
 * versions already recorded are skipped. Append new migrations; never edit one
 * that has shipped.
 */
import { DataError } from '../shared/errors.js';
import type { SqliteDatabase } from './sqlite-driver.js';

/** One schema step: SQL applied once, in a transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. Versions are 1, 2, 3… without gaps. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'scenarios and runs',
    sql: `
      CREATE TABLE scenarios (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL CHECK (length(name) > 0),
        kind       TEXT NOT NULL,
        inputs     TEXT NOT NULL CHECK (json_valid(inputs)),
        seed       INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE runs (
        id          TEXT PRIMARY KEY,
        scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
        status      TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        progress    REAL NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
        result      TEXT CHECK (result IS NULL OR json_valid(result)),
        error       TEXT,
        created_at  TEXT NOT NULL,
        started_at  TEXT,
        finished_at TEXT
      );
    `,
  },
  {
    version: 2,
    name: 'updated_at and list indexes',
    sql: `
      ALTER TABLE scenarios ADD COLUMN updated_at TEXT;
      UPDATE scenarios SET updated_at = created_at WHERE updated_at IS NULL;
      CREATE INDEX scenarios_by_kind ON scenarios (kind, created_at);
      CREATE INDEX scenarios_by_created ON scenarios (created_at);
      CREATE INDEX runs_by_scenario ON runs (scenario_id, created_at);
    `,
  },
  {
    version: 3,
    name: 'runs.job_id links a run to the job executing it',
    sql: `ALTER TABLE runs ADD COLUMN job_id TEXT;`,
  },
];

/** The newest schema version this code knows. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`;

/** The highest recorded migration version (0 for a new database). */
export function schemaVersion(db: SqliteDatabase): number {
  db.exec(CREATE_TABLE);
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Applies pending migrations up to `target` (default: the latest), each in an
 * IMMEDIATE transaction that re-reads the version, so two processes opening
 * the same file at once do not both apply one. Returns the versions applied.
 * A database newer than this code is refused with a DataError.
 */
export function migrate(db: SqliteDatabase, target = LATEST_VERSION, now: () => Date = () => new Date()): number[] {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new DataError(db.name, undefined, 'schema_migrations', `database schema version ${current} is newer than this hubflow knows (${LATEST_VERSION})`);
  }
  const applied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of MIGRATIONS) {
    if (m.version > target) break;
    const step = db.transaction(() => {
      if (schemaVersion(db) >= m.version) return false;
      db.exec(m.sql);
      record.run(m.version, m.name, now().toISOString());
      return true;
    });
    if (step.immediate()) applied.push(m.version);
  }
  return applied;
}
