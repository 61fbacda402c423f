import { describe, expect, it } from 'vitest';
import { validMarkdown, validQuiz } from '$testing/module-fixtures';
import { correctAnswers, correctOptionIds } from './correct-answers';
import { grade } from './grading';
import { parseModule } from './parse';

const quiz = parseModule('/content/modules/07-test-module.md', validMarkdown, validQuiz).quiz;

describe('the right answers of a knowledge check', () => {
	it('names exactly the correct options of each question, sorted as a submitted answer is', () => {
		expect(correctAnswers(quiz)).toEqual({ one: ['a'], two: ['a'], three: ['a'], four: ['a'], five: ['a'], six: ['a', 'b'] });
	});

	it('sorts option ids whatever order the quiz lists them in', () => {
		const six = quiz.questions.find((q) => q.id === 'six')!;
		expect(correctOptionIds({ ...six, options: [...six.options].reverse() })).toEqual(['a', 'b']);
	});

	it('is graded as full marks', () => {
		expect(grade(quiz, correctAnswers(quiz), 80)).toMatchObject({ correct: 6, total: 6, score: 100, passed: true });
	});
});
