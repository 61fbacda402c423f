import { describe, expect, it } from 'vitest';
import { offlineReadingList } from './reading-list';

describe('offlineReadingList', () => {
	it('keeps what is still to do or due again, most urgent first, and leaves completed modules out', () => {
		const list = offlineReadingList([
			{ href: '/modules/a', status: 'completed' },
			{ href: '/modules/b', status: 'not-started' },
			{ href: '/modules/c', status: 'overdue' },
			{ href: '/modules/d', status: 'in-progress' },
			{ href: '/modules/e', status: 'refresher-due' }
		]);
		expect(list).toEqual(['/modules/c', '/modules/e', '/modules/d', '/modules/b']);
	});
});
