import { describe, expect, it } from 'vitest';
import { keepStringsOneByte } from './one-byte';

describe('keepStringsOneByte', () => {
	it('keeps every string equal, in nested objects and arrays, through cycles', () => {
		const source = 'A title cut from a file with “curly quotes” in it'.slice(0, 7);
		const content: Record<string, unknown> = { title: source, sections: [{ title: 'Why – this', body: ['x', 'café'] }] };
		content.self = content;
		const copy = structuredClone({ title: content.title, sections: content.sections });
		expect(keepStringsOneByte(content)).toBe(content);
		expect({ title: content.title, sections: content.sections }).toEqual(copy);
	});

	it('leaves objects of other kinds and frozen ones as they are', () => {
		class Machine {
			id = 'prone';
		}
		const machine = new Machine();
		const frozen = Object.freeze({ title: 'fixed' });
		const content = { machine, frozen, map: new Map([['a', 'b']]) };
		keepStringsOneByte(content);
		expect(content.machine).toBe(machine);
		expect(content.frozen).toBe(frozen);
		expect(content.map.get('a')).toBe('b');
	});
});
