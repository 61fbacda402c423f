// `npm run scenario:check`: loads every scenario under content/scenarios, runs the authoring checks, prints a
// summary table and then every error (naming scenario and state). Exits 1 if anything is wrong.
// Optional arguments: a scenarios directory and a modules directory (defaults: content/scenarios, content/modules).
// Scenarios are read and checked by the content index (src/lib/server/content/), as the app reads them.
import { checkScenario, moduleIndexOf } from '../src/lib/server/content/build';
import { listScenarioSlugs, readModuleFiles, readScenarioFiles, readVocabularyFromDisk } from '../src/lib/server/content/disk';
import { ContentError } from '../src/lib/server/content/errors';
import { parseModules } from '../src/lib/server/modules/parse';
import type { ScenarioAnalysis } from '../src/lib/server/scenarios/engine';

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
	const line = (cells: string[]) =>
		cells
			.map((cell, i) => cell.padEnd(widths[i] ?? 0))
			.join('  ')
			.trimEnd();
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
	let vocabulary;
	let modules;
	try {
		vocabulary = readVocabularyFromDisk();
		modules = moduleIndexOf(parseModules(readModuleFiles(modulesDir)));
	} catch (error) {
		if (!(error instanceof ContentError)) throw error;
		console.log(`The scenarios cannot be checked until this is put right:\n${error.message}`);
		return 1;
	}
	const rows: Row[] = [];
	const errors: string[] = [];
	for (const slug of slugs) {
		let checked;
		try {
			checked = checkScenario(await readScenarioFiles(slug, scenariosDir), vocabulary, modules);
		} catch (error) {
			// A machine.ts that throws on import, for example: the message names the scenario.
			checked = { entry: null, errors: [error instanceof Error ? error.message : String(error)] };
		}
		rows.push(checked.entry ? rowFor(checked.entry.analysis) : failedRow(slug, checked.errors.length));
		errors.push(...checked.errors);
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
