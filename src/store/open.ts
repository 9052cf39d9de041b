/**
 * Opens the configured scenario store. Today that is always SQLite; a
 * PostgreSQL backend would be chosen here (for example from a
 * HUBFLOW_DATABASE_URL) and callers would not change.
 */
import { mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { openSqlite } from './sqlite-driver.js';
import { SqliteScenarioStore, type SqliteStoreOptions } from './sqlite-store.js';

/** Default database file name inside the state directory. */
export const DEFAULT_DB_FILE = 'hubflow.db';

/** Where the store lives, plus SQLite options. */
export interface OpenStoreOptions extends SqliteStoreOptions {
  /** State directory (default: HUBFLOW_STATE_DIR, else `.hubflow/` in the working directory). Created if missing. */
  dir?: string;
  /** File name inside `dir`, an absolute path, or `:memory:` (default: hubflow.db). */
  file?: string;
  /** How long a write waits for another process's lock, ms (default 5000). */
  busyTimeoutMs?: number;
}

/** The state directory: `dir`, else HUBFLOW_STATE_DIR, else `.hubflow` under the working directory. */
export function stateDir(dir?: string): string {
  return resolve(dir ?? process.env.HUBFLOW_STATE_DIR ?? '.hubflow');
}

/** The database path `openStore` would use for these options. */
export function storePath(options: Pick<OpenStoreOptions, 'dir' | 'file'> = {}): string {
  const file = options.file ?? DEFAULT_DB_FILE;
  if (file === ':memory:' || isAbsolute(file)) return file;
  return join(stateDir(options.dir), file);
}

/** Opens (creating and migrating if needed) the scenario store. Close it with `close()`. */
export function openStore(options: OpenStoreOptions = {}): SqliteScenarioStore {
  const path = storePath(options);
  if (path !== ':memory:') mkdirSync(resolve(path, '..'), { recursive: true });
  const db = openSqlite(path, options.busyTimeoutMs);
  try {
    return new SqliteScenarioStore(db, options);
  } catch (err) {
    db.close();
    throw err;
  }
}
