/**
 * Input checks for the store: each failure is an InputError naming the field.
 * Shared by every backend so they reject the same things.
 */
import { InputError } from '../shared/errors.js';
import {
  RUN_STATUSES,
  SCENARIO_KINDS,
  type JsonObject,
  type NewScenario,
  type PageOptions,
  type RunOutcome,
  type RunStatus,
  type ScenarioKind,
} from './types.js';

/** Longest scenario name accepted, in characters. */
export const MAX_NAME_LENGTH = 200;
/** Page size when none is given. */
export const DEFAULT_PAGE_LIMIT = 50;
/** Largest page size accepted. */
export const MAX_PAGE_LIMIT = 500;

/** A trimmed, non-empty name of at most MAX_NAME_LENGTH characters. */
export function checkName(name: unknown, field = 'name'): string {
  if (typeof name !== 'string') throw new InputError(`store: ${field} must be a string`, field);
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new InputError(`store: ${field} must not be empty`, field);
  if (trimmed.length > MAX_NAME_LENGTH) throw new InputError(`store: ${field} is longer than ${MAX_NAME_LENGTH} characters`, field);
  return trimmed;
}

/** One of SCENARIO_KINDS. */
export function checkKind(kind: unknown, field = 'kind'): ScenarioKind {
  if (typeof kind !== 'string' || !(SCENARIO_KINDS as readonly string[]).includes(kind)) {
    throw new InputError(`store: ${field} must be one of ${SCENARIO_KINDS.join(', ')} (got ${JSON.stringify(kind)})`, field);
  }
  return kind as ScenarioKind;
}

/** One of RUN_STATUSES. */
export function checkStatus(status: unknown, field = 'status'): RunStatus {
  if (typeof status !== 'string' || !(RUN_STATUSES as readonly string[]).includes(status)) {
    throw new InputError(`store: ${field} must be one of ${RUN_STATUSES.join(', ')}`, field);
  }
  return status as RunStatus;
}

/** A non-negative safe integer; undefined gives 1. */
export function checkSeed(seed: unknown, field = 'seed'): number {
  if (seed === undefined) return 1;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    throw new InputError(`store: ${field} must be a non-negative integer`, field);
  }
  return seed;
}

/** A non-empty string id. */
export function checkId(id: unknown, field = 'id'): string {
  if (typeof id !== 'string' || id.length === 0) throw new InputError(`store: ${field} must be a non-empty string`, field);
  return id;
}

/** A finite number in 0..1. */
export function checkProgress(progress: unknown, field = 'progress'): number {
  if (typeof progress !== 'number' || !Number.isFinite(progress) || progress < 0 || progress > 1) {
    throw new InputError(`store: ${field} must be a number between 0 and 1`, field);
  }
  return progress;
}

/**
 * Serialises a plain JSON object, rejecting arrays, non-objects and anything
 * JSON cannot hold faithfully (NaN, Infinity, bigint, functions, cycles), with
 * the JSON pointer of the offending value (`/inputs/fleet/0/count`) as the field.
 */
export function toJsonObject(value: unknown, field: string): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(`store: ${field} must be a JSON object`, field);
  }
  checkJsonValue(value, `/${field}`, new Set());
  return JSON.stringify(value);
}

function checkJsonValue(value: unknown, path: string, seen: Set<object>): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new InputError(`store: ${path} is not a finite number`, path);
      return;
    case 'object': {
      if (value === null) return;
      if (seen.has(value)) throw new InputError(`store: ${path} contains a cycle`, path);
      seen.add(value);
      if (Array.isArray(value)) {
        value.forEach((v, i) => checkJsonValue(v, `${path}/${i}`, seen));
      } else {
        const proto = Object.getPrototypeOf(value) as unknown;
        if (proto !== Object.prototype && proto !== null) {
          throw new InputError(`store: ${path} is not a plain JSON object`, path);
        }
        for (const [k, v] of Object.entries(value)) {
          if (v !== undefined) checkJsonValue(v, `${path}/${k}`, seen);
        }
      }
      seen.delete(value);
      return;
    }
    default:
      throw new InputError(`store: ${path} cannot be stored as JSON (${typeof value})`, path);
  }
}

/** The validated fields of a new scenario, with inputs already serialised. */
export function checkNewScenario(input: NewScenario): { name: string; kind: ScenarioKind; inputsJson: string; seed: number } {
  if (input === null || typeof input !== 'object') throw new InputError('store: scenario must be an object', 'scenario');
  return {
    name: checkName(input.name),
    kind: checkKind(input.kind),
    inputsJson: toJsonObject(input.inputs, 'inputs'),
    seed: checkSeed(input.seed),
  };
}

/** Resolves paging defaults and checks bounds. */
export function checkPage(options: PageOptions = {}): { limit: number; offset: number } {
  const limit = options.limit ?? DEFAULT_PAGE_LIMIT;
  const offset = options.offset ?? 0;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new InputError(`store: limit must be an integer between 1 and ${MAX_PAGE_LIMIT}`, 'limit');
  }
  if (!Number.isSafeInteger(offset) || offset < 0) throw new InputError('store: offset must be a non-negative integer', 'offset');
  return { limit, offset };
}

/** Checks how a run ends; returns the result JSON (for 'done') and error text. */
export function checkOutcome(outcome: RunOutcome): { status: RunStatus; resultJson: string | null; error: string | null } {
  if (outcome === null || typeof outcome !== 'object') throw new InputError('store: outcome must be an object', 'outcome');
  const status = checkStatus(outcome.status);
  switch (outcome.status) {
    case 'done':
      return { status, resultJson: toJsonObject(outcome.result, 'result'), error: null };
    case 'failed':
      if (typeof outcome.error !== 'string' || outcome.error.length === 0) {
        throw new InputError('store: a failed run needs an error message', 'error');
      }
      return { status, resultJson: null, error: outcome.error };
    case 'cancelled':
      return { status, resultJson: null, error: outcome.error ?? null };
    default:
      throw new InputError('store: a run can only finish as done, failed or cancelled', 'status');
  }
}

/** Parses a stored JSON object column. */
export function parseJsonObject(text: string): JsonObject {
  return JSON.parse(text) as JsonObject;
}
