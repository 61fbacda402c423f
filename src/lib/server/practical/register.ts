/**
 * The register: on the day, a trainer of the session marks each person with a place attended, absent or left early,
 * and records each attendee's observed assessment. "Competent" goes through the existing assessment path
 * (competency/assessments.ts), so it becomes evidence for every competency the session assesses that the person's
 * job role needs; "not yet competent" is recorded with the notes, and the person is offered another session. Nobody
 * signs themselves off: the assessment path refuses it. Everything on the screen is saved in one transaction, or
 * nothing is.
 */
import { and, eq } from 'drizzle-orm';
import { canAssess, type Principal } from '../access/policy';
import { appendAudit } from '../audit/log';
import { recordAssessmentIn } from '../competency/assessments';
import { requiredFor, type Framework } from '../competency/framework';
import type { Db } from '../db';
import { people, practicalBookings } from '../db/schema';
import { cleanTextBox } from '../forms/fields';
import type { FieldErrors } from '../forms/parse';
import { londonWallParts } from './london-time';
import { getSession, type SessionDetail } from './store';

export const ATTENDANCE = ['attended', 'absent', 'left-early'] as const;
export const OUTCOMES = ['competent', 'not-yet-competent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export type RegisterOutcome = (typeof OUTCOMES)[number];
export type RegisterEntry = { bookingId: number; attendance: Attendance | null; outcome: RegisterOutcome | null; notes: string };

/** The session's trainers take its register, as long as they also train for its organisation. */
export function canTakeRegister(user: Principal, session: Pick<SessionDetail, 'trainerIds' | 'organisationId'>): boolean {
	return session.trainerIds.includes(user.id) && user.grants.some((g) => g.role === 'trainer' && g.organisationId === session.organisationId);
}

export function registerRows(db: Pick<Db, 'select'>, sessionId: number) {
	return db
		.select({
			bookingId: practicalBookings.id,
			id: people.id,
			name: people.name,
			jobRole: people.jobRole,
			organisationId: people.organisationId,
			unitId: people.unitId,
			startDate: people.startDate,
			status: people.status,
			attendance: practicalBookings.attendance,
			outcome: practicalBookings.outcome,
			notes: practicalBookings.notes
		})
		.from(practicalBookings)
		.innerJoin(people, eq(people.id, practicalBookings.personId))
		.where(and(eq(practicalBookings.sessionId, sessionId), eq(practicalBookings.status, 'booked')))
		.orderBy(people.name)
		.all();
}

/** Reads the register form: `attendance-<booking>`, `outcome-<booking>`, `notes-<booking>` for each row shown. */
export function readRegisterForm(form: FormData, bookingIds: number[]): { entries: RegisterEntry[]; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const entries = bookingIds.map((bookingId) => {
		const attendance = form.get(`attendance-${bookingId}`);
		const outcome = form.get(`outcome-${bookingId}`);
		const notes = String(form.get(`notes-${bookingId}`) ?? '').trim();
		if (attendance && !(ATTENDANCE as readonly unknown[]).includes(attendance)) errors[`attendance-${bookingId}`] = 'Choose attended, absent or left early';
		if (outcome && !(OUTCOMES as readonly unknown[]).includes(outcome)) errors[`outcome-${bookingId}`] = 'Choose competent or not yet competent';
		if (notes.length > 2000) errors[`notes-${bookingId}`] = 'Notes must be 2000 characters or fewer';
		else if (!cleanTextBox(notes)) errors[`notes-${bookingId}`] = 'Notes must not contain control characters';
		return { bookingId, attendance: (attendance || null) as Attendance | null, outcome: (outcome || null) as RegisterOutcome | null, notes };
	});
	return { entries, errors };
}

export type RegisterResult =
	{ ok: true; assessed: number; notYet: number } | { ok: false; forbidden: true } | { ok: false; forbidden: false; errors: FieldErrors };

export function takeRegister(db: Db, framework: Framework, trainer: Principal, sessionId: number, entries: RegisterEntry[], now = new Date()): RegisterResult {
	const session = getSession(db, sessionId);
	if (!session || !canTakeRegister(trainer, session)) return { ok: false, forbidden: true };
	if (session.status === 'cancelled') return { ok: false, forbidden: false, errors: { form: 'This session was cancelled' } };
	if (now < session.startsAt) return { ok: false, forbidden: false, errors: { form: 'The register can be taken once the session has started' } };
	const rows = new Map(registerRows(db, sessionId).map((r) => [r.bookingId, r]));
	const errors: FieldErrors = {};
	// A row left unmarked keeps what it had: radio buttons cannot be unticked, so a missing mark is not a change.
	entries = entries.map((e) => ({ ...e, attendance: e.attendance ?? rows.get(e.bookingId)?.attendance ?? null }));
	for (const e of entries) {
		const row = rows.get(e.bookingId);
		if (!row) errors.form = 'The register has changed since the page was opened: check it and save again';
		else if (e.outcome && e.attendance !== 'attended') errors[`outcome-${e.bookingId}`] = `Mark ${row.name} as attended to record an assessment`;
		else if (e.outcome && row.outcome && e.outcome !== row.outcome)
			errors[`outcome-${e.bookingId}`] = `${row.name}’s assessment is already recorded; it can be corrected from their record`;
		else if (e.outcome === 'not-yet-competent' && !e.notes && !row.outcome) errors[`notes-${e.bookingId}`] = `Say what ${row.name} still needs to show`;
		else if (e.outcome && !row.outcome && !canAssess(trainer, row))
			errors[`outcome-${e.bookingId}`] =
				row.id === trainer.id ? 'You cannot sign yourself off: another trainer must' : `You do not train for ${row.name}’s organisation`;
	}
	if (Object.keys(errors).length) return { ok: false, forbidden: false, errors };
	const assessedOn = londonWallParts(session.startsAt).date;
	try {
		return db.transaction((tx) => {
			let assessed = 0;
			let notYet = 0;
			for (const e of entries) {
				const row = rows.get(e.bookingId)!;
				const newOutcome = e.outcome && !row.outcome ? e.outcome : null;
				if (e.attendance === row.attendance && !newOutcome && (e.notes || null) === (row.notes || null)) continue;
				tx.update(practicalBookings)
					.set({ attendance: e.attendance, outcome: row.outcome ?? newOutcome, notes: e.notes || null })
					.where(eq(practicalBookings.id, e.bookingId))
					.run();
				appendAudit(tx, {
					actorId: trainer.id,
					action: 'session-register',
					entity: 'practical-booking',
					entityId: e.bookingId,
					detail: { sessionId, personId: row.id, attendance: e.attendance, outcome: newOutcome },
					at: now
				});
				if (!newOutcome) continue;
				const needed = new Set(requiredFor(framework, row.jobRole).map((r) => r.competency.id));
				for (const competencyId of session.competencyIds.filter((c) => needed.has(c))) {
					const result = recordAssessmentIn(tx, framework, trainer, row, { competencyId, assessedOn, outcome: newOutcome, notes: e.notes || null }, now);
					if (!result.ok) throw new RegisterRefused(`outcome-${e.bookingId}`, result.forbidden ? 'Not allowed' : Object.values(result.errors).join('; '));
				}
				if (newOutcome === 'competent') assessed++;
				else notYet++;
			}
			return { ok: true as const, assessed, notYet };
		});
	} catch (e) {
		if (e instanceof RegisterRefused) return { ok: false, forbidden: false, errors: { [e.field]: e.message } };
		throw e;
	}
}

/** Rolls the register's transaction back when the assessment path refuses one row. */
class RegisterRefused extends Error {
	constructor(
		readonly field: string,
		message: string
	) {
		super(message);
	}
}
