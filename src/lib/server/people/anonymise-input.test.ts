import { describe, expect, it } from 'vitest';
import { retentionDateError } from './anonymise-input';

describe('the retention date', () => {
	it('accepts a real date up to today', () => {
		expect(retentionDateError('2020-02-29', '2026-12-06')).toBeNull();
		expect(retentionDateError('2026-12-06', '2026-12-06')).toBeNull();
	});
	it.each([
		[undefined, /Give the retention date/],
		['', /Give the retention date/],
		['2021-02-29', /not a date/],
		['06/12/2020', /not a date/],
		['2020-1-1', /not a date/],
		['2026-12-07', /after today/]
	])('refuses %j', (value, message) => {
		expect(retentionDateError(value, '2026-12-06')).toMatch(message);
	});
});
