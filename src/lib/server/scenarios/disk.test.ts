import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScenarioSlugs, loadScenariosFromDisk, readModuleIndexFromDisk } from './disk';
import { FIXTURES_DIR } from './fixtures/helpers';

describe('disk loading', () => {
	it('lists scenario folders, sorted, and nothing for a missing directory', () => {
		expect(listScenarioSlugs(FIXTURES_DIR)).toEqual(['broken-scenario', 'good-scenario']);
		expect(listScenarioSlugs(join(FIXTURES_DIR, 'does-not-exist'))).toEqual([]);
	});

	it('loads every scenario in a directory, importing machine.ts', async () => {
		const definitions = await loadScenariosFromDisk(FIXTURES_DIR);
		expect(definitions.map((def) => [def.slug, def.states.length])).toEqual([
			['broken-scenario', 5],
			['good-scenario', 10]
		]);
	});

	it('reports a folder with a missing file as a load error naming the scenario', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
		mkdirSync(join(dir, 'half-written'));
		writeFileSync(join(dir, 'half-written', 'briefing.md'), '---\ntitle: x\n---\n');
		expect(listScenarioSlugs(dir)).toEqual(['half-written']);
		await expect(loadScenariosFromDisk(dir)).rejects.toThrow(/Scenario "half-written"/);
	});

	it('indexes module files and their H2 sections', () => {
		const dir = mkdtempSync(join(tmpdir(), 'modules-'));
		writeFileSync(join(dir, '04-restraint-safety.md'), '---\ntitle: x\n---\n\n## Warning signs\n\n## The law\n');
		writeFileSync(join(dir, '04-restraint-safety.quiz.yaml'), 'questions: []\n');
		const index = readModuleIndexFromDisk(dir);
		expect([...index.keys()]).toEqual(['restraint-safety']);
		expect(index.get('restraint-safety')).toEqual(new Set(['warning-signs', 'the-law']));
		expect(readModuleIndexFromDisk(join(dir, 'missing')).size).toBe(0);
	});
});
