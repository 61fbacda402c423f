import { refusal } from '$lib/refusal';
import type { QuizResult } from './quiz-types';

type LastAttempt = { at: string; result: QuizResult } | null;

/**
 * What the knowledge check shows for the page's form answer: the result just marked, or the submission refused with
 * the learner's choices kept; with neither, their last attempt. `completedBefore`: the module was already completed.
 */
export function knowledgeCheckAnswer(form: unknown, lastAttempt: LastAttempt, completedBefore: boolean) {
	const answer = form && typeof form === 'object' ? (form as { result?: QuizResult; chosen?: Record<string, string[]>; completed?: boolean }) : {};
	const refused = refusal(form, 'submit');
	return {
		result: answer.result ?? null,
		errors: refused?.errors ?? null,
		chosen: answer.chosen ?? (refused?.kept?.chosen as Record<string, string[]> | undefined) ?? null,
		previous: answer.result || refused ? null : lastAttempt,
		completed: !!answer.completed || completedBefore
	};
}
