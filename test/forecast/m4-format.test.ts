import { describe, expect, it } from 'vitest';
import { formatM4, parseM4 } from '../../src/forecast/m4-format.js';
import { DataError } from '../../src/shared/errors.js';

describe('M4 layout', () => {
  it('parses rows padded with empty fields', () => {
    const text = '"V1","V2","V3","V4"\n"W1","1.5","2",""\n"W2","3","",""\n';
    expect(parseM4(text, 'f.csv')).toEqual([
      { id: 'W1', values: [1.5, 2] },
      { id: 'W2', values: [3] },
    ]);
  });

  it('names file, row and column of a bad value', () => {
    expect(() => parseM4('"V1","V2"\n"W1","abc"\n', 'f.csv')).toThrow(DataError);
    expect(() => parseM4('"V1","V2"\n"W1","abc"\n', 'f.csv')).toThrow(/f\.csv:2 \(V2\)/);
  });

  it('formats forecasts with an id/F1..FH header', () => {
    expect(formatM4([{ id: 'H1', values: [1, 2.5] }])).toBe('"id","F1","F2"\n"H1",1,2.5\n');
  });
});
