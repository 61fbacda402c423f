/* eslint-disable @typescript-eslint/no-explicit-any -- the YAML is edited here as untyped data */
/** content/surveys.yaml: the shipped file is valid, and a bad one is refused by the content index with a clear message. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { buildContent } from '../content/build';
import { readContentFiles } from '../content/disk';
import { ContentError } from '../content/errors';
import { parseSurveys } from './definition';

const shipped = await readContentFiles();
const source = readFileSync('content/surveys.yaml', 'utf8');

/** The shipped file with `change` applied to its parsed data. */
function edited(change: (data: Record<string, any>) => void): string {
	const data = parseYaml(source);
	change(data);
	return stringify(data);
}

function refusal(surveys: string): string {
	try {
		buildContent({ ...shipped, surveys });
	} catch (error) {
		if (error instanceof ContentError) return error.message;
		throw error;
	}
	throw new Error('expected a ContentError');
}

describe('the shipped surveys', () => {
	it('are read into the content index: 3 to 5 items for modules and for scenarios, each with labelled ends', () => {
		const surveys = buildContent(shipped).surveys!;
		for (const kind of ['module', 'scenario'] as const) {
			expect(surveys[kind].ratings.length).toBeGreaterThanOrEqual(3);
			expect(surveys[kind].ratings.length).toBeLessThanOrEqual(5);
			for (const item of surveys[kind].ratings) expect(item.low && item.high).toBeTruthy();
			expect(surveys[kind].comment.label).toMatch(/\?$/);
		}
	});

	it('are absent, and none offered, when content/ has no surveys file', () => {
		expect(buildContent({ ...shipped, surveys: '' }).surveys).toBeNull();
	});
});

describe('a bad surveys file is refused at build, naming the file and field', () => {
	it('too few rating items', () => {
		const message = refusal(edited((d) => (d.module.ratings = d.module.ratings.slice(0, 2))));
		expect(message).toMatch(/^Content failed its checks/);
		expect(message).toContain('content/surveys.yaml: field "module.ratings" must have at least 3 rating items');
	});

	it('too many rating items', () => {
		const message = refusal(edited((d) => d.scenario.ratings.push(...d.module.ratings.map((r: any) => ({ ...r, id: `${r.id}-again` })))));
		expect(message).toContain('content/surveys.yaml: field "scenario.ratings" must have at most 5 rating items');
	});

	it('an item without a labelled end, and one with a bad id', () => {
		const message = refusal(
			edited((d) => {
				delete d.module.ratings[0].high;
				d.module.ratings[1].id = 'Not A Slug';
			})
		);
		expect(message).toContain('field "module.ratings.0.high"');
		expect(message).toContain('field "module.ratings.1.id" must be a slug');
	});

	it('a repeated id, an unknown field and a missing set', () => {
		expect(refusal(edited((d) => (d.module.ratings[1].id = d.module.ratings[0].id)))).toContain(
			`field "module.ratings.1.id" repeats the id "${parseYaml(source).module.ratings[0].id}"`
		);
		expect(refusal(edited((d) => (d.module.ratings[0].scale = 10)))).toMatch(/field "module\.ratings\.0" .*scale/);
		expect(refusal(edited((d) => delete d.scenario))).toContain('field "scenario"');
	});

	it('text that is not YAML', () => {
		expect(() => parseSurveys('content/surveys.yaml', 'module: [unclosed')).toThrow(/content\/surveys\.yaml: not valid YAML/);
	});
});
