import { describe, expect, it } from 'vitest';
import { ATTENDANCE, OUTCOMES } from '$lib/server/practical/register';
import { ATTENDANCE_WORDS, OUTCOME_WORDS, assessmentOutcomeLabel } from './register-words';

describe('register words', () => {
	it('names every attendance and outcome code the register stores', () => {
		expect(Object.keys(ATTENDANCE_WORDS)).toEqual([...ATTENDANCE]);
		expect(Object.keys(OUTCOME_WORDS)).toEqual([...OUTCOMES]);
	});

	it('says an outcome in words, anything but competent being "not yet"', () => {
		expect(assessmentOutcomeLabel('competent')).toBe('Competent');
		expect(assessmentOutcomeLabel('not-yet-competent')).toBe('Not yet competent');
		expect(assessmentOutcomeLabel('unknown')).toBe('Not yet competent');
	});
});
