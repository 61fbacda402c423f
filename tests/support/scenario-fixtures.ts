/**
 * Test helpers: load the fixture scenarios (tests/support/scenarios/) and build small scenarios inline,
 * against the shipped scenario vocabulary. Used by *.test.ts only; no database.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

/** Loads an inline machine with the valid frontmatter. */
export function inlineScenario(slug: string, machine: unknown, overrides: Record<string, unknown> = {}): ScenarioDefinition {
	return loadScenario(slug, { machine }, briefingWith(overrides), VOCABULARY);
}
