import { DataError, InputError } from '../../shared/errors.js';

/**
 * Reads one benchmark file with `read`; a file that cannot be read (a DataError or InputError) is reported on
 * its own line, added to `unreadable` with its error, and null returned, so the run goes on with the other files.
 */
export function readOrReport<T>(name: string, read: () => T, unreadable: Unreadable[]): T | null {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof DataError || e instanceof InputError)) throw e;
    unreadable.push({ instance: name, error: e.message });
    console.log(`${name.padEnd(14)} cannot be read: ${e.message}`);
    return null;
  }
}

/** A benchmark file that could not be read, and why. */
export interface Unreadable {
  instance: string;
  error: string;
}

/** What a summary line adds for unreadable files ('' when there are none). */
export function unreadableNote(unreadable: readonly Unreadable[]): string {
  return unreadable.length ? `; ${unreadable.length} unreadable (${unreadable.map((u) => u.instance).join(', ')})` : '';
}
