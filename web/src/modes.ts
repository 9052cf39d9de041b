// The transport modes: labels, colours (Okabe–Ito, safe for colour-blind readers) and line styles.
import type { Mode, Objective } from './types.js';

/** Every mode, in display order. */
export const MODES: readonly Mode[] = ['road', 'rail', 'air', 'sea'];

/** Every objective, in display order. */
export const OBJECTIVES: readonly Objective[] = ['cost', 'time', 'co2'];

/** Display labels of the objectives. */
export const OBJECTIVE_LABEL: Record<Objective, string> = { cost: 'Cost', time: 'Time', co2: 'CO₂' };

/** How a mode is drawn: colour, display label, dash pattern. */
export interface ModeStyle {
  label: string;
  labelZh: string;
  color: string;
  dashArray?: string;
  /** Line width (px) and opacity of the network's lanes of this mode. */
  weight: number;
  opacity: number;
}

/** Okabe & Ito (2008) palette: orange, bluish green, reddish purple, blue. */
export const MODE_STYLE: Record<Mode, ModeStyle> = {
  road: { label: 'Road', labelZh: '公路', color: '#E69F00', weight: 1.3, opacity: 0.6 },
  rail: { label: 'Rail', labelZh: '铁路', color: '#009E73', weight: 2.2, opacity: 0.85 },
  air: { label: 'Air', labelZh: '航空', color: '#CC79A7', dashArray: '5 5', weight: 1.3, opacity: 0.5 },
  sea: { label: 'Sea', labelZh: '海运', color: '#0072B2', weight: 1.5, opacity: 0.55 },
};

/** True when `s` names a mode. */
export function isMode(s: string): s is Mode {
  return (MODES as readonly string[]).includes(s);
}

/** True when `s` names an objective. */
export function isObjective(s: string): s is Objective {
  return (OBJECTIVES as readonly string[]).includes(s);
}
