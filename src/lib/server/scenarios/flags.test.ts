import { describe, expect, it } from 'vitest';
import { getRiskFlag, isRiskFlagId, RISK_FLAGS, RISK_FLAGS_BY_ID, SEVERITY_RANK } from './flags';

const REQUIRED: Record<string, 'critical' | 'serious' | 'minor'> = {
	'prone-too-long': 'critical',
	'cant-breathe-ignored': 'critical',
	'no-ambulance': 'critical',
	'unlawful-detention': 'critical',
	'no-health-consultation': 'serious',
	'police-station-used': 'serious',
	'police-vehicle-conveyance': 'minor',
	'no-safety-officer': 'serious',
	'pain-compliance': 'serious',
	'force-first': 'serious',
	'arrest-instead-of-care': 'serious',
	'no-appropriate-adult': 'serious',
	'no-liaison-diversion': 'minor',
	'no-handover': 'serious',
	'no-recording': 'minor',
	'weight-on-chest': 'critical',
	'abd-not-treated-as-emergency': 'critical',
	'no-monitoring': 'serious',
	'police-led-clinical-restraint': 'serious',
	'inappropriate-deployment': 'minor',
	'call-closed-without-handover': 'critical',
	'dignity-not-protected': 'minor',
	'family-ignored': 'minor'
};

describe('risk flags', () => {
	it.each(Object.entries(REQUIRED))('has %s with severity %s', (id, severity) => {
		expect(getRiskFlag(id)?.severity).toBe(severity);
	});

	it('has unique ids and a plain-English label for each', () => {
		expect(RISK_FLAGS_BY_ID.size).toBe(RISK_FLAGS.length);
		for (const flag of RISK_FLAGS) {
			expect(flag.label.length).toBeGreaterThan(10);
			expect(flag.label).not.toContain(flag.id);
		}
	});

	it('looks flags up by id', () => {
		expect(isRiskFlagId('weight-on-chest')).toBe(true);
		expect(isRiskFlagId('made-up')).toBe(false);
		expect(getRiskFlag('made-up')).toBeUndefined();
	});

	it('ranks critical before serious before minor', () => {
		expect(SEVERITY_RANK.critical).toBeLessThan(SEVERITY_RANK.serious);
		expect(SEVERITY_RANK.serious).toBeLessThan(SEVERITY_RANK.minor);
	});
});
