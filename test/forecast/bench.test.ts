import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/bench/forecast.js';
import { InputError } from '../../src/shared/errors.js';

describe('bench forecast on a tiny M4-layout fixture', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hubflow-fc-'));
  const train = join(dir, 'Tiny-train.csv');
  const test = join(dir, 'Tiny-test.csv');
  writeFileSync(train, '"V1","V2","V3","V4","V5","V6","V7"\n"A","1","2","3","4","5","6"\n"B","10","10","10","10","",""\n');
  writeFileSync(test, '"V1","V2","V3"\n"A","7","8"\n"B","10","10"\n');

  it('prints the table and the summary line, writes forecasts and the 95% bounds', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
    const fc = join(dir, 'F.csv');
    const out = join(dir, 'r.json');
    await run(['--train', train, '--test', test, '--horizon', '2', '--season', '1', '--model', 'naive', '--forecasts', fc, '--out', out]);
    spy.mockRestore();
    expect(lines[lines.length - 1]).toMatch(/^Tiny: sMAPE [\d.]+, MASE [\d.]+, OWA 1\.000, 2 series, [\d.]+ s$/);
    expect(readFileSync(fc, 'utf8')).toBe('"id","F1","F2"\n"A",6,6\n"B",10,10\n');
    expect(readFileSync(join(dir, 'F-lo95.csv'), 'utf8')).toMatch(/^"id","F1","F2"\n"A",/);
    expect(readFileSync(join(dir, 'F-hi95.csv'), 'utf8')).toMatch(/\n"B",10,10\n$/);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.models.map((m: { model: string }) => m.model)).toEqual(['naive2', 'naive']);
  });

  it('rejects a missing or bad horizon', async () => {
    await expect(run(['--train', train, '--test', test, '--season', '1'])).rejects.toThrow(InputError);
    await expect(run(['--train', train, '--test', test, '--horizon', '0', '--season', '1'])).rejects.toThrow(/horizon/);
    await expect(run(['--train', train, '--test', test, '--horizon', '3', '--season', '1', '--model', 'naive'])).rejects.toThrow(/fewer than --horizon/);
  });
});
