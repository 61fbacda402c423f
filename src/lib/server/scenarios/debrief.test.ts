import { eq } from 'drizzle-orm';
import { testFramework } from '$testing/framework';
import { describe, expect, it } from 'vitest';
import { scenarioRuns } from '../db/schema';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { findScenario, scenarioAnalysis } from './catalogue';
import { buildDebrief } from './debrief';
import { getRun, openRun, runSteps, startOrResumeRun, takeStep } from './runs';

const framework = testFramework();

const SLUG = 'prone-restraint-cant-breathe';
const def = findScenario(SLUG)!;
const analysis = scenarioAnalysis(SLUG)!;
const t = (seconds: number) => new Date(Date.UTC(2026, 10, 27, 23, 42, seconds));

function setUp() {
	const db = testDb();
	const personId = addPerson(db, addUnit(db, addOrganisation(db).id)).id;
	const { run } = startOrResumeRun(db, personId, def, t(0));
	return { db, personId, run };
}

describe('buildDebrief', () => {
	it('describes a failing run: ending, reasons, flags by severity, decisions and both paths', () => {
		const { db, personId, run } = setUp();
		takeStep(db, framework, personId, def, { runId: run.id, event: 'KEEP_PRONE', step: 0 }, t(50));
		takeStep(db, framework, personId, def, { runId: run.id, event: 'CALMED', step: 1 }, t(51));
		const debrief = buildDebrief(def, analysis, getRun(db, personId, run.id)!, runSteps(db, run.id));
		expect(debrief).toMatchObject({
			abandoned: false,
			passed: false,
			// late, so the hesitate event (-2) was applied, then CALMED (-3)
			score: -5,
			bestScore: analysis.bestScore,
			outcome: { label: 'Risk of death', title: 'Liam stops breathing' },
			followedBestPath: false
		});
		expect(debrief.reasons.join(' ')).toMatch(/Risk of death.*Safe resolution/);
		expect(debrief.flags[0]).toMatchObject({ severity: 'critical', severityLabel: 'Critical' });
		expect(debrief.flags.at(-1)).toMatchObject({ id: 'no-monitoring', severityLabel: 'Serious' });
		// the first answer came after 50 of 45 seconds
		expect(debrief.decisions[0]).toMatchObject({ number: 1, late: true, chose: expect.stringMatching(/^Agree with PC Reilly/) });
		expect(debrief.learnMore[0]?.href).toBe('/modules/restraint-safety#how-positional-asphyxia-happens');
		expect(debrief.diagram).toMatch(/^<svg /);
		expect(debrief.learnerPathText).toHaveLength(3);
		expect(debrief.bestPathText).toHaveLength(analysis.bestPathStates.length);
	});

	it('says a closed run has no result and draws no map', () => {
		const { db, personId, run } = setUp();
		db.update(scenarioRuns).set({ scenarioVersion: '0.1.0' }).where(eq(scenarioRuns.id, run.id)).run();
		const closed = openRun(db, personId, def, run.id, t(5))!.run;
		const debrief = buildDebrief(def, analysis, closed, runSteps(db, run.id));
		expect(debrief).toMatchObject({ abandoned: true, updatedSince: true, outcome: null, passed: false, reasons: [], diagram: null });
	});
});
