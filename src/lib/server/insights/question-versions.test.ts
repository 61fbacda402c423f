import { describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import { allModules } from '../content';
import { correctAnswers } from '../modules/correct-answers';
import { submitAttempt } from '../modules/progress';
import { compareVersions, readModuleVersion } from './filters';
import { questionInsight } from './page';
import { answerVersions } from './store';

const framework = testFramework();
const module = allModules()[0];
const earlier = (version: string) => ({ ...module, meta: { ...module.meta, version } });
const rightAnswers = correctAnswers(module.quiz);
const firstWrong = (() => {
	const q = module.quiz.questions[0];
	return { ...rightAnswers, [q.id]: [q.options.find((o) => !o.correct)!.id] };
})();
const at = (day: number) => new Date(Date.UTC(2026, 0, day, 10));
const url = (query = '') => new URL(`http://localhost/insights/questions/${module.slug}${query}`);

/** Twenty people in one unit answering version `version`, nine of them getting question one wrong. */
function answered(db: ReturnType<typeof testDb>, unit: { id: number; organisationId: number }, version: string, day: number) {
	for (let i = 0; i < 20; i++) {
		const p = addPerson(db, unit, { jobRole: module.meta.audience[0] });
		submitAttempt(db, framework, p.id, earlier(version), i < 9 ? firstWrong : rightAnswers, at(day));
	}
}

describe('module versions in question analysis', () => {
	it('orders versions by number, not by text', () => {
		expect(['1.10.0', '1.9.2', '2.0.0', '1.9.10'].sort(compareVersions)).toEqual(['1.9.2', '1.9.10', '1.10.0', '2.0.0']);
	});

	it('lists the versions with answers newest first, and reads the chosen one leniently', () => {
		const db = testDb();
		const unit = addUnit(db, addOrganisation(db).id);
		expect(answerVersions(db, module.slug)).toEqual([]);
		answered(db, unit, '0.9.0', 1);
		answered(db, unit, '0.10.0', 2);
		expect(answerVersions(db, module.slug)).toEqual(['0.10.0', '0.9.0']);
		expect(answerVersions(db, 'no-such-module')).toEqual([]);
		const list = answerVersions(db, module.slug);
		expect(readModuleVersion(url('?version=0.9.0'), module.meta.version, list)).toEqual({
			selected: '0.9.0',
			current: module.meta.version,
			list: [module.meta.version, '0.10.0', '0.9.0']
		});
		for (const bad of ['?version=0.8.0', '?version=%3Cscript%3E', '?version=', ''])
			expect(readModuleVersion(url(bad), module.meta.version, list).selected, bad).toBe(module.meta.version);
	});

	it('shows the current version with its questions, and an earlier one by question id only, each counted apart', () => {
		const db = testDb();
		const org = addOrganisation(db);
		const unit = addUnit(db, org.id);
		answered(db, unit, '0.9.0', 1);
		answered(db, unit, module.meta.version, 2);
		answered(db, unit, module.meta.version, 3);
		const scope = { kind: 'scoped' as const, organisationIds: [org.id], unitIds: [] };

		const current = questionInsight(db, scope, module.slug, url())!;
		expect(current.versions.selected).toBe(module.meta.version);
		expect(current.unknown).toBeNull();
		expect(current.analysis!.learners).toBe(40);
		const one = current.analysis!.questions[0];
		expect(one.prompt).toBe(module.quiz.questions[0].prompt);
		expect(one.facility).toMatchObject({ suppressed: false, count: 20, total: 40 }); // 22 of 40, rounded to fives

		const old = questionInsight(db, scope, module.slug, url('?version=0.9.0'))!;
		expect(old.versions.selected).toBe('0.9.0');
		expect(old.analysis).toBeNull();
		expect(old.unknown!.learners).toBe(20);
		expect(old.unknown!.questions.map((q) => q.id).sort()).toEqual(module.quiz.questions.map((q) => q.id).sort());
		const first = old.unknown!.questions.find((q) => q.id === module.quiz.questions[0].id)!;
		// 11 of 20 chose the marked answer, 9 the wrong one: most chosen first, rounded to fives
		expect(first.answers).toEqual([
			{ options: rightAnswers[first.id], share: { suppressed: false, count: 10, total: 20, share: 0.5 } },
			{ options: firstWrong[first.id], share: { suppressed: false, count: 10, total: 20, share: 0.5 } }
		]);

		// out of scope: nothing to show, whatever the version
		const elsewhere = questionInsight(db, { kind: 'scoped', organisationIds: [], unitIds: [999] }, module.slug, url('?version=0.9.0'))!;
		expect(elsewhere.unknown).toEqual({ learners: 0, questions: [] });
	});
});
