/**
 * The fields of the forms a page renders, read from its HTML: each field's name and the values the page offers
 * (an input's value, a select's options, each radio button). The fuzzer starts from these, so a field added to
 * a form is fuzzed without anyone listing it.
 */
export type FormFields = Record<string, string[]>;

const decode = (s: string) =>
	s
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

const attr = (tag: string, name: string) => {
	const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
	return m ? decode(m[1]) : undefined;
};

/** POST forms whose action is `?/name` (or, for `default`, no action, an empty one or a query of its own page). */
export function formFields(html: string, action: string): FormFields {
	const fields: FormFields = {};
	const add = (name: string, value?: string) => {
		fields[name] ??= [];
		if (value !== undefined && value !== '' && !fields[name].includes(value)) fields[name].push(value);
	};
	for (const form of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		if ((attr(form[1], 'method') ?? '').toUpperCase() !== 'POST') continue;
		const target = attr(form[1], 'action') ?? '';
		const isDefault = target === '' || (target.startsWith('?') && !target.startsWith('?/'));
		if (action === 'default' ? !isDefault : !target.endsWith(`?/${action}`)) continue;
		const body = form[2];
		for (const select of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
			const name = attr(select[1], 'name');
			if (!name) continue;
			add(name);
			for (const option of select[2].matchAll(/<option\b([^>]*)>/g)) add(name, attr(option[1], 'value'));
		}
		for (const field of body.matchAll(/<(input|textarea)\b([^>]*)>/g)) {
			const name = attr(field[2], 'name');
			if (name) add(name, attr(field[2], 'value'));
		}
	}
	return fields;
}
