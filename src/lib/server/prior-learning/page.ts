/**
 * What the prior learning pages share: the competencies a person may claim for and their claims, recording a claim
 * from a posted form (the learner's own page and a manager's page for them), and a manager's decision (the queue and
 * the claim's page). Each caller has already authorised the viewer; the domain functions check again.
 */
import { error } from '@sveltejs/kit';
import { notFound } from '../access/guards';
import type { Principal } from '../access/policy';
import { addMonths, londonToday } from '../competency/dates';
import { requiredFor, type Framework } from '../competency/framework';
import { getFramework } from '../content';
import type { Db } from '../db';
import { parseForm } from '../forms/parse';
import { readForm } from '../forms/read';
import { invalid } from '../forms/respond';
import { claimsOf, type Claim } from './claims-store';
import { reviewClaim, submitClaim, type ClaimTarget } from './claims';
import { CERTIFICATE_TOO_BIG, claimFields, readCertificate, reviewFields } from './input';

export const CLAIM_STATUS_LABEL = { pending: 'Waiting for a manager', approved: 'Approved', rejected: 'Not approved' } as const;

export function competencyTitle(framework: Framework, id: string) {
	return framework.competencies.find((c) => c.id === id)?.title ?? id;
}

/** A claim as its page shows it; "in date until" is what approval would give, by the person's refresher period. */
export function claimDetail(c: Claim) {
	const framework = getFramework();
	const months = requiredFor(framework, c.person.jobRole).find((r) => r.competency.id === c.competencyId)?.months;
	return {
		id: c.id,
		person: { id: c.person.id, name: c.person.name, unitName: c.person.unitName },
		competency: competencyTitle(framework, c.competencyId),
		completedOn: c.completedOn,
		inDateUntil: months ? addMonths(c.completedOn, months) : null,
		provider: c.provider,
		notes: c.notes,
		file: { type: CERTIFICATE_LABEL[c.fileType], size: c.fileSize, sha256: c.fileSha256, name: c.fileName },
		status: c.status,
		statusLabel: CLAIM_STATUS_LABEL[c.status],
		submittedByName: c.submittedBy === c.person.id ? null : c.submittedByName,
		submittedAt: c.submittedAt.toISOString(),
		reviewedByName: c.reviewedByName,
		reviewedAt: c.reviewedAt?.toISOString() ?? null,
		reviewReason: c.reviewReason
	};
}

const CERTIFICATE_LABEL = { 'application/pdf': 'PDF', 'image/png': 'PNG image', 'image/jpeg': 'JPEG image' } as const;

/** The form's choices and the person's claims, newest first. */
export function claimsPage(db: Db, person: { id: number; jobRole: string }) {
	const framework = getFramework();
	return {
		competencies: requiredFor(framework, person.jobRole).map((r) => ({ value: r.competency.id, label: r.competency.title })),
		claims: claimsOf(db, person.id).map((c) => ({
			id: c.id,
			competency: competencyTitle(framework, c.competencyId),
			completedOn: c.completedOn,
			provider: c.provider,
			status: c.status,
			statusLabel: CLAIM_STATUS_LABEL[c.status],
			reviewReason: c.reviewReason
		})),
		today: londonToday()
	};
}

/**
 * Reads the multipart form. A body over BODY_SIZE_LIMIT (adapter-node stops reading it with a 413) is answered with the
 * same message as a file over 5 MB; a body that is no form at all, as `readForm` answers it.
 */
async function readClaimForm(request: Request) {
	try {
		return await request.formData();
	} catch (e) {
		if ((e as { status?: number }).status === 413) return { tooBig: true as const };
		error(400, 'The form could not be read. Go back to the page and try again.');
	}
}

/** Records a claim from the posted form: refused with a message per field, and nothing written, when anything is wrong. */
export async function submitClaimAction(request: Request, db: Db, actor: Principal, person: ClaimTarget) {
	const form = await readClaimForm(request);
	if ('tooBig' in form) return invalid({ certificate: CERTIFICATE_TOO_BIG }, {}, 'claim', { status: 400 });
	const parsed = parseForm(claimFields, form);
	const file = await readCertificate(form);
	if (!parsed.ok || !file.ok)
		return invalid({ ...(parsed.ok ? {} : parsed.errors), ...(file.ok ? {} : { certificate: file.message }) }, parsed.values, 'claim');
	const result = submitClaim(db, getFramework(), actor, person, parsed.data, file.certificate);
	if (!result.ok) {
		if (result.forbidden) notFound();
		return invalid(result.errors, parsed.values, 'claim');
	}
	return { submitted: result.id };
}

/**
 * A manager's decision from the posted form. On a claim's own page `onlyClaim` is the page's claim: the form may
 * leave the id out, and may not name another. Unknown or out of scope answers 404.
 */
export async function reviewClaimAction(request: Request, db: Db, reviewer: Principal, onlyClaim?: number) {
	const form = await readForm(request);
	if (onlyClaim !== undefined) {
		const named = form.get('claimId');
		if (named !== null && named !== String(onlyClaim)) notFound();
		form.set('claimId', String(onlyClaim));
	}
	const parsed = parseForm(reviewFields, form);
	if (!parsed.ok) return invalid(parsed.errors, parsed.values, `review-${parsed.values.claimId ?? ''}`);
	const result = reviewClaim(db, getFramework(), reviewer, parsed.data);
	if (!result.ok) {
		if (result.forbidden) notFound();
		return invalid(result.errors, parsed.values, `review-${parsed.data.claimId}`, { status: result.status });
	}
	return { decided: parsed.data.decision === 'approve' ? ('approved' as const) : ('rejected' as const), claimId: parsed.data.claimId };
}
