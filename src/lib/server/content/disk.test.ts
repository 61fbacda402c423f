import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '$testing/scenario-fixtures';
import { ScenarioLoadError } from '../scenarios/engine';
import { listScenarioSlugs, loadContentFromDisk, loadScenarioFromDisk, readContentFiles, readModuleFiles, readScenarioFiles } from './disk';
import { ContentError } from './errors';

describe('content on disk', () => {
	it('lists scenario folders, sorted, and nothing for a missing directory', () => {
		expect(listScenarioSlugs(FIXTURES_DIR)).toEqual(['broken-scenario', 'good-scenario']);
		expect(listScenarioSlugs(join(FIXTURES_DIR, 'does-not-exist'))).toEqual([]);
	});

	it('loads a scenario folder, importing machine.ts', async () => {
		const def = await loadScenarioFromDisk('good-scenario', FIXTURES_DIR);
		expect(def.states).toHaveLength(10);
		expect(def.vocabulary.riskFlag('force-first')?.severity).toBe('serious');
	});

	it('reports a folder with a missing file as a load error naming the scenario', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
		mkdirSync(join(dir, 'half-written'));
		writeFileSync(join(dir, 'half-written', 'briefing.md'), '---\ntitle: x\n---\n');
		mkdirSync(join(dir, 'endings-only'));
		writeFileSync(join(dir, 'endings-only', 'endings.yaml'), 'safe: {}\n');
		expect(listScenarioSlugs(dir)).toEqual(['endings-only', 'half-written']);
		await expect(loadScenarioFromDisk('endings-only', dir)).rejects.toThrow(/Scenario "endings-only", field machine.ts: must export `machine`/);
		await expect(readScenarioFiles('half-written', dir)).resolves.toMatchObject({ slug: 'half-written', machine: undefined });
		await expect(loadScenarioFromDisk('half-written', dir)).rejects.toThrow(ScenarioLoadError);
		await expect(loadScenarioFromDisk('half-written', dir)).rejects.toThrow(/Scenario "half-written"/);
	});

	it('names the scenario whose machine.ts throws on import', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
		mkdirSync(join(dir, 'throws'));
		writeFileSync(join(dir, 'throws', 'machine.ts'), 'throw new Error("boom");\n');
		await expect(readScenarioFiles('throws', dir)).rejects.toThrow(/Scenario "throws": machine.ts could not be imported: boom/);
	});

	it('keys module files as the bundler does, so messages name the same paths', () => {
		const files = readModuleFiles();
		expect(Object.keys(files)).toContain('/content/modules/04-restraint-safety.md');
		expect(Object.keys(files)).toContain('/content/modules/04-restraint-safety.quiz.yaml');
		expect(readModuleFiles('content/no-such-folder')).toEqual({});
	});

	it('reads every content file the app bundles', async () => {
		const files = await readContentFiles();
		expect(files.scenarios.map((s) => s.slug)).toEqual(listScenarioSlugs());
		for (const scenario of files.scenarios) {
			expect(scenario.endings).toBe(readFileSync(`content/scenarios/${scenario.slug}/endings.yaml`, 'utf8'));
		}
		expect(files.competencies).toBe(readFileSync('content/competencies.yaml', 'utf8'));
		expect(files.vocabulary).toBe(readFileSync('content/scenario-vocabulary.yaml', 'utf8'));
	});

	it('builds the index from another root, and refuses broken content there', async () => {
		const root = mkdtempSync(join(tmpdir(), 'content-'));
		cpSync('content', join(root, 'content'), { recursive: true });
		// The machines import xstate: let them find the project's packages from there.
		symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
		const content = await loadContentFromDisk(root);
		expect(content.scenarios.length).toBe(listScenarioSlugs().length);

		writeFileSync(join(root, 'content/scenario-vocabulary.yaml'), 'riskFlags: []\noutcomes: []\n');
		await expect(loadContentFromDisk(root)).rejects.toThrow(ContentError);
		await expect(loadContentFromDisk(root)).rejects.toThrow(/content\/scenario-vocabulary\.yaml: field "riskFlags" must list at least one risk flag/);
	});
});
