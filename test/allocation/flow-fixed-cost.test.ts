import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildFlowLp } from '../../src/allocation/flow/build.js';
import type { FlowInstance } from '../../src/allocation/flow/instance.js';
import { solveFlow } from '../../src/allocation/flow/solve.js';
import { run as benchLp } from '../../src/cli/bench/lp.js';

/**
 * Lanes to run as fixed-cost arcs (the bench lp `fixedCost?` on arcs), by hand:
 * S ships 40 to D through hub H1 (1 + 2 per unit, lane H1->D at 100 a day) or
 * H2 (1 + 4 per unit, lane H2->D at 10 a day), or direct at 10 per unit.
 * Via H1: 40 × 3 + 100 = 220; via H2: 40 × 5 + 10 = 210; direct 400. So H2->D runs.
 * With H1->D at 50 a day: 170, and H1->D runs. Splitting pays both fixed costs, never better.
 */
const lanes = (h1Fixed: number): FlowInstance => ({
  nodes: [
    { id: 'S', supply: 100 },
    { id: 'H1', supply: 0 },
    { id: 'H2', supply: 0 },
    { id: 'D', supply: -40 },
  ],
  arcs: [
    { from: 'S', to: 'H1', costPerUnit: 1 },
    { from: 'S', to: 'H2', costPerUnit: 1 },
    { from: 'H1', to: 'D', costPerUnit: 2, fixedCost: h1Fixed },
    { from: 'H2', to: 'D', costPerUnit: 4, fixedCost: 10 },
    { from: 'S', to: 'D', costPerUnit: 10 },
  ],
});

describe('fixed costs on arcs (lanes to run) are honoured by the MIP backends', () => {
  it('big-M of an uncapacitated fixed-cost arc is the demand it can reach', () => {
    const built = buildFlowLp(lanes(100));
    expect(built.model.constraints[built.linkRow[2]]).toMatchObject({ vars: [2, built.openVar[2]], coefs: [1, -40], sense: '<=', rhs: 0 });
  });

  for (const backend of ['highs', 'jsLpSolver'] as const) {
    it(`the fixed cost decides which lane runs (${backend})`, async () => {
      const dear = await solveFlow(lanes(100), { backend });
      expect(dear.status).toBe('optimal');
      expect(dear.solution.objective).toBeCloseTo(210, 9);
      expect(dear.solution.open).toEqual([{ from: 'H2', to: 'D' }]);
      const cheap = await solveFlow(lanes(50), { backend });
      expect(cheap.solution.objective).toBeCloseTo(170, 9);
      expect(cheap.solution.open).toEqual([{ from: 'H1', to: 'D' }]);
      expect(cheap.solution.flows).toContainEqual({ from: 'H1', to: 'D', flow: expect.closeTo(40, 9) });
    });
  }

  describe('bench lp --instance with fixedCost arcs', () => {
    let dir = '';
    afterEach(async () => {
      vi.restoreAllMocks();
      if (dir) await rm(dir, { recursive: true, force: true });
    });
    it('solves with each applicable backend, skips the network simplex, and checks agreement', async () => {
      dir = await mkdtemp(join(tmpdir(), 'hubflow-lp-fixed-'));
      const file = join(dir, 'lanes.instance.json');
      await writeFile(file, JSON.stringify(lanes(100)));
      const lines: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((s: unknown) => void lines.push(String(s)));
      await benchLp(['--instance', file, '--inline', '--cold', '--reps', '1', '--dump', join(dir, 'out')]);
      expect(lines.find((l) => l.includes('networkSimplex') && l.startsWith('4n/5a'))).toMatch(/not a pure network \(fixed costs\)/);
      expect(lines.filter((l) => /^4n\/5a +(highs|jsLpSolver) +optimal +210 /.test(l))).toHaveLength(2);
      expect(lines.at(-1)).toMatch(/^lp: 4n\/5a lanes: (highs|jsLpSolver) [\d.]+ s, objectives agree$/);
      const sol = JSON.parse(await readFile(join(dir, 'out', 'lanes.solution.json'), 'utf8'));
      expect(sol.objective).toBeCloseTo(210, 9);
      expect(sol.open).toEqual([{ from: 'H2', to: 'D' }]);
    });
  });
});
