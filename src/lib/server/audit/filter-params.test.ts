import { describe, expect, it } from 'vitest';
import { auditFilterParams, readAuditFilter } from './filter-params';

const read = (query: string) => readAuditFilter(new URL(`http://x/admin/audit?${query}`));

describe('reading the audit filter from the address', () => {
	it('reads every field', () => {
		expect(read('action=sign-in&entity=person&entityId=12&actor=%20okafor%20&from=2026-03-01&to=2026-03-31&page=2')).toEqual({
			action: 'sign-in',
			entity: 'person',
			entityId: '12',
			actor: 'okafor',
			from: '2026-03-01',
			to: '2026-03-31',
			page: 2
		});
	});

	it('treats empty and malformed values as absent', () => {
		expect(read('action=&actor=%20&from=2026-02-30&to=31/03/2026&page=-1')).toEqual({
			action: undefined,
			entity: undefined,
			entityId: undefined,
			actor: undefined,
			from: undefined,
			to: undefined,
			page: undefined
		});
	});

	it('ignores an entity id without an entity, and swaps a range typed back to front', () => {
		expect(read('entityId=12')).toMatchObject({ entity: undefined, entityId: undefined });
		expect(read('from=2026-04-01&to=2026-03-01')).toMatchObject({ from: '2026-03-01', to: '2026-04-01' });
	});

	it('writes the filter back without the page, for pagination links', () => {
		expect(auditFilterParams({ action: 'sign-in', actor: 'a&b', page: 3 }).toString()).toBe('action=sign-in&actor=a%26b');
		expect(auditFilterParams({}).toString()).toBe('');
	});
});
