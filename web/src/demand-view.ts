// The Demand view: SYNTHETIC parcel demand per city from POST /api/forecasts. Opening the tab asks for
// the forecast; a 202 answer is a job, polled with a progress bar and a Cancel button (DELETE); a 200
// answer (cached or small) is drawn at once. The map shows one circle per city (demand-layer.ts); the
// panel holds the controls, the day slider and the chart of a clicked city or of the national total.
import type L from 'leaflet';
import { ApiError, cancelForecastJob, fetchForecastJob, postForecast } from './api.js';
import { CHART_BOX, chartSvg } from './demand-chart.js';
import { createDemandLayer } from './demand-layer.js';
import { chartHistoryDays, formatDay, trimHistory, type ColorBy, type DemandUrlState } from './demand-logic.js';
import { ABOUT, DIR_WORD, backtestLine, chartLegend, controls, figures, progressHtml, topCities } from './demand-panel-html.js';
import type { DemandForecast, Direction } from './demand-types.js';
import { esc } from './format.js';

/** Options of {@link createDemandView}. */
export interface DemandViewOptions {
  initial: DemandUrlState;
  /** Any input changed (write the URL). */
  onState(s: DemandUrlState): void;
  /** Fit the map to the cities when the first forecast arrives. */
  fit: boolean;
  fitPadding?: L.FitBoundsOptions;
}

/** The view's public face. */
export interface DemandView {
  /** The tab was opened: draws the circles, asks for the forecast the first time. */
  enter(): void;
  /** The tab was left: hides the circles (a running job keeps running and is shown on return). */
  leave(): void;
}

