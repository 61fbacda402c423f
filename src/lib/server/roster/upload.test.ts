import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from './format';
import { readRosterUpload } from './upload';

const post = (form: FormData) => new Request('http://localhost/roster/1?/check', { method: 'POST', body: form });

describe('reading the upload', () => {
	it('returns the bytes and a clean file name', async () => {
		const form = new FormData();
		form.append('roster', new File(['workforce_id\n'], 'staff\u0007 march.csv', { type: 'text/csv' }));
		form.append('fingerprint', 'abc');
		const upload = await readRosterUpload(post(form));
		expect(upload).toMatchObject({ ok: true, fileName: 'staff march.csv' });
		if (upload.ok) expect(new TextDecoder().decode(upload.bytes)).toBe('workforce_id\n');
		expect(upload.form?.get('fingerprint')).toBe('abc');
	});

	it('asks for a file when none was chosen, and refuses one over 5 MB', async () => {
		const none = new FormData();
		none.append('roster', new File([], ''));
		expect(await readRosterUpload(post(none))).toMatchObject({ ok: false, message: 'Choose the CSV file of your staff roster.' });
		const big = new FormData();
		big.append('roster', new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'big.csv'));
		expect(await readRosterUpload(post(big))).toMatchObject({ ok: false, message: expect.stringMatching(/larger than 5 MB/) });
	});

	it('turns a body refused by the server limit into the same message', async () => {
		const refused = { formData: () => Promise.reject(Object.assign(new Error('Payload Too Large'), { status: 413 })) } as unknown as Request;
		expect(await readRosterUpload(refused)).toEqual({ ok: false, message: expect.stringMatching(/larger than 5 MB/) });
	});
});
