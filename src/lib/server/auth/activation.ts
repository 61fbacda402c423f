/**
 * Activation: a person added by an administrator or a roster import is sent an email, in the same transaction as
 * their creation, with a single-use link (7 days) to choose a password; in an organisation that signs its people
 * in with its own identity provider, the email says so and links to the sign-in page instead (no password).
 * Administrators can send the link again from the person's page, or a reset link to someone who has a password.
 */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/log';
import type { Db } from '../db';
import { organisations, people } from '../db/schema';
import { queueMail } from '../mail/queue';
import { currentMailSettings } from '../mail/settings';
import { isSsoOnly, providerForEmail } from '../sso/providers';
import { issueToken, TOKEN_LIFETIME_MS } from './tokens';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Writer = Db | Tx;

export type LinkOptions = { origin?: string; now?: Date };
/** What a person is sent: a link to choose a password, one to reset it, or word that they sign in with their organisation. */
export type AccountLinkKind = 'activation' | 'reset' | 'sso';

export type Account = { id: number; name: string; email: string; organisationId: number; organisationName: string; status: string; hasPassword: boolean };

function accountOf(db: Pick<Db, 'select'>, personId: number): Account | undefined {
	const row = db
		.select({
			id: people.id,
			name: people.name,
			email: people.email,
			organisationId: people.organisationId,
			organisationName: organisations.name,
			status: people.status,
			passwordHash: people.passwordHash
		})
		.from(people)
		.innerJoin(organisations, eq(organisations.id, people.organisationId))
		.where(eq(people.id, personId))
		.get();
	if (!row) return undefined;
	const { passwordHash, ...account } = row;
	return { ...account, hasPassword: passwordHash !== null };
}

/**
 * Whether the person signs in through their organisation's provider: /login sends their address there (its domain
 * is the organisation's), or the organisation refuses passwords altogether.
 */
export function signsInWithOrganisation(db: Pick<Db, 'select'>, person: { email: string; organisationId: number }): boolean {
	return isSsoOnly(db, person.organisationId) || providerForEmail(db, person.email)?.organisationId === person.organisationId;
}

const originOf = (options: LinkOptions) => (options.origin ?? currentMailSettings().origin).replace(/\/+$/, '');

/** Queues the activation email for `personId` in `tx` (the transaction that created them). Returns what was sent. */
export function queueActivation(tx: Writer, personId: number, options: LinkOptions = {}): AccountLinkKind {
	const person = accountOf(tx, personId);
	if (!person) throw new Error(`queueActivation: no person ${personId}`);
	return queueAccountLink(tx, person, 'activation', options);
}

/**
 * Which link a person gets. Someone new whose address the organisation's provider covers is told to sign in with
 * it; someone with a password keeps it (and may reset it) unless their organisation refuses passwords altogether.
 */
function linkKind(db: Pick<Db, 'select'>, person: Account, wanted: 'activation' | 'reset'): AccountLinkKind {
	const sso = wanted === 'reset' ? isSsoOnly(db, person.organisationId) : signsInWithOrganisation(db, person);
	return sso ? 'sso' : wanted;
}

/**
 * Queues the email for `wanted` in `tx`. `requested` is true when the person asked (forgotten password): then a
 * refusal because their organisation signs them in says so in reply to their request.
 */
export function queueAccountLink(tx: Writer, person: Account, wanted: 'activation' | 'reset', options: LinkOptions & { requested?: boolean }): AccountLinkKind {
	const origin = originOf(options);
	const now = options.now ?? new Date();
	const common = { to: person.id, kind: 'account' as const, now };
	if (linkKind(tx, person, wanted) === 'sso') {
		const loginUrl = `${origin}/login`;
		if (options.requested)
			queueMail(tx, { ...common, template: 'password-reset-sso', data: { name: person.name, organisation: person.organisationName, loginUrl } });
		else
			queueMail(tx, {
				...common,
				template: 'account-activation-sso',
				data: { name: person.name, organisation: person.organisationName, email: person.email, loginUrl }
			});
		return 'sso';
	}
	const { token } = issueToken(tx, person.id, wanted, now);
	if (wanted === 'activation')
		queueMail(tx, {
			...common,
			template: 'account-activation',
			data: {
				name: person.name,
				organisation: person.organisationName,
				email: person.email,
				activateUrl: `${origin}/activate/${token}`,
				forgotUrl: `${origin}/forgot-password`,
				days: String(TOKEN_LIFETIME_MS.activation / 86_400_000)
			}
		});
	else
		queueMail(tx, {
			...common,
			template: 'password-reset',
			data: {
				name: person.name,
				resetUrl: `${origin}/reset-password/${token}`,
				forgotUrl: `${origin}/forgot-password`,
				minutes: String(TOKEN_LIFETIME_MS.reset / 60_000)
			}
		});
	return wanted;
}

export type SendLinkResult = { ok: true; sent: AccountLinkKind } | { ok: false; message: string };

/**
 * An administrator's "send a link": activation to someone who has never set a password, a reset link to someone
 * who has, sign-in instructions to someone whose organisation signs them in. One transaction with its audit entry.
 */
export function sendAccountLink(db: Db, actorId: number, personId: number, options: LinkOptions = {}): SendLinkResult {
	return db.transaction((tx): SendLinkResult => {
		const person = accountOf(tx, personId);
		if (!person) return { ok: false, message: 'This person could not be found.' };
		if (person.status !== 'active') return { ok: false, message: 'Reinstate this person before sending them a link: people who have left cannot sign in.' };
		const sent = queueAccountLink(tx, person, person.hasPassword ? 'reset' : 'activation', options);
		appendAudit(tx, { actorId, action: 'account-link-sent', entity: 'person', entityId: person.id, detail: { sent }, at: options.now });
		return { ok: true, sent };
	});
}

/** What the administrator's page offers for a person: which link a press of the button would send. */
export function accountLinkFor(db: Pick<Db, 'select'>, personId: number): AccountLinkKind | undefined {
	const person = accountOf(db, personId);
	return person && linkKind(db, person, person.hasPassword ? 'reset' : 'activation');
}

/** For the password-reset request: the account behind an address, read the same way. */
export function accountByEmail(db: Pick<Db, 'select'>, email: string): Account | undefined {
	const row = db.select({ id: people.id }).from(people).where(eq(people.email, email)).get();
	return row ? accountOf(db, row.id) : undefined;
}
