// `npm run scenario:check`: loads every scenario under content/scenarios, runs the authoring checks, prints a
// summary table and then every error (naming scenario and state). Exits 1 if anything is wrong.
// Optional arguments: a scenarios directory and a modules directory (defaults: content/scenarios, content/modules).
import { analyse, type ScenarioAnalysis } from '../src/lib/server/scenarios/analyse';
import { listScenarioSlugs, loadScenarioFromDisk, readModuleIndexFromDisk } from '../src/lib/server/scenarios/disk';
import { ScenarioLoadError } from '../src/lib/server/scenarios/errors';

const scenariosDir = process.argv[2] ?? 'content/scenarios';
const modulesDir = process.argv[3] ?? 'content/modules';

type Row = Record<'scenario' | 'states' | 'decisions' | 'paths' | 'outcomes' | 'best' | 'worst' | 'status', string>;

const COLUMNS: (keyof Row)[] = ['scenario', 'states', 'decisions', 'paths', 'outcomes', 'best', 'worst', 'status'];

function rowFor(report: ScenarioAnalysis): Row {
	return {
		scenario: report.slug,
		states: String(report.states),
		decisions: String(report.decisions),
		paths: String(report.paths),
		outcomes: String(report.outcomes.length),
		best: report.bestScore === null ? '-' : String(report.bestScore),
		worst: report.worstScore === null ? '-' : String(report.worstScore),
		status: report.errors.length === 0 ? 'ok' : `${report.errors.length} error${report.errors.length === 1 ? '' : 's'}`
	};
}

function failedRow(slug: string, count: number): Row {
	return {
		scenario: slug,
		states: '-',
		decisions: '-',
		paths: '-',
		outcomes: '-',
		best: '-',
		worst: '-',
		status: `does not load (${count} error${count === 1 ? '' : 's'})`
	};
}

function printTable(rows: Row[]): void {
	const widths = COLUMNS.map((column) => Math.max(column.length, ...rows.map((row) => row[column].length)));
	const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
	console.log(line(COLUMNS));
	console.log(line(widths.map((width) => '-'.repeat(width))));
	for (const row of rows) console.log(line(COLUMNS.map((column) => row[column])));
}

async function main(): Promise<number> {
	const slugs = listScenarioSlugs(scenariosDir);
	if (slugs.length === 0) {
		console.log(`No scenarios found in ${scenariosDir}.`);
		return 0;
	}
	const modules = readModuleIndexFromDisk(modulesDir);
	const rows: Row[] = [];
	const errors: string[] = [];
	for (const slug of slugs) {
		try {
			const report = analyse(await loadScenarioFromDisk(slug, scenariosDir), { modules });
			rows.push(rowFor(report));
			errors.push(...report.errors.map((error) => error.message));
		} catch (error) {
			if (error instanceof ScenarioLoadError) {
				rows.push(failedRow(slug, error.issues.length));
				errors.push(...error.issues.map((issue) => issue.message));
			} else {
				// A machine.ts that throws on import, for example: still name the scenario.
				rows.push(failedRow(slug, 1));
				errors.push(`Scenario "${slug}": ${error instanceof Error ? error.message : String(error)}`);
			}
		}
	}
	printTable(rows);
	if (errors.length === 0) {
		console.log(`\nAll ${slugs.length} scenario${slugs.length === 1 ? '' : 's'} pass the authoring checks.`);
		return 0;
	}
	console.log(`\n${errors.length} error${errors.length === 1 ? '' : 's'}:`);
	for (const message of errors) console.log(`- ${message}`);
	return 1;
}

process.exitCode = await main();
