import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../shared/errors.js';

/** Reads a whole input file, with a clear InputError when it does not exist or is not a file. */
export function readInputFile(path: string): Buffer {
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new InputError(`no such file: ${path}`, 'path');
  }
  if (!isFile) throw new InputError(`not a file: ${path}`, 'path');
  return readFileSync(path);
}
