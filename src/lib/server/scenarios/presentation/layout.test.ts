import { describe, expect, it } from 'vitest';
import { loadFixture } from '$testing/scenario-fixtures';
import { layoutScenario } from './layout';

describe('layoutScenario', () => {
	it('puts each state at its longest distance from the start', async () => {
		const layout = layoutScenario(await loadFixture('good-scenario'));
		expect(Object.fromEntries(layout.layerOf)).toEqual({
			arrival: 0,
			talking: 1,
			consulted: 2,
			struggle: 2,
			detained: 2,
			transport: 3,
			van: 3,
			safe: 4,
			delayed: 4,
			harm: 4
		});
		expect(layout.edges.every((edge) => !edge.back)).toBe(true);
	});

	it('gives a long edge one waypoint per layer it crosses, placed in those layers', async () => {
		const layout = layoutScenario(await loadFixture('good-scenario'));
		const longEdge = layout.edges.find((edge) => edge.from === 'arrival' && edge.to === 'struggle');
		expect(longEdge?.waypoints).toHaveLength(1);
		const layerOfWaypoint = layout.layers.findIndex((layer) => layer.some((slot) => slot.id === longEdge?.waypoints[0]));
		expect(layerOfWaypoint).toBe(1);
		const stateSlots = layout.layers.flat().filter((slot) => slot.kind === 'state');
		expect(stateSlots).toHaveLength(10);
	});

	it('marks edges that close a cycle and puts unreachable states in a last layer', async () => {
		const layout = layoutScenario(await loadFixture('broken-scenario'));
		const back = layout.edges.filter((edge) => edge.back).map((edge) => `${edge.from}->${edge.to}`);
		expect(back).toContain('loop->start');
		expect(back).toContain('orphan->end');
		expect(layout.layerOf.get('orphan')).toBe(layout.layers.length - 1);
		expect(layout.layerOf.get('start')).toBe(0);
	});
});
