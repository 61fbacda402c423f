/**
 * An audit entry's detail (stored as JSON) as key: value lines a person can read. The page escapes them as text.
 * A value that is the id of a person, organisation or unit carries a link to that record's administration page.
 */
export type DetailLine = { key: string; value: string; href?: string };

/** Administration pages for the records an entry can name; the same for an entry's own subject (entity and id). */
const RECORD_PAGES: Record<string, string> = { person: '/admin/people', organisation: '/admin/organisations', unit: '/admin/units' };

/** Detail keys (the last part of a dotted key) that hold the id of a record with a page. */
const ID_KEYS: Record<string, keyof typeof RECORD_PAGES> = {
	personId: 'person',
	learnerId: 'person',
	assessorId: 'person',
	recordedBy: 'person',
	grantedTo: 'person',
	organisationId: 'organisation',
	unitId: 'unit'
};

/** The administration page of an audited record, when it has one: "person" 203 → /admin/people/203. */
export function recordHref(entity: string, id: unknown): string | undefined {
	const base = RECORD_PAGES[entity];
	const text = typeof id === 'number' ? String(id) : typeof id === 'string' ? id : '';
	return base && /^[1-9]\d{0,15}$/.test(text) ? `${base}/${text}` : undefined;
}

const MAX_LINES = 40;
const MAX_VALUE = 300;

function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shorten(text: string): string {
	return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function valueText(v: unknown): string {
	if (v === null || v === undefined) return 'none';
	if (typeof v === 'boolean') return v ? 'yes' : 'no';
	if (typeof v === 'string') return v === '' ? '(empty)' : v;
	if (typeof v === 'number') return String(v);
	if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.map((x) => (isPlainObject(x) || Array.isArray(x) ? JSON.stringify(x) : valueText(x))).join(', ');
	return JSON.stringify(v);
}

/** Nested objects become dotted keys ("before.name"), so a change reads as before and after lines. */
export function detailLines(json: string): DetailLine[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(json);
	} catch {
		return [{ key: 'detail', value: shorten(json) }];
	}
	if (!isPlainObject(parsed)) return [{ key: 'detail', value: shorten(valueText(parsed)) }];
	const lines: DetailLine[] = [];
	const walk = (obj: Record<string, unknown>, prefix: string) => {
		for (const [k, v] of Object.entries(obj)) {
			const key = prefix + k;
			if (isPlainObject(v) && Object.keys(v).length > 0) walk(v, `${key}.`);
			else {
				const entity = ID_KEYS[k];
				const href = entity ? recordHref(entity, v) : undefined;
				lines.push(href ? { key, value: shorten(valueText(v)), href } : { key, value: shorten(valueText(v)) });
			}
		}
	};
	walk(parsed, '');
	if (lines.length <= MAX_LINES) return lines;
	return [...lines.slice(0, MAX_LINES), { key: '…', value: `${lines.length - MAX_LINES} more not shown` }];
}
