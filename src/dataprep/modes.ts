/**
 * Mode parameters (data/modes.csv). Each number is either cited (`basis` = public) or an adjustable
 * default (`basis` = default) with the range found in the cited sources in `range`.
 * Units: CNY per tonne-km, CNY per shipment per leg, CNY per kg handled at the hub where a leg ends,
 * km/h door-to-door line-haul average, hours of handling/dwell at a hub, kg CO2(e) per tonne-km,
 * and the ratio of network distance to great-circle distance.
 */
import type { Mode } from './hubs.js';

/** One row of data/modes.csv. */
export interface ModeRow {
  mode: Mode;
  costCnyPerTonneKm: number;
  fixedCostCnyPerShipment: number;
  handlingCostCnyPerKg: number;
  speedKmh: number;
  handlingH: number;
  co2KgPerTonneKm: number;
  detourFactor: number;
  /** 'public' when the cost per tonne-km is a published figure; 'default' otherwise. */
  basis: 'public' | 'default';
  /** Ranges found in sources, per column (text, no commas). */
  range: string;
  /** Sources (text, no commas). */
  source: string;
}

/** The mode table. Keep every text free of commas (the CSV is split on commas). */
export const MODE_TABLE: readonly ModeRow[] = [
  {
    mode: 'road',
    costCnyPerTonneKm: 0.45,
    fixedCostCnyPerShipment: 0.05,
    handlingCostCnyPerKg: 0.3,
    speedKmh: 60,
    handlingH: 2,
    co2KgPerTonneKm: 0.09,
    detourFactor: 1.25,
    basis: 'default',
    range:
      'cost 0.30-0.60 CNY/t-km (assumed range for full-truckload trunk haulage); speed 50-80 km/h (trucks capped at 100 km/h on expressways); handling 1-4 h; CO2 0.06-0.11 kg/t-km; detour 1.2-1.4',
    source:
      'CO2: 90.3 g/t-km road 2014 (KiM/CE Delft via ETRR 2019 Table 9); detour: Newell 1980 ~1.2 and South Korea national 1.26 (Kim et al. 2015 JKSAE 57(4)); handling 0.30 CNY/kg ~ sorting cost per parcel of large couriers (assumption); cost per t-km: assumption in the stated range',
  },
  {
    mode: 'rail',
    costCnyPerTonneKm: 0.1551,
    fixedCostCnyPerShipment: 0.3,
    handlingCostCnyPerKg: 0.35,
    speedKmh: 40,
    handlingH: 12,
    co2KgPerTonneKm: 0.025,
    detourFactor: 1.3,
    basis: 'public',
    range:
      'cost 0.1551-0.1706 CNY/t-km (base rate plus the 10% upward float allowed from 2015-08-01); speed 29-60 km/h (China-Europe 11179 km in 16 days = 29 km/h); handling 6-24 h; CO2 0.011-0.03 kg/t-km; detour 1.2-1.5',
    source:
      'NDRC base freight rate raised from 0.1451 to 0.1551 CNY/t-km from 2015-02-01 (Xinhua 2015-01-30 via china.org.cn); China Daily 2013-09-13 (Chongqing-Xinjiang-Europe 11179 km in 16 days); CO2: DEFRA 2007 rail 0.03 kg/t-km (UK Hansard 2007-06-04) and 11.3 g/t-km EU 2014 (ETRR 2019 Table 9); fixed/handling/detour: assumptions',
  },
  {
    mode: 'air',
    costCnyPerTonneKm: 2.8,
    fixedCostCnyPerShipment: 0.5,
    handlingCostCnyPerKg: 1.0,
    speedKmh: 600,
    handlingH: 6,
    co2KgPerTonneKm: 0.8,
    detourFactor: 1.05,
    basis: 'default',
    range:
      'cost 2.8-3.8 CNY/t-km (IATA industry cargo revenue USD 100.8 bn in 2019 and USD 134.7 bn in 2023 over roughly 250 bn cargo tonne-km a year at 7 CNY/USD); speed 500-850 km/h block; handling 4-12 h; CO2 0.57-1.58 kg/t-km (long haul to short haul); detour 1.0-1.1',
    source:
      'IATA cargo revenues 2019 and 2023 (cargobreakingnews.com 2023; logupdateafrica.com 2023-12-07) and monthly traffic of 22.4-22.8 bn CTK in Nov-Dec 2023 (IATA air freight market analysis); CO2: DEFRA 2007 air long haul 0.57 and short haul 1.58 kg/t-km (UK Hansard 2007-06-04); handling/fixed: assumptions',
  },
  {
    mode: 'sea',
    costCnyPerTonneKm: 0.04,
    fixedCostCnyPerShipment: 0.5,
    handlingCostCnyPerKg: 0.2,
    speedKmh: 28,
    handlingH: 48,
    co2KgPerTonneKm: 0.015,
    detourFactor: 1.4,
    basis: 'default',
    range:
      'cost 0.02-0.06 CNY/t-km (assumption for container shipping); speed 22-37 km/h (12-20 knots); port dwell 24-96 h; CO2 0.003-0.06 kg/t-km (large tanker to small ro-ro); detour 1.1-1.7 (coastal to Shanghai-Jebel Ali)',
    source:
      'CO2: DEFRA 2007 shipping factors 0.003-0.06 kg/t-km (UK Hansard 2007-06-04); all other numbers are assumptions in the stated ranges',
  },
];

/** Column order of data/modes.csv. */
export const MODE_COLUMNS = [
  'mode', 'costCnyPerTonneKm', 'fixedCostCnyPerShipment', 'handlingCostCnyPerKg', 'speedKmh', 'handlingH',
  'co2KgPerTonneKm', 'detourFactor', 'basis', 'range', 'source',
] as const;

/**
 * Cost of moving `weightKg` over a lane of great-circle length `greatCircleKm` by `m`, ending at a hub:
 * line-haul + fixed + handling. Used for the plausibility check printed by the generator.
 */
export function legCostCny(m: ModeRow, greatCircleKm: number, weightKg: number): number {
  const networkKm = greatCircleKm * m.detourFactor;
  return m.costCnyPerTonneKm * networkKm * (weightKg / 1000) + m.fixedCostCnyPerShipment + m.handlingCostCnyPerKg * weightKg;
}
