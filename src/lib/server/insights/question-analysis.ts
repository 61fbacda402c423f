/**
 * What /insights/questions/<module> shows for one module version, from the summed first-attempt answers and the
 * quiz: per question its facility, discrimination, most chosen wrong option and flags for authors. Counts go
 * through the disclosure rule; discrimination is withheld when either group has fewer than 8 learners (the rule's
 * threshold), and a withheld figure raises no flag. Pure: no database.
 */
import { correctOptionIds } from '../modules/correct-answers';
import type { Quiz } from '../modules/schema';
import { publishCount, publishShare, SUPPRESS_UP_TO, type PublishedShare } from '../reporting/disclosure';
import { discrimination, facility, FLAG_TEXT, groupSize, questionFlags, type QuestionFlag, type ScoreBand } from './question-stats';
import type { AnswerRow } from './store';

export type WrongOption = { id: string; text: string; share: PublishedShare };
export type QuestionFigures = {
	id: string;
	number: number;
	prompt: string;
	answered: number | null;
	facility: PublishedShare;
	/** -1 to 1, two decimals; null when withheld or there were no answers. */
	discrimination: number | null;
	wrong: WrongOption | null;
	flags: QuestionFlag[];
	/** The flags in words, for the page. */
	flagTexts: string[];
};
export type QuestionAnalysis = { learners: number | null; questions: QuestionFigures[] };

const parseAnswer = (answer: string): string[] => {
	const value: unknown = JSON.parse(answer);
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

export function analyseQuestions(quiz: Quiz, rows: readonly AnswerRow[]): QuestionAnalysis {
	const byQuestion = new Map<string, AnswerRow[]>();
	for (const row of rows) byQuestion.set(row.questionId, [...(byQuestion.get(row.questionId) ?? []), row]);
	let learners = 0;
	const questions = quiz.questions.map((q, i): QuestionFigures => {
		const mine = byQuestion.get(q.id) ?? [];
		const rightKey = JSON.stringify(correctOptionIds(q));
		const total = mine.reduce((n, r) => n + r.n, 0);
		learners = Math.max(learners, total);
		const right = mine.filter((r) => r.answer === rightKey).reduce((n, r) => n + r.n, 0);
		const bands = new Map<number, ScoreBand>();
		const wrongCounts = new Map<string, number>();
		for (const row of mine) {
			const band = bands.get(row.score) ?? { score: row.score, learners: 0, right: 0 };
			band.learners += row.n;
			if (row.answer === rightKey) band.right += row.n;
			bands.set(row.score, band);
			for (const id of parseAnswer(row.answer)) if (!q.options.find((o) => o.id === id)?.correct) wrongCounts.set(id, (wrongCounts.get(id) ?? 0) + row.n);
		}
		const shown = publishShare(right, total);
		// Each group must itself be a publishable number of learners.
		const groupsBigEnough = Math.floor(groupSize(total)) > SUPPRESS_UP_TO;
		const d = groupsBigEnough ? discrimination([...bands.values()]) : null;
		const [wrongId, wrongN] = [...wrongCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
		const exact = facility(right, total);
		const flags = questionFlags({ facility: shown.suppressed ? null : exact, discrimination: d });
		return {
			id: q.id,
			number: i + 1,
			prompt: q.prompt,
			answered: publishCount(total),
			facility: shown,
			discrimination: d === null ? null : Math.round(d * 100) / 100,
			wrong: wrongId ? { id: wrongId, text: q.options.find((o) => o.id === wrongId)?.text ?? wrongId, share: publishShare(wrongN!, total) } : null,
			flags,
			flagTexts: flags.map((f) => FLAG_TEXT[f])
		};
	});
	return { learners: publishCount(learners), questions };
}

export type GivenAnswer = { options: string[]; share: PublishedShare };
export type AnswersById = { id: string; answered: number | null; answers: GivenAnswer[] };
export type UnknownVersionAnalysis = { learners: number | null; questions: AnswersById[] };

/**
 * An earlier version whose quiz the content no longer holds: without the questions and their marked answers there is
 * no right or wrong, so no facility, discrimination or flags. What stays true is what learners chose, by question id
 * and option id, most chosen first, under the same disclosure rule.
 */
export function answersById(rows: readonly AnswerRow[]): UnknownVersionAnalysis {
	const byQuestion = new Map<string, Map<string, number>>();
	for (const row of rows) {
		const answers = byQuestion.get(row.questionId) ?? new Map<string, number>();
		answers.set(row.answer, (answers.get(row.answer) ?? 0) + row.n);
		byQuestion.set(row.questionId, answers);
	}
	let learners = 0;
	const questions = [...byQuestion]
		.sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
		.map(([id, answers]): AnswersById => {
			const total = [...answers.values()].reduce((n, c) => n + c, 0);
			learners = Math.max(learners, total);
			return {
				id,
				answered: publishCount(total),
				answers: [...answers]
					.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
					.map(([answer, n]) => ({ options: parseAnswer(answer), share: publishShare(n, total) }))
			};
		});
	return { learners: publishCount(learners), questions };
}
