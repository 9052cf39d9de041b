/**
 * Parameters of the SYNTHETIC parcel-demand generator and what each imitates.
 * Sources are named where a figure comes from one; the rest are labelled
 * assumptions. Offsets are in days.
 */
export interface DemandParams {
  /** First day, ISO date. */
  startDate: string;
  /** Number of days (two years by default). */
  days: number;
  /**
   * Parcels received per resident per day at the start. China's express
   * volume was 132.07 billion parcels in 2023 (State Post Bureau, 2023 postal
   * statistics bulletin) for ~1.41 billion people: ≈ 0.26 per person per day.
   */
  parcelsPerCapitaDay: number;
  /** Elasticity of sent volume to population (> 1: big cities are hubs; assumption). */
  originPopulationElasticity: number;
  /** Log-sd of a city's sending propensity (merchant clusters such as Yiwu, Guangzhou; assumption). */
  originSpreadLog: number;
  /** Log-sd of a city's receiving propensity around per-capita volume (assumption). */
  destinationSpreadLog: number;
  /** Mean annual growth; the 2023 national volume grew 19.4% (State Post Bureau). */
  annualGrowth: number;
  /** Sd of a city's annual growth around the mean (assumption). */
  growthSpread: number;
  /** Sending multipliers Monday..Sunday (fewer merchant dispatches at weekends; assumption). */
  originWeekday: readonly number[];
  /** Receiving multipliers Monday..Sunday (assumption). */
  destinationWeekday: readonly number[];
  /**
   * Singles' Day (11.11) multiplier by offset from 11 November. State Post
   * Bureau: 1–11 Nov 2023 averaged 1.4× an ordinary day (5.264 billion
   * parcels); pre-sales start about three weeks earlier.
   */
  singlesDay: readonly (readonly [number, number])[];
  /** 618 (JD anniversary sale, 18 June) multiplier by offset from 18 June (smaller peak; assumption). */
  sale618: readonly (readonly [number, number])[];
  /**
   * Spring Festival multiplier by offset from the lunar New Year's day: a
   * pre-holiday slowdown, the 7-day official holiday when most couriers go
   * home, and a recovery to the Lantern Festival (day 14).
   */
  springFestival: readonly (readonly [number, number])[];
  /** Days by which deliveries (destination) lag dispatches (origin) during sale peaks. */
  deliveryLagDays: number;
  /** Log-sd of day-to-day multiplicative noise on top of Poisson counts (over-dispersion; assumption). */
  dailyNoiseLog: number;
}

const DEFAULTS: DemandParams = {
  startDate: '2024-01-01',
  days: 731,
  parcelsPerCapitaDay: 0.26,
  originPopulationElasticity: 1.1,
  originSpreadLog: 0.6,
  destinationSpreadLog: 0.2,
  annualGrowth: 0.15,
  growthSpread: 0.04,
  originWeekday: [1.06, 1.04, 1.02, 1.0, 0.99, 0.93, 0.96],
  destinationWeekday: [1.03, 1.02, 1.01, 1.0, 1.0, 0.96, 0.98],
  singlesDay: [
    [-22, 1.0],
    [-20, 1.2],
    [-11, 1.3],
    [-1, 1.45],
    [0, 1.9],
    [1, 1.75],
    [3, 1.35],
    [6, 1.1],
    [10, 1.0],
  ],
  sale618: [
    [-19, 1.0],
    [-17, 1.12],
    [-5, 1.1],
    [0, 1.35],
    [2, 1.15],
    [5, 1.0],
  ],
  springFestival: [
    [-21, 1.0],
    [-10, 0.9],
    [-5, 0.6],
    [-1, 0.35],
    [0, 0.25],
    [6, 0.3],
    [8, 0.6],
    [14, 0.9],
    [20, 1.0],
  ],
  deliveryLagDays: 2,
  dailyNoiseLog: 0.05,
};

/** Defaults (see each field). */
export const DEFAULT_DEMAND_PARAMS: Readonly<DemandParams> = Object.freeze(DEFAULTS);
