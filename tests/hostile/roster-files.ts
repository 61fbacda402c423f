import fc from 'fast-check';
import type { FilePart } from './http';
import { fileFields, HOSTILE, valueFor } from './payloads';

const COLUMNS = ['workforce_id', 'name', 'email', 'unit', 'job_role', 'start_date', 'leaving_date'];

/** Plausible values per column, for the sandbox organisation, so that some rows get as far as the plan. */
const SAMPLES: Record<string, string[]> = {
	workforce_id: ['SBX-100', 'SBX-101', 'SBX-2', 'sbx 7/1', ''],
	name: ['Ada Fuzz', "O'Brien, Declan", '=SUM(A1)', 'Ünïcödé Nämé'],
	email: ['ada.fuzz@hostile.test', 'sandbox.target@hostile.test', 'officer@demo.test', 'not-an-email'],
	unit: ['Sandbox Unit', 'sandbox unit', 'Willow Ward', 'No Such Unit'],
	job_role: ['police-constable', 'Mental health nurse', 'astronaut'],
	start_date: ['2024-01-01', '2023-02-29', '2024-02-29', '01/02/2024'],
	leaving_date: ['', '2025-01-01', '2019-01-01', 'soon']
};

/** A cell as a spreadsheet might write it: bare, quoted with doubled quotes, or with an unclosed quote. */
const cell = (column: string) =>
	fc
		.tuple(valueFor(SAMPLES[column] ?? []), fc.constantFrom('bare', 'bare', 'quoted', 'unclosed'))
		.map(([v, how]) => (how === 'quoted' ? `"${v.replace(/"/g, '""')}"` : how === 'unclosed' ? `"${v}` : v));

const header = fc.oneof(
	{ weight: 5, arbitrary: fc.constant(COLUMNS) },
	{ weight: 2, arbitrary: fc.shuffledSubarray(COLUMNS, { minLength: 1 }) },
	{ weight: 1, arbitrary: fc.constant([...COLUMNS, 'name']) },
	{ weight: 1, arbitrary: fc.constant(COLUMNS.map((c) => c.toUpperCase())) },
	{ weight: 1, arbitrary: fc.array(fc.constantFrom(...COLUMNS, ...HOSTILE.slice(0, 8)), { maxLength: 9 }) }
);

const csvText = header.chain((columns) =>
	fc
		.tuple(
			// rows of the header's width, some with extra values
			fc.array(
				fc.tuple(fc.tuple(...columns.map((c) => cell(c))), fc.array(cell('name'), { maxLength: 2 })).map(([cells, extra]) => [...cells, ...extra].join(',')),
				{ maxLength: 12 }
			),
			fc.constantFrom('\r\n', '\n', '\r'),
			fc.boolean()
		)
		.map(([rows, newline, bom]) => (bom ? '\uFEFF' : '') + [columns.join(','), ...rows].join(newline) + newline)
);

/** A roster file: CSV of every sort, or something that is not CSV at all (binary, Latin-1, a spreadsheet). */
const rosterFile: fc.Arbitrary<FilePart> = fc.record({
	filename: fc.oneof(fc.constantFrom('roster.csv', '../../etc/passwd', 'a\u202Egpj.csv', '<img src=x onerror=alert(1)>.csv', ''), fc.string({ maxLength: 20 })),
	type: fc.constantFrom('text/csv', 'application/octet-stream', 'application/vnd.ms-excel'),
	bytes: fc.oneof(
		{ weight: 6, arbitrary: csvText.map((t) => new TextEncoder().encode(t)) },
		{ weight: 1, arbitrary: csvText.map((t) => Buffer.from(t, 'latin1')) },
		{ weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
		{ weight: 1, arbitrary: fc.constant(Buffer.from('PK\u0003\u0004spreadsheet', 'latin1')) },
		{ weight: 1, arbitrary: fc.constant(new Uint8Array()) }
	)
});

/** The file fields of a roster upload. */
export const rosterFiles = fileFields('roster', rosterFile);

/** Apply's fingerprint: usually well-formed, so the whole re-plan runs before the mismatch is found. */
export const FINGERPRINTS = ['0'.repeat(64), 'f'.repeat(64), 'a1b2'.repeat(16), 'G'.repeat(64), ''];
