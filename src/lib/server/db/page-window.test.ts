import { describe, expect, it } from 'vitest';
import { pageWindow } from './page-window';

describe('the page of a list to show', () => {
	it('shows the page asked for, with where its rows start', () => {
		expect(pageWindow(120, 2, 50)).toEqual({ page: 2, pages: 3, offset: 50 });
		expect(pageWindow(120, undefined, 50)).toEqual({ page: 1, pages: 3, offset: 0 });
	});

	it('keeps a page past the end, or below the first, within the pages there are', () => {
		expect(pageWindow(120, 9, 50)).toEqual({ page: 3, pages: 3, offset: 100 });
		expect(pageWindow(120, 0, 50)).toEqual({ page: 1, pages: 3, offset: 0 });
		expect(pageWindow(100, 3, 50)).toEqual({ page: 2, pages: 2, offset: 50 });
	});

	it('an empty list has one empty page', () => {
		expect(pageWindow(0, 4, 50)).toEqual({ page: 1, pages: 1, offset: 0 });
	});
});
