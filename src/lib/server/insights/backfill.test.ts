import { describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { validMarkdown, validQuiz } from '$testing/module-fixtures';
import { findScenario, scenarioAnalysis } from '../content';
import type { Db } from '../db';
import { parseModule } from '../modules/parse';
import { submitAttempt } from '../modules/progress';
import { startOrResumeRun, takeStep } from '../scenarios/runs-store';
import { ANSWER_COUNTS_SELECT, CHOICE_COUNTS_SELECT, CHOICE_TOTALS_SELECT, rebuildInsightCounts, RUN_COUNTS_SELECT } from './backfill';
import { readInsightFilters } from './filters';
import { choiceRows } from './store';

const framework = testFramework();
const SLUG = 'prone-restraint-cant-breathe';
const def = findScenario(SLUG)!;
const best = scenarioAnalysis(SLUG)!.bestPath;
const module = parseModule('/content/modules/07-test-module.md', validMarkdown, validQuiz);
const right = { one: ['a'], two: ['a'], three: ['a'], four: ['a'], five: ['a'], six: ['a', 'b'] };
const wrong = { ...right, one: ['b'], two: ['b'], six: ['a'] };
const at = (day: number, seconds = 0) => new Date(Date.UTC(2026, 0, day, 10, 0, seconds));

/** Rows of a table or query, as sorted arrays of values, so that two of them compare whatever the column names. */
function rows(db: Db, sql: string): unknown[][] {
	return (db.$client.prepare(sql).raw().all() as unknown[][]).map((r) => r.map((v) => v)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Plays a run: the first `wrongFirst` decisions by a choice that is not the best one, then the best choice where offered. */
function play(db: Db, personId: number, start: Date, wrongFirst = 0, lateAt = -1) {
	const { run } = startOrResumeRun(db, personId, def, start);
	let state = def.initial;
	let time = start.getTime();
	for (let step = 0; step < 30; step++) {
		const here = def.stateById.get(state)!;
		if (here.kind === 'final') return;
		const offered = here.choices.map((c) => c.event);
		const good = offered.includes(best[step] ?? '') ? best[step]! : offered[0];
		const event = step < wrongFirst ? (offered.find((e) => e !== good) ?? good) : good;
		// A late answer: an hour after the decision was shown, past any limit.
		time += step === lateAt ? 3_600_000 : 1000;
		const result = takeStep(db, framework, personId, def, { runId: run.id, event, step }, new Date(time));
		if (!result.ok) throw new Error(`step ${step}: ${result.message}`);
		if (result.finished) return;
		state = result.record.to;
	}
}

describe('insight aggregates kept by the storage code', () => {
	it('scenario choice and run counts equal a GROUP BY over the raw steps and runs', () => {
		const db = testDb();
		const org = addOrganisation(db);
		const units = [addUnit(db, org.id), addUnit(db, org.id)];
		const people = [
			addPerson(db, units[0]),
			addPerson(db, units[0], { jobRole: 'police-sergeant' }),
			addPerson(db, units[1]),
			addPerson(db, units[1], { jobRole: 'custody-officer' })
		];
		people.forEach((p, i) => {
			play(db, p.id, at(1 + i), i % 2 ? 2 : 0, i === 2 ? 0 : -1);
			play(db, p.id, at(40 + i)); // a second run, in another month
			if (i === 0) play(db, p.id, at(80)); // a refresher after a pass
		});
		const counted = rows(db, 'SELECT * FROM scenario_choice_counts');
		expect(counted.length).toBeGreaterThan(5);
		expect(counted).toEqual(rows(db, CHOICE_COUNTS_SELECT));
		expect(rows(db, 'SELECT * FROM scenario_run_counts')).toEqual(rows(db, RUN_COUNTS_SELECT));
		expect(rows(db, 'SELECT * FROM scenario_choice_totals')).toEqual(rows(db, CHOICE_TOTALS_SELECT));
		// the unfiltered page reads the totals, a filtered one the detailed counts: the same figures either way
		const sorted = (r: object[]) => r.map((x) => JSON.stringify(x)).sort();
		const plain = readInsightFilters(new URL('http://x/'));
		const viaTotals = choiceRows(db, SLUG, def.meta.version, { kind: 'scoped', organisationIds: [org.id], unitIds: [] }, plain);
		const viaCounts = choiceRows(db, SLUG, def.meta.version, { kind: 'scoped', organisationIds: [], unitIds: units.map((u) => u.id) }, plain);
		expect(viaTotals.length).toBeGreaterThan(3);
		expect(sorted(viaTotals)).toEqual(sorted(viaCounts));
		// the figures mean what they say: every step is counted once, late ones as late, attempts numbered
		const total = db.$client.prepare('SELECT sum(n) FROM scenario_choice_counts').pluck().get();
		expect(total).toBe(db.$client.prepare('SELECT count(*) FROM scenario_steps').pluck().get());
		expect(db.$client.prepare('SELECT sum(n) FROM scenario_choice_counts WHERE late = 1').pluck().get()).toBeGreaterThanOrEqual(1);
		expect(db.$client.prepare('SELECT max(attempt) FROM scenario_run_counts').pluck().get()).toBe(3);
		expect(db.$client.prepare('SELECT sum(n) FROM scenario_run_counts WHERE refresher = 1').pluck().get()).toBeGreaterThanOrEqual(1);
	});

	it('quiz answer counts hold each first attempt per question, equal to a GROUP BY over the raw attempts', () => {
		const db = testDb();
		const unit = addUnit(db, addOrganisation(db).id);
		const a = addPerson(db, unit);
		const b = addPerson(db, unit, { jobRole: 'police-sergeant' });
		submitAttempt(db, framework, a.id, module, wrong, at(1));
		submitAttempt(db, framework, a.id, module, right, at(2)); // not a first attempt: not counted
		submitAttempt(db, framework, b.id, module, right, at(3));
		const counted = rows(db, 'SELECT * FROM quiz_answer_counts');
		expect(counted).toEqual(rows(db, ANSWER_COUNTS_SELECT));
		expect(db.$client.prepare('SELECT sum(n) FROM quiz_answer_counts').pluck().get()).toBe(2 * module.quiz.questions.length);
		expect(db.$client.prepare("SELECT answer FROM quiz_answer_counts WHERE question_id = 'six' ORDER BY answer").pluck().all()).toEqual(['["a","b"]', '["a"]']);
	});

	it('the rebuild gives back exactly what the storage code counted', () => {
		const db = testDb();
		const unit = addUnit(db, addOrganisation(db).id);
		const p = addPerson(db, unit);
		play(db, p.id, at(1), 1);
		submitAttempt(db, framework, p.id, module, wrong, at(2));
		const tables = ['scenario_choice_counts', 'scenario_choice_totals', 'scenario_run_counts', 'quiz_answer_counts'];
		const before = tables.map((t) => rows(db, `SELECT * FROM ${t}`));
		expect(before.every((r) => r.length > 0)).toBe(true);
		rebuildInsightCounts(db);
		expect(tables.map((t) => rows(db, `SELECT * FROM ${t}`))).toEqual(before);
	});
});
