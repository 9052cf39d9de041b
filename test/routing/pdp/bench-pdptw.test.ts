import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/bench/pdptw.js';
import { InputError } from '../../../src/shared/errors.js';

// Two pairs on a line: 1 → 2 and 3 → 4, one vehicle does 0 → 10 → 20 → 30 → 40 → 0 = 80.
const TINY = [
  '3\t20\t1',
  '0\t0\t0\t0\t0\t1000\t0\t0\t0',
  '1\t10\t0\t5\t0\t1000\t0\t0\t3',
  '2\t20\t0\t5\t0\t1000\t0\t0\t4',
  '3\t30\t0\t-5\t0\t1000\t0\t1\t0',
  '4\t40\t0\t-5\t0\t1000\t0\t2\t0',
].join('\n');

describe('npm run bench -- pdptw', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** A temporary folder holding `files` (name → text), removed after the test, and the console lines captured from now on. */
  function setUp(files: Record<string, string>): { dir: string; lines: string[] } {
    const dir = mkdtempSync(join(tmpdir(), 'pdptw-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
    return { dir, lines };
  }

  it('solves every file, writes Route lines and ends with the summary line against bks.csv', async () => {
    const { dir, lines } = setUp({ 'tiny.txt': TINY, 'bks.csv': 'instance,vehicles,distance,objective_kind,source\ntiny,1,80.00,hierarchical,hand\n' });
    await run(['--dir', dir, '--seconds', '0.2', '--solutions', join(dir, 'sol'), '--out', join(dir, 'r.json')]);
    expect(lines.at(-1)).toBe('mean gap 0.00% over 1 instances, vehicles 1 (best known 1), 0.2 s each');
    expect(readFileSync(join(dir, 'sol', 'tiny.sol'), 'utf8')).toMatch(/^Route 1: 1 2 (3 4|4 3)\n$/);
    const result = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(result.instances[0]).toMatchObject({ instance: 'tiny', vehicles: 1, feasible: true });
  });

  it('reports a file it cannot read and solves the others (exit code 1)', async () => {
    const { dir, lines } = setUp({ 'tiny.txt': TINY, 'broken.txt': TINY.replace('3\t30\t0', '3\tthirty\t0') });
    const before = process.exitCode;
    try {
      await run(['--dir', dir, '--seconds', '0.2']);
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = before;
    }
    expect(lines.some((l) => /^broken +cannot be read: /.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('tiny '))).toBe(true);
    expect(lines.at(-1)).toMatch(/; 1 unreadable \(broken\)$/);
  });

  it('rejects bad flags with InputError', async () => {
    await expect(run(['--dir', '/nonexistent', '--seconds', '1'])).rejects.toThrow(InputError);
    await expect(run(['--dir', '.', '--seconds', '0'])).rejects.toThrow(/--seconds/);
    await expect(run(['--dir', '.', '--seconds', '1', '--objective', 'cost'])).rejects.toThrow(/--objective/);
  });
});
