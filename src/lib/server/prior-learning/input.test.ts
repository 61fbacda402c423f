import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HTML, PDF, PNG } from '$testing/certificates';
import { MAX_CERTIFICATE_BYTES } from './certificate-type';
import { CERTIFICATE_TOO_BIG, CERTIFICATE_WRONG_TYPE, claimFields, readCertificate, reviewFields } from './input';

function form(file?: { bytes: Uint8Array; name: string; type: string }) {
	const data = new FormData();
	data.set('provider', 'A previous force');
	if (file) data.set('certificate', new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
	return data;
}

describe('readCertificate', () => {
	it('takes a PDF, with its checked type, size, SHA-256 and a clean name', async () => {
		const result = await readCertificate(form({ bytes: PDF, name: 'C:\\fakepath\\my\u0007 certificate.pdf', type: 'text/html' }));
		expect(result).toMatchObject({
			ok: true,
			certificate: { type: 'application/pdf', size: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex'), fileName: 'my certificate.pdf' }
		});
	});

	it('knows the type by the content, not the name or the browser: a PNG named .pdf is a PNG, HTML named .pdf is refused', async () => {
		expect(await readCertificate(form({ bytes: PNG, name: 'scan.pdf', type: 'application/pdf' }))).toMatchObject({
			ok: true,
			certificate: { type: 'image/png' }
		});
		expect(await readCertificate(form({ bytes: HTML, name: 'certificate.pdf', type: 'application/pdf' }))).toEqual({
			ok: false,
			message: CERTIFICATE_WRONG_TYPE
		});
	});

	it('refuses no file, an empty file and one over 5 MB, each with its own message', async () => {
		expect(await readCertificate(form())).toEqual({ ok: false, message: 'Choose the certificate file' });
		expect(await readCertificate(form({ bytes: new Uint8Array(), name: 'empty.pdf', type: 'application/pdf' }))).toEqual({
			ok: false,
			message: 'The certificate file is empty. Choose the file again.'
		});
		const big = new Uint8Array(MAX_CERTIFICATE_BYTES + 1);
		big.set(PDF);
		expect(await readCertificate(form({ bytes: big, name: 'big.pdf', type: 'application/pdf' }))).toEqual({ ok: false, message: CERTIFICATE_TOO_BIG });
		big[MAX_CERTIFICATE_BYTES] = 0;
		expect((await readCertificate(form({ bytes: big.subarray(0, MAX_CERTIFICATE_BYTES), name: 'max.pdf', type: 'application/pdf' }))).ok).toBe(true);
	});
});

describe('the claim and decision fields', () => {
	it('need a competency, a real date and a provider', () => {
		const result = claimFields.safeParse({ competencyId: '', completedOn: '2026-02-30', provider: ' ' });
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((i) => i.path[0])).toEqual(['competencyId', 'completedOn', 'provider']);
	});

	it('a rejection needs its reason; an approval does not', () => {
		expect(reviewFields.safeParse({ claimId: '3', decision: 'approve' }).success).toBe(true);
		const rejected = reviewFields.safeParse({ claimId: '3', decision: 'reject', reason: '  ' });
		expect(rejected.error!.issues).toMatchObject([{ path: ['reason'], message: expect.stringContaining('Enter the reason for rejecting') }]);
	});
});
