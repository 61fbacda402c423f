import { describe, expect, it } from 'vitest';
import { validMarkdown, validQuiz } from '$testing/module-fixtures';
import { parseModule } from '../modules/parse';
import { analyseQuestions } from './question-analysis';
import type { AnswerRow } from './store';

const module = parseModule('/content/modules/07-test-module.md', validMarkdown, validQuiz);
const rowsFor = (questionId: string, spec: [answer: string[], score: number, n: number][]): AnswerRow[] =>
	spec.map(([answer, score, n]) => ({ questionId, answer: JSON.stringify(answer), score, n }));

describe('question analysis', () => {
	it('gives facility at first attempt, discrimination, the most chosen wrong option and flags', () => {
		const rows = [
			// question one: the strong learners (score 100) get it right, the weak ones (score 17) pick b
			...rowsFor('one', [
				[['a'], 100, 40],
				[['b'], 17, 40],
				[['c'], 50, 20]
			]),
			// question six (multiple: a and b): 92% right (the 8 others are enough to publish)
			...rowsFor('six', [
				[['a', 'b'], 100, 40],
				[['a', 'b'], 17, 40],
				[['a', 'b'], 50, 12],
				[['a'], 50, 8]
			])
		];
		const analysis = analyseQuestions(module.quiz, rows);
		expect(analysis.learners).toBe(100);
		const one = analysis.questions.find((q) => q.id === 'one')!;
		expect(one.facility).toMatchObject({ suppressed: false, share: 0.4 });
		expect(one.discrimination).toBe(1);
		expect(one.wrong).toMatchObject({ id: 'b', share: { share: 0.4 } });
		expect(one.flags).toEqual([]);
		const six = analysis.questions.find((q) => q.id === 'six')!;
		expect(six.flags).toContain('too-easy');
		// choosing a alone is not right, but a is not a wrong option: nothing wrong was chosen
		expect(six.wrong).toBeNull();
		const two = analysis.questions.find((q) => q.id === 'two')!;
		expect(two).toMatchObject({ answered: 0, discrimination: null, flags: [] });
	});

	it('withholds small groups: no facility, no discrimination and no flags from a handful of learners', () => {
		const rows = rowsFor('one', [
			[['b'], 0, 5],
			[['a'], 100, 1]
		]);
		const one = analyseQuestions(module.quiz, rows).questions.find((q) => q.id === 'one')!;
		expect(one).toMatchObject({ answered: null, facility: { suppressed: true }, discrimination: null, flags: [] });
		expect(one.wrong!.share).toEqual({ suppressed: true });
	});

	it('flags a question the strong learners miss more often than the weak', () => {
		const rows = rowsFor('one', [
			[['b'], 100, 30],
			[['a'], 100, 5],
			[['a'], 40, 30],
			[['a'], 0, 30],
			[['b'], 0, 5]
		]);
		const one = analyseQuestions(module.quiz, rows).questions.find((q) => q.id === 'one')!;
		expect(one.discrimination!).toBeLessThan(0);
		expect(one.flags).toContain('negative-discrimination');
	});
});
