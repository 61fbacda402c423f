import { describe, expect, it } from 'vitest';
import { fixtureBriefing, VALID_FRONTMATTER, VOCABULARY } from '$testing/scenario-fixtures';
import { splitFrontmatter } from '../../content/markdown';
import { decisionMetaSchema, describeZodIssues, transitionMetaSchema, vocabularySchemas } from './schema';
import { ScenarioVocabulary } from './vocabulary';

const { frontmatter: scenarioFrontmatterSchema, ending: endingSchema } = vocabularySchemas(VOCABULARY);

function frontmatterProblems(overrides: Record<string, unknown>): { field: string; message: string }[] {
	const result = scenarioFrontmatterSchema.safeParse({ ...VALID_FRONTMATTER, ...overrides });
	return result.success ? [] : describeZodIssues(result.error, 'frontmatter');
}

describe('scenario frontmatter', () => {
	it('accepts the fixture briefing', () => {
		const { data } = splitFrontmatter(fixtureBriefing('good-scenario'));
		const parsed = scenarioFrontmatterSchema.parse(data);
		expect(parsed.pass).toEqual({ outcomes: ['safe-resolution'], minScore: 6, noCriticalFlags: true });
		expect(parsed.sources).toHaveLength(2);
	});

	it.each([
		[{ playedAs: 'police-officer' }, 'frontmatter.playedAs'],
		[{ audience: ['paramedic', 'nurse'] }, 'frontmatter.audience[1]'],
		[{ audience: [] }, 'frontmatter.audience'],
		[{ audience: ['paramedic', 'paramedic'] }, 'frontmatter.audience'],
		[{ competencies: ['Safe restraint'] }, 'frontmatter.competencies[0]'],
		[{ competencies: ['safe-restraint', 'safe-restraint'] }, 'frontmatter.competencies'],
		[{ minutes: 2.5 }, 'frontmatter.minutes'],
		[{ minutes: 90 }, 'frontmatter.minutes'],
		[{ version: '1.0' }, 'frontmatter.version'],
		[{ reviewed: '2026-02-30' }, 'frontmatter.reviewed'],
		[{ reviewed: '27/11/2026' }, 'frontmatter.reviewed'],
		[{ pass: { outcomes: ['fine'], minScore: 6, noCriticalFlags: true } }, 'frontmatter.pass.outcomes[0]'],
		[{ pass: { outcomes: ['harm'], minScore: 6 } }, 'frontmatter.pass.noCriticalFlags'],
		[{ sources: [{ title: 'No link' }] }, 'frontmatter.sources[0]'],
		[{ sources: [{ title: 'FTP', url: 'ftp://example.org' }] }, 'frontmatter.sources[0].url'],
		[{ title: '   ' }, 'frontmatter.title'],
		[{ summary: undefined }, 'frontmatter.summary']
	])('rejects %j at %s', (overrides, field) => {
		expect(frontmatterProblems(overrides).map((problem) => problem.field)).toContain(field);
	});

	it('rejects unknown keys, so a misspelt field is not silently ignored', () => {
		expect(frontmatterProblems({ minscore: 3 })).toEqual([{ field: 'frontmatter', message: 'Unrecognized key: "minscore"' }]);
	});

	it('says plainly when a field is missing', () => {
		expect(frontmatterProblems({ summary: undefined })).toEqual([{ field: 'frontmatter.summary', message: 'is missing (expected string)' }]);
	});
});

describe('a declared major change', () => {
	const change = { version: 2, retrainBy: '2027-03-31', whatChanged: 'Test fixture: the arrest route is now judged under PACE.' };

	it('is read when it names the major part of the version, with what changed and a retrain-by date', () => {
		const parsed = scenarioFrontmatterSchema.parse({ ...VALID_FRONTMATTER, version: '2.0.0', majorChange: change });
		expect(parsed.majorChange).toEqual(change);
	});

	it.each([
		[{ version: '1.1.0', majorChange: change }, 'frontmatter.majorChange.version', 'must be the major part of the version (1.1.0)'],
		[
			{ version: '2.0.0', majorChange: { ...change, retrainBy: '2026-11-01' } },
			'frontmatter.majorChange.retrainBy',
			'must not be before the reviewed date (2026-11-27)'
		],
		[{ version: '2.0.0', majorChange: { ...change, retrainBy: '2027-02-30' } }, 'frontmatter.majorChange.retrainBy', 'must be a date written YYYY-MM-DD'],
		[{ version: '2.0.0', majorChange: { ...change, whatChanged: 'Changed.' } }, 'frontmatter.majorChange.whatChanged', 'must say what changed'],
		[{ version: '1.0.0', majorChange: { ...change, version: 1 } }, 'frontmatter.majorChange.version', 'must be the major version (2 or more) that changed']
	])('refuses %j at %s', (overrides, field, message) => {
		expect(frontmatterProblems(overrides)).toContainEqual({ field, message });
	});
});

describe('schemas built from the vocabulary', () => {
	it('take their outcomes from the vocabulary, so a new ending needs no code', () => {
		const vocabulary = new ScenarioVocabulary({
			riskFlags: VOCABULARY.riskFlags.map((flag) => ({ ...flag })),
			outcomes: [...VOCABULARY.outcomes, { id: 'handed-to-family', label: 'Handed to family' }]
		});
		const { frontmatter, ending } = vocabularySchemas(vocabulary);
		const pass = { outcomes: ['handed-to-family'], minScore: 6, noCriticalFlags: true };
		expect(frontmatter.safeParse({ ...VALID_FRONTMATTER, pass }).success).toBe(true);
		expect(scenarioFrontmatterSchema.safeParse({ ...VALID_FRONTMATTER, pass }).success).toBe(false);
		expect(ending.safeParse({ outcome: 'handed-to-family' }).success).toBe(true);
		expect(vocabularySchemas(vocabulary).frontmatter).toBe(frontmatter);
	});
});

describe('meta schemas', () => {
	it('accept the shapes in docs/authoring.md', () => {
		expect(
			decisionMetaSchema.safeParse({
				narrative: 'You arrive',
				choices: [{ event: 'TALK', label: 'Talk' }],
				deadlineSeconds: 60,
				hesitate: 'WAIT'
			}).success
		).toBe(true);
		expect(transitionMetaSchema.safeParse({ feedback: 'Good', score: -2, flags: ['force-first'] }).success).toBe(true);
		expect(
			endingSchema.safeParse({
				outcome: 'safe-resolution',
				title: 'Safe',
				narrative: 'Next',
				debrief: 'Debrief',
				learnMore: [{ module: 'restraint-safety', section: 'warning-signs', label: 'Warning signs' }]
			}).success
		).toBe(true);
	});

	it('leave completeness to analyse() but reject wrong types and unknown keys', () => {
		expect(decisionMetaSchema.safeParse({}).success).toBe(true);
		expect(endingSchema.safeParse({}).success).toBe(true);
		expect(decisionMetaSchema.safeParse({ deadline: 30 }).success).toBe(false);
		expect(decisionMetaSchema.safeParse({ deadlineSeconds: 0 }).success).toBe(false);
		expect(transitionMetaSchema.safeParse({ score: '2' }).success).toBe(false);
		expect(transitionMetaSchema.safeParse({ flags: 'force-first' }).success).toBe(false);
		expect(endingSchema.safeParse({ outcome: 'fine' }).success).toBe(false);
		expect(endingSchema.safeParse({ learnMore: [{ module: 'Restraint Safety', section: 'x', label: 'y' }] }).success).toBe(false);
	});
});
