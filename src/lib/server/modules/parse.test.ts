import { describe, expect, it } from 'vitest';
import { readModuleFiles } from '../content/disk';
import { ContentError } from '../content/errors';
import { parseModule, parseModules } from './parse';
import { majorChangeMarkdown, validMarkdown, validQuiz } from '$testing/module-fixtures';

const PATH = '/content/modules/07-test-module.md';

describe('module parsing', () => {
	it('reads a valid module: slug, order, sections from H2s, reflections, quiz', () => {
		const m = parseModule(PATH, validMarkdown, validQuiz);
		expect(m).toMatchObject({ slug: 'test-module', order: 7, meta: { passMark: 80, version: '1.2.0', reviewed: '2026-11-27' } });
		expect(m.sections).toEqual([
			{ id: 'why-this-matters', title: 'Why this matters' },
			{ id: 'warning-signs', title: 'Warning signs' }
		]);
		expect(m.reflections).toEqual([{ id: 'first-thoughts', prompt: 'What do you notice?' }]);
		expect(m.quiz.questions).toHaveLength(6);
	});

	it('reads a declared major change, which must name the major part of the version', () => {
		expect(parseModule(PATH, majorChangeMarkdown, validQuiz).meta.majorChange).toEqual({
			version: 2,
			retrainBy: '2027-03-31',
			whatChanged: 'Test fixture: the warning signs section was rewritten'
		});
		expect(() => parseModule(PATH, majorChangeMarkdown.replace('version: 2.0.0', 'version: 1.3.0'), validQuiz)).toThrow(/majorChange\.version/);
	});

	it('names the file and the field at fault in broken frontmatter', () => {
		const broken = validMarkdown.replace('passMark: 80', 'passMark: eighty').replace('audience: [police-constable]', 'audience: [wizard]');
		expect(() => parseModule(PATH, broken, validQuiz)).toThrow(ContentError);
		try {
			parseModule(PATH, broken, validQuiz);
		} catch (e) {
			expect((e as Error).message).toContain(`${PATH}: frontmatter field "passMark"`);
			expect((e as Error).message).toContain(`${PATH}: frontmatter field "audience.0"`);
		}
	});

	it('refuses a source with neither url nor citation, and unknown fields', () => {
		const broken = validMarkdown.replace('    citation: Mental Health Act 1983 c.20, s.136\n', '').replace('minutes: 10', 'minutes: 10\nauthor: me');
		expect(() => parseModule(PATH, broken, validQuiz)).toThrow(/sources\.0" needs a url or a citation[\s\S]*Unrecognized key/);
	});

	it('refuses quizzes that could not be graded fairly', () => {
		expect(() => parseModule(PATH, validMarkdown, undefined)).toThrow(/07-test-module\.quiz\.yaml: missing/);
		const twoRight = validQuiz.replace(
			'correct: false\n        feedback: No, because it is wrong.',
			'correct: true\n        feedback: No, because it is wrong.'
		);
		expect(() => parseModule(PATH, validMarkdown, twoRight)).toThrow(
			/quiz field "questions\.0\.options" a single-choice question needs exactly one correct option/
		);
		const noFeedback = validQuiz.replace('feedback: Yes, because it is right.', 'feedback: ok');
		expect(() => parseModule(PATH, validMarkdown, noFeedback)).toThrow(/needs feedback/);
		const five = validQuiz.slice(0, validQuiz.lastIndexOf('  - id: six'));
		expect(() => parseModule(PATH, validMarkdown, five)).toThrow(/at least six questions|multiple-choice/);
	});

	it('refuses text outside sections, duplicate headings and bad file names', () => {
		expect(() => parseModule(PATH, validMarkdown.replace('## Why this matters', 'Loose text.\n\n## Why this matters'), validQuiz)).toThrow(
			/before the first ## heading/
		);
		expect(() => parseModule(PATH, validMarkdown.replace('## Warning signs', '## Why this matters'), validQuiz)).toThrow(/share the id "why-this-matters"/);
		expect(() => parseModule('/content/modules/test.md', validMarkdown, validQuiz)).toThrow(/NN-slug\.md/);
	});

	it('reads sections outside code fenced with ``` or ~~~, and no H1 outside them', () => {
		const fenced = validMarkdown.replace('More text.', 'More text.\n\n~~~md\n# Not a title\n## Not a section\n~~~\n\n```\n## Nor this\n```');
		expect(parseModule(PATH, fenced, validQuiz).sections.map((s) => s.id)).toEqual(['why-this-matters', 'warning-signs']);
		expect(() => parseModule(PATH, validMarkdown.replace('More text.', '# A title'), validQuiz)).toThrow(/must not use an H1/);
		expect(() => parseModule(PATH, validMarkdown.replace(/^---\n/, ''), validQuiz)).toThrow(`${PATH}: has no frontmatter`);
	});

	it('refuses two modules with the same order number', () => {
		expect(() =>
			parseModules({
				[PATH]: validMarkdown,
				[PATH.replace('.md', '.quiz.yaml')]: validQuiz,
				'/content/modules/07-other.md': validMarkdown,
				'/content/modules/07-other.quiz.yaml': validQuiz
			})
		).toThrow(/order number 7 is also used/);
	});

	it('accepts every module shipped in content/modules', () => {
		const modules = parseModules(readModuleFiles());
		expect(modules.length).toBeGreaterThanOrEqual(10);
		for (const m of modules) {
			expect(m.quiz.questions.length, m.slug).toBeGreaterThanOrEqual(6);
			expect(m.meta.sources.length, m.slug).toBeGreaterThan(0);
		}
	});
});
