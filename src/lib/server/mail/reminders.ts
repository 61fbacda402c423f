/**
 * The refresher reminder planner. One set-based query finds every (person, competency, cycle, threshold) due today
 * that has no reminder yet; each person's items become one message; each item's key is inserted, doing nothing on
 * conflict, in the same transaction as the message, so whatever runs again (an hour later, after a restart, in another
 * process, after a change of job role) nothing is sent twice. At most one reminder a person a day: the message's
 * dedupe key is the person and the London day, and a person who already has one waits until tomorrow.
 */
import type { Db } from '../db';
import { statementsFor } from '../db/prepared';
import { addDays, type IsoDate } from '../competency/dates';
import { requiredFor, type Framework } from '../competency/framework';
import { DUE_SOON_DAYS } from '../competency/status-rule';
import { queueMail } from './queue';
import { itemLine, reminderSummary, type ReminderItem, type Threshold } from './reminder-text';

/** The last reminder before expiry comes this many days before. */
export const FINAL_REMINDER_DAYS = 7;
/**
 * People are planned in ranges of this many ids: each range is one query and one transaction, so memory stays small
 * however many people there are, and no request waits long for the write lock.
 */
const PEOPLE_PER_RANGE = 2_000;

export type ReminderRun = {
	today: IsoDate;
	/** Messages queued (or, in a dry run, that would be). */
	messages: number;
	items: Record<Threshold, number>;
	/** People with something due who already had a reminder today, so wait until tomorrow. */
	deferred: number;
	dryRun: boolean;
};

type Candidate = [personId: number, name: string, jobRole: string, competencyId: string, expiresOn: IsoDate];

function statements(db: Db) {
	return statementsFor(db, 'mail-reminders', (c) => ({
		candidates: c
			.prepare(
				`select cs.person_id, p.name, p.job_role, cs.competency_id, cs.expires_on
				 from competency_status cs join people p on p.id = cs.person_id
				 where cs.person_id between @lo and @hi and cs.expires_on is not null and cs.expires_on <= @dueBy and p.status = 'active'
				   and not exists (select 1 from reminder_keys k where k.person_id = cs.person_id and k.competency_id = cs.competency_id and k.cycle = cs.expires_on
				     and k.threshold = case when cs.expires_on <= @today then 'expired' when cs.expires_on <= @finalBy then 'final' else 'due-soon' end)
				 order by cs.person_id, cs.expires_on, cs.competency_id`
			)
			.raw(),
		ids: c.prepare('select min(id) as lo, max(id) as hi from people'),
		queuedToday: c.prepare('select 1 from mail_outbox where dedupe_key = ?').pluck(),
		insertKey: c.prepare('insert into reminder_keys (person_id, competency_id, cycle, threshold, created_at) values (?, ?, ?, ?, ?) on conflict do nothing'),
		dropKey: c.prepare('delete from reminder_keys where person_id = ? and competency_id = ? and cycle = ? and threshold = ? and outbox_id is null'),
		linkKeys: c.prepare('update reminder_keys set outbox_id = ? where person_id = ? and outbox_id is null')
	}));
}

export function thresholdOf(expiresOn: IsoDate, today: IsoDate): Threshold {
	return expiresOn <= today ? 'expired' : expiresOn <= addDays(today, FINAL_REMINDER_DAYS) ? 'final' : 'due-soon';
}

/** The day first, so that a day's keys sit together in the unique index. */
export const reminderDedupeKey = (personId: number, today: IsoDate) => `reminder:${today}:${personId}`;

/**
 * Plans and queues today's reminders (or, with `dryRun`, only counts them). `origin` is where links point.
 */
export function planReminders(db: Db, framework: Framework, options: { today: IsoDate; origin: string; dryRun?: boolean; now?: Date }): ReminderRun {
	const { today, origin } = options;
	const now = options.now ?? new Date();
	const q = statements(db);
	const dates = { today, finalBy: addDays(today, FINAL_REMINDER_DAYS), dueBy: addDays(today, DUE_SOON_DAYS) };

	// What each job role needs, looked up once per role rather than per row.
	const needs = new Map<string, Set<string>>();
	const needed = (jobRole: string, competencyId: string) => {
		let set = needs.get(jobRole);
		if (!set) needs.set(jobRole, (set = new Set(requiredFor(framework, jobRole).map((r) => r.competency.id))));
		return set.has(competencyId);
	};

	const run: ReminderRun = { today, messages: 0, items: { 'due-soon': 0, final: 0, expired: 0 }, deferred: 0, dryRun: !!options.dryRun };
	type Person = { personId: number; name: string; items: (ReminderItem & { competencyId: string })[] };
	/** Each person in the range with something due, and what. */
	const peopleIn = (lo: number, hi: number) => {
		const people: Person[] = [];
		for (const [personId, name, jobRole, competencyId, expiresOn] of q.candidates.all({ ...dates, lo, hi }) as Candidate[]) {
			if (!needed(jobRole, competencyId)) continue;
			const competency = framework.byId.get(competencyId);
			if (!competency) continue;
			if (people.at(-1)?.personId !== personId) people.push({ personId, name, items: [] });
			people.at(-1)!.items.push({ competencyId, title: competency.title, expiresOn, threshold: thresholdOf(expiresOn, today) });
		}
		return people;
	};

	const links = {
		trainingUrl: `${origin}/training`,
		notificationsUrl: `${origin}/notifications`,
		dueSoonDays: String(DUE_SOON_DAYS),
		finalDays: String(FINAL_REMINDER_DAYS)
	};
	const writeOne = (person: Person) => {
		const dedupeKey = reminderDedupeKey(person.personId, today);
		if (q.queuedToday.get(dedupeKey)) {
			run.deferred++;
			return;
		}
		const fresh = options.dryRun
			? person.items
			: person.items.filter((i) => q.insertKey.run(person.personId, i.competencyId, i.expiresOn, i.threshold, now.getTime()).changes === 1);
		if (!fresh.length) return;
		if (!options.dryRun) {
			const queued = queueMail(db, {
				to: person.personId,
				template: 'refresher-reminder',
				kind: 'reminder',
				dedupeKey,
				now,
				data: { name: person.name, summary: reminderSummary(fresh, today), items: fresh.map((i) => itemLine(i, today)), ...links }
			});
			if (!queued) {
				// Another process queued this person's reminder for today first: these items wait until tomorrow.
				for (const i of fresh) q.dropKey.run(person.personId, i.competencyId, i.expiresOn, i.threshold);
				run.deferred++;
				return;
			}
			q.linkKeys.run(queued.id, person.personId);
		}
		run.messages++;
		for (const i of fresh) run.items[i.threshold]++;
	};
	const ids = q.ids.get() as { lo: number | null; hi: number | null };
	for (let lo = ids.lo ?? 1; ids.hi !== null && lo <= ids.hi; lo += PEOPLE_PER_RANGE) {
		const hi = lo + PEOPLE_PER_RANGE - 1;
		// Read outside the write lock: if another process reminds someone meanwhile, the keys' insert-on-conflict and
		// the day's dedupe key, both inside the write, make this one queue nothing for them.
		const people = peopleIn(lo, hi);
		if (options.dryRun) people.forEach(writeOne);
		else if (people.length) db.$client.transaction(() => people.forEach(writeOne)).immediate();
	}
	return run;
}
