/** Plain data of the hub network, as loaded from data/ and validated once. */
import type { SeaGraph } from './sea.js';

export const MODES = ['road', 'rail', 'air', 'sea'] as const;
export type Mode = (typeof MODES)[number];

export type LonLat = [number, number];

export interface City {
  id: string;
  name: string;
  nameZh: string;
  province: string;
  provinceZh: string;
  lon: number;
  lat: number;
  population: number;
  geonamesId: number;
  isProvincialCapital: boolean;
}

export type HubKind = 'sort' | 'ehub';

export interface Hub {
  id: string;
  name: string;
  nameZh: string;
  kind: HubKind;
  /** The Chinese city the hub sits in, if any. */
  cityId: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  lon: number;
  lat: number;
  modes: Mode[];
  capacityTonnesPerDay: number;
  capacityBasis: 'public' | 'assumption';
  source: string;
}

export interface ModeParams {
  mode: Mode;
  costCnyPerTonneKm: number;
  fixedCostCnyPerShipment: number;
  handlingCostCnyPerKg: number;
  speedKmh: number;
  handlingH: number;
  co2KgPerTonneKm: number;
  /** Network distance over great-circle distance. */
  detourFactor: number;
  basis: string;
  range: string;
  source: string;
}

/** An undirected lane as listed in data/lanes.csv. */
export interface Lane {
  from: string;
  to: string;
  mode: Mode;
}

export interface NetworkData {
  cities: City[];
  hubs: Hub[];
  modes: Record<Mode, ModeParams>;
  lanes: Lane[];
  /** Maritime graph (data/sea-waypoints.json) for sea lanes; without it a sea lane is great circle × detourFactor. */
  sea?: SeaGraph;
}

/** A node of the network: a city or a hub. */
export interface Place {
  id: string;
  kind: 'city' | 'hub';
  name: string;
  nameZh: string;
  lon: number;
  lat: number;
  country: string;
  province?: string;
  population?: number;
  hubKind?: HubKind;
  modes?: Mode[];
  capacityTonnesPerDay?: number;
}

/** Attributes of a directed edge of the network graph (one per lane, mode and direction). */
export interface EdgeAttributes {
  laneId: string;
  mode: Mode;
  /** Network distance: great-circle × detour factor, or the sea route for sea lanes (src/network/sea.ts). */
  distanceM: number;
  /** Line-haul time plus handling at the arrival node. */
  durationS: number;
  /** Cost of one shipment over this edge = fixedCny + perKgCny × weightKg. */
  fixedCny: number;
  perKgCny: number;
  /** The part of perKgCny paid for handling (sorting) at the arrival node. */
  handlingCnyPerKg: number;
  co2KgPerKg: number;
}

export interface NodeAttributes {
  place: Place;
}
