import { beforeEach, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { moduleCompletions, quizAttempts } from '../db/schema';
import { addPersonOnTheirOwn, testDb } from '$testing/fixtures';
import { parseModule } from './parse';
import { markSectionRead, moduleState, moduleStatuses, submitAttempt } from './progress';
import { validMarkdown, validQuiz } from '$testing/module-fixtures';
import type { Db } from '../db';
import { testFramework } from '$testing/framework';

const framework = testFramework();

const module = parseModule('/content/modules/07-test-module.md', validMarkdown, validQuiz);
const right = { one: ['a'], two: ['a'], three: ['a'], four: ['a'], five: ['a'], six: ['a', 'b'] };
const wrong = { ...right, one: ['b'], two: ['b'] };
const t = (minutes: number) => new Date(Date.UTC(2026, 2, 3, 9, minutes));

describe('module progress and completion', () => {
	let db: Db;
	let personId: number;
	beforeEach(() => {
		db = testDb();
		personId = addPersonOnTheirOwn(db).id;
	});

	it('needs every section read and a pass; records the completion with the version', () => {
		expect(moduleStatuses(db, personId).get('test-module')).toBeUndefined();
		markSectionRead(db, framework, personId, module, 'why-this-matters', t(1));
		expect(moduleStatuses(db, personId).get('test-module')?.status).toBe('in-progress');
		const failed = submitAttempt(db, framework, personId, module, wrong, t(2));
		expect(failed).toMatchObject({ completed: false, result: { passed: false, score: 67 } });
		const passed = submitAttempt(db, framework, personId, module, right, t(3));
		expect(passed).toMatchObject({ completed: false, result: { passed: true } });
		expect(markSectionRead(db, framework, personId, module, 'warning-signs', t(4))).toEqual({ completed: true });
		const completion = db.select().from(moduleCompletions).get()!;
		expect(completion).toMatchObject({ moduleSlug: 'test-module', moduleVersion: '1.2.0', score: 100, attemptId: passed.attemptId, completedAt: t(4) });
		expect(moduleStatuses(db, personId).get('test-module')).toMatchObject({ status: 'completed', version: '1.2.0' });
		expect(db.select({ n: count() }).from(quizAttempts).get()!.n).toBe(2);
	});

	it('resumes where the learner left off, from the database', () => {
		markSectionRead(db, framework, personId, module, 'warning-signs', t(1));
		const state = moduleState(db, personId, module);
		expect(state.read).toEqual(['warning-signs']);
		expect(state.completion).toBeNull();
	});

	it('starts a fresh cycle after completion: a refresher needs reading and passing again', () => {
		markSectionRead(db, framework, personId, module, 'why-this-matters', t(1));
		markSectionRead(db, framework, personId, module, 'warning-signs', t(2));
		expect(submitAttempt(db, framework, personId, module, right, t(3)).completed).toBe(true);
		// the completed cycle is shown until the refresher begins
		expect(moduleState(db, personId, module)).toMatchObject({ read: ['why-this-matters', 'warning-signs'], passedThisCycle: true, completedCycleShown: true });
		markSectionRead(db, framework, personId, module, 'why-this-matters', t(10));
		expect(moduleState(db, personId, module)).toMatchObject({ read: ['why-this-matters'], passedThisCycle: false, completedCycleShown: false });
		expect(markSectionRead(db, framework, personId, module, 'warning-signs', t(11)).completed).toBe(false);
		expect(submitAttempt(db, framework, personId, module, right, t(12)).completed).toBe(true);
		expect(db.select({ n: count() }).from(moduleCompletions).get()!.n).toBe(2);
	});

	it('refuses an unknown section', () => {
		expect(() => markSectionRead(db, framework, personId, module, 'nope')).toThrow(/Unknown section/);
	});
});
