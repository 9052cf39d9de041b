/**
 * Typed errors. Each becomes one HTTP status in src/api/errors.ts and a
 * non-zero exit in the CLI. `field` names the offending input (a JSON pointer
 * such as `/stops/3/timeWindows/0` or a plain name such as `weightKg`).
 */
export class HubflowError extends Error {
  readonly field?: string;
  constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}

/** Bad input: HTTP 400. */
export class InputError extends HubflowError {}

/** Unknown id: HTTP 404. */
export class NotFoundError extends HubflowError {}

/** A well-formed model that has no feasible answer: HTTP 422. */
export class InfeasibleError extends HubflowError {}

/** Too much work queued: HTTP 503. */
export class OverloadedError extends HubflowError {}

/** Data shipped in data/ (or given as a file) is malformed: names file, row and field. */
export class DataError extends HubflowError {
  readonly file: string;
  readonly row?: number;
  constructor(file: string, row: number | undefined, field: string | undefined, message: string) {
    super(`${file}${row !== undefined ? `:${row}` : ''}${field ? ` (${field})` : ''}: ${message}`, field);
    this.file = file;
    this.row = row;
  }
}

/** A long computation stopped because its caller cancelled it. */
export class CancelledError extends HubflowError {
  constructor(message = 'cancelled') {
    super(message);
  }
}
