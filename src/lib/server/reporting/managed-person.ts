import type { RequestEvent } from '@sveltejs/kit';
import { requireCanSee, requireManager } from '../access/guards';
import { getDb } from '../db';
import { idParam, textParam } from '../forms/query';
import { getPerson, type PersonRecord } from '../people/repository';
import { londonToday, type IsoDate } from '../competency/dates';
import { recordAccess, type AccessAction } from '../audit/access-log';
import { getFramework } from '../content';
import { buildTrainingRecord } from '../competency/record';
import { contentLookup } from '../content';

/** The person a manager asked for, or 404 when out of their scope or unknown. */
export function personForManager(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireManager(event);
	const id = idParam((event.params as { id: string }).id);
	const person = id ? getPerson(getDb(), id) : undefined;
	requireCanSee(user, person);
	return { user, person: person as PersonRecord };
}

/** The as-at date and mode from the URL: a valid past or present date, else today. */
export function asAtFrom(url: URL): { asAt: IsoDate; asRecorded: boolean } {
	const today = londonToday();
	const raw = textParam(url, 'asAt', 10);
	const valid =
		raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) && new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw);
	return { asAt: valid && raw! <= today ? raw! : today, asRecorded: url.searchParams.get('asRecorded') === '1' };
}

/**
 * The training record a manager asked for, built once for the page, the printable view, the CSV and the JSON alike,
 * and the read written to the access log (who read whose record, as at which date).
 */
export function managedRecord(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>, read: Extract<AccessAction, `record-${string}`>) {
	const { user, person } = personForManager(event);
	const { asAt, asRecorded } = asAtFrom(event.url);
	const db = getDb();
	const record = buildTrainingRecord(db, getFramework(), person, asAt, asRecorded, contentLookup);
	recordAccess(db, { actorId: user.id, action: read, subjectId: person.id, detail: asRecorded ? { asAt, asRecorded } : { asAt } });
	return { user, person, record, asAt };
}
