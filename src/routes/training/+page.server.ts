import { requireUser } from '$lib/server/access/guards';
import { myTraining } from '$lib/server/competency/my-training';
import { getDb } from '$lib/server/db';
import { serverRendered } from '$lib/server-rendered';
import { getPerson } from '$lib/server/people/repository';
import type { PageServerLoad } from './$types';

// Links and text only: no JavaScript is sent, and the data is not serialised into the page (src/lib/server-rendered.ts).
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const person = getPerson(db, user.id)!;
	return { training: serverRendered(event, { person, ...myTraining(db, person) }) };
};
