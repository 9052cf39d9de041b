import { InputError } from '../../shared/errors.js';

/**
 * The flow-instance JSON (the `bench lp` contract, also the input of the
 * allocation model once built from the hub network):
 *
 *   { "nodes": [{ "id", "supply" }], "arcs": [{ "from", "to", "costPerUnit", "capacity"?, "fixedCost"? }] }
 *
 * supply > 0: the most that may leave a source (it need not ship all of it);
 * supply < 0: the demand that must arrive at a sink; 0: a hub flow passes through.
 * An arc with `fixedCost` is paid for once if it carries any flow (a hub to
 * open, a lane to run), which makes the model a mixed-integer one.
 */
export interface FlowNode {
  id: string;
  supply: number;
}

export interface FlowArc {
  from: string;
  to: string;
  costPerUnit: number;
  capacity?: number;
  fixedCost?: number;
}

export interface FlowInstance {
  nodes: FlowNode[];
  arcs: FlowArc[];
}

/** One arc's flow in a solution. */
export interface ArcFlow {
  from: string;
  to: string;
  flow: number;
}

/** The solution JSON: objective, positive flows, and the fixed-cost arcs opened. */
export interface FlowSolution {
  objective: number;
  flows: ArcFlow[];
  open?: { from: string; to: string }[];
  /** Demand not served at each sink, when an unmet-demand penalty was given. */
  unmet?: { node: string; amount: number }[];
}

/**
 * Checks an instance at the boundary and returns the node index. Throws
 * InputError naming the field, e.g. `/arcs/3/to` for an unknown node or
 * `/arcs/0/capacity` for a negative capacity.
 */
export function validateFlowInstance(inst: FlowInstance): Map<string, number> {
  if (!inst || typeof inst !== 'object') throw new InputError('flow instance must be an object', '/');
  if (!Array.isArray(inst.nodes)) throw new InputError('nodes must be an array', '/nodes');
  if (!Array.isArray(inst.arcs)) throw new InputError('arcs must be an array', '/arcs');
  const index = new Map<string, number>();
  inst.nodes.forEach((node, i) => {
    if (typeof node?.id !== 'string' || node.id === '') throw new InputError(`node ${i} needs a non-empty string id`, `/nodes/${i}/id`);
    if (index.has(node.id)) throw new InputError(`duplicate node id "${node.id}"`, `/nodes/${i}/id`);
    if (typeof node.supply !== 'number' || !Number.isFinite(node.supply)) {
      throw new InputError(`supply of node "${node.id}" must be a finite number`, `/nodes/${i}/supply`);
    }
    index.set(node.id, i);
  });
  inst.arcs.forEach((arc, k) => {
    const at = `/arcs/${k}`;
    if (!index.has(arc?.from)) throw new InputError(`arc ${k}: unknown node "${arc?.from}"`, `${at}/from`);
    if (!index.has(arc.to)) throw new InputError(`arc ${k}: unknown node "${arc.to}"`, `${at}/to`);
    if (arc.from === arc.to) throw new InputError(`arc ${k}: from and to are the same node`, `${at}/to`);
    if (typeof arc.costPerUnit !== 'number' || !Number.isFinite(arc.costPerUnit)) {
      throw new InputError(`arc ${k}: costPerUnit must be a finite number`, `${at}/costPerUnit`);
    }
    if (arc.capacity !== undefined && arc.capacity !== null) {
      if (typeof arc.capacity !== 'number' || Number.isNaN(arc.capacity) || arc.capacity < 0) {
        throw new InputError(`arc ${k}: capacity must be a number >= 0, got ${arc.capacity}`, `${at}/capacity`);
      }
    }
    if (arc.fixedCost !== undefined && arc.fixedCost !== null) {
      if (typeof arc.fixedCost !== 'number' || !Number.isFinite(arc.fixedCost) || arc.fixedCost < 0) {
        throw new InputError(`arc ${k}: fixedCost must be a finite number >= 0`, `${at}/fixedCost`);
      }
    }
  });
  return index;
}

/** Capacity of an arc, Infinity when absent. */
export const arcCapacity = (arc: FlowArc): number => (arc.capacity === undefined || arc.capacity === null ? Infinity : arc.capacity);
