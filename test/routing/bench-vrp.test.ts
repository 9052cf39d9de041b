import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/bench/vrp.js';
import { InputError } from '../../src/shared/errors.js';

// Five customers around a depot; capacity forces two routes (k = 2).
const VRP = `NAME : T-n6-k2
TYPE : CVRP
DIMENSION : 6
EDGE_WEIGHT_TYPE : EUC_2D
CAPACITY : 10
NODE_COORD_SECTION
1 0 0
2 10 0
3 10 10
4 -10 0
5 -10 -10
6 0 -12
DEMAND_SECTION
1 0
2 5
3 5
4 4
5 4
6 2
DEPOT_SECTION
1
-1
EOF
`;

describe('npm run bench -- vrp', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** A temporary folder holding `files` (name → text), removed after the test, and the console lines captured from now on. */
  function setUp(files: Record<string, string>): { dir: string; lines: string[] } {
    const dir = mkdtempSync(join(tmpdir(), 'vrpbench-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: unknown) => void lines.push(String(s)));
    return { dir, lines };
  }

  it('solves, checks, prints the summary line and writes .sol and JSON', async () => {
    // Optimum by hand: 0-(10,0)-(10,10)-0 = 10 + 10 + 14 = 34; 0-(-10,0)-(-10,-10)-(0,-12)-0 = 10 + 10 + 10 + 12 = 42.
    const { dir, lines } = setUp({ 'T-n6-k2.vrp': VRP, 'bks.csv': 'instance,bks\nT-n6-k2,76\n' });
    await run(['--dir', dir, '--seconds', '0.3', '--seed', '2', '--solutions', join(dir, 'out'), '--out', join(dir, 'r.json')]);
    expect(lines[lines.length - 1]).toBe('mean gap 0.00% over 1 instances (0.3 s each)');
    expect(lines[lines.length - 2]).toBe('at the best known: 1 of 1');
    const sol = readFileSync(join(dir, 'out', 'T-n6-k2.sol'), 'utf8');
    expect(sol).toMatch(/^Route #1: [1-5 ]+\nRoute #2: [1-5 ]+\nCost 76\n$/);
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(json.results[0]).toMatchObject({ instance: 'T-n6-k2', bks: 76, cost: 76, feasible: true, routes: 2 });
  });

  it('counts the instances at their best known and names the others', async () => {
    // U's "best known" is set below its optimum (76), so it cannot be reached: +1.33%.
    const { dir, lines } = setUp({ 'T-n6-k2.vrp': VRP, 'U-n6-k2.vrp': VRP.replace('T-n6-k2', 'U-n6-k2'), 'bks.csv': 'instance,bks\nT-n6-k2,76\nU-n6-k2,75\n' });
    await run(['--dir', dir, '--seconds', '0.3', '--out', join(dir, 'r.json')]);
    expect(lines[lines.length - 2]).toBe('at the best known: 1 of 2 (above: U-n6-k2 +1.33%)');
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).atBestKnown).toBe(1);
  });

  it('reports a file it cannot read, solves the others and ends with a non-zero exit code', async () => {
    const { dir, lines } = setUp({ 'T-n6-k2.vrp': VRP, 'Bad-n6-k2.vrp': VRP.replace('EUC_2D', 'GEO'), 'bks.csv': 'instance,bks\nT-n6-k2,76\nBad-n6-k2,76\n' });
    const before = process.exitCode;
    try {
      await run(['--dir', dir, '--seconds', '0.2', '--out', join(dir, 'r.json')]);
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = before;
    }
    expect(lines.some((l) => /^Bad-n6-k2 +cannot be read: .*EDGE_WEIGHT_TYPE/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('T-n6-k2 '))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/over 1 instances .*; 1 unreadable \(Bad-n6-k2\)$/);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).unreadable).toEqual([{ instance: 'Bad-n6-k2', error: expect.stringMatching(/EDGE_WEIGHT_TYPE/) }]);
  });

  it('rejects bad flags', async () => {
    await expect(run(['--dir', '/nonexistent', '--seconds', '1'])).rejects.toThrow(InputError);
    await expect(run(['--dir', '/tmp', '--seconds', '0'])).rejects.toThrow(/seconds/);
    await expect(run(['--dir', '/tmp', '--seconds', '1', '--bogus', '1'])).rejects.toThrow(/bogus/);
  });
});
