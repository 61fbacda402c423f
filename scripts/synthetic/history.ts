/**
 * One person's training history, as a learner would build it: an induction round soon after they (or their
 * unit) start, then a yearly round of refreshers a few weeks before they fall due. Some rounds are late,
 * some tasks get skipped, a few people stop engaging altogether and a few never start: the lapses a
 * training manager actually sees. Pure: the same person and generator state always give the same history.
 */
import { DAY_MS } from './days';
import type { RoleTask, SyntheticContent } from './content';
import { cyclesOf, statusOn, type Cycle, type EvidenceFact } from '../../src/lib/server/competency/status';
import type { IsoDate } from '../../src/lib/server/competency/dates';

export type HistoryEvent =
	/** A module completed at `at`, after `failedAttempts` failed knowledge checks the same day. */
	| { kind: 'module'; module: number; at: number; failedAttempts: number }
	/** A passing scenario run started at `at`, after one failed run the same day when `failedFirst`. */
	| { kind: 'scenario'; scenario: number; at: number; failedFirst: boolean }
	/** An observed assessment on `day` by `assessorId`; when `notYetFirstDay` is set, a not-yet-competent one came first. */
	| { kind: 'observed'; competencyId: string; day: number; at: number; assessorId: number; notYetFirstDay: number | null };

export type HistoryPerson = { id: number; jobRole: string; startDay: number; leftDay: number | null; goLiveDay: number };

/** Checks are due this many days before the period runs out, so a round picks up what expires soon. */
const DUE_AHEAD_DAYS = 130;

/** A working-hours time on a day: 08:00 to 17:30 UTC, which is always the same calendar day in London. */
const timeOn = (day: number, rand: () => number) => day * DAY_MS + 8 * 3_600_000 + Math.floor(rand() * 570) * 60_000;

/** `steady`: a diligent learner who never stops (the benchmark's learner with five years of history). */
export function personHistory(
	person: HistoryPerson,
	tasks: RoleTask[],
	todayDay: number,
	rand: () => number,
	assessors: number[],
	steady = false
): HistoryEvent[] {
	const from = Math.max(person.startDay, person.goLiveDay);
	const end = Math.min(person.leftDay ?? todayDay, todayDay);
	// Draw the profile even when there is nothing to do, so one person's dates never shift another's.
	const engagement = steady ? 1 : rand();
	const habit = steady ? 0 : rand();
	const drops = !steady && rand() < 0.05;
	const dropAt = rand();
	const firstDelay = rand();
	if (from >= end || engagement < 0.02) return [];
	const lateProbability = steady ? 0 : habit < 0.6 ? 0.05 : habit < 0.9 ? 0.2 : 0.5;
	const stop = drops ? from + Math.floor(dropAt * (end - from)) : end;
	const joinedAfterGoLive = person.startDay >= person.goLiveDay;
	// A steady learner starts promptly whatever the draw, so their history spans the whole window even when a
	// change to the content (a role's task list) shifts the shared random stream.
	let base = from + Math.floor(joinedAfterGoLive ? 5 + firstDelay * 50 : steady ? 0 : firstDelay * 270);
	const last: (number | null)[] = tasks.map(() => null);
	const others = assessors.filter((id) => id !== person.id);
	const events: HistoryEvent[] = [];
	for (let round = 0; base < stop; round++) {
		tasks.forEach((task, i) => {
			const done = last[i];
			if (task.months === null) {
				// Not needed for the role: some people do it once, out of interest.
				if (round > 0 || rand() > (task.kind === 'module' ? 0.5 : 0.3)) return;
			} else if (done !== null) {
				if (done + task.months * 30.44 - DUE_AHEAD_DAYS > base) return;
				if (rand() < 0.03) return; // skipped this round: it lapses until the next
			}
			const day = task.kind === 'observed' ? base + 20 + Math.floor(rand() * 40) : base + Math.floor(rand() * 15);
			if (day >= stop) return;
			const at = timeOn(day, rand);
			last[i] = day;
			if (task.kind === 'module') {
				const r = rand();
				events.push({ kind: 'module', module: task.index, at, failedAttempts: r < 0.03 ? 2 : r < 0.2 ? 1 : 0 });
			} else if (task.kind === 'scenario') {
				events.push({ kind: 'scenario', scenario: task.index, at, failedFirst: rand() < 0.15 });
			} else if (others.length) {
				const assessorId = others[Math.floor(rand() * others.length)];
				const retry = rand() < 0.03;
				const competentDay = retry ? day + 14 + Math.floor(rand() * 27) : day;
				if (competentDay >= stop) return;
				events.push({
					kind: 'observed',
					competencyId: task.competencyId,
					day: competentDay,
					at: timeOn(competentDay, rand),
					assessorId,
					notYetFirstDay: retry ? day : null
				});
			}
		});
		base += rand() < lateProbability ? 370 + Math.floor(rand() * 180) : 365 - Math.floor(rand() * 55);
	}
	return events.sort((a, b) => a.at - b.at);
}

export type DerivedCompetency = { competencyId: string; achievedOn: IsoDate | null; expiresOn: IsoDate | null; cycles: Cycle[] };

/**
 * Status and cycles of every competency the role needs, from the evidence facts, with the same pure
 * functions refreshPerson uses. `facts` maps a competency id to its evidence facts.
 */
export function deriveCompetencies(content: SyntheticContent, jobRole: string, facts: Map<string, EvidenceFact[]>, today: IsoDate): DerivedCompetency[] {
	return content.required.get(jobRole)!.map(({ competency, months, requirements }) => {
		const f = facts.get(competency.id) ?? [];
		const s = statusOn(requirements, months, f, today);
		return { competencyId: competency.id, achievedOn: s.achievedOn, expiresOn: s.expiresOn, cycles: f.length ? cyclesOf(requirements, months, f) : [] };
	});
}
