import { describe, expect, it } from 'vitest';
import { pageLinks, withParams } from './url';

describe('pageLinks', () => {
	it('keeps the filters that are set, in order, and puts the page last', () => {
		const href = pageLinks({ q: 'ann & bo', organisation: 3, unit: undefined, status: '', other: null });
		expect(href(2)).toBe('?q=ann+%26+bo&organisation=3&page=2');
	});

	it('gives just the page when nothing is filtered', () => {
		expect(pageLinks({ q: undefined })(1)).toBe('?page=1');
	});
});

describe('withParams', () => {
	it('changes, adds and removes parameters of the current address', () => {
		const url = new URL('https://example.test/manage/matrix?unit=4&page=3');
		expect(withParams(url, { page: 1, role: 'paramedic' })).toBe('?unit=4&page=1&role=paramedic');
		expect(withParams(url, { unit: null, page: '' })).toBe('/manage/matrix');
	});
});
