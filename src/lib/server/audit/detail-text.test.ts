import { describe, expect, it } from 'vitest';
import { detailLines } from './detail-text';

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
