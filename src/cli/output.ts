import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { InputError } from '../shared/errors.js';
import type { Progress } from '../shared/stop.js';

/**
 * A one-line progress bar on a stream: redrawn in place on a terminal, a line per 10% otherwise
 * (`label: 40% message`). `message` turns a report into the text after the percentage.
 */
export function progressBar(
  stream: NodeJS.WriteStream,
  label: string,
  message: (p: Progress) => string = (p) => p.message ?? '',
): { update(p: Progress): void; clear(): void } {
  const tty = stream.isTTY === true;
  let lastTenth = -1;
  let drawn = false;
  return {
    update(p) {
      const f = Math.min(1, p.fraction ?? 0);
      const text = message(p);
      if (tty) {
        const width = 30;
        const full = Math.round(f * width);
        stream.write(`\r${label} [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${(f * 100).toFixed(0).padStart(3)}% ${text.padEnd(36).slice(0, 36)}`);
        drawn = true;
      } else if (Math.floor(f * 10) > lastTenth) {
        lastTenth = Math.floor(f * 10);
        stream.write(`${label}: ${(f * 100).toFixed(0)}% ${text}\n`);
      }
    },
    clear() {
      if (tty && drawn) stream.write(`\r${' '.repeat(100)}\r`);
      drawn = false;
    },
  };
}

/** Writes a file next to its target, then renames it: an interrupted run leaves no half-written file. */
export function writeAtomic(path: string, text: string, flag = 'out'): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError(`--${flag}: cannot write ${path}: ${(e as Error).message}`, flag);
  }
}
