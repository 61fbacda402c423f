import { describe, expect, it } from 'vitest';
import { detailLines, recordHref } from './detail-text';

describe('audit detail as text', () => {
	it('writes each field as key and value, nested changes as dotted keys', () => {
		const detail = JSON.stringify({
			before: { name: 'Rowan Ward', borough: null },
			after: { name: 'Rowan Ward (acute)', borough: 'Haringey' },
			active: true,
			score: 80
		});
		expect(detailLines(detail)).toEqual([
			{ key: 'before.name', value: 'Rowan Ward' },
			{ key: 'before.borough', value: 'none' },
			{ key: 'after.name', value: 'Rowan Ward (acute)' },
			{ key: 'after.borough', value: 'Haringey' },
			{ key: 'active', value: 'yes' },
			{ key: 'score', value: '80' }
		]);
	});

	it('links the ids of people, organisations and units to their pages, and nothing else', () => {
		const detail = JSON.stringify({
			personId: 203,
			before: { unitId: 1 },
			after: { unitId: 2, organisationId: 3 },
			evidenceId: 9,
			unitId: 'x1',
			learnerId: -4
		});
		expect(detailLines(detail)).toEqual([
			{ key: 'personId', value: '203', href: '/admin/people/203' },
			{ key: 'before.unitId', value: '1', href: '/admin/units/1' },
			{ key: 'after.unitId', value: '2', href: '/admin/units/2' },
			{ key: 'after.organisationId', value: '3', href: '/admin/organisations/3' },
			{ key: 'evidenceId', value: '9' },
			{ key: 'unitId', value: 'x1' },
			{ key: 'learnerId', value: '-4' }
		]);
		expect(recordHref('person', '203')).toBe('/admin/people/203');
		expect(recordHref('evidence', '5')).toBeUndefined();
		expect(recordHref('person', '../x')).toBeUndefined();
	});

	it('has no lines for an empty detail, and lists arrays', () => {
		expect(detailLines('{}')).toEqual([]);
		expect(detailLines('{"roles":["manager","trainer"],"none":[],"empty":{}}')).toEqual([
			{ key: 'roles', value: 'manager, trainer' },
			{ key: 'none', value: '(none)' },
			{ key: 'empty', value: '{}' }
		]);
	});

	it('keeps markup as plain text for the page to escape', () => {
		expect(detailLines('{"name":"<script>alert(1)</script>"}')).toEqual([{ key: 'name', value: '<script>alert(1)</script>' }]);
	});

	it('shows a detail that is not a JSON object as it is, and shortens very long values', () => {
		expect(detailLines('not json')).toEqual([{ key: 'detail', value: 'not json' }]);
		expect(detailLines('[1,2]')).toEqual([{ key: 'detail', value: '1, 2' }]);
		const [line] = detailLines(JSON.stringify({ note: 'x'.repeat(1000) }));
		expect(line.value).toHaveLength(300);
		expect(line.value.endsWith('…')).toBe(true);
	});

	it('stops after 40 lines and says how many more there were', () => {
		const many = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`k${i}`, i]));
		const lines = detailLines(JSON.stringify(many));
		expect(lines).toHaveLength(41);
		expect(lines[40]).toEqual({ key: '…', value: '5 more not shown' });
	});
});
