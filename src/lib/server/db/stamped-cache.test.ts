import { describe, expect, it } from 'vitest';
import { testDb } from '$testing/fixtures';
import { StampedCache, stampedCachePerConnection } from './stamped-cache';

describe('StampedCache', () => {
	it('computes once per key and stamp, and again as soon as the stamp moves', () => {
		const cache = new StampedCache<string>(4);
		let computed = 0;
		const read = (key: string, stamp: string) => cache.get(key, stamp, () => `${key}@${stamp}#${++computed}`);
		expect(read('london', 's1')).toBe('london@s1#1');
		expect(read('london', 's1')).toBe('london@s1#1');
		expect(read('lambeth', 's1')).toBe('lambeth@s1#2');
		expect(read('london', 's2')).toBe('london@s2#3');
		// The old stamp is not kept beside the new one: going back recomputes.
		expect(read('london', 's1')).toBe('london@s1#4');
		expect(computed).toBe(4);
	});

	it('keeps at most its bound, forgetting the least recently used first', () => {
		const cache = new StampedCache<number>(2);
		let computed = 0;
		const read = (key: string) => cache.get(key, 's', () => ++computed);
		read('a');
		read('b');
		read('a'); // a is now the most recently used
		read('c'); // so b goes
		expect(cache.size).toBe(2);
		expect(read('a')).toBe(1);
		expect(read('c')).toBe(3);
		expect(read('b')).toBe(4);
		expect(cache.size).toBe(2);
	});

	it('keeps nothing when computing fails', () => {
		const cache = new StampedCache<number>(2);
		expect(() =>
			cache.get('a', 's', () => {
				throw new Error('no database');
			})
		).toThrow('no database');
		expect(cache.size).toBe(0);
		expect(cache.get('a', 's', () => 7)).toBe(7);
	});

	it('refuses a bound below one', () => {
		expect(() => new StampedCache(0)).toThrow(RangeError);
	});
});

describe('stampedCachePerConnection', () => {
	it('keeps one cache per connection, and nothing computed inside a transaction', () => {
		const kept = stampedCachePerConnection<number>(4);
		const [a, b] = [testDb(), testDb()];
		let computed = 0;
		const compute = () => ++computed;
		expect(kept(a, 'k', 's', compute)).toBe(1);
		expect(kept(a, 'k', 's', compute)).toBe(1);
		expect(kept(b, 'k', 's', compute)).toBe(2); // another connection, another process's copy
		a.$client.transaction(() => {
			expect(kept(a, 'other', 's', compute)).toBe(3);
		})();
		expect(kept(a, 'other', 's', compute)).toBe(4); // the value computed in the transaction was not kept
	});
});
