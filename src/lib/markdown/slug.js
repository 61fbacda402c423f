/** The id of a module section: its H2 text, lower-cased, with runs of other characters turned into hyphens. */
export function slugify(text) {
	return String(text)
		.toLowerCase()
		.replace(/&[a-z]+;/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
