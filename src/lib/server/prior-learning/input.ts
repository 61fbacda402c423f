/** The prior learning forms as they arrive: the claim's fields, its certificate file, and a manager's decision. */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from '../forms/fields';
import { certificateType, MAX_CERTIFICATE_BYTES, type CertificateType } from './certificate-type';

export const claimFields = z.object({
	competencyId: z.string({ error: 'Choose the competency the learning was for' }).trim().min(1, 'Choose the competency the learning was for').max(100),
	completedOn: isoDate('the date the learning was completed'),
	provider: requiredText('the provider (who ran the course or certified it)', 200),
	notes: optionalText('the notes', 2000)
});
export type ClaimFields = z.infer<typeof claimFields>;

export const reviewFields = z
	.object({
		claimId: id('the claim'),
		decision: z.enum(['approve', 'reject'], { error: 'Choose whether to approve or reject the claim' }),
		reason: optionalText('the reason', 1000)
	})
	.refine((v) => v.decision === 'approve' || v.reason, { path: ['reason'], message: 'Enter the reason for rejecting the claim: the learner is told it' });
export type ReviewFields = z.infer<typeof reviewFields>;

export type Certificate = { bytes: Buffer; type: CertificateType; size: number; sha256: string; fileName: string };

export const CERTIFICATE_TOO_BIG = 'The certificate must be 5 MB or smaller. Scan it at a lower resolution, or save it as a PDF.';
export const CERTIFICATE_WRONG_TYPE = 'The certificate must be a PDF, PNG or JPEG file. The file chosen is not one of these, whatever its name says.';

/** The certificate in the form's `certificate` field, checked by its size and its content: a message when refused. */
export async function readCertificate(form: FormData): Promise<{ ok: true; certificate: Certificate } | { ok: false; message: string }> {
	const file = form.get('certificate');
	if (!(file instanceof File) || (file.size === 0 && file.name === '')) return { ok: false, message: 'Choose the certificate file' };
	if (file.size === 0) return { ok: false, message: 'The certificate file is empty. Choose the file again.' };
	if (file.size > MAX_CERTIFICATE_BYTES) return { ok: false, message: CERTIFICATE_TOO_BIG };
	const bytes = Buffer.from(await file.arrayBuffer());
	const type = certificateType(bytes);
	if (!type) return { ok: false, message: CERTIFICATE_WRONG_TYPE };
	return {
		ok: true,
		certificate: { bytes, type, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), fileName: cleanFileName(file.name) }
	};
}

/** The name as the browser gave it, fit to show and to keep: no control characters or path, at most 120 characters. */
function cleanFileName(name: string) {
	const base = name.split(/[\\/]/).pop() ?? '';
	const clean = base.replace(/[\u0000-\u001F\u007F-\u009F]/g, '').trim();
	return (clean.length > 120 ? `${clean.slice(0, 117)}…` : clean) || 'certificate';
}
