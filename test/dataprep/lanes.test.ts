import { describe, expect, it } from 'vitest';
import { components } from '../../src/dataprep/lanes.js';
import { header, readCsv } from './shipped.js';

const cities = readCsv('cities.csv');
const hubs = readCsv('hubs.csv');
const lanes = readCsv('lanes.csv').map((l) => ({ from: l.from, to: l.to, mode: l.mode }));
const hubModes = new Map(hubs.map((h) => [h.id, h.modes.split(';')]));
const ids = new Set([...cities.map((c) => c.id), ...hubs.map((h) => h.id)]);

/** Nodes reachable from `start` over the given lanes (BFS). */
function reachable(start: string, ls: readonly { from: string; to: string }[]): Set<string> {
  const adj = new Map<string, string[]>();
  for (const l of ls) {
    adj.set(l.from, [...(adj.get(l.from) ?? []), l.to]);
    adj.set(l.to, [...(adj.get(l.to) ?? []), l.from]);
  }
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const n of adj.get(queue.shift()!) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}

describe('data/lanes.csv', () => {
  it('has the exact header', () => {
    expect(header('lanes.csv')).toEqual(['from', 'to', 'mode']);
  });

  it('only names existing places, with from < to, no self-loops and no duplicates', () => {
    const keys = new Set<string>();
    for (const l of lanes) {
      expect(ids.has(l.from), l.from).toBe(true);
      expect(ids.has(l.to), l.to).toBe(true);
      expect(l.from < l.to, `${l.from}-${l.to}`).toBe(true);
      expect(['road', 'rail', 'air', 'sea']).toContain(l.mode);
      const k = `${l.from}|${l.to}|${l.mode}`;
      expect(keys.has(k), k).toBe(false);
      keys.add(k);
    }
  });

  it('uses only modes that the hub endpoints handle; cities are reached by road only', () => {
    for (const l of lanes) {
      for (const end of [l.from, l.to]) {
        const ms = hubModes.get(end);
        if (ms) expect(ms, `${end} ${l.mode}`).toContain(l.mode);
        else expect(l.mode, `city ${end}`).toBe('road');
      }
    }
  });

  it('connects every city to every other by road through hubs', () => {
    const road = lanes.filter((l) => l.mode === 'road');
    const comp = components([...ids].filter((id) => !id.startsWith('ehub-') || hubs.find((h) => h.id === id)!.cityId !== ''), road);
    const cityComps = new Set(cities.map((c) => comp.get(c.id)));
    expect(cityComps.size).toBe(1);
    const seen = reachable('shanghai', road);
    for (const c of cities) expect(seen.has(c.id), c.id).toBe(true);
    for (const c of cities) expect(road.some((l) => (l.from === c.id && hubModes.has(l.to)) || (l.to === c.id && hubModes.has(l.from))), `${c.id} has a road lane to a hub`).toBe(true);
  });

  it('reaches every eHub from Hangzhou, and Liège by rail from Xi\'an, Chongqing and Zhengzhou', () => {
    const all = reachable('hangzhou', lanes);
    for (const h of hubs.filter((x) => x.kind === 'ehub')) expect(all.has(h.id), h.id).toBe(true);
    const rail = reachable('hub-xian', lanes.filter((l) => l.mode === 'rail'));
    for (const id of ['ehub-moscow', 'ehub-liege', 'hub-chongqing', 'hub-zhengzhou', 'hub-urumqi']) expect(rail.has(id), id).toBe(true);
  });

  it('has air and sea lanes abroad', () => {
    const abroad = (l: { from: string; to: string }, id: string) => l.from === id || l.to === id;
    expect(lanes.some((l) => l.mode === 'air' && abroad(l, 'ehub-liege'))).toBe(true);
    expect(lanes.some((l) => l.mode === 'sea' && abroad(l, 'ehub-dubai'))).toBe(true);
    expect(lanes.some((l) => l.mode === 'sea' && abroad(l, 'ehub-kuala-lumpur'))).toBe(true);
  });
});
