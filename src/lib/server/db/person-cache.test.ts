import { describe, expect, it } from 'vitest';
import { addPersonOnTheirOwn, testDb } from '$testing/fixtures';
import { learnerVersion, personCache } from './person-cache';

function world() {
	const db = testDb();
	const person = addPersonOnTheirOwn(db);
	const other = addPersonOnTheirOwn(db);
	const run = (sql: string, ...params: unknown[]) => db.$client.prepare(sql).run(...params);
	return { db, person, other, run };
}

describe("a person's learner version", () => {
	it('moves with every write to what their training pages read, and only theirs', () => {
		const { db, person, other, run } = world();
		const p = person.id;
		const at = Date.parse('2026-03-09T12:00:00Z');
		let last = learnerVersion(db, p);
		expect(last).toBe(0);
		const moves = (what: string, write: () => void) => {
			write();
			const now = learnerVersion(db, p);
			expect(now, what).toBeGreaterThan(last);
			last = now;
		};
		moves('evidence', () =>
			run(
				"insert into evidence (person_id, competency_id, kind, ref, occurred_on, recorded_at) values (?, 'safe-restraint', 'module', 'restraint-safety', '2026-03-09', ?)",
				p,
				at
			)
		);
		moves('a status', () => run("insert into competency_status (person_id, competency_id, updated_at) values (?, 'safe-restraint', ?)", p, at));
		moves('a status touched', () => run('update competency_status set updated_at = updated_at + 1 where person_id = ?', p));
		moves('a section read', () =>
			run("insert into module_progress (person_id, module_slug, section_id, read_at) values (?, 'restraint-safety', 'one', ?)", p, at)
		);
		moves('an attempt', () =>
			run(
				"insert into quiz_attempts (id, person_id, module_slug, module_version, answers, correct, total, score, passed, submitted_at) values (900, ?, 'restraint-safety', '1.0.0', '{}', 1, 1, 100, 1, ?)",
				p,
				at
			)
		);
		moves('a completion', () =>
			run(
				"insert into module_completions (person_id, module_slug, module_version, attempt_id, score, completed_at) values (?, 'restraint-safety', '1.0.0', 900, 100, ?)",
				p,
				at
			)
		);
		moves('a scenario run', () =>
			run(
				"insert into scenario_runs (id, person_id, scenario_slug, scenario_version, snapshot, step, shown_at, status, started_at) values (700, ?, 'prone-restraint', '1.0.0', '{}', 0, ?, 'active', ?)",
				p,
				at,
				at
			)
		);
		moves('a scenario passed', () => run("update scenario_runs set status = 'finished', passed = 1 where id = 700"));
		run(
			"insert into assignments (id, kind, ref, target_kind, organisation_id, assigned_on, due_on, reason, created_at) values (50, 'module', 'restraint-safety', 'person', ?, '2026-03-01', '2026-04-01', 'Mental Health Act changes', ?)",
			person.organisationId,
			at
		);
		moves('an assignment reaching them', () => run("insert into assignment_people (assignment_id, person_id, due_on) values (50, ?, '2026-04-01')", p));
		moves('their due date extended', () => run("update assignment_people set due_on = '2026-05-01' where person_id = ?", p));
		moves('the assignment cancelled', () => run('update assignments set cancelled_at = ? where id = 50', at));
		moves('a status removed', () => run('delete from competency_status where person_id = ?', p));
		expect(learnerVersion(db, other.id)).toBe(0);
	});

	it('does not move when a scenario run only takes a step', () => {
		const { db, person, run } = world();
		const at = Date.parse('2026-03-09T12:00:00Z');
		run(
			"insert into scenario_runs (id, person_id, scenario_slug, scenario_version, snapshot, step, shown_at, status, started_at) values (701, ?, 'prone-restraint', '1.0.0', '{}', 0, ?, 'active', ?)",
			person.id,
			at,
			at
		);
		const before = learnerVersion(db, person.id);
		run('update scenario_runs set step = 1, snapshot = ? where id = 701', '{"step":1}');
		expect(learnerVersion(db, person.id)).toBe(before);
	});
});

describe('a per-person cache', () => {
	it('answers from what it kept until the version or the key changes, and never inside a transaction', () => {
		const { db, person, run } = world();
		const cache = personCache<{ n: number }>(10);
		let computed = 0;
		const read = (key = 'k') => cache.get(db, person.id, key, () => ({ n: ++computed }));
		const first = read();
		expect(read()).toBe(first);
		expect(read('other day').n).toBe(2);
		run("insert into module_progress (person_id, module_slug, section_id, read_at) values (?, 'restraint-safety', 'one', 1)", person.id);
		expect(read('other day').n).toBe(3);
		db.transaction(() => expect(read('other day').n).toBe(4));
		expect(read('other day').n).toBe(3);
	});

	it('keeps at most its number of people, forgetting the least recently used', () => {
		const { db, person, other } = world();
		const third = addPersonOnTheirOwn(db);
		const cache = personCache<number>(2);
		let computed = 0;
		const read = (id: number) => cache.get(db, id, 'k', () => ++computed);
		read(person.id);
		read(other.id);
		read(person.id);
		read(third.id); // the other is forgotten, not the person just read
		expect(computed).toBe(3);
		read(person.id);
		expect(computed).toBe(3);
		read(other.id);
		expect(computed).toBe(4);
	});
});
