import { describe, expect, it } from 'vitest';
import { addMonths } from './dates';
import type { Requirement } from './framework';
import { cyclesOf, effectiveFacts, standing, statusOn, type EvidenceFact, type LedgerRow } from './status';

const moduleReq: Requirement = { kind: 'module', key: 'module:restraint-safety', module: 'restraint-safety' };
const scenarioReq: Requirement = { kind: 'scenario', key: 'scenario:a|b', scenarios: ['a', 'b'] };
const observedReq: Requirement = { kind: 'observed', key: 'observed' };
const fact = (kind: EvidenceFact['kind'], ref: string, occurredOn: string): EvidenceFact => ({ kind, ref, occurredOn });

describe('competency status', () => {
	const facts = [fact('module', 'restraint-safety', '2025-03-03'), fact('scenario', 'b', '2025-04-10')];
	const reqs = [moduleReq, scenarioReq];

	it('is not yet achieved until every requirement has evidence, and lists what is left', () => {
		expect(statusOn(reqs, 12, facts, '2025-03-20')).toMatchObject({ status: 'not-achieved', outstanding: [scenarioReq] });
		expect(statusOn(reqs, 12, [], '2025-03-20').outstanding).toEqual(reqs);
	});

	it('is current from the day the set is complete, expiring with its oldest piece', () => {
		expect(statusOn(reqs, 12, facts, '2025-04-10')).toMatchObject({ status: 'current', achievedOn: '2025-04-10', expiresOn: '2026-03-03', outstanding: [] });
	});

	it('is due soon within 60 days of expiry, and expired on the expiry day', () => {
		expect(statusOn(reqs, 12, facts, '2026-01-01').status).toBe('current'); // 61 days before
		expect(statusOn(reqs, 12, facts, '2026-01-02')).toMatchObject({ status: 'due-soon', outstanding: [moduleReq] }); // 60 days before
		expect(statusOn(reqs, 12, facts, '2026-03-02').status).toBe('due-soon'); // the last day in date
		expect(statusOn(reqs, 12, facts, '2026-03-03')).toMatchObject({ status: 'expired', expiresOn: '2026-03-03' });
	});

	it('counts a pass in any of the listed scenarios, and nothing after the date asked about', () => {
		expect(statusOn(reqs, 12, [fact('module', 'restraint-safety', '2025-03-03'), fact('scenario', 'a', '2025-03-04')], '2025-03-04').status).toBe('current');
		expect(statusOn(reqs, 12, [...facts, fact('scenario', 'zzz', '2025-01-01')], '2025-04-09').status).toBe('not-achieved');
	});

	it('uses the period for the role: the same evidence expires sooner on a shorter refresher', () => {
		expect(statusOn([observedReq], 6, [fact('observed', '1', '2025-01-31')], '2025-07-31').status).toBe('expired');
		expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
		expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
	});

	it('keeps the history of every cycle, including a lapse and a renewal', () => {
		const history = [
			fact('module', 'restraint-safety', '2022-01-10'),
			fact('scenario', 'a', '2022-01-10'),
			fact('module', 'restraint-safety', '2023-06-01'), // renewed after a lapse
			fact('scenario', 'b', '2023-06-02')
		];
		expect(cyclesOf(reqs, 12, history)).toEqual([
			{ achievedOn: '2022-01-10', expiresOn: '2023-01-10' },
			{ achievedOn: '2023-06-02', expiresOn: '2024-06-01' }
		]);
		expect(statusOn(reqs, 12, history, '2023-03-01').status).toBe('expired');
	});
});

