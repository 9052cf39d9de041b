/**
 * The few better-sqlite3 calls the store uses, typed here so the package
 * needs no @types dependency. better-sqlite3 is synchronous; the store wraps
 * it behind the asynchronous `ScenarioStore` interface.
 * Pinned to 12.x: 13.x crashes on Node 20.
 */
import { createRequire } from 'node:module';

/** A prepared statement. Named parameters are written `@name` and bound from an object. */
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/** A function wrapped in a transaction; `.immediate` takes the write lock at BEGIN. */
export type SqliteTransaction<F extends (...args: never[]) => unknown> = F & { immediate: F; deferred: F; exclusive: F };

/** An open database connection. */
export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): SqliteDatabase;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  transaction<F extends (...args: never[]) => unknown>(fn: F): SqliteTransaction<F>;
  close(): SqliteDatabase;
  readonly open: boolean;
  readonly inTransaction: boolean;
  readonly name: string;
}

type DatabaseConstructor = new (file: string, options?: { timeout?: number; readonly?: boolean }) => SqliteDatabase;

let ctor: DatabaseConstructor | undefined;

/** Opens (creating if needed) a SQLite file, or `:memory:`. `busyTimeoutMs` waits for another writer's lock. */
export function openSqlite(file: string, busyTimeoutMs = 5000): SqliteDatabase {
  ctor ??= createRequire(import.meta.url)('better-sqlite3') as DatabaseConstructor;
  return new ctor(file, { timeout: busyTimeoutMs });
}
