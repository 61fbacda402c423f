import { count, eq } from 'drizzle-orm';
import { requireAdmin } from '$lib/server/access/guards';
import { getDb } from '$lib/server/db';
import { organisations, people, units } from '$lib/server/db/schema';
import { outboxCounts } from '$lib/server/mail/outbox-browse';
import { mailStatus } from '$lib/server/mail/status';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const db = getDb();
	const one = (q: { n: number }[]) => q[0].n;
	return {
		counts: {
			organisations: one(db.select({ n: count() }).from(organisations).all()),
			units: one(db.select({ n: count() }).from(units).all()),
			active: one(db.select({ n: count() }).from(people).where(eq(people.status, 'active')).all()),
			left: one(db.select({ n: count() }).from(people).where(eq(people.status, 'left')).all())
		},
		mail: mailStatus(outboxCounts(db))
	};
};
