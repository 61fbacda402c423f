import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { testDb, twoOrganisations } from '$testing/fixtures';
import { personOr404 } from './page';
import { revokeInput } from './validation';

const status = (run: () => unknown) => {
	try {
		run();
	} catch (e) {
		return isHttpError(e) ? e.status : 'other error';
	}
	return 'no error';
};

describe('personOr404', () => {
	it('finds a person by the id in the address', () => {
		const db = testDb();
		const w = twoOrganisations(db);
		expect(personOr404(db, String(w.inB1.id)).name).toBe(w.inB1.name);
	});

	it('answers 404 for an unknown or malformed id', () => {
		const db = testDb();
		twoOrganisations(db);
		for (const raw of ['99999', '0', '-1', '1.5', 'abc', ''])
			expect(
				status(() => personOr404(db, raw)),
				raw
			).toBe(404);
	});
});

describe('revokeInput', () => {
	it('needs the id of a role', () => {
		expect(revokeInput.safeParse({ grantId: '12' }).data).toEqual({ grantId: 12 });
		expect(revokeInput.safeParse({ grantId: 'x' }).success).toBe(false);
	});
});
