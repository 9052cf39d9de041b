// Renders a path answer in the panel: totals as tiles and the legs as a table, or a clear notice.
import { duration, esc, fixed, hours, km, sig3 } from './format.js';
import { MODE_STYLE, OBJECTIVE_LABEL } from './modes.js';
import type { Objective, PathResult } from './types.js';

const HEADLINE: Record<Objective, string> = { cost: 'Cheapest path', time: 'Fastest path', co2: 'Lowest-CO₂ path' };

/** Money in yuan: "¥1.13", "¥1,207". */
export function yuan(costCny: number): string {
  return `¥${costCny >= 100 ? fixed(costCny, 0) : fixed(costCny, 2)}`;
}

/** HTML for a found path: headline, totals tiles and legs table (rows carry `data-leg`). */
export function renderFound(r: Extract<PathResult, { found: true }>): string {
  const t = r.totals;
  const rows = r.legs
    .map((l, i) => {
      const s = MODE_STYLE[l.mode];
      return (
        `<tr data-testid="leg-row" data-leg="${i}">` +
        `<td class="name">${esc(l.fromName)}</td><td class="name">${esc(l.toName)}</td>` +
        `<td><span class="mode-pill" style="--c:${s?.color ?? '#666'}">${s?.label ?? esc(l.mode)}</span></td>` +
        `<td class="num">${km(l.distanceM)}</td><td class="num">${hours(l.durationS)}</td>` +
        `<td class="num">${sig3(l.costCny)}</td><td class="num">${sig3(l.co2Kg)}</td></tr>`
      );
    })
    .join('');
  const tile = (label: string, value: string, key: string, main: boolean) =>
    `<div class="tile${main ? ' main' : ''}" data-testid="total-${key}"><div class="tile-label">${label}</div><div class="tile-value">${value}</div></div>`;
  return (
    `<div class="result-head" data-testid="path-summary">` +
    `<div class="result-title">${HEADLINE[r.objective]}</div>` +
    `<div class="result-route">${esc(r.from.name)} <span class="zh">${esc(r.from.nameZh)}</span> → ${esc(r.to.name)} <span class="zh">${esc(r.to.nameZh)}</span></div>` +
    `<div class="result-meta">${t.legs} leg${t.legs === 1 ? '' : 's'} · ${sig3(r.weightKg)} kg</div></div>` +
    `<div class="tiles">` +
    tile('Distance', `${km(t.distanceM)} km`, 'distance', false) +
    tile('Time', duration(t.durationS), 'time', r.objective === 'time') +
    tile('Cost', yuan(t.costCny), 'cost', r.objective === 'cost') +
    tile('CO₂', `${sig3(t.co2Kg)} kg`, 'co2', r.objective === 'co2') +
    `</div>` +
    `<table class="legs" data-testid="legs-table"><colgroup><col class="c-name"><col class="c-name"><col class="c-mode"><col class="c-km"><col class="c-h"><col class="c-cny"><col class="c-co2"></colgroup><thead><tr><th>From</th><th>To</th><th>Mode</th>` +
    `<th class="num">km</th><th class="num">h</th><th class="num">¥</th><th class="num">CO₂ kg</th></tr></thead>` +
    `<tbody>${rows}</tbody>` +
    `<tfoot><tr><td colspan="3">Total</td><td class="num">${km(t.distanceM)}</td><td class="num">${hours(t.durationS)}</td>` +
    `<td class="num">${sig3(t.costCny)}</td><td class="num">${sig3(t.co2Kg)}</td></tr></tfoot></table>`
  );
}

/** HTML for "no path" with the API's reason. */
export function renderNotFound(r: Extract<PathResult, { found: false }>): string {
  return (
    `<div class="notice warn" role="status" data-testid="path-none"><div class="notice-title">No path found</div>` +
    `<div>${esc(r.reason)}</div><div class="notice-hint">Try allowing more modes.</div></div>`
  );
}

/** HTML for an error, with the problem detail and the field it names. */
export function renderError(message: string, field?: string): string {
  const f = field ? `<div class="notice-hint">Field: <code>${esc(field)}</code></div>` : '';
  return `<div class="notice error" role="alert" data-testid="path-error"><div class="notice-title">Could not plan the path</div><div>${esc(message)}</div>${f}</div>`;
}

/** Label of an objective for the segmented control. */
export function objectiveLabel(o: Objective): string {
  return OBJECTIVE_LABEL[o];
}
