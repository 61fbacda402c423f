import { describe, expect, it } from 'vitest';
import { grade, publicQuestions, readAnswers } from './grading';
import { parseModule } from './parse';
import { validMarkdown, validQuiz } from '$testing/module-fixtures';

const module = parseModule('/content/modules/07-test-module.md', validMarkdown, validQuiz);
const quiz = module.quiz;
const allRight = { one: ['a'], two: ['a'], three: ['a'], four: ['a'], five: ['a'], six: ['a', 'b'] };
const form = (pairs: [string, string][]) => {
	const f = new FormData();
	for (const [k, v] of pairs) f.append(k, v);
	return f;
};

describe('knowledge check grading', () => {
	it('never exposes correct flags or feedback before submission', () => {
		const json = JSON.stringify(publicQuestions(quiz));
		expect(json).not.toMatch(/correct|feedback|because/);
		expect(publicQuestions(quiz)[0].options.map((o) => o.id)).toEqual(['a', 'b', 'c']);
	});

	it('passes at the pass mark and fails below it', () => {
		expect(grade(quiz, allRight, 80)).toMatchObject({ correct: 6, total: 6, score: 100, passed: true });
		const oneWrong = grade(quiz, { ...allRight, one: ['b'] }, 80);
		expect(oneWrong).toMatchObject({ correct: 5, score: 83, passed: true });
		const twoWrong = grade(quiz, { ...allRight, one: ['b'], six: ['a'] }, 80);
		expect(twoWrong).toMatchObject({ correct: 4, score: 67, passed: false });
		expect(twoWrong.questions.find((q) => q.id === 'one')!.selected[0]).toMatchObject({ id: 'b', feedback: 'No, because it is wrong.', correct: false });
	});

	it('needs exactly the right set for a multiple-choice question', () => {
		expect(grade(quiz, { ...allRight, six: ['a', 'b', 'c'] }, 80).questions.find((q) => q.id === 'six')!.correct).toBe(false);
	});

	it('reads form answers and names unanswered, unknown and doubled answers', () => {
		const ok = readAnswers(
			quiz,
			form([
				['q:one', 'a'],
				['q:two', 'a'],
				['q:three', 'a'],
				['q:four', 'a'],
				['q:five', 'a'],
				['q:six', 'b'],
				['q:six', 'a']
			])
		);
		expect(ok).toEqual({ ok: true, answers: allRight });
		const bad = readAnswers(
			quiz,
			form([
				['q:one', 'a'],
				['q:one', 'b'],
				['q:two', 'z'],
				['q:three', 'a'],
				['q:four', 'a'],
				['q:five', 'a']
			])
		);
		expect(bad).toEqual({
			ok: false,
			errors: { 'q-one': 'Question 1: choose one answer only', 'q-two': 'Question 2: choose from the options given', 'q-six': 'Answer question 6' }
		});
	});
});
