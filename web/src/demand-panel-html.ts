// Markup of the Demand view's panel: controls, job progress, figures, chart legend, model and
// backtest lines, the largest cities. Pure functions returning HTML (values escaped).
import {
  HORIZONS,
  MODELS,
  dayFigures,
  formatCount,
  formatDay,
  formatPct,
  horizonTotal,
  modelLabel,
  shortDayWd,
  type ColorBy,
  type DemandUrlState,
} from './demand-logic.js';
import type { DemandForecast, DemandSeries, Direction, ForecastJob } from './demand-types.js';
import { esc } from './format.js';

/** Labels of the Sent | Received switch. */
export const DIR_LABEL: Record<Direction, string> = { origin: 'Sent', destination: 'Received' };
/** The direction in running text. */
export const DIR_WORD: Record<Direction, string> = { origin: 'sent', destination: 'received' };
/** Labels of the colour switch. */
export const COLOR_LABEL: Record<ColorBy, string> = { volume: 'Volume', error: 'Backtest error' };

/** What the view shows, until the first forecast arrives. */
export const ABOUT =
  '<div class="empty" data-testid="demand-about"><p>How many parcels will each city send and receive?</p>' +
  '<dl class="explain"><dt>Map</dt><dd>one circle per city; its area is the forecast parcels per day on the day chosen with the slider; ' +
  'colour by the same volume or by the model\'s backtest error (sMAPE)</dd>' +
  '<dt>Chart</dt><dd>click a city: its recent history, the forecast mean and the 80 % and 95 % prediction intervals; ' +
  'with no city chosen, the national total (sum of the cities)</dd>' +
  '<dt>Model</dt><dd>auto = mean of ETS, Theta and damped trend (weekly season); its error is measured on held-out recent weeks (backtest)</dd></dl></div>';

/** A segmented radio switch. */
function segmented<T extends string>(name: string, testid: string, values: readonly T[], labels: Record<T, string>, current: T): string {
  return (
    `<div class="segmented" role="radiogroup" data-group="${name}">` +
    values
      .map((v) => `<label data-testid="${testid}-${v}"><input type="radio" name="${name}" value="${v}"${v === current ? ' checked' : ''}><span>${labels[v]}</span></label>`)
      .join('') +
    '</div>'
  );
}

/** The controls section (title, SYNTHETIC note, horizon, model, switches, day slider, status) and the detail section. */
export function controls(s: DemandUrlState): string {
  const horizons = [...new Set([...HORIZONS, s.horizonDays])].sort((a, b) => a - b);
  return (
    '<div class="panel-section demand-controls">' +
    '<h2 class="section-title">Parcel demand forecast</h2>' +
    '<p class="demand-synthetic" data-testid="demand-synthetic" title="Imitates Chinese e-commerce: volume by population, weekly cycle, 11.11 and 618 peaks, Spring Festival dip, growth, count noise (data/README.md).">' +
    '<span class="badge-synthetic">SYNTHETIC</span> synthetic demand, seeded generator — not observed data.</p>' +
    '<div class="field-row">' +
    `<label class="field demand-horizon"><span class="field-label">Horizon</span><select data-testid="demand-horizon">${horizons
      .map((h) => `<option value="${h}"${h === s.horizonDays ? ' selected' : ''}>${h} days</option>`)
      .join('')}</select></label>` +
    `<label class="field demand-model"><span class="field-label">Model</span><select data-testid="demand-model">${MODELS.map(
      (m) => `<option value="${m.id}"${m.id === s.model ? ' selected' : ''}>${esc(m.label)}</option>`,
    ).join('')}</select></label>` +
    '</div>' +
    '<div class="field-row demand-seg-row">' +
    `<div class="field demand-dir-field"><span class="field-label">Parcels</span>${segmented('demand-dir', 'demand-dir', ['origin', 'destination'] as const, DIR_LABEL, s.direction)}</div>` +
    `<div class="field"><span class="field-label">Colour by</span>${segmented('demand-color', 'demand-color', ['volume', 'error'] as const, COLOR_LABEL, s.colorBy)}</div>` +
    '</div>' +
    '<div class="field demand-day"><div class="demand-day-head"><span class="field-label">Day shown on the map</span>' +
    '<span class="demand-date" data-testid="demand-date"></span></div>' +
    `<input type="range" min="0" max="${s.horizonDays - 1}" step="1" value="${s.day}" data-testid="demand-slider" aria-label="Forecast day">` +
    '<div class="demand-day-ends"><span data-end="first"></span><span data-end="last"></span></div></div>' +
    '<div class="demand-status" data-testid="demand-status" aria-live="polite"></div>' +
    '</div>' +
    '<div class="panel-section demand-detail" data-testid="demand-detail"></div>'
  );
}

