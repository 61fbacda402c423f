import { z } from 'zod';
import { JOB_ROLE_IDS } from '../../organisation-model';
import { checkMajorChange, majorChangeSchema } from '../content/major-change';

const isoDate = z
	.union([z.string(), z.date()])
	.transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
	.pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'));

const source = z
	.object({
		title: z.string().min(3, 'needs a title'),
		url: z.url('must be a full web address').optional(),
		citation: z.string().min(3).optional()
	})
	.strict()
	.refine((s) => s.url || s.citation, 'needs a url or a citation');

/** Module frontmatter: what the learner sees about a module, and how it is assigned and passed. */
export const moduleFrontmatter = z
	.object({
		title: z.string().min(5).max(140),
		summary: z.string().min(20).max(400),
		audience: z.array(z.enum(JOB_ROLE_IDS)).min(1, 'must name at least one job role'),
		// Checked against content/competencies.yaml by the content index (src/lib/server/content/build.ts).
		competencies: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a competency id')).min(1, 'must name at least one competency'),
		minutes: z.number().int().min(5).max(60),
		version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0'),
		reviewed: isoDate,
		passMark: z.number().int().min(50).max(100),
		sources: z.array(source).min(1, 'must list at least one source'),
		/**
		 * This version is a major change everyone must learn: people whose latest completion is on an earlier major
		 * version are assigned the module, due by `retrainBy`, and see `whatChanged` (assignments/retraining.ts).
		 */
		majorChange: majorChangeSchema.optional()
	})
	.strict()
	.superRefine(checkMajorChange);
export type ModuleFrontmatter = z.infer<typeof moduleFrontmatter>;

const option = z
	.object({
		id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, numbers and hyphens'),
		text: z.string().min(1).max(500),
		correct: z.boolean(),
		feedback: z.string().min(10, 'needs feedback that explains the answer')
	})
	.strict();

const question = z
	.object({
		id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, numbers and hyphens'),
		kind: z.enum(['single', 'multiple']),
		prompt: z.string().min(10).max(600),
		options: z.array(option).min(2).max(6)
	})
	.strict()
	.superRefine((q, ctx) => {
		const correct = q.options.filter((o) => o.correct).length;
		if (q.kind === 'single' && correct !== 1)
			ctx.addIssue({ code: 'custom', path: ['options'], message: 'a single-choice question needs exactly one correct option' });
		if (q.kind === 'multiple' && correct < 1)
			ctx.addIssue({ code: 'custom', path: ['options'], message: 'a multiple-choice question needs at least one correct option' });
		if (new Set(q.options.map((o) => o.id)).size !== q.options.length)
			ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must be unique' });
	});

export const quizFile = z
	.object({ questions: z.array(question).min(6, 'needs at least six questions') })
	.strict()
	.superRefine((quiz, ctx) => {
		if (new Set(quiz.questions.map((q) => q.id)).size !== quiz.questions.length)
			ctx.addIssue({ code: 'custom', path: ['questions'], message: 'question ids must be unique' });
		if (!quiz.questions.some((q) => q.kind === 'multiple'))
			ctx.addIssue({ code: 'custom', path: ['questions'], message: 'needs at least one multiple-choice question' });
	});
export type Quiz = z.infer<typeof quizFile>;
export type Question = Quiz['questions'][number];
