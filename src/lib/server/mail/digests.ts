/**
 * Training managers' digests: for each manager whose weekly or monthly slot has begun and who has not had that slot's
 * digest, the counts for their scope (from the same scope and aggregates as /manage), the change since their last
 * digest, the progress of the training they assigned that is still open (digest-assignments.ts), a link to /manage and a signed one-click unsubscribe link. Queued with the digest's record in one transaction;
 * the dedupe key (manager and slot) makes a second process, or a second run, queue nothing.
 */
import { isManager, type Principal } from '../access/policy';
import { formatDate } from '../../competency-status';
import { complianceSummary, type Counts } from '../reporting/compliance';
import { londonToday, type IsoDate } from '../competency/dates';
import { DUE_SOON_DAYS } from '../competency/status-rule';
import type { Db } from '../db';
import { statementsFor } from '../db/prepared';
import { managedUnits } from '../reporting/managed-units';
import { publishCount, publishShare, SUPPRESS_UP_TO } from '../reporting/disclosure';
import { DEFAULT_DIGEST, type DigestFrequency } from './preferences';
import { openAssignmentsMadeBy } from '../assignments/store';
import type { AssignmentContent } from '../assignments/titles';
import { assignmentDigestLines } from './digest-assignments';
import { queueMail } from './queue';
import { digestSlot } from './schedule';
import { unsubscribeToken } from './unsubscribe-token';

/** `overdue` is absent from digests recorded before it was counted. */
export type DigestCounts = { required: number; inDate: number; dueSoon: number; expired: number; overdue?: number; notAchieved: number };
export type DigestRun = { messages: number; managers: number; dryRun: boolean };

type ManagerRow = Omit<Principal, 'grants'> & { digest: DigestFrequency; lastSlot: string | null; lastCounts: string | null; lastSentAt: number | null };

function statements(db: Db) {
	return statementsFor(db, 'mail-digests', (c) => ({
		managers: c.prepare(
			`select p.id, p.name, p.email, p.organisation_id as organisationId, p.unit_id as unitId, p.job_role as jobRole,
			   coalesce(mp.digest, '${DEFAULT_DIGEST}') as digest, md.slot as lastSlot, md.counts as lastCounts, md.sent_at as lastSentAt
			 from people p left join mail_preferences mp on mp.person_id = p.id left join manager_digests md on md.person_id = p.id
			 where p.status = 'active' and p.id in (select person_id from role_grants where role = 'manager')
			 order by p.id`
		),
		grants: c.prepare('select role, organisation_id as organisationId, unit_id as unitId from role_grants where person_id = ?'),
		record: c.prepare(
			`insert into manager_digests (person_id, slot, counts, outbox_id, sent_at) values (@personId, @slot, @counts, @outboxId, @now)
			 on conflict (person_id) do update set slot = excluded.slot, counts = excluded.counts, outbox_id = excluded.outbox_id, sent_at = excluded.sent_at`
		)
	}));
}

/** The figures a digest shows, summed over every competency in the scope. */
export function digestCounts(byCompetency: Map<string, Counts>): DigestCounts {
	const out: DigestCounts = { required: 0, inDate: 0, dueSoon: 0, expired: 0, overdue: 0, notAchieved: 0 };
	for (const c of byCompetency.values()) {
		out.required += c.required;
		out.inDate += c.current + c.dueSoon;
		out.dueSoon += c.dueSoon;
		out.expired += c.expired;
		out.overdue! += c.overdue;
		out.notAchieved += c.notAchieved;
	}
	return out;
}

const number = new Intl.NumberFormat('en-GB');

/**
 * A count as the digest shows it: under disclosure control (reporting/disclosure.ts), since an email leaves the
 * system and is forwarded. The manager sees exact figures, person by person, on /manage.
 */
const shown = (n: number) => {
	const p = publishCount(n);
	return p === null ? `between 1 and ${SUPPRESS_UP_TO}` : number.format(p);
};

/** The change between two published figures; nothing when either was withheld, so a difference never reveals one. */
function change(now: number, before: number | undefined, since: string | null): string {
	if (before === undefined || since === null) return '';
	const [a, b] = [publishCount(now), publishCount(before)];
	if (a === null || b === null) return '';
	const d = a - b;
	if (d === 0) return ` (no change since ${since})`;
	return ` (${number.format(Math.abs(d))} ${d > 0 ? 'more' : 'fewer'} than on ${since})`;
}

