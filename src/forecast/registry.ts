import { auto } from './auto.js';
import { croston } from './croston.js';
import { damped } from './damped.js';
import { ets } from './ets.js';
import { holt } from './holt.js';
import { naive } from './naive.js';
import { naive2 } from './naive2.js';
import { seasonalNaive } from './seasonal-naive.js';
import { ses } from './ses.js';
import { theta } from './theta.js';
import { tsb } from './tsb.js';
import type { ForecastModel } from './types.js';
import { InputError } from '../shared/errors.js';

/** Every model by name; `auto` is the default. */
export const MODELS: Readonly<Record<string, ForecastModel>> = {
  naive,
  snaive: seasonalNaive,
  naive2,
  ses,
  holt,
  damped,
  theta,
  ets,
  croston,
  tsb,
  auto,
};

/** Name of the default model. */
export const DEFAULT_MODEL = 'auto';

/** The model called `name`; InputError (field `model`) when unknown. */
export function modelByName(name: string): ForecastModel {
  const m = MODELS[name];
  if (!m) throw new InputError(`forecast: unknown model "${name}" (one of ${Object.keys(MODELS).join(', ')})`, 'model');
  return m;
}
