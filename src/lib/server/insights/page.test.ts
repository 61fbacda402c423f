import { describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { findScenario, scenarioAnalysis } from '../content';
import type { Db } from '../db';
import { startOrResumeRun, takeStep } from '../scenarios/runs-store';
import { filterChoices, scenarioInsight, scenarioMap } from './page';
import { percent } from './scenario-choices';

const framework = testFramework();
const SLUG = 'prone-restraint-cant-breathe';
const def = findScenario(SLUG)!;
const best = scenarioAnalysis(SLUG)!.bestPath;
const url = (query = '') => new URL(`http://localhost/insights/scenarios/${SLUG}${query}`);

/** Plays a run by the best choices, or with a first choice that is not the best one. */
function play(db: Db, personId: number, day: number, wrongFirst = false) {
	const { run } = startOrResumeRun(db, personId, def, new Date(Date.UTC(2026, 0, day, 10)));
	let state = def.initial;
	for (let step = 0; step < 30; step++) {
		const here = def.stateById.get(state)!;
		if (here.kind === 'final') return;
		const offered = here.choices.map((c) => c.event);
		const good = offered.includes(best[step] ?? '') ? best[step]! : offered[0];
		const event = wrongFirst && step === 0 ? (offered.find((e) => e !== good) ?? good) : good;
		const result = takeStep(db, framework, personId, def, { runId: run.id, event, step }, new Date(Date.UTC(2026, 0, day, 10, 0, step + 1)));
		if (!result.ok) throw new Error(`step ${step}: ${result.message}`);
		if (result.finished) return;
		state = result.record.to;
	}
}

/** The figures written beside the map's lines, in drawing order. */
const labels = (svg: string) => [...svg.matchAll(/<text [^>]*font-weight="bold" paint-order="stroke"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

function seeded() {
	const db = testDb();
	const org = addOrganisation(db);
	const unit = addUnit(db, org.id);
	for (let i = 0; i < 12; i++) play(db, addPerson(db, unit).id, 1 + i);
	return { db, org, unit, scope: { kind: 'scoped' as const, organisationIds: [org.id], unitIds: [] } };
}

describe('the scenario page and its map', () => {
	it('sends the map as an image of its own: its address keeps the filters, with its size and a text alternative', () => {
		const { db, scope } = seeded();
		const insight = scenarioInsight(db, scope, SLUG, url('?runs=first&role=police-constable&junk=1'))!;
		expect(insight.map.src).toBe(`/insights/scenarios/${SLUG}/map.svg?role=police-constable&runs=first`);
		expect(insight.map.width).toBeGreaterThan(200);
		expect(insight.map.height).toBeGreaterThan(200);
		expect(insight.map.alt).toContain(`Map of the scenario: ${def.meta.title}, weighted by use.`);
		expect(insight.map.alt).toMatch(/\d+ decision points and \d+ endings/);
		expect(JSON.stringify(insight)).not.toContain('<svg');
	});

	it("draws the page's own figures under the same disclosure control, and nothing for a scenario that does not exist", () => {
		const { db, org, unit, scope } = seeded();
		const insight = scenarioInsight(db, scope, SLUG, url())!;
		const map = scenarioMap(db, scope, SLUG, url())!;
		expect(map.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		const drawn = labels(map.svg);
		const published = insight.view.edges.map((e) => (percent(e.share) === null ? 'withheld' : `${percent(e.share)}%`));
		expect(drawn.sort()).toEqual(published.sort());
		// 12 people chose alike at the first decision: published as 100% and 0%; three more choosing otherwise make it withheld
		expect(drawn).toContain('100%');
		for (let i = 0; i < 3; i++) play(db, addPerson(db, unit).id, 20 + i, true);
		const after = scenarioMap(db, scope, SLUG, url())!;
		expect(labels(after.svg)).toContain('withheld');
		// another organisation's viewer sees nothing of these people
		const other = scenarioMap(db, { kind: 'scoped', organisationIds: [org.id + 1000], unitIds: [] }, SLUG, url())!;
		expect(labels(other.svg).every((l) => l === 'withheld')).toBe(true);
		expect(scenarioMap(db, scope, 'no-such-scenario', url())).toBeUndefined();
		expect(scenarioInsight(db, scope, 'no-such-scenario', url())).toBeUndefined();
	});

	it('gives the map an ETag that stays while the figures do and changes with them', () => {
		const { db, unit, scope } = seeded();
		const first = scenarioMap(db, scope, SLUG, url())!;
		expect(first.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
		expect(scenarioMap(db, scope, SLUG, url())!.etag).toBe(first.etag);
		expect(scenarioMap(db, scope, SLUG, url('?runs=refresher'))!.etag).not.toBe(first.etag);
		for (let i = 0; i < 3; i++) play(db, addPerson(db, unit).id, 20 + i, true);
		expect(scenarioMap(db, scope, SLUG, url())!.etag).not.toBe(first.etag);
	});
});

describe('filterChoices', () => {
	it("lists the scope's organisations, each with its own units, and nothing outside the scope", () => {
		const db = testDb();
		const a = addOrganisation(db, 'Force A');
		const b = addOrganisation(db, 'Trust B');
		const a1 = addUnit(db, a.id, 'A1');
		const a2 = addUnit(db, a.id, 'A2');
		const b1 = addUnit(db, b.id, 'B1');
		addUnit(db, b.id, 'B2');
		const names = (scope: Parameters<typeof filterChoices>[1]) =>
			filterChoices(db, scope).organisations.map((o) => [o.name, o.units.map((u) => u.name).sort()]);
		expect(names({ kind: 'scoped', organisationIds: [a.id], unitIds: [] })).toEqual([['Force A', ['A1', 'A2']]]);
		expect(names({ kind: 'scoped', organisationIds: [a.id], unitIds: [b1.id] })).toEqual([
			['Force A', ['A1', 'A2']],
			['Trust B', ['B1']]
		]);
		expect(names({ kind: 'scoped', organisationIds: [], unitIds: [a2.id] })).toEqual([['Force A', ['A2']]]);
		expect(names({ kind: 'all' }).map(([name]) => name)).toEqual(expect.arrayContaining(['Force A', 'Trust B']));
		expect(filterChoices(db, { kind: 'scoped', organisationIds: [a.id], unitIds: [] }).organisations[0].units.map((u) => u.id)).toContain(a1.id);
	});
});
