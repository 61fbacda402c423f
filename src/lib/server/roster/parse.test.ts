import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_ROWS } from './format';
import { decodeRosterFile, parseRoster, readRosterFile } from './parse';

const HEADER = 'workforce_id,name,email,unit,job_role,start_date,leaving_date';
const bytes = (text: string) => new TextEncoder().encode(text);
const ok = (text: string) => {
	const parsed = parseRoster(text);
	if (!parsed.ok) throw new Error(`expected the file to parse: ${parsed.message}`);
	return parsed;
};
const refused = (text: string) => {
	const parsed = parseRoster(text);
	if (parsed.ok) throw new Error('expected the file to be refused');
	return parsed.message;
};

describe('reading the uploaded bytes', () => {
	it('reads UTF-8 text and drops the byte-order mark Excel adds', () => {
		const decoded = decodeRosterFile(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('workforce_id\nÉlise')]));
		expect(decoded).toEqual({ ok: true, text: 'workforce_id\nÉlise' });
	});

	it('refuses text that is not UTF-8, naming the fix', () => {
		// "Zoë" saved as Windows-1252
		const decoded = decodeRosterFile(new Uint8Array([...bytes(`${HEADER}\nW1,Zo`), 0xeb, ...bytes(',z@x.test,Ward,paramedic,2020-01-01,\n')]));
		expect(decoded).toMatchObject({ ok: false, message: expect.stringMatching(/not UTF-8 text.*CSV UTF-8/) });
	});

	it('refuses a spreadsheet file, binary data, an empty file and a file over 5 MB', () => {
		expect(decodeRosterFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toMatchObject({
			message: expect.stringMatching(/spreadsheet file, not a CSV/)
		});
		expect(decodeRosterFile(bytes('workforce_id\u0000name'))).toMatchObject({ message: expect.stringMatching(/binary data/) });
		expect(decodeRosterFile(new Uint8Array())).toMatchObject({ message: expect.stringMatching(/empty/) });
		expect(decodeRosterFile(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61))).toMatchObject({ message: expect.stringMatching(/larger than 5 MB/) });
		expect(decodeRosterFile(new Uint8Array(MAX_FILE_BYTES).fill(0x61)).ok).toBe(true);
	});
});

describe('parsing the CSV', () => {
	it('reads each row with the line it starts on, across blank lines, Windows line ends and quoted line breaks', () => {
		const parsed = ok(
			`${HEADER}\r\nW1,Ann,a@x.test,Ward,paramedic,2020-01-01,\r\n\r\n,,,,,,\r\nW2,"Bob ""Bobby""\r\nSmith",b@x.test,Ward,paramedic,2020-01-01,\r\nW3,"Cat, Jones",c@x.test,Ward,paramedic,2020-01-01,`
		);
		expect(parsed.rows.map((r) => [r.line, r.values.workforce_id, r.values.name])).toEqual([
			[2, 'W1', 'Ann'],
			[5, 'W2', 'Bob "Bobby"\nSmith'],
			[7, 'W3', 'Cat, Jones']
		]);
		expect(parsed.problems).toEqual([]);
	});

	it('accepts headers in any case and order, without the optional leaving_date, and names columns it ignores', () => {
		const parsed = ok('Name, EMAIL ,unit,job_role,start_date,workforce_id,department\nAnn,a@x.test,Ward,paramedic,2020-01-01,W1,Ops\n');
		expect(parsed.rows[0].values).toEqual({
			workforce_id: 'W1',
			name: 'Ann',
			email: 'a@x.test',
			unit: 'Ward',
			job_role: 'paramedic',
			start_date: '2020-01-01'
		});
		expect(parsed.ignoredColumns).toEqual(['department']);
	});

	it('refuses a file without the required columns, naming the missing ones', () => {
		expect(refused('workforce_id,name,email\nW1,Ann,a@x.test\n')).toMatch(/It is missing "unit", "job_role", "start_date"\./);
		expect(refused('workforce_id;name;email;unit;job_role;start_date\n')).toMatch(/Separate the columns with commas/);
		expect(refused('W1,Ann,a@x.test,Ward,paramedic,2020-01-01\n')).toMatch(/header row \(line 1\) must name the columns/);
	});

	it('refuses a header that names a column twice, an empty file and a file with no staff rows', () => {
		expect(refused(`${HEADER},email\n`)).toMatch(/names "email" more than once/);
		expect(refused('')).toMatch(/empty/);
		expect(refused('\n\n  \n')).toMatch(/empty/);
		expect(refused(`${HEADER}\n\n`)).toMatch(/no staff rows/);
	});

	it(`refuses more than ${MAX_ROWS.toLocaleString('en-GB')} rows`, () => {
		const row = 'W,A,a@x.test,U,paramedic,2020-01-01,\n';
		expect(ok(HEADER + '\n' + row.repeat(MAX_ROWS)).rows).toHaveLength(MAX_ROWS);
		expect(refused(HEADER + '\n' + row.repeat(MAX_ROWS + 1))).toMatch(/more than 100,000 staff rows/);
	});

	it('reports an unclosed quotation mark on the line where the row starts, and stops there', () => {
		const parsed = ok(
			`${HEADER}\nW1,Ann,a@x.test,Ward,paramedic,2020-01-01,\nW2,"Bob,b@x.test,Ward,paramedic,2020-01-01,\nW3,Cat,c@x.test,Ward,paramedic,2020-01-01,\n`
		);
		expect(parsed.rows.map((r) => r.line)).toEqual([2]);
		expect(parsed.problems).toEqual([{ line: 3, message: expect.stringMatching(/quotation mark is not closed.*Check the quotation marks on this line/) }]);
	});

	it('reports rows with too many or too few values, with their lines', () => {
		const parsed = ok(`${HEADER}\nW1,Smith, Ann,a@x.test,Ward,paramedic,2020-01-01,\nW2,Bob\nW3,Cat,c@x.test,Ward,paramedic,2020-01-01,\n`);
		expect(parsed.problems).toEqual([
			{
				line: 2,
				message:
					'this line has more values than the header row has columns (8 values; the header row has 7 columns). A value with a comma in it must be in double quotes.'
			},
			{ line: 3, message: 'this line has fewer values than the header row has columns (2 values; the header row has 7 columns).' }
		]);
		expect(parsed.rows.map((r) => r.line)).toEqual([4]);
	});

	it('accepts a line that stops before the optional columns, and a header with an unnamed column', () => {
		const parsed = ok(`${HEADER},\nW1,Ann,a@x.test,Ward,paramedic,2020-01-01\nW2,Bob,b@x.test,Ward,paramedic,2020-01-01,,\n`);
		expect(parsed.problems).toEqual([]);
		expect(parsed.rows.map((r) => [r.line, r.values.leaving_date])).toEqual([
			[2, undefined],
			[3, '']
		]);
		expect(parsed.ignoredColumns).toEqual([]);
	});

	it('decodes and parses in one step', () => {
		expect(readRosterFile(bytes(`${HEADER}\nW1,Ann,a@x.test,Ward,paramedic,2020-01-01,\n`))).toMatchObject({ ok: true, rows: [{ line: 2 }] });
		expect(readRosterFile(new Uint8Array())).toMatchObject({ ok: false });
	});
});
