/**
 * Retraining when content changes: a module or scenario whose frontmatter declares a major change (`majorChange`,
 * content/major-change.ts) is assigned, by the academy, to everyone active whose job role it is for and whose latest
 * completion (module) or latest pass (scenario) is on an earlier major version, due by its retrain-by date (or, for
 * someone reached late, a fair window from the day reached: rules.ts retrainingDueOn), one assignment per
 * organisation (so each organisation's managers see their own progress).
 *
 * Built for a whole force: people are read a range of ids at a time outside any write, each person's latest evidence
 * through their own index; they are reached in chunks, each its own short write transaction (re-checking each person
 * inside it), with the event loop given back between chunks, so requests never wait long for this process or for the
 * write lock. Run at start-up and every ten minutes, in any number of processes: idempotent, because the assignment's
 * system key is unique, a person is never reached twice (assignment_people's key, and the re-check), and a run
 * stopped part way (a restart) simply finishes at the next one. A manager may cancel their organisation's
 * retraining: then no one else in it is added.
 */
import { appendAudit } from '../audit/log';
import type { MajorChange } from '../content/major-change';
import type { Db } from '../db';
import type { Logger } from 'pino';
import { taskFailures } from '../ops/app-metrics';
import { logger } from '../ops/logger';
import { onShutdown } from '../ops/shutdown';
import { candidate, candidatesIn, personIdRange, systemAssignment, type RetrainingTarget } from './retraining-store';
import { assignmentDay, majorOf, retrainingDueOn } from './rules';
import { insertAssignment } from './store';
import type { AssignmentContent } from './titles';

/** A module or scenario that declares a major change. */
export type ChangedContent = { kind: RetrainingTarget['kind']; slug: string; audience: readonly string[]; majorChange: MajorChange };

type Declaring = { slug: string; meta: { audience: readonly string[]; majorChange?: MajorChange } };

/** The major changes the content declares, modules first. */
export function declaredChanges(modules: readonly Declaring[], scenarios: readonly Declaring[]): ChangedContent[] {
	const of = (kind: ChangedContent['kind'], items: readonly Declaring[]) =>
		items.flatMap((c) => (c.meta.majorChange ? [{ kind, slug: c.slug, audience: c.meta.audience, majorChange: c.meta.majorChange }] : []));
	return [...of('module', modules), ...of('scenario', scenarios)];
}

/**
 * People reached in one write transaction: each costs an insert, their due dates (with the dashboard triggers) and an
 * email, about half a millisecond on a busy 2-core machine, so a chunk holds the write lock for some 25 ms.
 */
export const PEOPLE_PER_CHUNK = 50;
/** People ids read at a time (one indexed query, outside any write). */
export const PEOPLE_PER_RANGE = 2_000;

export type RetrainingOptions = { now?: Date; chunkSize?: number; rangeSize?: number; shouldStop?: () => boolean };
export type RetrainingRun = { reached: number; chunks: number; stopped: boolean };

/** Whether evidence on `version` is on an earlier major version than `major` (no evidence: never trained, nothing to retrain). */
export const onEarlierMajor = (version: string | null, major: number) => version !== null && (majorOf(version) ?? 0) < major;

export const systemKeyOf = (change: ChangedContent, organisationId: number) =>
	`content:${change.kind}:${change.slug}:${change.majorChange.version}:organisation:${organisationId}`;

const targetOf = (change: ChangedContent): RetrainingTarget => ({
	kind: change.kind,
	slug: change.slug,
	audience: change.audience,
	major: change.majorChange.version
});

