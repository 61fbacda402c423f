import { describe, expect, it } from 'vitest';
import { COMPETENCY_IDS, JOB_ROLE_IDS, isCompetencyId, isJobRoleId } from './content-ids';

describe('content ids', () => {
	it('lists the eleven job roles and fifteen competencies of docs/authoring.md, each once', () => {
		expect(JOB_ROLE_IDS).toHaveLength(11);
		expect(COMPETENCY_IDS).toHaveLength(15);
		expect(new Set(JOB_ROLE_IDS).size).toBe(JOB_ROLE_IDS.length);
		expect(new Set(COMPETENCY_IDS).size).toBe(COMPETENCY_IDS.length);
	});

	it('recognises ids and rejects anything else', () => {
		expect(isJobRoleId('paramedic')).toBe(true);
		expect(isJobRoleId('Paramedic')).toBe(false);
		expect(isJobRoleId(3)).toBe(false);
		expect(isCompetencyId('cant-breathe-response')).toBe(true);
		expect(isCompetencyId('restraint')).toBe(false);
	});
});
