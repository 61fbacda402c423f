import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenarioVocabulary, SEVERITY_RANK, VocabularyError } from './vocabulary';

const PATH = 'content/scenario-vocabulary.yaml';
const source = readFileSync(PATH, 'utf8');
const shipped = parseScenarioVocabulary(PATH, source);

/** Flags the shipped scenarios and docs rely on, with the severity the pass rule needs. */
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

function problems(data: unknown): string {
	try {
		parseScenarioVocabulary('v.yaml', stringify(data));
	} catch (error) {
		if (error instanceof VocabularyError) return error.message;
		throw error;
	}
	throw new Error('expected a VocabularyError');
}

const flag = { id: 'force-first', severity: 'serious', label: 'Force was used before trying to talk' };
const outcome = { id: 'harm', label: 'Harm' };

describe('the shipped scenario vocabulary', () => {
	it.each(Object.entries(REQUIRED))('has the risk flag %s with severity %s', (id, severity) => {
		expect(shipped.riskFlag(id)?.severity).toBe(severity);
	});

	it('has a plain-English label for each flag, never the id itself', () => {
		for (const riskFlag of shipped.riskFlags) {
			expect(riskFlag.label.length).toBeGreaterThan(10);
			expect(riskFlag.label).not.toContain(riskFlag.id);
		}
		expect(shipped.riskFlag('cant-breathe-ignored')?.label).toBe('"I can\'t breathe" was not acted on at once');
	});

	it('has the six endings with the labels learners read', () => {
		expect(shipped.outcomes.map((o) => [o.id, o.label])).toEqual([
			['safe-resolution', 'Safe resolution'],
			['delayed-care', 'Delayed care'],
			['harm', 'Harm'],
			['risk-of-death', 'Risk of death'],
			['unlawful-detention', 'Unlawful detention'],
			['confidentiality-breached', 'Confidentiality breached']
		]);
	});

	it('looks flags and outcomes up by id', () => {
		expect(shipped.riskFlag('made-up')).toBeUndefined();
		expect(shipped.isOutcome('risk-of-death')).toBe(true);
		expect(shipped.isOutcome('fine')).toBe(false);
		expect(shipped.isOutcome(null)).toBe(false);
		expect(shipped.outcomeLabel('delayed-care')).toBe('Delayed care');
		expect(shipped.outcomeLabel('retired-ending')).toBe('retired-ending');
	});

	it('ranks critical before serious before minor', () => {
		expect(SEVERITY_RANK.critical).toBeLessThan(SEVERITY_RANK.serious);
		expect(SEVERITY_RANK.serious).toBeLessThan(SEVERITY_RANK.minor);
	});
});

describe('checking a vocabulary file', () => {
	it('accepts a new flag and a new ending as data alone', () => {
		const vocabulary = parseScenarioVocabulary(
			'v.yaml',
			stringify({
				riskFlags: [flag, { id: 'no-interpreter', severity: 'minor', label: 'No interpreter was found' }],
				outcomes: [outcome, { id: 'handed-to-family', label: 'Handed to family' }]
			})
		);
		expect(vocabulary.riskFlag('no-interpreter')).toEqual({ id: 'no-interpreter', severity: 'minor', label: 'No interpreter was found' });
		expect(vocabulary.outcomeIds()).toEqual(['harm', 'handed-to-family']);
	});

	it('names the file and field of each problem', () => {
		const message = problems({
			riskFlags: [flag, { id: 'Bad Id', severity: 'grave', label: '' }],
			outcomes: [outcome, { id: 'harm', label: 'Harm again' }],
			extra: true
		});
		expect(message).toContain('v.yaml: field "riskFlags.1.id" must be lower-case words joined by hyphens');
		expect(message).toContain('v.yaml: field "riskFlags.1.severity"');
		expect(message).toContain('v.yaml: field "riskFlags.1.label" needs a label');
		expect(message).toContain('v.yaml: field "outcomes.1.id" repeats the outcome id "harm"');
		expect(message).toMatch(/v\.yaml: field "\(root\)" Unrecognized key: "extra"/);
		expect(problems({ riskFlags: [flag, { ...flag, label: 'Another label' }], outcomes: [outcome] })).toBe(
			'v.yaml: field "riskFlags.1.id" repeats the risk flag id "force-first"'
		);
	});

	it('needs at least one flag and one outcome, and valid YAML', () => {
		expect(problems({ riskFlags: [], outcomes: [] })).toMatch(/riskFlags" must list at least one risk flag[\s\S]*outcomes" must list at least one outcome/);
		expect(() => parseScenarioVocabulary('v.yaml', 'riskFlags: [\n')).toThrow(/v\.yaml: not valid YAML/);
	});
});
