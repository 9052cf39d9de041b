import { closeSync, openSync, readSync, writeSync, fstatSync } from 'node:fs';
import { endianness } from 'node:os';
import { basename } from 'node:path';
import { DataError } from '../shared/errors.js';

type TypedArray = Int32Array | Float64Array | Uint8Array;
const TYPES = { i32: Int32Array, f64: Float64Array, u8: Uint8Array } as const;
type TypeName = keyof typeof TYPES;

/** Where one array sits in a binary file. */
export interface ArrayEntry {
  name: string;
  type: TypeName;
  length: number;
  byteOffset: number;
}

function typeName(a: TypedArray): TypeName {
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Float64Array) return 'f64';
  return 'u8';
}

function checkEndianness(): void {
  if (endianness() !== 'LE') throw new Error('roads: prepared graphs are little-endian; this machine is not');
}

/**
 * Writes named typed arrays back to back (each 8-byte aligned, little-endian)
 * into `path` and returns their directory, to be kept in the JSON header.
 */
export function writeArrays(path: string, arrays: Record<string, TypedArray>): { entries: ArrayEntry[]; bytes: number } {
  checkEndianness();
  const fd = openSync(path, 'w');
  const entries: ArrayEntry[] = [];
  let offset = 0;
  const pad = new Uint8Array(8);
  try {
    for (const [name, a] of Object.entries(arrays)) {
      entries.push({ name, type: typeName(a), length: a.length, byteOffset: offset });
      writeSync(fd, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
      offset += a.byteLength;
      const extra = (8 - (offset % 8)) % 8;
      if (extra) {
        writeSync(fd, pad, 0, extra);
        offset += extra;
      }
    }
  } finally {
    closeSync(fd);
  }
  return { entries, bytes: offset };
}

/** Reads back a file written by `writeArrays`, checking its size against the directory. */
export function readArrays(path: string, entries: ArrayEntry[], expectedBytes: number): Record<string, TypedArray> {
  checkEndianness();
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new DataError(basename(path), undefined, undefined, 'missing file of the prepared road graph');
  }
  try {
    const size = fstatSync(fd).size;
    if (size !== expectedBytes) {
      throw new DataError(basename(path), undefined, undefined, `size ${size} bytes, header says ${expectedBytes}: incomplete or stale prepared graph`);
    }
    const buf = new ArrayBuffer(size);
    const view = new Uint8Array(buf);
    let got = 0;
    while (got < size) {
      const k = readSync(fd, view, got, size - got, got);
      if (k <= 0) break;
      got += k;
    }
    const out: Record<string, TypedArray> = {};
    for (const e of entries) {
      const T = TYPES[e.type];
      if (!T || e.byteOffset % 8 !== 0 || e.byteOffset + e.length * T.BYTES_PER_ELEMENT > size) {
        throw new DataError(basename(path), undefined, e.name, 'bad array directory in the header');
      }
      out[e.name] = new T(buf, e.byteOffset, e.length);
    }
    return out;
  } finally {
    closeSync(fd);
  }
}
