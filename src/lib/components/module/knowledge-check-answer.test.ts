import { describe, expect, it } from 'vitest';
import { knowledgeCheckAnswer } from './knowledge-check-answer';
import type { QuizResult } from './quiz-types';

const result: QuizResult = {
	score: 50,
	passed: false,
	correct: 1,
	total: 2,
	questions: [{ id: 'one', correct: true, selected: [{ id: 'b', feedback: 'Yes.', correct: true }] }]
};
const last = { at: '1 June 2026', result };

describe('knowledgeCheckAnswer', () => {
	it('shows the last attempt when the page has no form answer, or an answer to another form', () => {
		expect(knowledgeCheckAnswer(null, last, false)).toEqual({ result: null, errors: null, chosen: null, previous: last, completed: false });
		expect(knowledgeCheckAnswer({ savedReflection: 'r1' }, last, false).previous).toBe(last);
		expect(knowledgeCheckAnswer(null, last, true).completed).toBe(true);
	});

	it('shows a just-marked attempt with its choices, not the last one', () => {
		const answer = knowledgeCheckAnswer({ result, completed: true, chosen: { one: ['b'] } }, last, false);
		expect(answer).toEqual({ result, errors: null, chosen: { one: ['b'] }, previous: null, completed: true });
	});

	it('keeps the choices of a refused attempt with its errors', () => {
		const form = { errors: { one: 'Choose an answer' }, values: {}, action: 'submit', kept: { chosen: { two: ['a'] } } };
		const answer = knowledgeCheckAnswer(form, last, false);
		expect(answer).toEqual({ result: null, errors: { one: 'Choose an answer' }, chosen: { two: ['a'] }, previous: null, completed: false });
	});
});
