import { describe, expect, it } from 'vitest';
import { validMarkdown, validQuiz } from '$testing/module-fixtures';
import { completionShown, lastAttemptShown, REFRESHER_WARNING, sectionToMark } from './page';
import { parseModule } from './parse';

const module = parseModule('/content/modules/07-test-module.md', validMarkdown, validQuiz);
const right = { one: ['a'], two: ['a'], three: ['a'], four: ['a'], five: ['a'], six: ['a', 'b'] };

function attempt(answers: Record<string, string[]>, moduleVersion = '1.2.0') {
	return {
		id: 1,
		personId: 1,
		moduleSlug: 'test-module',
		moduleVersion,
		answers: JSON.stringify(answers),
		correct: 0,
		total: 6,
		score: 0,
		passed: false,
		submittedAt: new Date('2026-03-03T23:30:00Z')
	};
}

describe('lastAttemptShown', () => {
	it('marks the last attempt again, with the learner’s answers and the feedback on them', () => {
		const shown = lastAttemptShown(module, attempt({ ...right, one: ['b'] }));
		const chosen = Object.fromEntries(shown!.result.questions.map((q) => [q.id, q.selected.map((s) => s.id)]));
		expect(chosen).toMatchObject({ one: ['b'], six: ['a', 'b'] });
		// each answer's text is not repeated in the page's data: the page has it with the question
		expect(JSON.stringify(shown)).not.toContain('"text"');
		expect(shown?.result).toMatchObject({ correct: 5, total: 6, passed: true });
		expect(shown?.result.questions.find((q) => q.id === 'one')).toMatchObject({ correct: false, selected: [{ id: 'b', feedback: expect.any(String) }] });
		// the date is the London one
		expect(shown?.at).toBe('3 March 2026');
	});

	it('shows nothing for no attempt, or one at another version of the module', () => {
		expect(lastAttemptShown(module, null)).toBeNull();
		expect(lastAttemptShown(module, attempt(right, '1.1.0'))).toBeNull();
	});
});

describe('completionShown', () => {
	it('writes the completion date as the London day, on the server', () => {
		const completion = {
			id: 1,
			personId: 1,
			moduleSlug: 'test-module',
			moduleVersion: '1.2.0',
			attemptId: 1,
			score: 83,
			completedAt: new Date('2026-06-30T23:30:00Z')
		};
		expect(completionShown(completion)).toEqual({ at: '1 July 2026', version: '1.2.0', score: 83 });
		expect(completionShown(null)).toBeNull();
	});
});

describe('sectionToMark', () => {
	const form = (fields: Record<string, string>) => {
		const data = new FormData();
		for (const [k, v] of Object.entries(fields)) data.set(k, v);
		return data;
	};
	it('accepts a section of the module', () => {
		expect(sectionToMark(module, form({ section: 'warning-signs' }), false)).toEqual({ ok: true, section: 'warning-signs' });
	});
	it('refuses a section not in the module', () => {
		expect(sectionToMark(module, form({ section: 'nope' }), false)).toMatchObject({ ok: false, section: null });
		expect(sectionToMark(module, form({}), false)).toMatchObject({ ok: false, section: null });
	});
	it('asks first on a completed module, and goes ahead once a refresher is confirmed', () => {
		expect(sectionToMark(module, form({ section: 'warning-signs' }), true)).toEqual({ ok: false, section: 'warning-signs', message: REFRESHER_WARNING });
		expect(sectionToMark(module, form({ section: 'warning-signs', refresher: 'start' }), true)).toEqual({ ok: true, section: 'warning-signs' });
	});
});
