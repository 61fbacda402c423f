import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
	it('keeps a sane incoming id, such as a load balancer sets', () => {
		expect(requestIdFrom('abc-123')).toBe('abc-123');
		expect(requestIdFrom('1-67891233-abcdef012345678912345678')).toBe('1-67891233-abcdef012345678912345678');
		expect(requestIdFrom(' f0e1d2c3.b4:a5_96 ')).toBe('f0e1d2c3.b4:a5_96');
	});

	it('makes a new random one when there is none or it could carry anything into the logs', () => {
		for (const bad of [null, undefined, '', '   ', 'has space', 'line\nbreak', '"quoted"', '{"level":"fatal"}', 'x'.repeat(129), '-leading-dash', 'ünïcode']) {
			expect(requestIdFrom(bad), String(bad)).toMatch(UUID);
		}
		expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
	});
});
