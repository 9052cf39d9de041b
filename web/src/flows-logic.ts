// Pure logic of the Flows view and its URL state (parameters prefixed 'f'). No DOM, no Leaflet.

/** The Flows view's state, as kept in the URL. */
export interface FlowsUrlState {}

/** A fresh page's state. */
export const DEFAULT_FLOWS: Readonly<FlowsUrlState> = {};

/** Reads the view's parameters; anything missing or invalid takes its default. */
export function parseFlows(_q: URLSearchParams): FlowsUrlState {
  return { ...DEFAULT_FLOWS };
}

/** Appends the view's parameters (defaults left out) to `parts`. */
export function formatFlows(_s: FlowsUrlState, _parts: string[]): void {}