/** Gives the event loop back, so requests that arrived meanwhile are answered before the next read or write. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reaches one chunk of one organisation's people in one short transaction; returns how many were newly reached. */
function reachChunk(db: Db, content: AssignmentContent, change: ChangedContent, organisationId: number, ids: number[], now: Date): number {
	const target = targetOf(change);
	return db.transaction(
		(tx) => {
			const systemKey = systemKeyOf(change, organisationId);
			const existing = systemAssignment(tx, systemKey);
			if (existing?.cancelled) return 0;
			// Read again under the write lock: someone may have passed the new version, moved or been reached meanwhile.
			const people = ids.filter((id) => {
				const c = candidate(tx, target, id);
				return c !== undefined && c.organisationId === organisationId && onEarlierMajor(c.version, target.major);
			});
			if (!people.length) return 0;
			// Reached late (a joiner, a mover, or a first run near the date): a fair window, not overdue at once.
			const dueOn = retrainingDueOn(change.majorChange.retrainBy, assignmentDay(now));
			const made = insertAssignment(
				tx,
				content,
				{
					what: { kind: change.kind, ref: change.slug },
					targetKind: 'content-change',
					targetPersonId: null,
					jobRole: null,
					organisationId,
					unitId: null,
					dueOn,
					reason: `Content changed: ${change.majorChange.whatChanged}`,
					minVersion: target.major,
					systemKey,
					createdBy: null
				},
				people,
				now,
				{ existingId: existing?.id }
			);
			if (made.reached)
				appendAudit(tx, {
					actorId: null,
					action: existing === undefined ? 'assignment-create' : 'assignment-reach',
					entity: 'assignment',
					entityId: made.id,
					detail: { retraining: `${change.kind}:${change.slug}`, version: target.major, retrainBy: change.majorChange.retrainBy, dueOn, people: made.reached },
					at: now
				});
			return made.reached;
		},
		{ behavior: 'immediate' }
	);
}

/** Assigns every declared major change to those who need it, in chunks; resolves with how many people were newly reached. */
export async function assignRetraining(
	db: Db,
	content: AssignmentContent,
	changes: readonly ChangedContent[],
	options: RetrainingOptions = {}
): Promise<RetrainingRun> {
	const { chunkSize = PEOPLE_PER_CHUNK, rangeSize = PEOPLE_PER_RANGE, shouldStop = () => false } = options;
	const run: RetrainingRun = { reached: 0, chunks: 0, stopped: false };
	const ids = changes.length ? personIdRange(db) : null;
	if (!ids) return run;
	for (const change of changes) {
		const target = targetOf(change);
		for (let lo = ids.lo; lo <= ids.hi; lo += rangeSize) {
			await yieldToRequests();
			if (shouldStop()) return { ...run, stopped: true };
			const byOrganisation = new Map<number, number[]>();
			for (const c of candidatesIn(db, target, lo, lo + rangeSize - 1)) {
				if (!onEarlierMajor(c.version, target.major)) continue;
				let list = byOrganisation.get(c.organisationId);
				if (!list) byOrganisation.set(c.organisationId, (list = []));
				list.push(c.id);
			}
			for (const [organisationId, people] of byOrganisation)
				for (let i = 0; i < people.length; i += chunkSize) {
					await yieldToRequests();
					if (shouldStop()) return { ...run, stopped: true };
					run.reached += reachChunk(db, content, change, organisationId, people.slice(i, i + chunkSize), options.now ?? new Date());
					run.chunks++;
				}
		}
	}
	return run;
}

type Runner = { pass: Promise<void> | null; stopping: boolean };
const runners = new WeakMap<Db, Runner>();

/**
 * The periodic task: starts a pass unless one is still running in this process, logs what it did or why it failed,
 * and on shutdown stops after the chunk in hand (the next start finishes the rest).
 */
export function startRetraining(db: Db, content: AssignmentContent, changes: readonly ChangedContent[], log: Logger = logger): void {
	if (!changes.length) return;
	let runner = runners.get(db);
	if (!runner) {
		const created: Runner = { pass: null, stopping: false };
		runners.set(db, (runner = created));
		onShutdown('retraining', () => {
			created.stopping = true;
			return created.pass ?? undefined;
		});
	}
	if (runner.pass || runner.stopping) return;
	const current = runner;
	const started = Date.now();
	current.pass = assignRetraining(db, content, changes, { shouldStop: () => current.stopping })
		.then((run) => {
			if (run.reached) log.info({ reached: run.reached, chunks: run.chunks, ms: Date.now() - started }, 'Assigned retraining for changed content');
		})
		.catch((error: unknown) => {
			taskFailures.inc({ task: 'retraining' });
			log.error({ task: 'retraining', err: error }, 'Could not assign retraining for changed content');
		})
		.finally(() => {
			current.pass = null;
		});
}
