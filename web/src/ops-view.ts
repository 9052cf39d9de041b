// The Operations view (placeholder until it is built).
import type L from 'leaflet';
import type { OpsUrlState } from './ops-logic.js';

/** Options of {@link createOpsView}. */
export interface OpsViewOptions {
  initial: OpsUrlState;
  /** Any input changed (write the URL). */
  onState(s: OpsUrlState): void;
  fitPadding?: L.FitBoundsOptions;
}

/** The view's public face. */
export interface OpsView {
  /** The tab was opened. */
  enter(): void;
  /** The tab was left: hide what the view drew on the map. */
  leave(): void;
}

/** Builds the panel inside `root` and its layers on `map`. */
export function createOpsView(root: HTMLElement, _map: L.Map, _o: OpsViewOptions): OpsView {
  root.innerHTML = '<p class="hint">The Operations view is being built.</p>';
  return { enter: () => undefined, leave: () => undefined };
}
