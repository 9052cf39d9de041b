import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/bench/vrp-large.js';
import { InputError } from '../../src/shared/errors.js';
import { generateStationSample } from '../../src/vrp-service/sample-station.js';

describe('npm run bench -- vrp-large', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('plans a generated station day and reports feasibility, time and memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vrp-large-'));
    dirs.push(dir);
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
    await run(['--stops', '40', '--seconds', '0.5', '--out', join(dir, 'r.json')]);
    expect(lines.at(-1)).toMatch(/^vrp-large: 40 stops, feasible, [\d.]+ s wall \(limit 0.5 s\), peak RSS \d+ MB$/);
    const r = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(r.feasible).toBe(true);
    expect(r.kpis.served).toBe(40);
    expect(r.firstFeasibleS).toBeGreaterThan(0);
  });

  it('scales the fleet with the stops and keeps the 60-stop sample as it was', () => {
    const fleet = (csv: string): number => Number(csv.trim().split('\n').at(-1)!.split(',')[6]);
    expect(fleet(generateStationSample(1, 60).vehiclesCsv)).toBe(6);
    expect(fleet(generateStationSample(1, 2000).vehiclesCsv)).toBe(167);
  });

  it('rejects a bad size', async () => {
    await expect(run(['--stops', '0'])).rejects.toThrow(InputError);
    await expect(run(['--stops', '10', '--seconds', '-1'])).rejects.toThrow(/seconds/);
  });
});
