import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { listScenarioSlugs, readModuleFiles } from '../content/disk';
import { JOB_ROLE_IDS } from '../../organisation-model';
import { loadContentFromDisk } from '../content/disk';
import { competenciesSupportedBy, parseFramework, requiredFor } from './framework';

const source = readFileSync('content/competencies.yaml', 'utf8');
const known = {
	modules: new Set(Object.keys(readModuleFiles()).flatMap((path) => /\/\d\d-([a-z0-9-]+)\.md$/.exec(path)?.[1] ?? [])),
	scenarios: new Set(listScenarioSlugs())
};

/** The competency ids in docs/authoring.md's table: the docs and the data must agree. */
const authoring = readFileSync('docs/authoring.md', 'utf8');
const competencyTable = authoring.slice(authoring.indexOf('Competencies (`competencies`'), authoring.indexOf('## Modules'));
const DOCUMENTED_IDS = [...competencyTable.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);

describe('competency framework', () => {
	it('only asks a role for modules and scenarios assigned to that role', async () => {
		const { modules, scenarios } = await loadContentFromDisk();
		const audience = new Map<string, readonly string[]>([
			...modules.map((m) => [`module:${m.slug}`, m.meta.audience] as const),
			...scenarios.map(({ def }) => [`scenario:${def.slug}`, def.meta.audience] as const)
		]);
		const framework = parseFramework('content/competencies.yaml', source, known);
		const mismatches: string[] = [];
		for (const role of JOB_ROLE_IDS)
			for (const { competency, requirements } of requiredFor(framework, role))
				for (const r of requirements) {
					const keys = r.kind === 'module' ? [`module:${r.module}`] : r.kind === 'scenario' ? r.scenarios.map((s) => `scenario:${s}`) : [];
					for (const key of keys)
						if (!audience.get(key)?.includes(role)) mismatches.push(`${competency.id} asks ${role} for ${key}, whose audience leaves ${role} out`);
				}
		expect(mismatches).toEqual([]);
	});

	it('ships 10 to 15 competencies, every one defined, naming only modules and scenarios that exist', () => {
		const framework = parseFramework('content/competencies.yaml', source, known);
		expect(framework.competencies.length).toBeGreaterThanOrEqual(10);
		expect(framework.competencies.length).toBeLessThanOrEqual(15);
		expect(DOCUMENTED_IDS.length).toBeGreaterThanOrEqual(10);
		expect(framework.competencies.map((c) => c.id).sort()).toEqual([...DOCUMENTED_IDS].sort());
	});

	it('gives each role its own requirements and refresher period', () => {
		const framework = parseFramework('content/competencies.yaml', source, known);
		const constable = requiredFor(framework, 'police-constable').find((r) => r.competency.id === 'safe-restraint')!;
		expect(constable.months).toBe(12);
		expect(constable.requirements.map((r) => r.kind)).toEqual(['module', 'scenario', 'observed']);
		const nurse = requiredFor(framework, 'mental-health-nurse').find((r) => r.competency.id === 'safe-restraint')!;
		expect(nurse.requirements.map((r) => r.key)).toEqual(['module:restraint-safety', 'scenario:ward-restraint-request']);
		expect(requiredFor(framework, 'call-handler').some((r) => r.competency.id === 'safe-restraint')).toBe(false);
		expect(competenciesSupportedBy(framework, { module: 'restraint-safety' }).map((c) => c.id)).toContain('cant-breathe-response');
	});

	it('names the field at fault, and refuses unknown modules', () => {
		expect(() => parseFramework('f.yaml', source.replace('police-recruit: 12,', 'police-recruit: 0,'), known)).toThrow(
			/f\.yaml: field "competencies\.0\.roles\.police-recruit"/
		);
		expect(() => parseFramework('f.yaml', source.replace('module: recognising-distress', 'module: no-such-module'), known)).toThrow(
			/names module "no-such-module"/
		);
		const wrongRole = source.replace(
			'      - scenarios: [ward-restraint-request]\n        roles: [mental-health-nurse, ward-healthcare-assistant]\n',
			'      - scenarios: [ward-restraint-request]\n        roles: [call-handler]\n'
		);
		expect(wrongRole).not.toBe(source);
		expect(() => parseFramework('f.yaml', wrongRole, known)).toThrow(/names call-handler, which this competency does not apply to/);
		expect(() => parseFramework('f.yaml', source.replace('id: mha-powers', 'id: recognise-distress'), known)).toThrow(
			/competency "recognise-distress" is defined twice/
		);
		expect(() => parseFramework('f.yaml', source.replace('id: mha-powers', 'id: MHA powers'), known)).toThrow(
			/f\.yaml: field "competencies\.1\.id" must be a slug/
		);
	});
});
