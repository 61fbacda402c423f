/**
 * All the SQL of prior learning claims. Lists and single claims never read the certificate's bytes: only
 * `certificateOf` does, for the one download that asks for them.
 */
import { and, asc, count, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { scopeCondition } from '../access/scope-sql';
import type { PeopleScope } from '../access/policy';
import type { Db } from '../db';
import { people, priorLearningClaims as claims, units } from '../db/schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Reader = Db | Tx;

export type ClaimStatus = (typeof claims.$inferSelect)['status'];
export type NewClaim = Omit<typeof claims.$inferInsert, 'id' | 'status' | 'reviewedBy' | 'reviewedAt' | 'reviewReason'>;

const reviewer = alias(people, 'reviewer');
const submitter = alias(people, 'submitter');

/** Everything stored about a claim but the file's bytes. */
const STORED_COLUMNS = {
	id: claims.id,
	personId: claims.personId,
	competencyId: claims.competencyId,
	completedOn: claims.completedOn,
	provider: claims.provider,
	notes: claims.notes,
	fileType: claims.fileType,
	fileSize: claims.fileSize,
	fileSha256: claims.fileSha256,
	fileName: claims.fileName,
	status: claims.status,
	submittedBy: claims.submittedBy,
	submittedAt: claims.submittedAt,
	reviewedBy: claims.reviewedBy,
	reviewedAt: claims.reviewedAt,
	reviewReason: claims.reviewReason
};
/** The same, with the submitter's and reviewer's names (their tables joined as `submitter` and `reviewer`). */
const CLAIM_COLUMNS = { ...STORED_COLUMNS, submittedByName: submitter.name, reviewedByName: reviewer.name };

export function insertClaim(tx: Tx, row: NewClaim): number {
	return tx
		.insert(claims)
		.values({ ...row, status: 'pending' })
		.returning({ id: claims.id })
		.get().id;
}

/** One claim with the person it is for (what decides who may see it), or undefined. */
export function claimById(db: Reader, id: number) {
	return db
		.select({
			...CLAIM_COLUMNS,
			person: {
				id: people.id,
				name: people.name,
				organisationId: people.organisationId,
				unitId: people.unitId,
				unitName: units.name,
				jobRole: people.jobRole,
				status: people.status
			}
		})
		.from(claims)
		.innerJoin(people, eq(people.id, claims.personId))
		.innerJoin(units, eq(units.id, people.unitId))
		.innerJoin(submitter, eq(submitter.id, claims.submittedBy))
		.leftJoin(reviewer, eq(reviewer.id, claims.reviewedBy))
		.where(eq(claims.id, id))
		.get();
}
export type Claim = NonNullable<ReturnType<typeof claimById>>;

/** The certificate itself, with whose it is. */
export function certificateOf(db: Reader, id: number) {
	return db
		.select({
			file: claims.file,
			fileType: claims.fileType,
			fileName: claims.fileName,
			fileSize: claims.fileSize,
			fileSha256: claims.fileSha256,
			person: { id: people.id, organisationId: people.organisationId, unitId: people.unitId }
		})
		.from(claims)
		.innerJoin(people, eq(people.id, claims.personId))
		.where(eq(claims.id, id))
		.get();
}

/** A person's claims, newest first. */
export function claimsOf(db: Reader, personId: number) {
	return db
		.select(CLAIM_COLUMNS)
		.from(claims)
		.innerJoin(submitter, eq(submitter.id, claims.submittedBy))
		.leftJoin(reviewer, eq(reviewer.id, claims.reviewedBy))
		.where(eq(claims.personId, personId))
		.orderBy(desc(claims.id))
		.all();
}
export type ClaimSummary = ReturnType<typeof claimsOf>[number];

/** The most a queue page lists at once: the oldest first, so that none waits behind newer ones. */
export const QUEUE_LIMIT = 100;

/** Pending claims of people in the scope, oldest first, and how many there are in all. */
export function pendingInScope(db: Reader, scope: PeopleScope) {
	const where = and(eq(claims.status, 'pending'), scopeCondition(scope));
	const rows = db
		.select({
			id: claims.id,
			competencyId: claims.competencyId,
			completedOn: claims.completedOn,
			provider: claims.provider,
			submittedAt: claims.submittedAt,
			submittedBy: claims.submittedBy,
			person: { id: people.id, name: people.name, unitName: units.name }
		})
		.from(claims)
		.innerJoin(people, eq(people.id, claims.personId))
		.innerJoin(units, eq(units.id, people.unitId))
		.where(where)
		.orderBy(asc(claims.submittedAt), asc(claims.id))
		.limit(QUEUE_LIMIT)
		.all();
	const total = db.select({ n: count() }).from(claims).innerJoin(people, eq(people.id, claims.personId)).where(where).get()!.n;
	return { rows, total };
}

/**
 * Records the outcome of a claim that is still pending: a compare-and-set, so that two managers deciding at once
 * cannot both succeed. Returns whether this call decided it.
 */
export function decideClaim(
	tx: Tx,
	id: number,
	outcome: { status: 'approved' | 'rejected'; reviewedBy: number; reviewedAt: Date; reason: string | null }
): boolean {
	const changed = tx
		.update(claims)
		.set({ status: outcome.status, reviewedBy: outcome.reviewedBy, reviewedAt: outcome.reviewedAt, reviewReason: outcome.reason })
		.where(and(eq(claims.id, id), eq(claims.status, 'pending')))
		.run();
	return changed.changes === 1;
}

/** The provider of each of a person's claims, by claim id as the ledger's `ref` holds it. */
export function claimProviders(db: Reader, personId: number): Map<string, string> {
	const rows = db.select({ id: claims.id, provider: claims.provider }).from(claims).where(eq(claims.personId, personId)).all();
	return new Map(rows.map((r) => [String(r.id), r.provider]));
}

/** A person's claims for their subject access export: everything stored about each, the file by its hash only. */
export function claimsForSubjectAccess(db: Reader, personId: number) {
	return db.select(STORED_COLUMNS).from(claims).where(eq(claims.personId, personId)).orderBy(asc(claims.id)).all();
}
