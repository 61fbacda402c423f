import type { Answers } from './grading';
import type { Question, Quiz } from './schema';

/** A question's correct option ids, sorted as a submitted answer is: the one answer that counts as right. */
export function correctOptionIds(question: Question): string[] {
	return question.options
		.filter((o) => o.correct)
		.map((o) => o.id)
		.sort();
}

/** The right answer to every question of a knowledge check, in the shape a learner submits. */
export function correctAnswers(quiz: Quiz): Answers {
	return Object.fromEntries(quiz.questions.map((q) => [q.id, correctOptionIds(q)]));
}
