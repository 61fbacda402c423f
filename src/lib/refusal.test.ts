import { describe, expect, it } from 'vitest';
import { refusal, refusalsOf } from './refusal';

const refused = { errors: { name: 'Enter a name' }, values: { name: '' }, action: 'update' };

describe('refusal', () => {
	it('finds a refusal in a form, of any action or of the one named', () => {
		expect(refusal(refused)).toBe(refused);
		expect(refusal(refused, 'update')).toBe(refused);
		expect(refusal(refused, 'createUnit')).toBeNull();
	});

	it('is null for anything that is not a refusal', () => {
		expect(refusal(null)).toBeNull();
		expect(refusal({ saved: true })).toBeNull();
		expect(refusal({ errors: {} })).toBeNull();
	});
});

describe('refusalsOf', () => {
	it('gives the errors and values of the form named, and nothing for the others', () => {
		const { errorsFor, valuesFor } = refusalsOf(refused);
		expect(errorsFor('update')).toEqual({ name: 'Enter a name' });
		expect(valuesFor('update')).toEqual({ name: '' });
		expect(errorsFor('createUnit')).toBeUndefined();
		expect(valuesFor('createUnit')).toBeUndefined();
		expect(refusalsOf(undefined).errorsFor('update')).toBeUndefined();
	});
});
