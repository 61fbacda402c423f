/**
 * Every scenario under content/scenarios must load and pass analyse() with no errors, with its learnMore
 * links checked against content/modules. New scenario folders are picked up automatically.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { listScenarioSlugs, loadScenarioFromDisk, readModuleIndexFromDisk } from './disk';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SCENARIOS_DIR = join(ROOT, 'content/scenarios');
const MODULES_DIR = join(ROOT, 'content/modules');
const slugs = listScenarioSlugs(SCENARIOS_DIR);

describe('content/scenarios', () => {
	it('can be scanned (an empty or missing folder simply has no scenarios)', () => {
		expect(Array.isArray(slugs)).toBe(true);
		for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
	});

	it.each(slugs)('%s has both briefing.md and machine.ts', (slug) => {
		expect(existsSync(join(SCENARIOS_DIR, slug, 'briefing.md'))).toBe(true);
		expect(existsSync(join(SCENARIOS_DIR, slug, 'machine.ts'))).toBe(true);
	});

	it.each(slugs)('%s loads and passes every authoring check', async (slug) => {
		const def = await loadScenarioFromDisk(slug, SCENARIOS_DIR);
		const report = analyse(def, { modules: readModuleIndexFromDisk(MODULES_DIR) });
		expect(report.errors.map((error) => error.message)).toEqual([]);
	});
});