/** A running job: progress bar with the job's fraction, its message and a Cancel button. */
export function progressHtml(job: ForecastJob | null, series: number): string {
  const frac = Math.max(0, Math.min(1, job?.progress?.fraction ?? 0));
  const pct = Math.round(frac * 100);
  const what = job?.status === 'queued' || !job ? 'Queued' : 'Forecasting';
  return (
    `<div class="demand-job" data-testid="demand-job"><div class="demand-job-head"><span>${what} ${series} series (2 per city) on the server… <strong data-testid="demand-progress-pct">${pct} %</strong></span>` +
    '<button type="button" class="ghost" data-testid="demand-cancel">Cancel</button></div>' +
    `<div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${pct}" data-testid="demand-progress"><div class="progress-bar" style="width:${pct}%"></div></div>` +
    `<div class="demand-job-note">${esc(job?.progress?.message ?? 'The first request fits every city; later ones come from the cache.')}</div></div>`
  );
}

/** Key of the chart's lines and bands. */
export function chartLegend(s: DemandSeries): string {
  const lv = Object.keys(s.forecast.intervals).sort((a, b) => Number(a) - Number(b));
  const band = (l: string) => `<span><i class="sw band-${l}"></i>${l} % interval</span>`;
  return `<div class="chart-legend"><span><i class="sw line-history"></i>History</span><span><i class="sw line-mean"></i>Forecast mean</span>${lv.map(band).join('')}<span><i class="sw line-day"></i>Day on map</span></div>`;
}

/** Tiles: the forecast mean on the day shown and its prediction intervals. */
export function figures(s: DemandSeries, date: string, day: number, dir: Direction): string {
  const { mean, bands } = dayFigures(s, day);
  const range = (lvl: string) =>
    bands[lvl]
      ? `<div class="demand-range" data-testid="demand-range-${lvl}"><span class="lvl">${lvl} %</span><span>${formatCount(bands[lvl][0])} – ${formatCount(bands[lvl][1])}</span></div>`
      : '';
  return (
    `<div class="demand-figures" data-testid="demand-figures">` +
    `<div class="tile main"><span class="tile-label">${DIR_LABEL[dir]} · ${esc(shortDayWd(date))}</span><span class="tile-value" data-testid="demand-day-value" data-value="${mean}">${formatCount(mean)}</span></div>` +
    `<div class="tile"><span class="tile-label">Prediction intervals</span>${range('80')}${range('95')}</div>` +
    '</div>'
  );
}

/** Horizon total, model name (and fallback) and the backtest errors of a series. */
export function backtestLine(s: DemandSeries, dir: Direction): string {
  const b = s.backtest;
  const mase = b.mase === null ? '–' : b.mase.toFixed(2);
  return (
    `<dl class="demand-model-info" data-testid="demand-model-info">` +
    `<dt>Horizon</dt><dd>${formatCount(horizonTotal(s))} parcels ${DIR_WORD[dir]} in ${s.forecast.mean.length} days (forecast mean)</dd>` +
    `<dt>Model</dt><dd><code data-testid="demand-model-name">${esc(modelLabel(s.model, s.fallback))}</code></dd>` +
    `<dt>Backtest</dt><dd data-testid="demand-backtest">sMAPE <strong>${formatPct(b.smape)}</strong> · MASE ${mase} · ${b.level} % coverage ${formatPct(b.coverage * 100)}` +
    `<span class="muted"> (held out from ${esc(formatDay(b.from))}, ${b.origins} origin${b.origins === 1 ? '' : 's'})</span></dd></dl>`
  );
}

/** The largest cities on the day shown (clickable rows). */
export function topCities(f: DemandForecast, dir: Direction, day: number): string {
  const rows = [...f.cities]
    .map((c) => ({ c, v: dayFigures(c[dir], day).mean }))
    .sort((a, b) => b.v - a.v)
    .slice(0, 6)
    .map(
      ({ c, v }) =>
        `<tr data-testid="demand-top-row" data-id="${esc(c.id)}"><td>${esc(c.name)} <span class="zh">${esc(c.nameZh)}</span></td>` +
        `<td class="num">${formatCount(v)}</td><td class="num">${formatPct(c[dir].backtest.smape)}</td></tr>`,
    )
    .join('');
  return `<table class="legs demand-top"><thead><tr><th>Largest cities that day</th><th class="num">Parcels</th><th class="num">sMAPE</th></tr></thead><tbody>${rows}</tbody></table>`;
}
