/**
 * Email templates: Markdown with YAML frontmatter (subject, kind) and {{placeholders}}. A template is compiled once:
 * its placeholders are swapped for plain markers, the Markdown is rendered by `marked` to HTML and by the walker
 * below to plain text, and each message then only puts its values in place of the markers, HTML-escaped in the
 * HTML part. Values therefore never pass through Markdown: a name like "*Ann* [x](javascript:...)" stays text.
 */
import { Marked, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { escapeHtml } from '../../escape-html';
import { TEMPLATE_KINDS, TEMPLATE_VARIABLES, type TemplateKind, type TemplateName, type VariableType } from './template-variables';

export class TemplateError extends Error {}

const frontmatterSchema = z.object({ subject: z.string().trim().min(3).max(150), kind: z.enum(TEMPLATE_KINDS) }).strict();

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
/** Markers that Markdown leaves alone (letters and digits only) and no template contains. */
const marker = (i: number) => `QzMAILVAR${i}zQ`;
const MARKER = /QzMAILVAR(\d+)zQ/g;

export type CompiledTemplate = {
	name: TemplateName;
	kind: TemplateKind;
	subject: string;
	variables: string[];
	render: (data: Record<string, string | string[]>) => { subject: string; text: string; html: string };
	renderSubject: (data: Record<string, string | string[]>) => string;
};

const marked = new Marked({ gfm: true, breaks: false });

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };
const decode = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e]);

/** Inline tokens as plain text; a link becomes "text (address)" unless the text is the address. */
function inlineText(tokens: Token[] | undefined): string {
	return (tokens ?? [])
		.map((t) => {
			switch (t.type) {
				case 'link': {
					const label = inlineText((t as Tokens.Link).tokens);
					return label === t.href ? t.href : `${label} (${t.href})`;
				}
				case 'br':
					return '\n';
				case 'codespan':
				case 'escape':
					return decode((t as Tokens.Codespan).text);
				default:
					return 'tokens' in t && t.tokens ? inlineText(t.tokens) : decode((t as Tokens.Text).text ?? '');
			}
		})
		.join('');
}

/** Block tokens as plain text, for the text/plain part. */
function blockText(tokens: Token[], path: string): string {
	const out: string[] = [];
	for (const t of tokens) {
		switch (t.type) {
			case 'space':
				break;
			case 'heading': {
				const text = inlineText((t as Tokens.Heading).tokens);
				out.push((t as Tokens.Heading).depth <= 2 ? `${text}\n${((t as Tokens.Heading).depth === 1 ? '=' : '-').repeat(Math.min(text.length, 70))}` : text);
				break;
			}
			case 'paragraph':
				out.push(inlineText((t as Tokens.Paragraph).tokens));
				break;
			case 'list':
				out.push(
					(t as Tokens.List).items
						.map(
							(item, i) =>
								`${(t as Tokens.List).ordered ? `${Number((t as Tokens.List).start || 1) + i}.` : '-'} ${blockText(item.tokens, path).replace(/\n/g, '\n  ')}`
						)
						.join('\n')
				);
				break;
			case 'text':
				out.push('tokens' in t && t.tokens ? inlineText(t.tokens) : decode((t as Tokens.Text).text));
				break;
			case 'blockquote':
				out.push(blockText((t as Tokens.Blockquote).tokens, path).replace(/^/gm, '> '));
				break;
			case 'hr':
				out.push('----');
				break;
			default:
				throw new TemplateError(`${path}: uses Markdown that emails do not support (${t.type}); use headings, paragraphs, lists, links and emphasis`);
		}
	}
	return out.join('\n\n');
}

function splitFrontmatter(path: string, source: string) {
	const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(source);
	if (!m) throw new TemplateError(`${path}: must start with a frontmatter block between --- lines (subject and kind)`);
	let data: unknown;
	try {
		data = parseYaml(m[1]);
	} catch (e) {
		throw new TemplateError(`${path}: frontmatter is not valid YAML: ${(e as Error).message}`);
	}
	const parsed = frontmatterSchema.safeParse(data);
	if (!parsed.success)
		throw new TemplateError(parsed.error.issues.map((i) => `${path}: frontmatter field "${i.path.join('.') || '(root)'}" ${i.message}`).join('\n'));
	return { ...parsed.data, body: m[2] };
}

