import { correctOptionIds } from './correct-answers';
import type { Quiz } from './schema';

export type Answers = Record<string, string[]>;

export type QuestionResult = {
	id: string;
	correct: boolean;
	/** The options chosen, by id (the page has their texts with the questions), with their feedback. */
	selected: { id: string; feedback: string; correct: boolean }[];
};
export type GradeResult = { correct: number; total: number; score: number; passed: boolean; questions: QuestionResult[] };

/** The questions as the browser may see them before submitting: no correct flags, no feedback. */
export function publicQuestions(quiz: Quiz) {
	return quiz.questions.map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt, options: q.options.map((o) => ({ id: o.id, text: o.text })) }));
}
export type PublicQuestion = ReturnType<typeof publicQuestions>[number];

/**
 * Reads answers from a form: `q:<question id>` fields whose values are option ids.
 * Returns a message per question that is unanswered or answered with something that is not one of its options.
 */
export function readAnswers(quiz: Quiz, form: FormData): { ok: true; answers: Answers } | { ok: false; errors: Record<string, string> } {
	const answers: Answers = {};
	const errors: Record<string, string> = {};
	quiz.questions.forEach((q, i) => {
		const raw = form.getAll(`q:${q.id}`).filter((v): v is string => typeof v === 'string');
		const chosen = [...new Set(raw)];
		const valid = new Set(q.options.map((o) => o.id));
		if (chosen.length === 0) errors[`q-${q.id}`] = `Answer question ${i + 1}`;
		else if (chosen.some((c) => !valid.has(c))) errors[`q-${q.id}`] = `Question ${i + 1}: choose from the options given`;
		else if (q.kind === 'single' && chosen.length > 1) errors[`q-${q.id}`] = `Question ${i + 1}: choose one answer only`;
		else answers[q.id] = chosen.sort();
	});
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}

/** A question is right only when exactly its correct options are chosen. */
export function grade(quiz: Quiz, answers: Answers, passMark: number): GradeResult {
	const questions = quiz.questions.map((q) => {
		const chosen = new Set(answers[q.id] ?? []);
		const right = correctOptionIds(q);
		const correct = right.length === chosen.size && right.every((id) => chosen.has(id));
		return {
			id: q.id,
			correct,
			selected: q.options.filter((o) => chosen.has(o.id)).map((o) => ({ id: o.id, feedback: o.feedback, correct: o.correct }))
		};
	});
	const correct = questions.filter((q) => q.correct).length;
	const total = questions.length;
	const score = Math.round((correct / total) * 100);
	return { correct, total, score, passed: score >= passMark, questions };
}
