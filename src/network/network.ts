import { InputError, NotFoundError } from '../shared/errors.js';
import { buildGraph, placesOf, type NetworkGraph } from './graph.js';
import { CompiledGraph } from './compiled.js';
import { MODES, type Mode, type NetworkData, type Place } from './types.js';

/**
 * The loaded network: plain data, its places, and graphology graphs per set
 * of allowed modes (built on first use and kept; the network is read-only).
 */
export class Network {
  readonly places: readonly Place[];
  private readonly byId: Map<string, Place>;
  private readonly byName: Map<string, Place>;
  private readonly graphs = new Map<string, NetworkGraph>();
  private readonly compiledGraphs = new Map<string, CompiledGraph>();

  constructor(readonly data: NetworkData) {
    this.places = placesOf(data);
    this.byId = new Map(this.places.map((p) => [p.id, p]));
    this.byName = new Map();
    // Cities first so that a name shared by a city and a hub resolves to the city.
    for (const p of [...this.places].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'city' ? -1 : 1))) {
      for (const key of [p.name.toLowerCase(), p.nameZh, ...(p.kind === 'hub' ? hubAliases(p) : [])]) {
        if (key && !this.byName.has(key)) this.byName.set(key, p);
      }
    }
  }

  /** The graph restricted to the given modes (all by default). */
  graph(modes: readonly Mode[] = MODES): NetworkGraph {
    const key = MODES.filter((m) => modes.includes(m)).join(',');
    let g = this.graphs.get(key);
    if (!g) {
      g = buildGraph(this.data, this.places as Place[], modes);
      this.graphs.set(key, g);
    }
    return g;
  }

  /** The compiled (typed-array) form of graph(modes), for repeated searches. */
  compiled(modes: readonly Mode[] = MODES): CompiledGraph {
    const key = MODES.filter((m) => modes.includes(m)).join(',');
    let c = this.compiledGraphs.get(key);
    if (!c) {
      c = new CompiledGraph(this.graph(modes));
      this.compiledGraphs.set(key, c);
    }
    return c;
  }

  place(id: string): Place | undefined {
    return this.byId.get(id);
  }

  /**
   * Resolves an id, an English name (any case) or a Chinese name to a place.
   * Throws NotFoundError naming `field` when nothing matches.
   */
  resolve(query: string, field: string): Place {
    if (typeof query !== 'string' || query.trim() === '') throw new InputError(`${field} must be a city or hub id or name`, field);
    const q = query.trim();
    const p = this.byId.get(q) ?? this.byId.get(q.toLowerCase()) ?? this.byName.get(q.toLowerCase()) ?? this.byName.get(q);
    if (!p) throw new NotFoundError(`${field}: no city or hub called "${q}"`, field);
    return p;
  }
}

/** A hub also answers to its name without the operator and kind ("Cainiao eHub Liège" → "liège", "liege"), unless a city has that name. */
function hubAliases(p: Place): string[] {
  const bare = p.name.replace(/\b(cainiao|e-?hub|sort|hub)\b/gi, '').replace(/\s+/g, ' ').trim().toLowerCase();
  const ascii = bare.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return bare === p.name.toLowerCase() ? [] : [bare, ascii];
}
