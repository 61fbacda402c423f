import Papa from 'papaparse';

/** Cells that a spreadsheet would run as a formula get a leading apostrophe (CSV injection). */
function neutralise(value: unknown): string {
	const text = value == null ? '' : String(value);
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
	return Papa.unparse({ fields: header, data: rows.map((r) => r.map(neutralise)) }, { newline: '\r\n' });
}

export function csvResponse(filename: string, body: string): Response {
	return new Response(`\uFEFF${body}`, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}
