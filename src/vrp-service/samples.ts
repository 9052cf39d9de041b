/**
 * The sample scenarios of the Operations view and `GET /api/vrp/samples`:
 * SYNTHETIC (made-up stations, stops and fleets), each as a ready request.
 * `hangzhou` works anywhere (great-circle travel); `baltimore` is placed on
 * the demo road graph's streets and needs that graph loaded.
 */
import type { RoadNetwork } from '../roads/index.js';
import { NotFoundError } from '../shared/errors.js';
import { requestFromCsv } from './csv.js';
import { generateBaltimoreSample } from './sample-baltimore.js';
import { generateStationSample } from './sample-station.js';
import type { LonLat, VrpRequest } from './types.js';

/** One sample as listed. */
export interface VrpSampleInfo {
  name: string;
  title: string;
  description: string;
  synthetic: true;
  /** Road graph the sample's stops lie on (routes follow its streets), if any. */
  roadGraph?: string;
  stops: number;
  depot: LonLat;
}

/** A sample with its request (depot given once; the vehicles start and end there). */
export interface VrpSample extends VrpSampleInfo {
  request: VrpRequest;
  /** The stops as CSV (the format of `hubflow vrp --stops`), e.g. as a sample file to download. */
  stopsCsv: string;
}

function fromCsv(stopsCsv: string, vehiclesCsv: string, name: string): { request: VrpRequest; depot: LonLat } {
  const r = requestFromCsv(`${name}-stops.csv`, stopsCsv, `${name}-vehicles.csv`, vehiclesCsv);
  const depot = r.vehicles[0].start as LonLat;
  return { depot, request: { depot, stops: r.stops, vehicles: r.vehicles.map(({ start: _s, ...v }) => v) } };
}

/** The samples available with these road graphs (Baltimore only when its graph is loaded). */
export function listSamples(graphs: readonly RoadNetwork[]): VrpSample[] {
  const out: VrpSample[] = [];
  const hz = generateStationSample();
  const h = fromCsv(hz.stopsCsv, hz.vehiclesCsv, 'station');
  out.push({
    name: 'hangzhou',
    title: 'Hangzhou delivery station',
    description: 'A made-up last-mile station north-west of West Lake: 60 parcel stops, a third with a time window, 6 electric vans of 300 kg. Straight-line travel (no street data for Hangzhou).',
    synthetic: true,
    stops: h.request.stops.length,
    depot: h.depot,
    request: h.request,
    stopsCsv: hz.stopsCsv,
  });
  const net = graphs.find((g) => g.info.name === 'baltimore' && !g.graph.projected);
  if (net) {
    const ba = generateBaltimoreSample(net.graph);
    const b = fromCsv(ba.stopsCsv, ba.vehiclesCsv, 'baltimore');
    out.push({
      name: 'baltimore',
      title: 'Baltimore delivery station',
      description: 'A made-up station east of the Inner Harbor: 40 parcel stops on the demo road graph\'s streets, a third with a time window, 5 vans of 250 kg. Routes follow the streets.',
      synthetic: true,
      roadGraph: net.info.name,
      stops: b.request.stops.length,
      depot: b.depot,
      request: b.request,
      stopsCsv: ba.stopsCsv,
    });
  }
  return out;
}

/** One sample by name; NotFoundError naming `name` otherwise. */
export function getSample(name: string, graphs: readonly RoadNetwork[]): VrpSample {
  const s = listSamples(graphs).find((x) => x.name === name);
  if (!s) throw new NotFoundError(`no vrp sample named "${name}" (available: ${listSamples(graphs).map((x) => x.name).join(', ')})`, 'name');
  return s;
}