/** The lines of the digest, each with its change since the last one when there was one. */
export function digestLines(counts: DigestCounts, last: DigestCounts | null, lastDate: IsoDate | null): string[] {
	const since = last && lastDate ? formatDate(lastDate) : null;
	const now = publishShare(counts.inDate, counts.required);
	const before = last ? publishShare(last.inDate, last.required) : null;
	const share = now.suppressed ? null : Math.round(100 * now.share);
	const lastShare = before && !before.suppressed ? Math.round(100 * before.share) : undefined;
	const points =
		share === null || lastShare === undefined || since === null
			? ''
			: share === lastShare
				? ` (no change since ${since})`
				: ` (${share > lastShare ? 'up' : 'down'} ${Math.abs(share - lastShare)} points since ${since})`;
	const inDate =
		counts.required === 0
			? 'In date: 0% of 0 required competencies'
			: now.suppressed
				? `In date: not shown, as too few people would be counted (${shown(counts.required)} required competencies)`
				: `In date: ${share}% of ${number.format(now.total)} required competencies${points}`;
	return [
		`Expired: ${shown(counts.expired)}${change(counts.expired, last?.expired, since)}`,
		`Due soon: ${shown(counts.dueSoon)}${change(counts.dueSoon, last?.dueSoon, since)}`,
		// A digest recorded before overdue was counted has no figure to compare with.
		`Overdue: ${shown(counts.overdue ?? 0)}${change(counts.overdue ?? 0, last?.overdue, since)}`,
		`Not yet achieved: ${shown(counts.notAchieved)}${change(counts.notAchieved, last?.notAchieved, since)}`,
		inDate
	];
}

export const digestDedupeKey = (personId: number, slot: IsoDate) => `digest:${slot}:${personId}`;

/** Queues every digest that is due at `now` (or, with `dryRun`, counts them). */
export function planDigests(db: Db, options: { now: Date; origin: string; secret: string; content: AssignmentContent; dryRun?: boolean }): DigestRun {
	const { now, origin } = options;
	const today = londonToday(now);
	const q = statements(db);
	const managers = q.managers.all() as ManagerRow[];
	const run: DigestRun = { messages: 0, managers: managers.length, dryRun: !!options.dryRun };
	for (const m of managers) {
		if (m.digest === 'off') continue;
		const slot = digestSlot(m.digest, now);
		if (m.lastSlot !== null && m.lastSlot >= slot) continue;
		const user: Principal = {
			id: m.id,
			name: m.name,
			email: m.email,
			organisationId: m.organisationId,
			unitId: m.unitId,
			jobRole: m.jobRole,
			grants: q.grants.all(m.id) as Principal['grants']
		};
		if (!isManager(user)) continue;
		if (options.dryRun) {
			run.messages++;
			continue;
		}
		// Read outside the write: the aggregates answer in a millisecond, and may move to today first.
		const { scope, describe } = managedUnits(db, user);
		const counts = digestCounts(complianceSummary(db, scope, today).byCompetency);
		const assigned = assignmentDigestLines(options.content, openAssignmentsMadeBy(db, m.id, today));
		const last = m.lastCounts ? (JSON.parse(m.lastCounts) as DigestCounts) : null;
		const lastDate = m.lastSentAt === null ? null : londonToday(new Date(m.lastSentAt));
		const queued = db.$client
			.transaction(() => {
				const row = queueMail(db, {
					to: m.id,
					template: 'manager-digest',
					kind: 'digest',
					dedupeKey: digestDedupeKey(m.id, slot),
					now,
					data: {
						name: m.name,
						scope: describe,
						frequency: m.digest,
						date: formatDate(today),
						counts: digestLines(counts, last, lastDate),
						assignments: assigned,
						manageUrl: `${origin}/manage`,
						accountUrl: `${origin}/account`,
						unsubscribeUrl: `${origin}/unsubscribe/${unsubscribeToken(options.secret, m.id, 'digest')}`,
						dueSoonDays: String(DUE_SOON_DAYS)
					}
				});
				if (row) q.record.run({ personId: m.id, slot, counts: JSON.stringify(counts), outboxId: row.id, now: now.getTime() });
				return row;
			})
			.immediate();
		if (queued) run.messages++;
	}
	return run;
}
