import { z } from 'zod';
import { LONDON_BOROUGHS, ORGANISATION_KINDS, UNIT_KINDS } from '../../organisation-model';
import { requiredText } from '../forms/fields';

const ids = <T extends readonly { id: string }[]>(xs: T) => xs.map((x) => x.id) as [T[number]['id'], ...T[number]['id'][]];

export const organisationInput = z.object({
	name: requiredText('the organisation name', 120),
	kind: z.enum(ids(ORGANISATION_KINDS), { error: 'Choose the kind of organisation' })
});
export type OrganisationInput = z.infer<typeof organisationInput>;

export const unitInput = z.object({
	name: requiredText('the unit name', 120),
	kind: z.enum(ids(UNIT_KINDS), { error: 'Choose the kind of unit' }),
	borough: z
		.union([z.literal(''), z.enum(LONDON_BOROUGHS, { error: 'Choose a London borough from the list, or none' })])
		.optional()
		.transform((v) => (v ? v : null))
});
export type UnitInput = z.infer<typeof unitInput>;
