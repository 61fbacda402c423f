import { requireTrainer } from '$lib/server/access/guards';
import { trainerScope } from '$lib/server/access/policy';
import { assessmentsSignedOffBy } from '$lib/server/competency/assessments';
import { getFramework } from '$lib/server/content';
import { getDb } from '$lib/server/db';
import { intParam, textParam } from '$lib/server/forms/query';
import { searchPeople } from '$lib/server/people/repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireTrainer(event);
	const filter = { q: textParam(event.url, 'q'), status: 'active' as const, page: intParam(event.url, 'page') };
	const result = searchPeople(getDb(), trainerScope(user), filter);
	const titles = new Map(getFramework().competencies.map((c) => [c.id, c.title]));
	const signedOff = assessmentsSignedOffBy(getDb(), user.id).map((a) => ({ ...a, competency: titles.get(a.competencyId) ?? a.competencyId }));
	return { people: { ...result, rows: result.rows.filter((r) => r.id !== user.id) }, filter, signedOff };
};
