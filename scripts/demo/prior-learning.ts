/**
 * Demo prior learning, recorded through the same code as the app (claims with their audit entries; the approval's
 * evidence and the learner's email): a constable's claim waiting for Central South's manager, and a nurse's claim
 * already approved by the NHS trust's manager. Each certificate is a small real PDF.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Principal } from '../../src/lib/server/access/policy';
import { addDays, londonToday } from '../../src/lib/server/competency/dates';
import type { Framework } from '../../src/lib/server/competency/framework';
import type { Db } from '../../src/lib/server/db';
import { people, roleGrants } from '../../src/lib/server/db/schema';
import { loadTemplatesFromDisk } from '../../src/lib/server/mail/templates-disk';
import { reviewClaim, submitClaim } from '../../src/lib/server/prior-learning/claims';
import type { Certificate } from '../../src/lib/server/prior-learning/input';
import { certificatePdf } from './certificate-pdf';

function principal(db: Db, email: string): (Principal & { unitId: number; status: string }) | undefined {
	const person = db.select().from(people).where(eq(people.email, email)).get();
	if (!person) return undefined;
	const grants = db
		.select({ role: roleGrants.role, organisationId: roleGrants.organisationId, unitId: roleGrants.unitId })
		.from(roleGrants)
		.where(eq(roleGrants.personId, person.id))
		.all();
	return { ...person, grants };
}

function certificate(fileName: string, lines: string[]): Certificate {
	const bytes = Buffer.from(certificatePdf(lines));
	return { bytes, type: 'application/pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), fileName };
}

export function seedDemoPriorLearning(db: Db, framework: Framework, now = new Date()) {
	const officer = principal(db, 'officer@demo.test');
	const nurse = principal(db, 'nurse@demo.test');
	const nhsManager = principal(db, 'nhs-manager@demo.test');
	if (!officer || !nurse || !nhsManager) return;
	loadTemplatesFromDisk();
	const today = londonToday(now);
	const completed = addDays(today, -95);
	const pending = submitClaim(
		db,
		framework,
		officer,
		officer,
		{
			competencyId: 'safe-restraint',
			completedOn: completed,
			provider: 'Thames Valley Police, officer safety training (previous force)',
			notes: 'Two-day annual personal safety course, including restraint and positional asphyxia, before my transfer to the Met.'
		},
		certificate('tvp-officer-safety.pdf', ['Certificate of completion', 'Officer safety training: annual refresher', officer.name, `Completed ${completed}`]),
		now
	);
	const approved = submitClaim(
		db,
		framework,
		nurse,
		nurse,
		{
			competencyId: 'safe-restraint',
			completedOn: addDays(today, -130),
			provider: 'Previous NHS trust, restraint reduction training certified to RRN standards',
			notes: null
		},
		certificate('rrn-certificate.pdf', ['Certificate of attendance', 'Restraint reduction training (RRN certified)', nurse.name]),
		now
	);
	if (!pending.ok || !approved.ok) throw new Error(`Demo prior learning was refused: ${JSON.stringify({ pending, approved })}`);
	const decided = reviewClaim(
		db,
		framework,
		nhsManager,
		{ claimId: approved.id, decision: 'approve', reason: 'Certificate checked with the issuing trust.' },
		now
	);
	if (!decided.ok) throw new Error(`Demo prior learning approval was refused: ${JSON.stringify(decided)}`);
}
