import Papa from 'papaparse';
import { MAX_FILE_BYTES, MAX_ROWS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, ROSTER_COLUMNS, TOO_BIG_MESSAGE, type RawRow } from './format';

/** A problem with one row, named by the line it starts on (the header is line 1). */
export type LineProblem = { line: number; message: string };

export type ParsedRoster = { ok: true; rows: RawRow[]; problems: LineProblem[]; ignoredColumns: string[] } | { ok: false; message: string };

const EMPTY = 'The file is empty. Choose the CSV file of your staff roster.';
const SAVE_AS_CSV = 'In your spreadsheet program, use "Save as" and choose "CSV UTF-8 (comma delimited)", then upload that file.';

/** Turns the uploaded bytes into text, refusing anything that is too big or is not UTF-8 text. */
export function decodeRosterFile(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
	if (bytes.length === 0) return { ok: false, message: EMPTY };
	if (bytes.length > MAX_FILE_BYTES) return { ok: false, message: TOO_BIG_MESSAGE };
	// .xlsx and .ods files are zip archives: a common mistake, so name it.
	if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
		return { ok: false, message: `This is a spreadsheet file, not a CSV file. ${SAVE_AS_CSV}` };
	let text: string;
	try {
		// fatal: refuse rather than silently replace characters in people's names; the decoder drops a leading BOM.
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, message: `The file is not UTF-8 text, so names with accents would be read wrongly. ${SAVE_AS_CSV}` };
	}
	if (text.includes('\u0000')) return { ok: false, message: `The file holds binary data, not text. ${SAVE_AS_CSV}` };
	return { ok: true, text };
}

/**
 * Reads the CSV with papaparse and checks its shape: the header row, the number of rows, and each row's
 * quoting and number of values. Values are not checked here (see row.ts); every row keeps the line it starts on.
 */
export function parseRoster(input: string): ParsedRoster {
	if (input.trim() === '') return { ok: false, message: EMPTY };
	// One kind of line break, so that line numbers count what an editor shows.
	const text = input.replace(/\r\n?/g, '\n');
	const headers: string[] = [];
	const duplicates: string[] = [];
	const rows: RawRow[] = [];
	const problems: LineProblem[] = [];
	let tooMany = false;
	let scanned = 0;
	let newlines = 0;
	const newlinesBefore = (end: number) => {
		for (; scanned < end; scanned++) if (text.charCodeAt(scanned) === 10) newlines++;
		return newlines;
	};

	Papa.parse<Record<string, unknown>>(text, {
		header: true,
		skipEmptyLines: 'greedy',
		delimiter: ',',
		transformHeader: (header, index) => {
			const name = header
				.replace(/^\uFEFF/, '')
				.trim()
				.toLowerCase();
			headers.push(name);
			// Keep duplicates apart ourselves (papaparse would rename them quietly) so that we can refuse the file.
			// Unnamed columns, such as those left by stray cells in a spreadsheet, are ignored instead.
			if (name === '') return `\u0000${index}`;
			if (headers.indexOf(name) !== index) {
				duplicates.push(name);
				return `${name}\u0000${index}`;
			}
			return name;
		},
		step: (step, parser) => {
			if (rows.length + problems.length >= MAX_ROWS) {
				tooMany = true;
				parser.abort();
				return;
			}
			const data = step.data;
			const cursor = step.meta.cursor;
			const unclosed = step.errors.some((e) => e.code === 'MissingQuotes');
			// The row ends at the cursor; walk back over the line breaks inside its values to find where it starts.
			const inside = Object.values(data).reduce<number>((n, v) => n + countNewlines(v), 0);
			const terminated = text.charCodeAt(cursor - 1) === 10 && !unclosed;
			const line = 1 + newlinesBefore(cursor) - inside - (terminated ? 1 : 0);
			const message = rowShapeProblem(step.errors, data);
			if (message) {
				problems.push({ line, message });
				return;
			}
			const values: RawRow['values'] = {};
			for (const column of ROSTER_COLUMNS) if (typeof data[column] === 'string') values[column] = data[column] as string;
			rows.push({ line, values });
		}
	});

	if (headers.length === 0) return { ok: false, message: EMPTY };
	if (duplicates.length) return { ok: false, message: `The header row names ${list(unique(duplicates))} more than once. Each column must appear once.` };
	const missing = REQUIRED_COLUMNS.filter((c) => !headers.includes(c));
	if (missing.length) {
		const separator = headers.length === 1 && /[;\t|]/.test(headers[0]) ? ' Separate the columns with commas, not semicolons or tabs.' : '';
		return {
			ok: false,
			message: `The header row (line 1) must name the columns ${list(REQUIRED_COLUMNS)}, and may add ${list(OPTIONAL_COLUMNS)}. It is missing ${list(missing)}.${separator}`
		};
	}
	if (tooMany)
		return {
			ok: false,
			message: `The file has more than ${MAX_ROWS.toLocaleString('en-GB')} staff rows. Split it into smaller files and import each one: people who are not in a file are left as they are.`
		};
	if (rows.length + problems.length === 0) return { ok: false, message: 'The file has a header row but no staff rows.' };
	const known = new Set<string>(ROSTER_COLUMNS);
	return { ok: true, rows, problems, ignoredColumns: headers.filter((h) => h && !known.has(h)) };
}

/** Decodes and parses an uploaded file in one go. */
export function readRosterFile(bytes: Uint8Array): ParsedRoster {
	const decoded = decodeRosterFile(bytes);
	return decoded.ok ? parseRoster(decoded.text) : decoded;
}

function rowShapeProblem(errors: Papa.ParseError[], data: Record<string, unknown>): string | undefined {
	if (errors.some((e) => e.type === 'Quotes'))
		return 'a quotation mark is not closed or is out of place, so this line and any after it could not be read. Check the quotation marks on this line.';
	const mismatch = errors.find((e) => e.type === 'FieldMismatch');
	if (mismatch) {
		// A line that stops before optional columns loses nothing. Extra values are never waved through, even empty
		// ones: an unquoted comma inside a value shifts every value after it into the wrong column.
		if (mismatch.code === 'TooFewFields' && REQUIRED_COLUMNS.every((c) => c in data)) return undefined;
		const m = /expected (\d+) fields but parsed (\d+)/.exec(mismatch.message);
		const counts = m ? ` (${m[2]} values; the header row has ${m[1]} columns)` : '';
		return mismatch.code === 'TooManyFields'
			? `this line has more values than the header row has columns${counts}. A value with a comma in it must be in double quotes.`
			: `this line has fewer values than the header row has columns${counts}.`;
	}
	return errors.length ? `this line could not be read: ${errors[0].message}.` : undefined;
}

function countNewlines(value: unknown): number {
	if (typeof value === 'string') {
		let n = 0;
		for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) n++;
		return n;
	}
	return Array.isArray(value) ? value.reduce<number>((n, v) => n + countNewlines(v), 0) : 0;
}

const unique = <T>(xs: T[]) => [...new Set(xs)];
const list = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');