/** Job polling interval; the server reports progress about every 2 s. */
const POLL_MS = 750;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds the panel inside `root` and the circles on `map`. */
export function createDemandView(root: HTMLElement, map: L.Map, o: DemandViewOptions): DemandView {
  const s: DemandUrlState = { ...o.initial, cities: o.initial.cities ? [...o.initial.cities] : null };
  let forecast: DemandForecast | null = null;
  let requested = '';
  let seq = 0;
  let jobId: string | null = null;
  let active = false;
  let fitted = !o.fit;

  root.innerHTML = controls(s);
  root.dataset.state = 'idle';
  const $ = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const slider = $<HTMLInputElement>('[data-testid="demand-slider"]');
  const statusEl = $<HTMLElement>('[data-testid="demand-status"]');
  const detailEl = $<HTMLElement>('[data-testid="demand-detail"]');
  const dateEl = $<HTMLElement>('[data-testid="demand-date"]');

  const layer = createDemandLayer(map, (id) => selectCity(s.city === id ? null : id));
  const changed = () => o.onState({ ...s, cities: s.cities ? [...s.cities] : null });
  const drawState = () => ({ day: s.day, direction: s.direction, colorBy: s.colorBy, selected: s.city });

  const renderDay = () => {
    slider.disabled = !forecast;
    if (!forecast) {
      dateEl.textContent = '';
      return;
    }
    const h = forecast.horizonDays;
    s.day = Math.min(s.day, h - 1);
    slider.max = String(h - 1);
    slider.value = String(s.day);
    const dates = forecast.dates.slice(forecast.historyDays);
    dateEl.innerHTML = `<strong>${esc(formatDay(dates[s.day]))}</strong> · day ${s.day + 1} of ${h}`;
    root.querySelector('[data-end="first"]')!.textContent = formatDay(dates[0]);
    root.querySelector('[data-end="last"]')!.textContent = formatDay(dates[h - 1]);
  };

  const renderDetail = () => {
    if (!forecast) {
      detailEl.innerHTML = ABOUT;
      return;
    }
    const f = forecast;
    const date = f.dates[f.historyDays + s.day];
    const city = s.city ? f.cities.find((c) => c.id === s.city) ?? null : null;
    const series = (city ?? f.national)[s.direction];
    const head = city
      ? `<div class="demand-detail-head"><div><div class="result-title">City · parcels ${DIR_WORD[s.direction]} per day</div>` +
        `<div class="result-route" data-testid="demand-city-title">${esc(city.name)} <span class="zh">${esc(city.nameZh)}</span></div>` +
        `<div class="result-meta">${esc(city.province)} ${esc(city.provinceZh)} · ${(city.population / 1e6).toFixed(1)} M people</div></div>` +
        '<button type="button" class="ghost" data-testid="demand-national-btn">National totals</button></div>'
      : `<div class="demand-detail-head"><div><div class="result-title">National total · parcels ${DIR_WORD[s.direction]} per day</div>` +
        `<div class="result-route" data-testid="demand-city-title">China <span class="zh">中国</span> · sum of ${f.national.cities} cities</div>` +
        '<div class="result-meta">Click a circle on the map for a city\'s chart.</div></div></div>';
    const shown = trimHistory(series, f.dates, f.historyDays, chartHistoryDays(f.horizonDays, f.historyDays));
    const chart = chartSvg(shown.series, shown.dates, s.day, CHART_BOX, city ? city.name : 'China');
    const note = city ? '' : `<p class="demand-note">${esc(f.method.totals)}</p>${topCities(f, s.direction, s.day)}`;
    detailEl.innerHTML = `${head}${figures(series, date, s.day, s.direction)}<div class="chart-wrap">${chart}</div>${chartLegend(series)}${backtestLine(series, s.direction)}${note}`;
    detailEl.dataset.city = city?.id ?? 'national';
  };


  renderDay();
  renderDetail();

  const renderAll = () => {
    renderDay();
    renderDetail();
    if (forecast) layer.update(drawState());
  };

  function selectCity(id: string | null): void {
    s.city = id;
    changed();
    renderDetail();
    layer.update(drawState());
  }

  const showForecast = (f: DemandForecast) => {
    forecast = f;
    if (s.city && !f.cities.some((c) => c.id === s.city)) s.city = null;
    root.dataset.state = 'ready';
    root.classList.remove('stale');
    statusEl.innerHTML = '';
    layer.show(f, drawState());
    renderAll();
    changed();
    if (!fitted && active) {
      fitted = true;
      const b = layer.bounds();
      if (b.isValid()) map.fitBounds(b, { ...o.fitPadding, maxZoom: 6 });
    }
  };

  const showError = (e: unknown) => {
    root.dataset.state = 'error';
    root.classList.remove('stale');
    const msg = e instanceof ApiError ? e.message : (e as Error).message;
    const field = e instanceof ApiError && e.field ? `<div class="notice-hint">Field: <code>${esc(e.field)}</code></div>` : '';
    statusEl.innerHTML =
      `<div class="notice error" role="alert" data-testid="demand-error"><div class="notice-title">No forecast</div><div>${esc(msg)}</div>${field}</div>` +
      '<div class="actions"><button type="button" class="primary" data-testid="demand-retry">Try again</button></div>';
  };

  const requestKey = () => JSON.stringify([s.horizonDays, s.model, s.cities]);

  async function load(): Promise<void> {
    const my = ++seq;
    const old = jobId;
    jobId = null;
    if (old) void cancelForecastJob(old).catch(() => undefined);
    requested = requestKey();
    root.dataset.state = 'loading';
    root.classList.toggle('stale', forecast !== null);
    statusEl.innerHTML = '<div class="demand-job"><div class="demand-job-head"><span>Asking the server for the forecast…</span></div><div class="progress indeterminate"><div class="progress-bar"></div></div></div>';
    try {
      const body = { horizonDays: s.horizonDays, model: s.model, ...(s.cities ? { cities: s.cities } : {}) };
      const res = await postForecast(body);
      if (my !== seq) return;
      if (res.status === 200) return showForecast(res.forecast);
      jobId = res.job.jobId;
      root.dataset.state = 'running';
      const series = res.job.series;
      statusEl.innerHTML = progressHtml(null, series);
      for (;;) {
        await sleep(POLL_MS);
        if (my !== seq) return;
        const job = await fetchForecastJob(res.job.jobId);
        if (my !== seq) return;
        if (job.status === 'done' && job.result) {
          jobId = null;
          return showForecast(job.result);
        }
        if (job.status === 'failed') {
          jobId = null;
          throw new ApiError(500, job.error?.message ?? 'The forecast job failed.', job.error?.field);
        }
        if (job.status === 'cancelled') {
          jobId = null;
          return showCancelled();
        }
        statusEl.innerHTML = progressHtml(job, series);
      }
    } catch (e) {
      if (my === seq) showError(e);
    }
  }

  const showCancelled = () => {
    root.dataset.state = 'cancelled';
    root.classList.remove('stale');
    requested = '';
    statusEl.innerHTML =
      `<div class="notice warn" data-testid="demand-cancelled"><div class="notice-title">Forecast cancelled</div>` +
      `<div>${forecast ? 'The map still shows the previous forecast.' : 'Nothing to show yet.'}</div></div>` +
      '<div class="actions"><button type="button" class="primary" data-testid="demand-retry">Run the forecast</button></div>';
  };

  const cancel = async () => {
    const id = jobId;
    if (!id) return;
    seq++;
    jobId = null;
    showCancelled();
    try {
      await cancelForecastJob(id);
    } catch (e) {
      console.warn('hubflow: cancel failed', e);
    }
  };

  // Inputs.
  $<HTMLSelectElement>('[data-testid="demand-horizon"]').addEventListener('change', (e) => {
    s.horizonDays = Number((e.target as HTMLSelectElement).value);
    s.day = Math.min(s.day, s.horizonDays - 1);
    changed();
    void load();
  });
  $<HTMLSelectElement>('[data-testid="demand-model"]').addEventListener('change', (e) => {
    s.model = (e.target as HTMLSelectElement).value;
    changed();
    void load();
  });
  root.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement;
    if (t.name === 'demand-dir') s.direction = t.value as Direction;
    else if (t.name === 'demand-color') s.colorBy = t.value as ColorBy;
    else return;
    changed();
    renderAll();
  });
  slider.addEventListener('input', () => {
    s.day = Number(slider.value);
    changed();
    renderAll();
  });
  root.addEventListener('click', (e) => {
    const t = e.target as HTMLElement;
    if (t.closest('[data-testid="demand-cancel"]')) void cancel();
    else if (t.closest('[data-testid="demand-retry"]')) void load();
    else if (t.closest('[data-testid="demand-national-btn"]')) selectCity(null);
    else {
      const row = t.closest<HTMLElement>('[data-testid="demand-top-row"]');
      if (row?.dataset.id) selectCity(row.dataset.id);
    }
  });

  return {
    enter() {
      active = true;
      layer.setVisible(true);
      if (requested !== requestKey() && root.dataset.state !== 'cancelled') void load();
      else if (forecast && !fitted) {
        fitted = true;
        const b = layer.bounds();
        if (b.isValid()) map.fitBounds(b, { ...o.fitPadding, maxZoom: 6 });
      }
    },
    leave() {
      active = false;
      layer.setVisible(false);
    },
  };
}