describe('the ledger', () => {
	const at = (iso: string) => new Date(iso);
	const rows: LedgerRow[] = [
		{ id: 1, kind: 'module', ref: 'restraint-safety', occurredOn: '2025-03-03', recordedAt: at('2025-03-03T10:00:00Z'), voidsId: null },
		{ id: 2, kind: 'observed', ref: '7', occurredOn: '2025-03-05', recordedAt: at('2025-03-05T10:00:00Z'), voidsId: null },
		{ id: 3, kind: 'observed', ref: '7', occurredOn: '2025-03-05', recordedAt: at('2025-06-01T10:00:00Z'), voidsId: 2 }
	];

	it('drops voided evidence from today onwards, but shows the record as it stood before the void', () => {
		expect(effectiveFacts(rows, at('2025-07-01T00:00:00Z'))).toEqual([{ kind: 'module', ref: 'restraint-safety', occurredOn: '2025-03-03' }]);
		expect(effectiveFacts(rows, at('2025-05-01T00:00:00Z'))).toHaveLength(2);
		expect(effectiveFacts(rows, at('2025-03-04T00:00:00Z'))).toHaveLength(1);
	});
});

describe('a competency met by several parts (the /manage/people/81 defect)', () => {
	const reqs = [moduleReq, scenarioReq];
	// The module lapsed before the scenario was passed: the parts were never in date together.
	const apart = [fact('module', 'restraint-safety', '2024-06-21'), fact('scenario', 'a', '2025-09-28')];

	it('is never achieved when its parts were never in date together, and says so the same way as its history', () => {
		const s = statusOn(reqs, 12, apart, '2025-10-01');
		expect(s).toMatchObject({ status: 'not-achieved', achievedOn: null, expiresOn: null });
		expect(cyclesOf(reqs, 12, apart)).toEqual([]);
		expect(s.parts).toEqual([
			{ requirement: moduleReq, occurredOn: '2024-06-21', expiresOn: '2025-06-21', status: 'expired' },
			{ requirement: scenarioReq, occurredOn: '2025-09-28', expiresOn: '2026-09-28', status: 'current' }
		]);
	});

	it('never shows an achievement after its expiry: an expired competency shows the last period its parts were in date together', () => {
		const lapsed = [fact('module', 'restraint-safety', '2024-01-10'), fact('scenario', 'a', '2024-02-01'), fact('module', 'restraint-safety', '2025-06-01')];
		const s = statusOn(reqs, 12, lapsed, '2025-07-01');
		expect(s).toMatchObject({ status: 'expired', achievedOn: '2024-02-01', expiresOn: '2025-01-10' });
		expect(cyclesOf(reqs, 12, lapsed).at(-1)).toEqual({ achievedOn: s.achievedOn, expiresOn: s.expiresOn });
	});

	it('is in date since the day all parts were last in date together, through renewals, and expires with the earliest part', () => {
		const renewed = [
			fact('module', 'restraint-safety', '2024-01-10'),
			fact('scenario', 'a', '2024-02-01'),
			fact('module', 'restraint-safety', '2024-12-01'), // renewed before it lapsed
			fact('scenario', 'b', '2025-01-15')
		];
		expect(statusOn(reqs, 12, renewed, '2025-03-01')).toMatchObject({ status: 'current', achievedOn: '2024-02-01', expiresOn: '2025-12-01' });
		expect(cyclesOf(reqs, 12, renewed)).toEqual([{ achievedOn: '2024-02-01', expiresOn: '2025-12-01' }]);
	});

	it('lists no period after the date asked about', () => {
		const later = [
			fact('module', 'restraint-safety', '2024-01-10'),
			fact('scenario', 'a', '2024-02-01'),
			fact('module', 'restraint-safety', '2026-01-01'),
			fact('scenario', 'a', '2026-01-02')
		];
		expect(cyclesOf(reqs, 12, later, '2025-06-01')).toEqual([{ achievedOn: '2024-02-01', expiresOn: '2025-01-10' }]);
		expect(cyclesOf(reqs, 12, later)).toHaveLength(2);
	});
});

describe('a competency’s standing', () => {
	it('names the competency with its status and the dates it turns on, nothing else', () => {
		const c = {
			competency: { id: 'restraint', title: 'Safe restraint', months: 12 },
			status: 'due-soon' as const,
			achievedOn: '2025-03-03',
			expiresOn: '2026-03-03',
			dueOn: null,
			parts: []
		};
		expect(standing(c)).toEqual({
			id: 'restraint',
			title: 'Safe restraint',
			status: 'due-soon',
			achievedOn: '2025-03-03',
			expiresOn: '2026-03-03',
			dueOn: null
		});
	});
});
