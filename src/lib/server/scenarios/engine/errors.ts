/** Error shapes shared by loading and analysis. Every message names the scenario (and state) so an author can find it. */

export interface ScenarioError {
	readonly scenario: string;
	readonly state?: string;
	/** Complete sentence naming scenario and state, ready to print. */
	readonly message: string;
}

export interface ScenarioLoadIssue extends ScenarioError {
	readonly field?: string;
}

export function scenarioError(scenario: string, state: string | undefined, problem: string): ScenarioError {
	return { scenario, ...(state === undefined ? {} : { state }), message: `${where(scenario, state)}: ${problem}` };
}

export function loadIssue(scenario: string, state: string | undefined, field: string | undefined, problem: string): ScenarioLoadIssue {
	const fieldPart = field === undefined ? '' : `, field ${field}`;
	return {
		scenario,
		...(state === undefined ? {} : { state }),
		...(field === undefined ? {} : { field }),
		message: `${where(scenario, state)}${fieldPart}: ${problem}`
	};
}

/** The file that holds each scenario's endings, beside its machine.ts and briefing.md. */
export const ENDINGS_FILE = 'endings.yaml';

/** A problem with one ending, named by its final state's id in endings.yaml. */
export function endingError(scenario: string, ending: string, problem: string): ScenarioError {
	return { scenario, state: ending, message: `${endingPlace(scenario, ending)}: ${problem}` };
}

/** A problem with a field of one ending, found while loading. */
export function endingIssue(scenario: string, ending: string, field: string | undefined, problem: string): ScenarioLoadIssue {
	const fieldPart = field === undefined ? '' : `, field ${field}`;
	return { scenario, state: ending, ...(field === undefined ? {} : { field }), message: `${endingPlace(scenario, ending)}${fieldPart}: ${problem}` };
}

function endingPlace(scenario: string, ending: string): string {
	return `Scenario "${scenario}", ${ENDINGS_FILE}, ending "${ending}"`;
}

function where(scenario: string, state: string | undefined): string {
	return state === undefined ? `Scenario "${scenario}"` : `Scenario "${scenario}", state "${state}"`;
}

/** Thrown by loadScenario when a scenario cannot be turned into a definition at all. Lists every issue found. */
export class ScenarioLoadError extends Error {
	readonly scenario: string;
	readonly issues: readonly ScenarioLoadIssue[];

	constructor(scenario: string, issues: readonly ScenarioLoadIssue[]) {
		super(
			issues.length === 1
				? (issues[0]?.message ?? `Scenario "${scenario}" could not be loaded`)
				: `Scenario "${scenario}" could not be loaded:\n${issues.map((issue) => `  - ${issue.message}`).join('\n')}`
		);
		this.name = 'ScenarioLoadError';
		this.scenario = scenario;
		this.issues = issues;
	}
}
