/**
 * Scheduling: a trainer or training manager creates a session, changes it, or cancels it with a reason. Each is one
 * transaction with its audit entry; people booked or waiting are told of a change or a cancellation, with the
 * calendar update, and a change raises the event's SEQUENCE so calendars take the newest.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { canRunSession, type Principal } from '../access/policy';
import { appendAudit } from '../audit/log';
import type { Framework } from '../competency/framework';
import type { Db } from '../db';
import { organisations, people, practicalBookings, practicalSessions, units } from '../db/schema';
import type { FieldErrors } from '../forms/parse';
import { fillPlaces } from './booking';
import { notifySession } from './notify';
import type { SessionInput } from './session-input';
import { getSession, trainersOf, writeSessionLists } from './store';

export type ScheduleResult = { ok: true; id: number } | { ok: false; forbidden: true } | { ok: false; forbidden: false; errors: FieldErrors };

/** What the database must confirm: the trainers train for the organisation, and the organisations and units exist. */
function checkReferences(db: Pick<Db, 'select' | 'selectDistinct'>, input: SessionInput, now: Date): FieldErrors {
	const errors: FieldErrors = {};
	const trainers = new Set(trainersOf(db, [input.organisationId]).map((t) => t.id));
	if (input.trainerIds.some((id) => !trainers.has(id))) errors.trainerIds = 'Choose trainers of the organisation running the session';
	if (input.audience.organisations.length) {
		const found = db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, input.audience.organisations)).all();
		if (found.length !== input.audience.organisations.length) errors.audienceOrganisations = 'Choose organisations from the list';
	}
	if (input.audience.units.length) {
		const found = db.select({ id: units.id }).from(units).where(inArray(units.id, input.audience.units)).all();
		if (found.length !== input.audience.units.length) errors.audienceUnits = 'Choose units from the list';
	}
	if (input.startsAt <= now) errors.date = 'The session must start in the future';
	return errors;
}

/** The session's own columns a trainer sets when creating it and may change later (its organisation is fixed). */
const editableColumns = (input: SessionInput) => ({
	title: input.title,
	venue: input.venue,
	startsAt: input.startsAt,
	endsAt: input.endsAt,
	bookingClosesAt: input.bookingClosesAt,
	capacity: input.capacity
});

const auditDetail = (input: SessionInput) => ({
	title: input.title,
	venue: input.venue,
	startsAt: input.startsAt.toISOString(),
	endsAt: input.endsAt.toISOString(),
	capacity: input.capacity,
	competencyIds: input.competencyIds,
	trainerIds: input.trainerIds,
	audience: input.audience
});

export function createSession(db: Db, actor: Principal, input: SessionInput, now = new Date()): ScheduleResult {
	if (!canRunSession(actor, input.organisationId)) return { ok: false, forbidden: true };
	const errors = checkReferences(db, input, now);
	if (Object.keys(errors).length) return { ok: false, forbidden: false, errors };
	const id = db.transaction((tx) => {
		const row = tx
			.insert(practicalSessions)
			.values({
				organisationId: input.organisationId,
				...editableColumns(input),
				createdBy: actor.id,
				createdAt: now
			})
			.returning({ id: practicalSessions.id })
			.get();
		writeSessionLists(tx, row.id, input);
		appendAudit(tx, { actorId: actor.id, action: 'session-create', entity: 'practical-session', entityId: row.id, detail: auditDetail(input), at: now });
		return row.id;
	});
	return { ok: true, id };
}

/** People with a place or on the waiting list, to tell about a change. */
function livePeople(tx: Pick<Db, 'select'>, sessionId: number) {
	return tx
		.select({ id: people.id, name: people.name, email: people.email, bookingId: practicalBookings.id })
		.from(practicalBookings)
		.innerJoin(people, eq(people.id, practicalBookings.personId))
		.where(and(eq(practicalBookings.sessionId, sessionId), inArray(practicalBookings.status, ['booked', 'waiting'])))
		.all();
}

export function updateSession(db: Db, framework: Framework, actor: Principal, id: number, input: SessionInput, now = new Date()): ScheduleResult {
	const before = getSession(db, id);
	if (!before || !canRunSession(actor, before.organisationId) || input.organisationId !== before.organisationId) return { ok: false, forbidden: true };
	const errors = checkReferences(db, input, now);
	if (before.status === 'cancelled') errors.form = 'This session has been cancelled and can no longer be changed';
	if (input.capacity < before.bookedCount)
		errors.capacity = `${before.bookedCount} people hold places, so the session needs at least ${before.bookedCount} places`;
	if (Object.keys(errors).length) return { ok: false, forbidden: false, errors };
	const told = before.title !== input.title || before.venue !== input.venue || +before.startsAt !== +input.startsAt || +before.endsAt !== +input.endsAt;
	db.transaction((tx) => {
		tx.update(practicalSessions)
			.set({
				...editableColumns(input),
				sequence: told ? before.sequence + 1 : before.sequence
			})
			.where(eq(practicalSessions.id, id))
			.run();
		writeSessionLists(tx, id, input);
		appendAudit(tx, { actorId: actor.id, action: 'session-update', entity: 'practical-session', entityId: id, detail: auditDetail(input), at: now });
		const after = getSession(tx, id)!;
		if (told) for (const p of livePeople(tx, id)) notifySession(tx, framework, after, p, 'changed', { now });
		fillPlaces(tx, framework, after, now);
	});
	return { ok: true, id };
}

export function cancelSession(db: Db, framework: Framework, actor: Principal, id: number, reason: string, now = new Date()): ScheduleResult {
	const before = getSession(db, id);
	if (!before || !canRunSession(actor, before.organisationId)) return { ok: false, forbidden: true };
	if (before.status === 'cancelled') return { ok: false, forbidden: false, errors: { form: 'This session is already cancelled' } };
	if (now >= before.startsAt) return { ok: false, forbidden: false, errors: { form: 'This session has already started, so it cannot be cancelled' } };
	db.transaction((tx) => {
		tx.update(practicalSessions)
			.set({ status: 'cancelled', cancelReason: reason, sequence: before.sequence + 1, bookedCount: 0 })
			.where(eq(practicalSessions.id, id))
			.run();
		const after = getSession(tx, id)!;
		const live = livePeople(tx, id);
		tx.update(practicalBookings)
			.set({ status: 'cancelled', cancelledAt: now })
			.where(and(eq(practicalBookings.sessionId, id), inArray(practicalBookings.status, ['booked', 'waiting'])))
			.run();
		appendAudit(tx, { actorId: actor.id, action: 'session-cancel', entity: 'practical-session', entityId: id, detail: { reason, told: live.length }, at: now });
		for (const p of live) notifySession(tx, framework, after, p, 'session-cancelled', { now });
	});
	return { ok: true, id };
}
