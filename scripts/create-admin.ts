// `npm run user:create-admin -- --email <address> [--name "Full name"] [--organisation "Name"] [--unit "Name"]`
// Creates the first administrator of a real deployment. The password comes from ADMIN_PASSWORD or a prompt.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { and, eq } from 'drizzle-orm';
import { openDb } from '../src/lib/server/db';
import { organisations, people, roleGrants, units } from '../src/lib/server/db/schema';
import { hashPassword, PASSWORD_MIN } from '../src/lib/server/auth/password';
import { appendAudit } from '../src/lib/server/audit/log';
import { email as emailRule } from '../src/lib/server/forms/fields';

const { values } = parseArgs({
	options: {
		email: { type: 'string' },
		name: { type: 'string', default: 'Administrator' },
		organisation: { type: 'string', default: 'Academy administration' },
		unit: { type: 'string', default: 'Administrators' }
	}
});
const parsedEmail = emailRule.safeParse(values.email ?? '');
if (!parsedEmail.success) {
	console.error('Usage: npm run user:create-admin -- --email <address>  (a valid email address is required)');
	process.exit(2);
}
let password = process.env.ADMIN_PASSWORD;
if (!password) {
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	password = await rl.question(`Password for ${parsedEmail.data} (at least ${PASSWORD_MIN} characters): `);
	rl.close();
}
if (!password || password.length < PASSWORD_MIN) {
	console.error(`The password must be at least ${PASSWORD_MIN} characters.`);
	process.exit(2);
}
const db = openDb(process.env.DATABASE_PATH ?? './data/academy.db');
if (db.select({ id: people.id }).from(people).where(eq(people.email, parsedEmail.data)).get()) {
	console.error(`${parsedEmail.data} already has an account: grant the administrator role from /admin instead.`);
	process.exit(1);
}
const hash = await hashPassword(password);
db.transaction((tx) => {
	const org =
		tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, values.organisation!)).get() ??
		tx.insert(organisations).values({ name: values.organisation!, kind: 'other' }).returning({ id: organisations.id }).get();
	const unit =
		tx
			.select({ id: units.id })
			.from(units)
			.where(and(eq(units.organisationId, org.id), eq(units.name, values.unit!)))
			.get() ?? tx.insert(units).values({ organisationId: org.id, name: values.unit!, kind: 'other' }).returning({ id: units.id }).get();
	const person = tx
		.insert(people)
		.values({
			organisationId: org.id,
			unitId: unit.id,
			name: values.name!,
			email: parsedEmail.data,
			jobRole: 'call-handler',
			workforceId: `ADMIN-${Date.now()}`,
			startDate: new Date().toISOString().slice(0, 10),
			passwordHash: hash
		})
		.returning({ id: people.id })
		.get();
	tx.insert(roleGrants).values({ personId: person.id, role: 'admin' }).run();
	appendAudit(tx, { actorId: null, action: 'admin-create', entity: 'person', entityId: person.id, detail: { email: parsedEmail.data } });
});
console.log(`Administrator ${parsedEmail.data} created. Sign in and edit their record (job role, unit) under /admin.`);