/** Parses and checks one template; `path` is content/emails/<name>.md. */
export function compileTemplate(file: string, source: string): CompiledTemplate {
	const path = file.replace(/^\//, '');
	const name = /(?:^|\/)([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/.exec(path)?.[1];
	if (!name || !(name in TEMPLATE_VARIABLES))
		throw new TemplateError(`${path}: is not a known template; list it and its placeholders in src/lib/server/mail/template-variables.ts`);
	const known: Record<string, VariableType> = TEMPLATE_VARIABLES[name as TemplateName];
	const { subject, kind, body } = splitFrontmatter(path, source);
	if (/QzMAILVAR/.test(source)) throw new TemplateError(`${path}: contains the reserved text QzMAILVAR`);

	const variables: string[] = [];
	const swap = (text: string, where: string) =>
		text.replace(PLACEHOLDER, (_, v: string) => {
			if (!(v in known))
				throw new TemplateError(`${path}: ${where} uses {{${v}}}, which is not a placeholder of this template (known: ${Object.keys(known).join(', ')})`);
			if (!variables.includes(v)) variables.push(v);
			return marker(variables.indexOf(v));
		});
	const markedSubject = swap(subject, 'the subject');
	const markedBody = swap(body, 'the body');
	for (const [where, text] of [
		['the subject', markedSubject],
		['the body', markedBody]
	])
		if (/\{\{|\}\}/.test(text)) throw new TemplateError(`${path}: ${where} has a "{{" or "}}" that is not a placeholder like {{name}}`);
	for (const v of variables)
		if (known[v] === 'list' && markedSubject.includes(marker(variables.indexOf(v))))
			throw new TemplateError(`${path}: the subject cannot hold the list {{${v}}}`);

	const tokens = marked.lexer(markedBody);
	if (tokens.find((t) => t.type === 'heading' && (t as Tokens.Heading).depth === 1) === undefined)
		throw new TemplateError(`${path}: needs a level-one heading (# ...)`);
	const html = marked.parser(tokens);
	const text = blockText(tokens, path);
	if (/<(?!\/?(h[1-6]|p|ul|ol|li|a|strong|em|code|br|hr|blockquote)[\s>/])/i.test(html.replace(/<a href="[^"]*">/g, '<a>')))
		throw new TemplateError(`${path}: contains HTML; write Markdown only`);
	// Checks on how each placeholder is used, against the rendered parts.
	variables.forEach((v, i) => {
		const m = marker(i);
		const inHref = html.includes(`href="${m}"`);
		if (known[v] === 'url' && html.replace(new RegExp(`href="${m}"`, 'g'), '').includes(m))
			throw new TemplateError(`${path}: {{${v}}} is an address; use it as a link's target, as in [Open My training]({{${v}}})`);
		if (known[v] !== 'url' && inHref) throw new TemplateError(`${path}: {{${v}}} is not an address, so it cannot be a link's target`);
		if (known[v] === 'list' && html.replace(new RegExp(`<p>${m}</p>`, 'g'), '').includes(m))
			throw new TemplateError(`${path}: the list {{${v}}} must stand alone in its own paragraph`);
	});
	if (kind === 'subscription' && !variables.some((v) => v === 'unsubscribeUrl'))
		throw new TemplateError(`${path}: a subscription email must offer {{unsubscribeUrl}}`);

	const values = (data: Record<string, string | string[]>) => {
		const value = (i: number) => {
			const v = data[variables[i]];
			if (v === undefined) throw new Error(`Template ${name}: no value for {{${variables[i]}}}`);
			return v;
		};
		const line = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();
		const one = (i: number) => line(String(value(i)));
		// A list a template gained after a message was queued (a digest's assignments, say) renders as nothing, so the
		// message is still sent and still shown on /notifications.
		const list = (i: number) => (data[variables[i]] === undefined ? [] : (Array.isArray(value(i)) ? (value(i) as string[]) : [String(value(i))]).map(line));
		const isList = (i: number) => known[variables[i]] === 'list';
		return { one, list, isList };
	};
	const renderSubject = (data: Record<string, string | string[]>) => {
		const { one } = values(data);
		return markedSubject.replace(MARKER, (_, i) => one(Number(i)));
	};
	const render = (data: Record<string, string | string[]>) => {
		const { one, list, isList } = values(data);
		return {
			subject: renderSubject(data),
			text: text
				.replace(/^QzMAILVAR(\d+)zQ$/gm, (m, i) =>
					isList(Number(i))
						? list(Number(i))
								.map((l) => `- ${l}`)
								.join('\n')
						: m
				)
				.replace(MARKER, (_, i) => one(Number(i))),
			html: layout(
				renderSubject(data),
				html
					.replace(/<p>QzMAILVAR(\d+)zQ<\/p>/g, (m, i) =>
						isList(Number(i))
							? list(Number(i)).length
								? `<ul>\n${list(Number(i))
										.map((l) => `<li>${escapeHtml(l)}</li>`)
										.join('\n')}\n</ul>`
								: ''
							: m
					)
					.replace(MARKER, (_, i) => escapeHtml(one(Number(i))))
			)
		};
	};
	return { name: name as TemplateName, kind, subject, variables, render, renderSubject };
}

/** The whole HTML document: a language, a title, readable type, links that look like links. No images. */
function layout(subject: string, body: string): string {
	return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
<style>
body { font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c; background: #ffffff; margin: 0; padding: 16px; }
main { max-width: 40em; }
a { color: #1d4f91; text-decoration: underline; }
h1 { font-size: 24px; line-height: 1.25; }
h2 { font-size: 19px; line-height: 1.3; margin-top: 1.5em; }
</style>
</head>
<body>
<main>
${body}</main>
<footer><p>Crisis Care Academy: mental health awareness training for police, NHS and ambulance staff in London.</p></footer>
</body>
</html>
`;
}
