import { describe, expect, it } from 'vitest';
import { Latin1Slab } from '../../src/quote/index.js';
import { createRng } from '../../src/shared/random.js';

describe('Latin1Slab', () => {
  it("gives Buffer.from(s, 'latin1') and never overwrites a Buffer it handed out", () => {
    const slab = new Latin1Slab();
    const rng = createRng(9);
    const kept: [Buffer, string][] = [];
    for (let i = 0; i < 400; i++) {
      const n = i % 50 === 0 ? 20_000 + rng.int(10_000) : rng.int(6000); // some past the slab's quarter, many crossing slab ends
      let s = '';
      for (let k = 0; k < n; k++) s += String.fromCharCode(32 + rng.int(95));
      const b = slab.bytes(s);
      expect(b.equals(Buffer.from(s, 'latin1'))).toBe(true);
      kept.push([b, s]);
    }
    for (const [b, s] of kept) expect(b.toString('latin1')).toBe(s);
    expect(slab.bytes('').length).toBe(0);
  });
});
