import { notFound } from '../access/guards';
import type { Db } from '../db';
import { idParam } from '../forms/query';
import { getOrganisation, getUnit } from './organisations';
import { getPerson } from './repository';

/** What an administrator's page is about, by the id in its URL: a malformed or unknown id is simply not found. */
function byIdOr404<T>(raw: string, find: (id: number) => T | undefined): T {
	const id = idParam(raw);
	const found = id ? find(id) : undefined;
	if (!found) notFound();
	return found;
}

export const personOr404 = (db: Db, raw: string) => byIdOr404(raw, (id) => getPerson(db, id));
export const organisationOr404 = (db: Db, raw: string) => byIdOr404(raw, (id) => getOrganisation(db, id));
export const unitOr404 = (db: Db, raw: string) => byIdOr404(raw, (id) => getUnit(db, id));
