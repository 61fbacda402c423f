import { describe, expect, it } from 'vitest';
import { compileTemplate, TemplateError } from './template';
import { compileTemplates } from './templates';
import { readTemplateFiles } from './templates-disk';
import { TEMPLATE_NAMES, TEMPLATE_VARIABLES } from './template-variables';

const reminder = (body: string, front = 'subject: "Due: {{summary}}"\nkind: mandatory') => `---\n${front}\n---\n\n${body}`;
const PATH = 'content/emails/refresher-reminder.md';
const data = {
	name: 'Ann <b>O’Neil</b> & co',
	summary: 'Safe restraint expires soon',
	items: ['First <item>', 'Second item'],
	trainingUrl: 'https://academy.example.org/training?a=1&b=2',
	notificationsUrl: 'https://academy.example.org/notifications',
	dueSoonDays: '60',
	finalDays: '7'
};

describe('the email templates in content/emails', () => {
	const files = readTemplateFiles();
	it('every template parses, uses only its known placeholders, and every known template has a file', () => {
		const templates = compileTemplates(files);
		expect([...templates.keys()].sort()).toEqual([...TEMPLATE_NAMES].sort());
		for (const t of templates.values()) for (const v of t.variables) expect(Object.keys(TEMPLATE_VARIABLES[t.name])).toContain(v);
	});

	it('renders to an accessible HTML document and a plain-text part, with values escaped', () => {
		const t = compileTemplates(files).get('refresher-reminder')!;
		const out = t.render(data);
		expect(out.subject).toBe('Safe restraint expires soon');
		expect(out.html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
		expect(out.html).toMatch(/<h1>[^<]+<\/h1>/);
		expect(out.html).toContain('Hello Ann &lt;b&gt;O’Neil&lt;/b&gt; &amp; co,');
		expect(out.html).toContain('<li>First &lt;item&gt;</li>');
		expect(out.html).toContain('<a href="https://academy.example.org/training?a=1&amp;b=2">Open My training</a>');
		expect(out.html).not.toMatch(/<b>|\{\{|QzMAILVAR/);
		expect(out.text).toContain('Hello Ann <b>O’Neil</b> & co,');
		expect(out.text).toContain('- First <item>\n- Second item');
		expect(out.text).toContain('Open My training (https://academy.example.org/training?a=1&b=2)');
		expect(out.text).toMatch(/^Your training reminder\n=+\n/);
		expect(out.text).not.toMatch(/\{\{|QzMAILVAR|<a |<p>/);
	});

	it('the digest offers its unsubscribe link', () => {
		expect(compileTemplates(files).get('manager-digest')!.kind).toBe('subscription');
	});
});

describe('compileTemplate', () => {
	const fails = (source: string, message: RegExp, path = PATH) => expect(() => compileTemplate(path, source)).toThrow(message);

	it('keeps values out of Markdown: markup in a value stays text', () => {
		const t = compileTemplate(PATH, reminder('# Hi\n\nHello {{name}}.\n\n[Open]({{trainingUrl}})'));
		const out = t.render({ ...data, name: '*bold* [x](javascript:alert(1)) <script>' });
		expect(out.html).toContain('Hello *bold* [x](javascript:alert(1)) &lt;script&gt;.');
		expect(out.html).not.toContain('<em>');
		expect(out.subject).toBe('Due: Safe restraint expires soon');
	});

	it('puts line breaks in a value on one line, so a subject cannot gain a header', () => {
		const t = compileTemplate(PATH, reminder('# Hi\n\n{{summary}}'));
		expect(t.render({ ...data, summary: 'a\r\nBcc: x@example.org' }).subject).toBe('Due: a Bcc: x@example.org');
	});

	it('refuses unknown templates and placeholders, broken braces, HTML, lists out of place and addresses as text', () => {
		fails(reminder('# Hi'), /not a known template/, 'content/emails/no-such.md');
		fails('# Hi', /frontmatter/);
		fails(reminder('# Hi', 'subject: x'), /kind/);
		fails(reminder('# Hi', 'subject: "Hello"\nkind: whenever'), /kind/);
		fails(reminder('# Hi {{nope}}'), /\{\{nope\}\}, which is not a placeholder/);
		fails(reminder('# Hi {{name}'), /"\{\{" or "\}\}" that is not a placeholder/);
		fails(reminder('# Hi\n\n<p onclick="x">hello</p>'), /HTML|not support/);
		fails(reminder('# Hi\n\nYour items: {{items}}'), /must stand alone/);
		fails(reminder('# Hi\n\nGo to {{trainingUrl}}'), /is an address/);
		fails(reminder('# Hi\n\n[x]({{name}})'), /not an address/);
		fails(reminder('No heading here'), /level-one heading/);
		fails(reminder('# Hi', 'subject: "{{items}}"\nkind: mandatory'), /subject cannot hold the list/);
		fails(
			'---\nsubject: "Digest"\nkind: subscription\n---\n# Hi\n\n[dashboard]({{manageUrl}})',
			/must offer \{\{unsubscribeUrl\}\}/,
			'content/emails/manager-digest.md'
		);
		expect(() => compileTemplate(PATH, reminder('# Hi'))).not.toThrow(TemplateError);
	});

	it('needs every value it uses', () => {
		const t = compileTemplate(PATH, reminder('# Hi {{name}}'));
		expect(() => t.render({ summary: 'x' })).toThrow(/no value for \{\{name\}\}/);
	});

	it('renders a list missing from a message queued before the template gained it as nothing, still sent and shown', () => {
		const t = compileTemplate(PATH, reminder('# Hi {{name}}\n\n{{items}}\n\nAfter'));
		const { items: _, ...older } = data;
		const out = t.render(older);
		expect(out.html).not.toMatch(/<ul>|QzMAILVAR/);
		expect(out.html).toContain('After');
		expect(out.text).not.toMatch(/QzMAILVAR|^- /m);
		expect(() => t.render({ items: ['x'], summary: 'x' })).toThrow(/no value for \{\{name\}\}/);
	});
});
