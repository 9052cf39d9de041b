// Pure logic of the Analysis view and its URL state (parameters prefixed 'a'). No DOM, no Leaflet.

/** The Analysis view's state, as kept in the URL. */
export interface AnalysisUrlState {}

/** A fresh page's state. */
export const DEFAULT_ANALYSIS: Readonly<AnalysisUrlState> = {};

/** Reads the view's parameters; anything missing or invalid takes its default. */
export function parseAnalysis(_q: URLSearchParams): AnalysisUrlState {
  return { ...DEFAULT_ANALYSIS };
}

/** Appends the view's parameters (defaults left out) to `parts`. */
export function formatAnalysis(_s: AnalysisUrlState, _parts: string[]): void {}
