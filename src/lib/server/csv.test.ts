import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV export', () => {
	it('quotes commas, quotes and new lines, and neutralises formulas', () => {
		const csv = toCsv(
			['name', 'note'],
			[
				["O'Brien, Pat", 'said "hello"\nthen left'],
				['=HYPERLINK("x")', '-1+2']
			]
		);
		expect(csv.split('\r\n')[0]).toBe('name,note');
		expect(csv).toContain('"O\'Brien, Pat","said ""hello""\nthen left"');
		expect(csv).toContain(`"'=HYPERLINK(""x"")",'-1+2`);
	});
});
