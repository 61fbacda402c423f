import { notFound } from '../access/guards';
import type { Db } from '../db';
import { idParam } from '../forms/query';
import { getPerson } from './repository';

/** The person an administrator's page is about; a malformed or unknown id is simply not found. */
export function personOr404(db: Db, raw: string) {
	const id = idParam(raw);
	const person = id ? getPerson(db, id) : undefined;
	if (!person) notFound();
	return person;
}
