// The Flows view (placeholder until it is built).
import type L from 'leaflet';
import type { FlowsUrlState } from './flows-logic.js';

/** Options of {@link createFlowsView}. */
export interface FlowsViewOptions {
  initial: FlowsUrlState;
  /** Any input changed (write the URL). */
  onState(s: FlowsUrlState): void;
  fitPadding?: L.FitBoundsOptions;
}

/** The view's public face. */
export interface FlowsView {
  /** The tab was opened. */
  enter(): void;
  /** The tab was left: hide what the view drew on the map. */
  leave(): void;
}

/** Builds the panel inside `root` and its layers on `map`. */
export function createFlowsView(root: HTMLElement, _map: L.Map, _o: FlowsViewOptions): FlowsView {
  root.innerHTML = '<p class="hint">The Flows view is being built.</p>';
  return { enter: () => undefined, leave: () => undefined };
}
