/**
 * Test helpers: load the fixture scenarios (tests/support/scenarios/) and build small scenarios inline,
 * against the shipped scenario vocabulary. Used by *.test.ts only; no database.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnyStateMachine } from 'xstate';
import { stringify } from 'yaml';
import { loadScenarioFromDisk, readVocabularyFromDisk } from '../../src/lib/server/content/disk';
import { loadScenario, type ModuleIndex, type ScenarioDefinition, type ScenarioVocabulary } from '../../src/lib/server/scenarios/engine';

export const FIXTURES_DIR = fileURLToPath(new URL('./scenarios/', import.meta.url));

/** content/scenario-vocabulary.yaml, read once. */
export const VOCABULARY: ScenarioVocabulary = readVocabularyFromDisk(fileURLToPath(new URL('../../content/scenario-vocabulary.yaml', import.meta.url)));

/** The modules the fixtures' learnMore links point at. */
export const FIXTURE_MODULES: ModuleIndex = new Map([['restraint-safety', new Set(['warning-signs', 'the-law'])]]);

export function loadFixture(slug: 'good-scenario' | 'broken-scenario'): Promise<ScenarioDefinition> {
	return loadScenarioFromDisk(slug, FIXTURES_DIR, VOCABULARY);
}

export function fixtureBriefing(slug: 'good-scenario' | 'broken-scenario'): string {
	return readFileSync(new URL(`./scenarios/${slug}/briefing.md`, import.meta.url), 'utf8');
}

export function fixtureEndings(slug: 'good-scenario' | 'broken-scenario'): string {
	return readFileSync(new URL(`./scenarios/${slug}/endings.yaml`, import.meta.url), 'utf8');
}

export const VALID_FRONTMATTER = {
	title: 'Inline test scenario',
	summary: 'Built inside a test.',
	playedAs: 'police-constable',
	audience: ['police-constable'],
	competencies: ['safe-restraint'],
	minutes: 5,
	version: '1.0.0',
	reviewed: '2026-11-27',
	pass: { outcomes: ['safe-resolution'], minScore: 1, noCriticalFlags: true },
	sources: [{ title: 'NICE QS154', url: 'https://www.nice.org.uk/guidance/qs154' }]
};

/** A briefing.md text with the valid frontmatter, changed by `overrides` (top-level keys replaced). */
export function briefingWith(overrides: Record<string, unknown> = {}, body = 'The briefing.'): string {
	return `---\n${stringify({ ...VALID_FRONTMATTER, ...overrides })}---\n\n${body}\n`;
}

/** A complete ending (an endings.yaml entry) with the given outcome, changed by `overrides`. */
export function endingWith(outcome: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		outcome,
		title: `Ending ${outcome}`,
		narrative: 'What happened next.',
		debrief: 'What the law and guidance say.',
		learnMore: [{ module: 'restraint-safety', section: 'warning-signs', label: 'Warning signs' }],
		...overrides
	};
}

/** An endings.yaml text: final state id → its entry. */
export function endingsYaml(endings: Record<string, unknown>): string {
	return stringify(endings);
}

/**
 * Loads an inline machine with the valid frontmatter changed by `overrides`, and `endings` as its endings.yaml
 * (by default a complete `harm` ending for each final state of the machine).
 */
export function inlineScenario(
	slug: string,
	machine: AnyStateMachine,
	overrides: Record<string, unknown> = {},
	endings: Record<string, unknown> = defaultEndings(machine)
): ScenarioDefinition {
	return loadScenario(slug, { machine }, briefingWith(overrides), endingsYaml(endings), VOCABULARY);
}

function defaultEndings(machine: AnyStateMachine): Record<string, unknown> {
	const finals = Object.entries(machine.root.states).filter(([, state]) => state.type === 'final');
	return Object.fromEntries(finals.map(([id]) => [id, endingWith('harm')]));
}
