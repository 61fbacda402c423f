/** A knowledge-check question as the page receives it: the answers are never sent before submission. */
export type Question = { id: string; kind: 'single' | 'multiple'; prompt: string; options: { id: string; text: string }[] };
/** How one question was marked: right or not, with the feedback on each option the learner chose (its text is the question's). */
export type QuestionOutcome = { id: string; correct: boolean; selected: { id: string; feedback: string; correct: boolean }[] };
/** A marked attempt, from the server. */
export type QuizResult = { score: number; passed: boolean; correct: number; total: number; questions: QuestionOutcome[] };
