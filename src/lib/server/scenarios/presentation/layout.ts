/**
 * Layered top-to-bottom layout of a scenario graph for diagram.ts (a small Sugiyama layout):
 * - a state's layer is its longest distance from the initial state, ignoring edges that close a cycle,
 *   so every choice points downwards (an ending sits just below the last decision that can lead to it);
 * - an edge spanning several layers gets a waypoint in each layer it crosses, so it is routed between
 *   boxes instead of behind them;
 * - within a layer, slots are ordered by the average position of their neighbours (a few sweeps down
 *   and up) to reduce crossing lines.
 */
import type { ScenarioDefinition } from '../engine';

export type LayoutSlot = { readonly kind: 'state'; readonly id: string } | { readonly kind: 'waypoint'; readonly id: string; readonly edge: number };

export interface LayoutEdge {
	readonly from: string;
	readonly to: string;
	/** Events that lead from `from` to `to`. */
	readonly events: readonly string[];
	/** Points upwards or sideways: it closes a cycle (or starts at an unreachable state). */
	readonly back: boolean;
	/** Ids of this edge's waypoint slots, top to bottom. */
	readonly waypoints: readonly string[];
}

export interface GraphLayout {
	/** Slots per layer, top to bottom, in drawing order. Unreachable states share one extra last layer. */
	readonly layers: readonly (readonly LayoutSlot[])[];
	readonly layerOf: ReadonlyMap<string, number>;
	readonly edges: readonly LayoutEdge[];
}

type Successors = ReadonlyMap<string, ReadonlyMap<string, string[]>>;

// Down, up, down: ending on a downward sweep keeps the start of the scenario tidy.
const SWEEPS = 3;

export function layoutScenario(def: ScenarioDefinition): GraphLayout {
	const successors = collectSuccessors(def);
	const backEdges = findBackEdges(def.initial, successors);
	const layerOf = longestDistances(def, successors, backEdges);
	const lastReachableLayer = Math.max(-1, ...layerOf.values());
	for (const state of def.states) {
		if (!layerOf.has(state.id)) layerOf.set(state.id, lastReachableLayer + 1);
	}

	const layerCount = Math.max(0, ...layerOf.values()) + 1;
	const layers: LayoutSlot[][] = Array.from({ length: layerCount }, () => []);
	for (const state of def.states) layers[layerOf.get(state.id) ?? 0]?.push({ kind: 'state', id: state.id });

	const edges: LayoutEdge[] = [];
	/** Neighbour links between slots in adjacent layers, used for ordering. */
	const links: [string, string][] = [];
	for (const [from, targets] of successors) {
		for (const [to, events] of targets) {
			const fromLayer = layerOf.get(from) ?? 0;
			const toLayer = layerOf.get(to) ?? 0;
			const back = backEdges.has(edgeKey(from, to)) || toLayer <= fromLayer;
			const waypoints: string[] = [];
			if (!back) {
				for (let layer = fromLayer + 1; layer < toLayer; layer++) {
					const id = `\u0000waypoint:${edges.length}:${layer}`;
					waypoints.push(id);
					layers[layer]?.push({ kind: 'waypoint', id, edge: edges.length });
				}
				const chain = [from, ...waypoints, to];
				for (let i = 1; i < chain.length; i++) links.push([chain[i - 1] ?? '', chain[i] ?? '']);
			}
			edges.push({ from, to, events, back, waypoints });
		}
	}
	orderLayers(layers, links);
	return { layers, layerOf, edges };
}

function collectSuccessors(def: ScenarioDefinition): Successors {
	const successors = new Map<string, Map<string, string[]>>();
	for (const state of def.states) {
		const targets = new Map<string, string[]>();
		for (const transition of state.transitions) {
			if (!def.stateById.has(transition.target)) continue;
			targets.set(transition.target, [...(targets.get(transition.target) ?? []), transition.event]);
		}
		successors.set(state.id, targets);
	}
	return successors;
}

function edgeKey(from: string, to: string): string {
	return `${from}\u0000${to}`;
}

/** Edges that lead to a state still on the depth-first stack: removing them leaves a DAG. */
function findBackEdges(initial: string, successors: Successors): Set<string> {
	const back = new Set<string>();
	const onStack = new Set<string>();
	const done = new Set<string>();
	const visit = (id: string): void => {
		onStack.add(id);
		for (const target of successors.get(id)?.keys() ?? []) {
			if (onStack.has(target)) back.add(edgeKey(id, target));
			else if (!done.has(target)) visit(target);
		}
		onStack.delete(id);
		done.add(id);
	};
	if (successors.has(initial)) visit(initial);
	return back;
}

function longestDistances(def: ScenarioDefinition, successors: Successors, backEdges: ReadonlySet<string>): Map<string, number> {
	const layerOf = new Map<string, number>();
	if (!successors.has(def.initial)) return layerOf;
	// Topological order of the reachable DAG (reverse post-order), then relax edges in that order.
	const order: string[] = [];
	const seen = new Set<string>();
	const visit = (id: string): void => {
		seen.add(id);
		for (const target of successors.get(id)?.keys() ?? []) {
			if (!seen.has(target) && !backEdges.has(edgeKey(id, target))) visit(target);
		}
		order.push(id);
	};
	visit(def.initial);
	order.reverse();
	layerOf.set(def.initial, 0);
	for (const id of order) {
		const layer = layerOf.get(id) ?? 0;
		for (const target of successors.get(id)?.keys() ?? []) {
			if (backEdges.has(edgeKey(id, target))) continue;
			layerOf.set(target, Math.max(layerOf.get(target) ?? 0, layer + 1));
		}
	}
	return layerOf;
}

/** Barycentre ordering, sweeping down then up; positions are normalised to 0..1 so wide and narrow layers compare. */
function orderLayers(layers: LayoutSlot[][], links: readonly [string, string][]): void {
	const above = new Map<string, string[]>();
	const below = new Map<string, string[]>();
	for (const [upper, lower] of links) {
		above.set(lower, [...(above.get(lower) ?? []), upper]);
		below.set(upper, [...(below.get(upper) ?? []), lower]);
	}
	const position = new Map<string, number>();
	const record = (layer: readonly LayoutSlot[]) => layer.forEach((slot, i) => position.set(slot.id, layer.length === 1 ? 0.5 : i / (layer.length - 1)));
	layers.forEach(record);

	const sortBy = (layer: LayoutSlot[], neighbours: ReadonlyMap<string, string[]>) => {
		const keys = new Map(
			layer.map((slot, i) => {
				const placed = (neighbours.get(slot.id) ?? []).flatMap((id) => {
					const at = position.get(id);
					return at === undefined ? [] : [at];
				});
				// Slots without neighbours keep their place.
				const centre = placed.length === 0 ? (position.get(slot.id) ?? 0) : placed.reduce((a, b) => a + b, 0) / placed.length;
				return [slot.id, { centre, i }] as const;
			})
		);
		layer.sort((a, b) => {
			const ka = keys.get(a.id);
			const kb = keys.get(b.id);
			return ka && kb ? ka.centre - kb.centre || ka.i - kb.i : 0;
		});
		record(layer);
	};

	for (let sweep = 0; sweep < SWEEPS; sweep++) {
		if (sweep % 2 === 0) for (let i = 1; i < layers.length; i++) sortBy(layers[i] ?? [], above);
		else for (let i = layers.length - 2; i >= 0; i--) sortBy(layers[i] ?? [], below);
	}
}
