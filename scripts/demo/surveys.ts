/**
 * Demo answers to the learner evaluation survey (content/surveys.yaml) for two modules, through the same store the
 * form uses: enough for the aggregates to show above the small-number threshold, with a few comments, so that
 * /insights/surveys has something to say. The demo accounts themselves never answer (the end-to-end tests do).
 */
import { and, desc, eq, notInArray } from 'drizzle-orm';
import type { DiskContent } from '../../src/lib/server/content/disk';
import type { Db } from '../../src/lib/server/db';
import { moduleCompletions, people } from '../../src/lib/server/db/schema';
import { saveAnswer } from '../../src/lib/server/surveys/store';
import { DEMO_ACCOUNTS, mulberry32 } from './seed';

export const DEMO_SURVEY_MODULES = ['restraint-safety', 'mental-health-act'] as const;
const PER_MODULE = 40;

/** Mostly favourable, as such surveys are, with a tail. */
const WEIGHTS = [0.04, 0.08, 0.2, 0.4, 0.28];

const COMMENTS = [
	'The section on positional asphyxia was the clearest explanation I have had in twelve years.',
	'Would like more on what to do when the ambulance is delayed for hours.',
	'Too long for a night shift; splitting it into two parts would help.',
	'The quiz questions were fair and the feedback explained why.',
	'Useful refresher. The case examples felt close to what we actually see.',
	'Please add something on working with interpreters.',
	'Some of the law sections were hard going on a phone screen.',
	'Good to see the NHS side of things explained for once.'
];

export function seedSurveyAnswers(db: Db, content: DiskContent) {
	const rand = mulberry32(1959);
	const rating = () => {
		let r = rand();
		for (const [i, w] of WEIGHTS.entries()) if ((r -= w) < 0) return i + 1;
		return 5;
	};
	const demoEmails = DEMO_ACCOUNTS.map((a) => a.email);
	db.transaction(() => {
		for (const slug of DEMO_SURVEY_MODULES) {
			const survey = content.surveys?.module;
			if (!survey || !content.modules.some((m) => m.slug === slug)) continue;
			const completers = db
				.selectDistinct({ id: people.id, organisationId: people.organisationId, unitId: people.unitId, jobRole: people.jobRole })
				.from(moduleCompletions)
				.innerJoin(people, eq(people.id, moduleCompletions.personId))
				.where(and(eq(moduleCompletions.moduleSlug, slug), eq(people.status, 'active'), notInArray(people.email, demoEmails)))
				.orderBy(people.id)
				.limit(PER_MODULE)
				.all();
			for (const [i, person] of completers.entries()) {
				const done = db
					.select({ version: moduleCompletions.moduleVersion, at: moduleCompletions.completedAt })
					.from(moduleCompletions)
					.where(and(eq(moduleCompletions.personId, person.id), eq(moduleCompletions.moduleSlug, slug)))
					.orderBy(desc(moduleCompletions.completedAt))
					.get()!;
				const ratings = Object.fromEntries(survey.ratings.map((item) => [item.id, rating()]));
				// The first answer always has the first comment: the access tests look for it (only administrators may see it).
				const comment = i === 0 ? COMMENTS[0] : rand() < 0.3 ? COMMENTS[Math.floor(rand() * COMMENTS.length)] : null;
				saveAnswer(db, person, { kind: 'module', slug, version: done.version }, { ratings, comment }, new Date(done.at.getTime() + 5 * 60_000));
			}
		}
	});
}
