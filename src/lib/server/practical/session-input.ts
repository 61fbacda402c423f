/**
 * The scheduling form: what a trainer or training manager types, checked at the boundary. Dates and times are London
 * wall time (london-time.ts); repeated fields (competencies, trainers, who may book) arrive as lists.
 */
import { z } from 'zod';
import { JOB_ROLE_IDS } from '$lib/organisation-model';
import type { Framework } from '../competency/framework';
import { requiredText } from '../forms/fields';
import type { FieldErrors, FormValues } from '../forms/parse';
import { londonWallTime } from './london-time';

export const MAX_CAPACITY = 200;
const LIST_FIELDS = ['competencyIds', 'trainerIds', 'audienceOrganisations', 'audienceUnits', 'audienceRoles'] as const;

const idList = (label: string) =>
	z
		.array(
			z
				.string()
				.regex(/^[1-9]\d{0,9}$/, `Choose ${label} from the list`)
				.transform(Number)
		)
		.max(500, `Choose at most 500 ${label}`);

const fields = z.object({
	organisationId: z.coerce.number({ error: 'Choose the organisation running the session' }).int().positive('Choose the organisation running the session'),
	title: requiredText('a title', 120),
	venue: requiredText('the venue', 200),
	date: z.string({ error: 'Enter the date' }).trim(),
	startTime: z.string({ error: 'Enter the start time' }).trim(),
	endTime: z.string({ error: 'Enter the end time' }).trim(),
	closesDate: z.string().trim().optional(),
	closesTime: z.string().trim().optional(),
	capacity: z.coerce
		.number({ error: 'Enter the number of places' })
		.int('Enter the number of places as a whole number')
		.min(1, 'A session needs at least 1 place')
		.max(MAX_CAPACITY, `A session may have at most ${MAX_CAPACITY} places`),
	competencyIds: z.array(z.string().max(80)).min(1, 'Choose at least one competency the session assesses').max(50),
	trainerIds: idList('trainers').min(1, 'Choose at least one trainer'),
	audienceOrganisations: idList('organisations'),
	audienceUnits: idList('units'),
	audienceRoles: z.array(z.enum(JOB_ROLE_IDS, { error: 'Choose job roles from the list' })).max(50)
});

export type SessionInput = {
	organisationId: number;
	title: string;
	venue: string;
	startsAt: Date;
	endsAt: Date;
	bookingClosesAt: Date;
	capacity: number;
	competencyIds: string[];
	trainerIds: number[];
	audience: { organisations: number[]; units: number[]; roles: string[] };
};

export type ParsedSession = { ok: true; data: SessionInput; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/** Reads the form: one message per field, and the values to put back (lists joined with commas). */
export function parseSessionForm(form: FormData, framework: Framework): ParsedSession {
	const raw: Record<string, unknown> = {};
	const values: FormValues = {};
	for (const [key, value] of form.entries()) {
		if (typeof value !== 'string') continue;
		if ((LIST_FIELDS as readonly string[]).includes(key)) {
			const list = (raw[key] as string[] | undefined) ?? [];
			if (list.length < 1000) list.push(value.slice(0, 100));
			raw[key] = list;
		} else if (!(key in raw)) raw[key] = value.slice(0, 2000);
	}
	for (const f of LIST_FIELDS) raw[f] ??= [];
	for (const [k, v] of Object.entries(raw)) values[k] = Array.isArray(v) ? v.join(',') : String(v);

	const errors: FieldErrors = {};
	const parsed = fields.safeParse(raw);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
		return { ok: false, errors, values };
	}
	const d = parsed.data;
	const unknown = d.competencyIds.find((id) => !framework.byId.has(id));
	if (unknown !== undefined) errors.competencyIds = 'Choose competencies from the list';
	const start = londonWallTime(d.date, d.startTime);
	const end = londonWallTime(d.date, d.endTime);
	if (!start.ok) errors.startTime = start.error;
	if (!end.ok) errors.endTime = end.error;
	if (start.ok && end.ok && end.at <= start.at) errors.endTime = 'The session must end after it starts';
	let closes = start.ok ? start.at : null;
	if (d.closesDate || d.closesTime) {
		const c = londonWallTime(d.closesDate ?? '', d.closesTime || '00:00');
		if (!c.ok) errors.closesDate = c.error;
		else if (start.ok && c.at > start.at) errors.closesDate = 'Booking must close by the time the session starts';
		else closes = c.at;
	}
	if (Object.keys(errors).length || !start.ok || !end.ok || !closes) return { ok: false, errors, values };
	return {
		ok: true,
		values,
		data: {
			organisationId: d.organisationId,
			title: d.title,
			venue: d.venue,
			startsAt: start.at,
			endsAt: end.at,
			bookingClosesAt: closes,
			capacity: d.capacity,
			competencyIds: [...new Set(d.competencyIds)],
			trainerIds: [...new Set(d.trainerIds)],
			audience: { organisations: [...new Set(d.audienceOrganisations)], units: [...new Set(d.audienceUnits)], roles: [...new Set(d.audienceRoles)] }
		}
	};
}
