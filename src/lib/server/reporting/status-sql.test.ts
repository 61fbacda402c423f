import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addPersonOnTheirOwn, addUnit, testDb } from '$testing/fixtures';
import { addDays, type IsoDate } from '../competency/dates';
import type { Requirement } from '../competency/framework';
import { statusOn, type EvidenceFact } from '../competency/status';
import { bucketFor, DUE_SOON_DAYS, EXPIRY_BOUNDARIES, EXPIRY_BUCKETS, isOverdue, statusFor } from '../competency/status-rule';
import { competencyStatus } from '../db/schema';
import { ensureAggregates } from './aggregates';
import { BUCKET_COLUMNS, bucketFlagsSql, notAchievedFlagSql, overdueFlagSql, statusSql } from './status-sql';
import { TRIGGER_DAY } from './status-triggers';

// Days from 2019 to 2031 (three 29 Februaries), with the awkward ones drawn more often than chance would.
const AWKWARD_DAYS = [
	'2020-02-29',
	'2024-02-29',
	'2028-02-29',
	'2023-02-28',
	'2024-02-28',
	'2024-03-01',
	'2025-02-28',
	'2025-01-31',
	'2024-12-31',
	'2026-03-31'
];
const dayArb = fc.oneof(
	fc.constantFrom(...AWKWARD_DAYS),
	fc.integer({ min: 0, max: 12 * 366 }).map((n) => addDays('2019-01-01', n))
);
// Days from the day asked about to the expiry: either side of every boundary (the expiry day itself is 0, the
// day before it 1, 60 and 61 days before it the edge of due soon), or anything within two years.
const BOUNDARY_DAYS = [...new Set([...EXPIRY_BOUNDARIES, DUE_SOON_DAYS].flatMap((b) => [b - 1, b, b + 1]))];
const daysAheadArb = fc.oneof(fc.constantFrom(...BOUNDARY_DAYS), fc.integer({ min: -800, max: 800 }));

const moduleReq: Requirement = { kind: 'module', key: 'module:m', module: 'm' };
const observedReq: Requirement = { kind: 'observed', key: 'observed' };
const factArb = fc.record({ kind: fc.constantFrom('module' as const, 'observed' as const), ref: fc.constant('m'), occurredOn: dayArb });
/** A day given outright, or as a number of days before the expiry the facts would give (where the boundaries are). */
const askedArb = fc.oneof(
	dayArb.map((day) => ({ day })),
	daysAheadArb.map((daysAhead) => ({ daysAhead }))
);
type Asked = { day: IsoDate } | { daysAhead: number };

function askedDay(asked: Asked, requirements: Requirement[], months: number, facts: EvidenceFact[]): IsoDate {
	if ('day' in asked) return asked.day;
	const expiresOn = statusOn(requirements, months, facts, '9999-12-31').expiresOn;
	return addDays(expiresOn ?? '2024-02-29', -asked.daysAhead);
}

const fact = (kind: EvidenceFact['kind'], occurredOn: IsoDate): EvidenceFact => ({ kind, ref: 'm', occurredOn });
/** A due date as days after the day asked about (null: none): either side of the day itself, or further. */
const dueArb = fc.option(fc.oneof(fc.constantFrom(-1, 0, 1), fc.integer({ min: -400, max: 400 })), { nil: null });

