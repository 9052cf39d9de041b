/** Scenarios and runs behind one interface; SQLite is the embedded default. */
export * from './types.js';
export { openStore, stateDir, storePath, DEFAULT_DB_FILE, type OpenStoreOptions } from './open.js';
export { SqliteScenarioStore, type SqliteStoreOptions } from './sqlite-store.js';
export { compare, compareScenarios, type KpiDifference, type ScenarioComparison, type ScenarioSide } from './compare.js';
export { MIGRATIONS, LATEST_VERSION, migrate, schemaVersion, type Migration } from './migrations.js';
export { MAX_NAME_LENGTH, MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT } from './validate.js';
export { trackJobInRun, type TrackOptions } from './track-job.js';
