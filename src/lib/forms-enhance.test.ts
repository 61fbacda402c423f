import { describe, expect, it } from 'vitest';
import { keepValues, whilePosting } from './forms-enhance';

describe('whilePosting', () => {
	it('is busy from the submit until the page has been updated, passing its options to update', async () => {
		const seen: string[] = [];
		const submit = whilePosting((busy) => seen.push(busy ? 'busy' : 'idle'), { reset: false });
		const after = submit();
		expect(seen).toEqual(['busy']);
		await after({
			update: async (options) => {
				seen.push(`update ${JSON.stringify(options)}`);
			}
		});
		expect(seen).toEqual(['busy', 'update {"reset":false}', 'idle']);
	});

	it('leaves the form reset to SvelteKit when no options are given', async () => {
		const options: unknown[] = [];
		await whilePosting(() => {})()({ update: async (o) => void options.push(o) });
		expect(options).toEqual([undefined]);
	});
});

describe('keepValues', () => {
	it('updates the page without resetting the form', async () => {
		const options: unknown[] = [];
		await keepValues()({ update: async (o) => void options.push(o) });
		expect(options).toEqual([{ reset: false }]);
	});
});
