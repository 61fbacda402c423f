import { inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { people } from '../db/schema';
import type { PersonRecord } from '../people/repository';
import { listAssessments } from './assessments';
import type { IsoDate } from './dates';
import type { Framework, Requirement } from './framework';
import { ledgerRows, recordOn } from './ledger';
import { standing } from './status';
import type { ContentLookup } from './learner';
import { TIME_LIMIT_LABELS } from '../scenarios/engine';
import { passKey, passTimeLimits } from '../scenarios/runs-store';
import { claimProviders } from '../prior-learning/claims-store';

/**
 * A person's training record on a date: what an inquiry or a coroner asks for. Built from the ledger;
 * `asRecorded` shows the record as it stood at the end of that day, ignoring later corrections.
 */
export function buildTrainingRecord(
	db: Db,
	framework: Framework,
	person: PersonRecord,
	asAt: IsoDate,
	asRecorded: boolean,
	lookup: ContentLookup,
	now = new Date()
) {
	const knownAt = asRecorded ? new Date(`${asAt}T23:59:59.999Z`) : now;
	const competencies = recordOn(db, framework, person, asAt, knownAt);
	const rows = ledgerRows(db, person.id);
	const voidedBy = new Map(rows.filter((r) => r.voidsId != null).map((r) => [r.voidsId!, r]));
	const recorderIds = [...new Set(rows.map((r) => r.recordedBy).filter((id): id is number => id != null))];
	const recorders = new Map(
		recorderIds.length
			? db
					.select({ id: people.id, name: people.name })
					.from(people)
					.where(inArray(people.id, recorderIds))
					.all()
					.map((p) => [p.id, p.name])
			: []
	);
	// How each scenario pass was timed, so a manager sees where the learner extended or switched off the limits.
	const timings = rows.some((r) => r.kind === 'scenario') ? passTimeLimits(db, person.id) : new Map();
	const titles = new Map<string, string>(framework.competencies.map((c) => [c.id, c.title]));
	const part = (r: Requirement) =>
		r.kind === 'module'
			? `Module: ${lookup.moduleTitle(r.module) ?? r.module}`
			: r.kind === 'scenario'
				? `Scenario pass: ${r.scenarios.map((s) => lookup.scenarioTitle(s) ?? s).join(' or ')}`
				: 'Observed assessment';
	const providers = rows.some((r) => r.kind === 'prior-learning') ? claimProviders(db, person.id) : new Map<string, string>();
	const source = (kind: string, ref: string) =>
		kind === 'module'
			? `Module: ${lookup.moduleTitle(ref) ?? ref}`
			: kind === 'scenario'
				? `Scenario pass: ${lookup.scenarioTitle(ref) ?? ref}`
				: kind === 'prior-learning'
					? `Prior learning: ${providers.get(ref) ?? 'claim since deleted'} (claim #${ref})`
					: `Observed assessment #${ref}`;
	return {
		person: {
			id: person.id,
			name: person.name,
			workforceId: person.workforceId,
			jobRole: person.jobRole,
			organisation: person.organisationName,
			unit: person.unitName,
			startDate: person.startDate,
			status: person.status,
			leftDate: person.leftDate
		},
		asAt,
		asRecorded,
		generatedAt: now.toISOString(),
		competencies: competencies.map((c) => ({
			...standing(c),
			refresherMonths: c.months,
			parts: c.parts.map((p) => ({ part: part(p.requirement), status: p.status, occurredOn: p.occurredOn, expiresOn: p.expiresOn })),
			cycles: c.cycles
		})),
		evidence: rows
			.filter((r) => r.voidsId == null)
			.map((r) => {
				const correction = voidedBy.get(r.id);
				return {
					id: r.id,
					competency: titles.get(r.competencyId) ?? r.competencyId,
					competencyId: r.competencyId,
					source: source(r.kind, r.ref),
					timeLimits: r.kind === 'scenario' ? timeLimitsOf(timings.get(passKey(r.ref, r.recordedAt))) : null,
					contentVersion: r.contentVersion,
					occurredOn: r.occurredOn,
					recordedAt: r.recordedAt.toISOString(),
					recordedBy: r.recordedBy != null ? (recorders.get(r.recordedBy) ?? `#${r.recordedBy}`) : 'system',
					voided: correction
						? {
								at: correction.recordedAt.toISOString(),
								reason: correction.reason,
								by: correction.recordedBy != null ? (recorders.get(correction.recordedBy) ?? '') : 'system'
							}
						: null
				};
			}),
		assessments: listAssessments(db, person.id).map((a) => ({
			...a,
			competency: titles.get(a.competencyId) ?? a.competencyId,
			recordedAt: a.recordedAt.toISOString()
		}))
	};
}
export type TrainingRecord = ReturnType<typeof buildTrainingRecord>;

function timeLimitsOf(limit: keyof typeof TIME_LIMIT_LABELS | undefined): string | null {
	return limit ? `Timed decisions: ${TIME_LIMIT_LABELS[limit].toLowerCase()}` : null;
}

export const RECORD_CSV_HEADER = [
	'section',
	'competency',
	'status_or_source',
	'achieved_or_occurred_on',
	'expires_on',
	'version',
	'recorded_by',
	'recorded_at',
	'voided_reason'
];

/**
 * One CSV for the whole record, with the same figures as the page: per competency a status row (in date since,
 * expires), a row per part with its own date and expiry, and a row per period of its history; then the evidence.
 */
export function recordCsvRows(record: TrainingRecord): unknown[][] {
	return [
		...record.competencies.flatMap((c) => [
			['status', c.title, c.status, c.achievedOn ?? '', c.expiresOn ?? '', '', '', '', ''],
			...c.parts.map((p) => ['part', c.title, `${p.part} (${p.status})`, p.occurredOn ?? '', p.expiresOn ?? '', '', '', '', '']),
			...c.cycles.map((cy) => ['in-date-period', c.title, 'in date', cy.achievedOn, cy.expiresOn, '', '', '', ''])
		]),
		...record.evidence.map((e) => [
			'evidence',
			e.competency,
			e.source,
			e.occurredOn,
			'',
			e.contentVersion ?? '',
			e.recordedBy,
			e.recordedAt,
			e.voided?.reason ?? ''
		])
	];
}