describe('the status rule in SQL', () => {
	it('gives the status statusOn gives, for the same facts and day, boundary days and leap days included', () => {
		const db = testDb();
		const person = addPersonOnTheirOwn(db);
		db.insert(competencyStatus)
			.values({ personId: person.id, competencyId: 'c', achievedOn: null, expiresOn: null, updatedAt: new Date(0) })
			.run();
		const sqlStatus = (expiresOn: IsoDate | null, dueOn: IsoDate | null, day: IsoDate) => {
			db.update(competencyStatus).set({ expiresOn, dueOn }).where(eq(competencyStatus.personId, person.id)).run();
			return db
				.select({ status: statusSql(day) })
				.from(competencyStatus)
				.where(eq(competencyStatus.personId, person.id))
				.get()!.status;
		};
		const seen = new Set<string>();
		fc.assert(
			fc.property(
				fc.boolean(),
				fc.oneof(fc.constantFrom(1, 2, 3, 6, 12, 24, 36), fc.integer({ min: 1, max: 60 })),
				fc.array(factArb, { maxLength: 4 }),
				askedArb,
				dueArb,
				(both, months, facts, asked, due) => {
					const requirements = both ? [moduleReq, observedReq] : [moduleReq];
					const day = askedDay(asked, requirements, months, facts);
					const pure = statusOn(requirements, months, facts, day);
					const dueOn = due === null ? null : addDays(day, due);
					const expected = statusFor(pure.expiresOn, day, dueOn);
					expect(sqlStatus(pure.expiresOn, dueOn, day), `${JSON.stringify(facts)} every ${months} months, due by ${dueOn}, on ${day}`).toBe(expected);
					seen.add(expected);
				}
			),
			{
				numRuns: 600,
				examples: [
					// Expiring on 29 February 2024 (two months after 29 December): on the day, the day before, 60 and 61 days before.
					...[0, 1, 60, 61].map(
						(daysAhead) => [false, 2, [fact('module', '2023-12-29')], { daysAhead }, null] as [boolean, number, EvidenceFact[], Asked, number | null]
					),
					// A year after 29 February is 28 February; and 60 days before 29 April 2024 is 29 February.
					...[0, 1, 60, 61].map(
						(daysAhead) => [false, 12, [fact('module', '2024-02-29')], { daysAhead }, null] as [boolean, number, EvidenceFact[], Asked, number | null]
					),
					...[0, 1, 60, 61].map(
						(daysAhead) =>
							[true, 3, [fact('module', '2024-01-29'), fact('observed', '2024-01-30')], { daysAhead }, null] as [
								boolean,
								number,
								EvidenceFact[],
								Asked,
								number | null
							]
					),
					[false, 12, [], { day: '2024-02-29' }, null],
					// Never achieved: due the day before (overdue), on the day and the day after (not yet).
					...[-1, 0, 1].map((due) => [false, 12, [], { day: '2024-03-01' }, due] as [boolean, number, EvidenceFact[], Asked, number | null])
				]
			}
		);
		expect([...seen].sort()).toEqual(['current', 'due-soon', 'expired', 'not-achieved', 'overdue']);
	});

	it('counts an unachieved status as overdue or not yet achieved as the rule says, in the aggregates and in the triggers', () => {
		const { $client: client } = testDb();
		const flags = client
			.prepare(`select ${notAchievedFlagSql('x.e', 'x.d', '@day')}, ${overdueFlagSql('x.e', 'x.d', '@day')} from (select @e as e, @d as d) x`)
			.raw();
		const byTrigger = client
			.prepare(
				`select ${notAchievedFlagSql('x.e', 'x.d', TRIGGER_DAY(0))}, ${overdueFlagSql('x.e', 'x.d', TRIGGER_DAY(0))} from (select @e as e, @d as d) x, (select @day as day) s`
			)
			.raw();
		fc.assert(
			fc.property(dayArb, fc.option(dayArb, { nil: null }), fc.option(dueArb, { nil: null }), (day, expiresOn, due) => {
				const dueOn = due === null || due === undefined ? null : addDays(day, due);
				const status = statusFor(expiresOn, day, dueOn);
				const expected = [status === 'not-achieved' ? 1 : 0, status === 'overdue' ? 1 : 0];
				expect(isOverdue(dueOn, day) && expiresOn === null).toBe(status === 'overdue');
				expect(flags.get({ e: expiresOn, d: dueOn, day })).toEqual(expected);
				expect(byTrigger.get({ e: expiresOn, d: dueOn, day })).toEqual(expected);
			}),
			{ numRuns: 400 }
		);
	});

	it('puts an expiry in the one bucket the rule says, whether the days are parameters or computed by SQLite', () => {
		const { $client: client } = testDb();
		const byParameters = client.prepare(`select ${bucketFlagsSql('x.e', (days) => `@d${days}`).join(', ')} from (select @e as e) x`).raw();
		const byTrigger = client.prepare(`select ${bucketFlagsSql('x.e', TRIGGER_DAY).join(', ')} from (select @e as e) x, (select @day as day) s`).raw();
		fc.assert(
			fc.property(fc.option(dayArb, { nil: null }), daysAheadArb, (anchor, daysAhead) => {
				const day = addDays(anchor ?? '2024-02-29', -daysAhead);
				const expiresOn = anchor;
				const boundaries = Object.fromEntries(EXPIRY_BOUNDARIES.map((b) => [`d${b}`, addDays(day, b)]));
				const expected = EXPIRY_BUCKETS.map((b) => (expiresOn !== null && b === bucketFor(expiresOn, day) ? 1 : 0));
				expect(byParameters.get({ e: expiresOn, ...boundaries }), `${expiresOn} counted from ${day}`).toEqual(expected);
				expect(byTrigger.get({ e: expiresOn, day }), `${expiresOn} counted from ${day} in a trigger`).toEqual(expected);
				if (expiresOn !== null) expect(bucketFor(expiresOn, day).status).toBe(statusFor(expiresOn, day));
			}),
			{ numRuns: 600 }
		);
	});

	it('keeps status_counts in the buckets the rule says through inserts, updates, deletes, moves and leavers (the generated triggers)', () => {
		const day = '2024-02-29';
		const expiryArb = fc.option(
			fc.oneof(
				daysAheadArb.map((d) => addDays(day, d)),
				dayArb
			),
			{ nil: null }
		);
		const changeArb = fc.oneof(
			fc.constant({ delete: true as const }),
			expiryArb.map((expiresOn) => ({ expiresOn }))
		);
		const columns = ['required', 'not_achieved', ...BUCKET_COLUMNS];
		fc.assert(
			fc.property(
				fc.array(fc.record({ expiresOn: expiryArb, unit: fc.integer({ min: 0, max: 1 }) }), { minLength: 1, maxLength: 12 }),
				fc.array(changeArb, { maxLength: 12 }),
				fc.constantFrom('stays', 'moves', 'leaves'),
				(rows, changes, first) => {
					const db = testDb();
					const organisation = addOrganisation(db);
					const units = [addUnit(db, organisation.id), addUnit(db, organisation.id)];
					ensureAggregates(db, day); // from here on only the triggers keep the counts
					const q = {
						insert: db.$client.prepare(
							'insert into competency_status (person_id, competency_id, achieved_on, expires_on, updated_at) values (?, ?, null, ?, 0)'
						),
						update: db.$client.prepare('update competency_status set expires_on = ? where person_id = ?'),
						delete: db.$client.prepare('delete from competency_status where person_id = ?')
					};
					const statuses = rows.map((r, i) => {
						const person = addPerson(db, units[r.unit]);
						q.insert.run(person.id, `c${i % 3}`, r.expiresOn);
						return { personId: person.id, unit: r.unit, competencyId: `c${i % 3}`, expiresOn: r.expiresOn, stored: true, active: true };
					});
					changes.forEach((change, i) => {
						const s = statuses[i % statuses.length];
						if (!s.stored) return;
						if ('delete' in change) {
							q.delete.run(s.personId);
							s.stored = false;
						} else {
							q.update.run(change.expiresOn, s.personId);
							s.expiresOn = change.expiresOn;
						}
					});
					if (first === 'moves')
						db.$client.prepare('update people set unit_id = ? where id = ?').run(units[(statuses[0].unit = 1 - statuses[0].unit)].id, statuses[0].personId);
					if (first === 'leaves') db.$client.prepare("update people set status = 'left', left_date = ? where id = ?").run(day, statuses[0].personId);
					statuses[0].active = first !== 'leaves';

					const expected = new Map<string, Record<string, number | string>>();
					for (const s of statuses.filter((x) => x.stored && x.active)) {
						const key = `${s.unit}|${s.competencyId}`;
						const c = expected.get(key) ?? { unitId: units[s.unit].id, competencyId: s.competencyId, ...Object.fromEntries(columns.map((b) => [b, 0])) };
						(c.required as number)++;
						(c[s.expiresOn === null ? 'not_achieved' : bucketFor(s.expiresOn, day).column] as number)++;
						expected.set(key, c);
					}
					const counted = db.$client
						.prepare(
							`select unit_id as unitId, competency_id as competencyId, ${columns.join(', ')} from status_counts where ${columns.map((c) => `${c} <> 0`).join(' or ')}`
						)
						.all();
					const order = (r: Record<string, unknown>) => `${r.unitId}|${r.competencyId}`;
					const sorted = (list: Record<string, unknown>[]) => [...list].sort((a, b) => (order(a) < order(b) ? -1 : 1));
					expect(sorted(counted as Record<string, unknown>[])).toEqual(sorted([...expected.values()]));
				}
			),
			{ numRuns: 40 }
		);
	});
});
