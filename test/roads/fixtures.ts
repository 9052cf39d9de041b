import { join } from 'node:path';

/**
 * A hand-checkable town (see the sketch): 100 m blocks near (0, 0).
 *
 *   D(3) --primary-- E(4) --primary-- F(5)
 *    |               |                |
 *   A(0) ---------- B(1) --oneway--> C(2)          G(6) -- H(7)  (a separate pair)
 *
 * Every edge is 100 m and two-way except B -> C. Residential edges take
 * 100 m / 25 km/h = 14.4 s, primary ones 100 m / 65 km/h = 5.538 s.
 * C -> B must go round: C F E B = 300 m. C -> A has two shortest paths by
 * distance (C F E B A and C F E D A, 400 m); by time the one over the primary
 * road wins (C F E D A: 14.4 + 5.538 + 5.538 + 14.4 = 39.88 s).
 */
export const TOWN_NODES = `idx,osm_id,lat,lon
0,100,0.000,0.000
1,101,0.000,0.001
2,102,0.000,0.002
3,103,0.001,0.000
4,104,0.001,0.001
5,105,0.001,0.002
6,106,0.010,0.010
7,107,0.010,0.011
`;

export const TOWN_EDGES = `from,to,meters,oneway,highway
0,1,100,0,residential
1,2,100,1,residential
0,3,100,0,residential
3,4,100,0,primary
4,5,100,0,primary
5,2,100,0,residential
1,4,100,0,residential
6,7,100,0,residential
`;

export const RES_S = 100 / (25 / 3.6);
export const PRI_S = 100 / (65 / 3.6);

/**
 * The Andorra extract of the shared bench data (../shared/bench/roads/dev beside the repository,
 * or HUBFLOW_BENCH_ROADS_DIR).
 */
export const ANDORRA_PBF = join(
  process.env.HUBFLOW_BENCH_ROADS_DIR ?? join(import.meta.dirname, '../../../shared/bench/roads/dev'),
  'andorra.osm.pbf',
);
