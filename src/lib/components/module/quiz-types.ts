import type { Refusal } from '$lib/refusal';

/** A knowledge-check question as the page receives it: the answers are never sent before submission. */
export type Question = { id: string; kind: 'single' | 'multiple'; prompt: string; options: { id: string; text: string }[] };
/** How one question was marked: right or not, with the feedback on each option the learner chose (its text is the question's). */
export type QuestionOutcome = { id: string; correct: boolean; selected: { id: string; feedback: string; correct: boolean }[] };
/** A marked attempt, from the server. */
export type QuizResult = { score: number; passed: boolean; correct: number; total: number; questions: QuestionOutcome[] };

type LastAttempt = { at: string; result: QuizResult } | null;

/**
 * What the knowledge check shows for the page's form answer: the result just marked, or a refusal with the
 * learner's choices kept; with neither, their last attempt.
 */
export function knowledgeCheckAnswer(form: unknown, refused: Refusal | null, lastAttempt: LastAttempt) {
	const answer = form && typeof form === 'object' ? (form as { result?: QuizResult; chosen?: Record<string, string[]>; completed?: boolean }) : {};
	return {
		result: answer.result ?? null,
		errors: refused?.errors ?? null,
		chosen: answer.chosen ?? (refused?.kept?.chosen as Record<string, string[]> | undefined) ?? null,
		previous: answer.result || refused ? null : lastAttempt,
		completed: !!answer.completed
	};
}
