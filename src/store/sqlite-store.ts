/**
 * The embedded default `ScenarioStore`: one SQLite file in WAL mode, every
 * write in a transaction, foreign keys on (deleting a scenario deletes its runs).
 */
import { randomUUID } from 'node:crypto';
import { InputError, NotFoundError } from '../shared/errors.js';
import { migrate } from './migrations.js';
import type { SqliteDatabase, SqliteStatement } from './sqlite-driver.js';
import type {
  NewScenario,
  Page,
  PageOptions,
  Run,
  RunOutcome,
  RunStatus,
  Scenario,
  ScenarioKind,
  ScenarioListOptions,
  ScenarioStore,
} from './types.js';
import { FINAL_RUN_STATUSES } from './types.js';
import {
  checkId,
  checkKind,
  checkName,
  checkNewScenario,
  checkOutcome,
  checkPage,
  checkProgress,
  checkStatus,
  parseJsonObject,
} from './validate.js';

interface ScenarioRow {
  id: string;
  name: string;
  kind: string;
  inputs: string;
  seed: number;
  created_at: string;
  updated_at: string;
}

interface RunRow {
  id: string;
  scenario_id: string;
  status: RunStatus;
  progress: number;
  result: string | null;
  error: string | null;
  job_id: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** Injectable clock and ids (tests pin them). */
export interface SqliteStoreOptions {
  /** Clock for timestamps (default: the wall clock). */
  now?: () => Date;
  /** Id generator (default: crypto.randomUUID). */
  newId?: () => string;
}

function toScenario(row: ScenarioRow): Scenario {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ScenarioKind,
    inputs: parseJsonObject(row.inputs),
    seed: row.seed,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRun(row: RunRow): Run {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    status: row.status,
    progress: row.progress,
    result: row.result === null ? null : parseJsonObject(row.result),
    error: row.error,
    jobId: row.job_id,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** SQLite implementation of ScenarioStore. Build it with `openStore`, which also migrates. */
export class SqliteScenarioStore implements ScenarioStore {
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly sql: Record<string, SqliteStatement>;

  /** Takes an open connection; sets WAL, foreign keys and applies migrations. */
  constructor(
    readonly db: SqliteDatabase,
    options: SqliteStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, undefined, this.now);
    const scenarioCols = 'id, name, kind, inputs, seed, created_at, updated_at';
    const runCols = 'id, scenario_id, status, progress, result, error, job_id, created_at, started_at, finished_at';
    this.sql = {
      insertScenario: db.prepare(
        `INSERT INTO scenarios (${scenarioCols}) VALUES (@id, @name, @kind, @inputs, @seed, @created_at, @updated_at)`,
      ),
      getScenario: db.prepare(`SELECT ${scenarioCols} FROM scenarios WHERE id = ?`),
      listScenarios: db.prepare(
        `SELECT ${scenarioCols} FROM scenarios ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`,
      ),
      countScenarios: db.prepare('SELECT COUNT(*) AS n FROM scenarios'),
      listScenariosByKind: db.prepare(
        `SELECT ${scenarioCols} FROM scenarios WHERE kind = ? ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`,
      ),
      countScenariosByKind: db.prepare('SELECT COUNT(*) AS n FROM scenarios WHERE kind = ?'),
      renameScenario: db.prepare('UPDATE scenarios SET name = ?, updated_at = ? WHERE id = ?'),
      deleteScenario: db.prepare('DELETE FROM scenarios WHERE id = ?'),
      insertRun: db.prepare(
        `INSERT INTO runs (id, scenario_id, status, progress, job_id, created_at) VALUES (?, ?, 'queued', 0, ?, ?)`,
      ),
      getRun: db.prepare(`SELECT ${runCols} FROM runs WHERE id = ?`),
      progressRun: db.prepare(
        `UPDATE runs SET progress = ?, status = 'running', started_at = COALESCE(started_at, ?) WHERE id = ?`,
      ),
      finishRun: db.prepare(
        `UPDATE runs SET status = @status, progress = CASE WHEN @status = 'done' THEN 1 ELSE progress END,
           result = @result, error = @error, finished_at = @finished_at WHERE id = @id`,
      ),
      listRuns: db.prepare(
        `SELECT ${runCols} FROM runs WHERE scenario_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`,
      ),
      countRuns: db.prepare('SELECT COUNT(*) AS n FROM runs WHERE scenario_id = ?'),
      latestRun: db.prepare(
        `SELECT ${runCols} FROM runs WHERE scenario_id = ? AND status = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`,
      ),
    };
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  private scenarioRow(id: string): ScenarioRow {
    const row = this.sql.getScenario.get(id) as ScenarioRow | undefined;
    if (!row) throw new NotFoundError(`store: no scenario with id ${id}`, 'id');
    return row;
  }

  private runRow(id: string): RunRow {
    const row = this.sql.getRun.get(id) as RunRow | undefined;
    if (!row) throw new NotFoundError(`store: no run with id ${id}`, 'id');
    return row;
  }

  async createScenario(input: NewScenario): Promise<Scenario> {
    const { name, kind, inputsJson, seed } = checkNewScenario(input);
    const at = this.stamp();
    const row: ScenarioRow = { id: this.newId(), name, kind, inputs: inputsJson, seed, created_at: at, updated_at: at };
    this.db.transaction(() => this.sql.insertScenario.run(row))();
    return toScenario(row);
  }

  async getScenario(id: string): Promise<Scenario> {
    return toScenario(this.scenarioRow(checkId(id)));
  }

  async listScenarios(options: ScenarioListOptions = {}): Promise<Page<Scenario>> {
    const { limit, offset } = checkPage(options);
    let rows: ScenarioRow[];
    let total: number;
    if (options.kind !== undefined) {
      const kind = checkKind(options.kind);
      const read = this.db.transaction(() => ({
        rows: this.sql.listScenariosByKind.all(kind, limit, offset) as ScenarioRow[],
        total: (this.sql.countScenariosByKind.get(kind) as { n: number }).n,
      }));
      ({ rows, total } = read());
    } else {
      const read = this.db.transaction(() => ({
        rows: this.sql.listScenarios.all(limit, offset) as ScenarioRow[],
        total: (this.sql.countScenarios.get() as { n: number }).n,
      }));
      ({ rows, total } = read());
    }
    return { items: rows.map(toScenario), total, limit, offset };
  }

  async renameScenario(id: string, name: string): Promise<Scenario> {
    checkId(id);
    const clean = checkName(name);
    const row = this.db.transaction(() => {
      const info = this.sql.renameScenario.run(clean, this.stamp(), id);
      if (info.changes === 0) throw new NotFoundError(`store: no scenario with id ${id}`, 'id');
      return this.scenarioRow(id);
    })();
    return toScenario(row);
  }

  async deleteScenario(id: string): Promise<void> {
    checkId(id);
    this.db.transaction(() => {
      const info = this.sql.deleteScenario.run(id);
      if (info.changes === 0) throw new NotFoundError(`store: no scenario with id ${id}`, 'id');
    })();
  }

  async createRun(scenarioId: string, options: { jobId?: string } = {}): Promise<Run> {
    checkId(scenarioId, 'scenarioId');
    const jobId = options.jobId === undefined ? null : checkId(options.jobId, 'jobId');
    const id = this.newId();
    const row = this.db.transaction(() => {
      if (!this.sql.getScenario.get(scenarioId)) {
        throw new NotFoundError(`store: no scenario with id ${scenarioId}`, 'scenarioId');
      }
      this.sql.insertRun.run(id, scenarioId, jobId, this.stamp());
      return this.runRow(id);
    })();
    return toRun(row);
  }

  async updateRunProgress(runId: string, progress: number): Promise<Run> {
    checkId(runId, 'runId');
    const p = checkProgress(progress);
    const row = this.db.transaction(() => {
      const current = this.runRow(runId);
      if (FINAL_RUN_STATUSES.includes(current.status)) {
        throw new InputError(`store: run ${runId} is already ${current.status}`, 'status');
      }
      this.sql.progressRun.run(p, this.stamp(), runId);
      return this.runRow(runId);
    })();
    return toRun(row);
  }

  async finishRun(runId: string, outcome: RunOutcome): Promise<Run> {
    checkId(runId, 'runId');
    const { status, resultJson, error } = checkOutcome(outcome);
    const row = this.db.transaction(() => {
      const current = this.runRow(runId);
      if (FINAL_RUN_STATUSES.includes(current.status)) {
        throw new InputError(`store: run ${runId} is already ${current.status}`, 'status');
      }
      this.sql.finishRun.run({ id: runId, status, result: resultJson, error, finished_at: this.stamp() });
      return this.runRow(runId);
    })();
    return toRun(row);
  }

  async getRun(id: string): Promise<Run> {
    return toRun(this.runRow(checkId(id)));
  }

  async listRuns(scenarioId: string, options: PageOptions = {}): Promise<Page<Run>> {
    checkId(scenarioId, 'scenarioId');
    const { limit, offset } = checkPage(options);
    const { rows, total } = this.db.transaction(() => {
      this.scenarioRow(scenarioId);
      return {
        rows: this.sql.listRuns.all(scenarioId, limit, offset) as RunRow[],
        total: (this.sql.countRuns.get(scenarioId) as { n: number }).n,
      };
    })();
    return { items: rows.map(toRun), total, limit, offset };
  }

  async latestRun(scenarioId: string, status: RunStatus = 'done'): Promise<Run | undefined> {
    checkId(scenarioId, 'scenarioId');
    checkStatus(status);
    this.scenarioRow(scenarioId);
    const row = this.sql.latestRun.get(scenarioId, status) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
