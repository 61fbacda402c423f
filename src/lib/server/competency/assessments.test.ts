import { beforeEach, describe, expect, it } from 'vitest';
import { evidence, assessments } from '../db/schema';
import { addOrganisation, addPerson, addPersonOnTheirOwn, addUnit, asTrainer, testDb } from '$testing/fixtures';
import { testFramework } from '$testing/framework';
import type { Principal } from '../access/policy';
import type { Db } from '../db';
import { assessmentInput, listAssessments, recordAssessment } from './assessments';

const framework = testFramework();
const NOW = new Date('2026-06-15T12:00:00Z');

describe('observed assessments', () => {
	let db: Db;
	let trainer: Principal;
	let target: ReturnType<typeof addPerson>;
	let outsider: ReturnType<typeof addPerson>;
	beforeEach(() => {
		db = testDb();
		const org = addOrganisation(db);
		const unit = addUnit(db, org.id);
		const t = addPerson(db, unit, { jobRole: 'police-sergeant' });
		trainer = asTrainer(t);
		target = addPerson(db, unit, { jobRole: 'police-constable', startDate: '2024-01-01' });
		outsider = addPersonOnTheirOwn(db, { jobRole: 'police-constable' });
	});
	const input = { competencyId: 'safe-restraint' as const, assessedOn: '2026-06-10', outcome: 'competent' as const, notes: 'Safe hold, <b>clear</b> commands' };

	it('records a competent sign-off as evidence, by the trainer', () => {
		const result = recordAssessment(db, framework, trainer, target, input, NOW);
		expect(result.ok).toBe(true);
		expect(db.select().from(evidence).get()).toMatchObject({
			personId: target.id,
			competencyId: 'safe-restraint',
			kind: 'observed',
			occurredOn: '2026-06-10',
			recordedBy: trainer.id
		});
		expect(listAssessments(db, target.id)[0]).toMatchObject({ outcome: 'competent', notes: 'Safe hold, <b>clear</b> commands', assessorName: trainer.name });
	});

	it('records a "not yet competent" outcome without evidence', () => {
		expect(recordAssessment(db, framework, trainer, target, { ...input, outcome: 'not-yet-competent' }, NOW).ok).toBe(true);
		expect(db.select().from(evidence).all()).toHaveLength(0);
	});

	it('never lets anyone sign themselves off', () => {
		const self = { ...target, id: trainer.id, jobRole: 'police-sergeant' };
		expect(recordAssessment(db, framework, trainer, self, input, NOW)).toEqual({ ok: false, forbidden: true });
	});

	it('refuses people outside the trainer’s organisation, and non-trainers', () => {
		expect(recordAssessment(db, framework, trainer, outsider, input, NOW)).toEqual({ ok: false, forbidden: true });
		expect(recordAssessment(db, framework, { ...trainer, grants: [] }, target, input, NOW)).toEqual({ ok: false, forbidden: true });
		expect(db.select().from(assessments).all()).toHaveLength(0);
	});

	it('explains dates and competencies that do not fit, and writes nothing', () => {
		const future = recordAssessment(db, framework, trainer, target, { ...input, assessedOn: '2026-06-16' }, NOW);
		expect(future).toMatchObject({ ok: false, errors: { assessedOn: expect.stringMatching(/future/) } });
		const early = recordAssessment(db, framework, trainer, target, { ...input, assessedOn: '2023-12-31' }, NOW);
		expect(early).toMatchObject({ ok: false, errors: { assessedOn: expect.stringMatching(/start date/) } });
		const wrong = recordAssessment(db, framework, trainer, target, { ...input, competencyId: 'use-of-force-act' }, NOW);
		expect(wrong).toMatchObject({ ok: false, errors: { competencyId: expect.stringMatching(/does not need/) } });
		expect(db.select().from(assessments).all()).toHaveLength(0);
	});
});

describe('the assessment form', () => {
	const valid = { competencyId: 'safe-restraint', assessedOn: '2026-06-10', outcome: 'competent', notes: '' };

	it('takes its competencies from the framework, once per framework', () => {
		expect(assessmentInput(framework).safeParse(valid).success).toBe(true);
		expect(assessmentInput(framework)).toBe(assessmentInput(framework));
	});

	it('asks for a competency the framework defines', () => {
		for (const competencyId of ['restraint', '', undefined]) {
			const result = assessmentInput(framework).safeParse({ ...valid, competencyId });
			expect(result.success).toBe(false);
			expect(result.error?.issues[0]).toMatchObject({ path: ['competencyId'], message: 'Choose the competency assessed' });
		}
	});
});
