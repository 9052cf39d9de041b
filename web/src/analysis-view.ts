// The Analysis view (placeholder until it is built).
import type L from 'leaflet';
import type { AnalysisUrlState } from './analysis-logic.js';

/** Options of {@link createAnalysisView}. */
export interface AnalysisViewOptions {
  initial: AnalysisUrlState;
  /** Any input changed (write the URL). */
  onState(s: AnalysisUrlState): void;
  fitPadding?: L.FitBoundsOptions;
}

/** The view's public face. */
export interface AnalysisView {
  /** The tab was opened. */
  enter(): void;
  /** The tab was left: hide what the view drew on the map. */
  leave(): void;
}

/** Builds the panel inside `root` and its layers on `map`. */
export function createAnalysisView(root: HTMLElement, _map: L.Map, _o: AnalysisViewOptions): AnalysisView {
  root.innerHTML = '<p class="hint">The Analysis view is being built.</p>';
  return { enter: () => undefined, leave: () => undefined };
}
