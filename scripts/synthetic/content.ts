/**
 * What the generator needs to know about the content, worked out once: which competencies each module and
 * scenario supports, what each role needs and how often, graded answer sets for the knowledge checks, and
 * each scenario played through the pure engine (best path to a pass, a short path to a fail), so every
 * stored run is one the engine itself produced.
 */
import type { SurveyDefinitions } from '../../src/lib/server/surveys/definition';
import type { Framework, RoleRequirement } from '../../src/lib/server/competency/framework';
import { competenciesSupportedBy, requiredFor } from '../../src/lib/server/competency/framework';
import { correctAnswers } from '../../src/lib/server/modules/correct-answers';
import { grade, type Answers } from '../../src/lib/server/modules/grading';
import type { ModuleDefinition } from '../../src/lib/server/modules/parse';
import { JOB_ROLE_IDS, type JobRoleId } from '../../src/lib/organisation-model';
import {
	applyChoice,
	explorePaths,
	startRun,
	summariseRun,
	type ScenarioAnalysis,
	type ScenarioDefinition,
	type StepRecord
} from '../../src/lib/server/scenarios/engine';

export type GradedAnswers = { json: string; correct: number; total: number; score: number; passed: boolean };

export type SyntheticModule = {
	slug: string;
	version: string;
	audience: ReadonlySet<string>;
	/** Competencies a completion is evidence for (one evidence row each), as recordEvidence finds them. */
	competencies: string[];
	pass: GradedAnswers;
	fail: GradedAnswers;
};

export type PlayedRun = {
	/** The final persisted snapshot, as JSON text. */
	snapshot: string;
	steps: StepRecord[];
	score: number;
	outcome: string | null;
	passed: boolean;
	flags: string;
};

export type SyntheticScenario = {
	slug: string;
	version: string;
	audience: ReadonlySet<string>;
	competencies: string[];
	pass: PlayedRun;
	fail: PlayedRun | null;
	/** The best path's events, for the benchmark's prepared runs. */
	bestPath: string[];
	def: ScenarioDefinition;
};

/** A task a role repeats: a module, a scenario or an observed assessment, and how often in months. */
export type RoleTask =
	| { kind: 'module'; index: number; months: number | null }
	| { kind: 'scenario'; index: number; months: number | null; required: boolean }
	| { kind: 'observed'; competencyId: string; months: number };

export type SyntheticContent = {
	framework: Framework;
	modules: SyntheticModule[];
	scenarios: SyntheticScenario[];
	required: Map<string, RoleRequirement[]>;
	tasks: Map<string, RoleTask[]>;
	/** The learner evaluation surveys (null: none, so no answers are seeded). */
	surveys: SurveyDefinitions | null;
};

function answerSets(module: ModuleDefinition): { pass: GradedAnswers; fail: GradedAnswers } {
	const right = correctAnswers(module.quiz);
	// A realistic pass gets one question wrong where the pass mark allows it; a fail gets three wrong.
	const wrongOn = (n: number): Answers => {
		const answers: Answers = { ...right };
		module.quiz.questions.slice(0, n).forEach((q) => {
			const wrong = q.options.find((o) => !o.correct);
			if (wrong) answers[q.id] = [wrong.id];
		});
		return answers;
	};
	const graded = (answers: Answers): GradedAnswers => {
		const r = grade(module.quiz, answers, module.meta.passMark);
		return { json: JSON.stringify(answers), correct: r.correct, total: r.total, score: r.score, passed: r.passed };
	};
	const oneWrong = graded(wrongOn(1));
	const pass = oneWrong.passed ? oneWrong : graded(right);
	const fail = graded(wrongOn(3));
	if (!pass.passed || fail.passed) throw new Error(`Module ${module.slug}: could not build passing and failing answer sets`);
	return { pass, fail };
}

/** Plays events through the pure engine, each decision 20 seconds after the last (well inside any deadline). */
export function play(def: ScenarioDefinition, events: readonly string[]): PlayedRun {
	let snapshot: unknown = startRun(def).snapshot;
	const steps: StepRecord[] = [];
	const t0 = Date.UTC(2020, 0, 1, 9);
	events.forEach((event, step) => {
		const result = applyChoice(def, snapshot, {
			event,
			step,
			expectedStep: step,
			shownAt: new Date(t0 + step * 20_000),
			now: new Date(t0 + (step + 1) * 20_000)
		});
		if (!result.ok) throw new Error(`Scenario ${def.slug}: "${event}" at step ${step} was refused (${result.reason})`);
		snapshot = result.snapshot;
		steps.push(result.record);
	});
	const summary = summariseRun(def, steps);
	if (!summary.finalStateId) throw new Error(`Scenario ${def.slug}: the path does not end in a final state`);
	return {
		snapshot: JSON.stringify(snapshot),
		steps,
		score: summary.score,
		outcome: summary.outcome,
		passed: summary.passed,
		flags: JSON.stringify(summary.flags.map((f) => f.id))
	};
}

/** The shortest failing path a learner can choose (no hesitations), if the scenario has one. */
function failingPath(def: ScenarioDefinition): string[] | null {
	const candidates = explorePaths(def)
		.complete.filter((p) => p.steps.every((s) => def.stateById.get(s.from)?.choices.some((c) => c.event === s.event)))
		.map((p) => p.steps.map((s) => s.event))
		.sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
	for (const events of candidates) if (!play(def, events).passed) return events;
	return null;
}

export function prepareContent(content: {
	framework: Framework;
	modules: readonly ModuleDefinition[];
	scenarios: readonly { def: ScenarioDefinition; analysis: ScenarioAnalysis }[];
	surveys?: SurveyDefinitions | null;
}): SyntheticContent {
	const { framework } = content;
	const modules = content.modules.map((m) => ({
		slug: m.slug,
		version: m.meta.version,
		audience: new Set<string>(m.meta.audience),
		competencies: competenciesSupportedBy(framework, { module: m.slug }).map((c) => c.id),
		...answerSets(m)
	}));
	const scenarios = content.scenarios.map(({ def, analysis }) => {
		const fail = failingPath(def);
		const pass = play(def, analysis.bestPath);
		if (!pass.passed) throw new Error(`Scenario ${def.slug}: the best path does not pass`);
		return {
			slug: def.slug,
			version: def.meta.version,
			audience: new Set<string>(def.meta.audience),
			competencies: competenciesSupportedBy(framework, { scenario: def.slug }).map((c) => c.id),
			pass,
			fail: fail ? play(def, fail) : null,
			bestPath: [...analysis.bestPath],
			def
		};
	});
	const required = new Map<string, RoleRequirement[]>(JOB_ROLE_IDS.map((role) => [role, requiredFor(framework, role)]));
	const tasks = new Map<string, RoleTask[]>(JOB_ROLE_IDS.map((role) => [role, roleTasks(role, required.get(role)!, modules, scenarios)]));
	return { framework, modules, scenarios, required, tasks, surveys: content.surveys ?? null };
}

/** What a role does and how often: the shortest refresher period among the competencies each task serves. */
function roleTasks(role: JobRoleId, required: RoleRequirement[], modules: SyntheticModule[], scenarios: SyntheticScenario[]): RoleTask[] {
	const monthsFor = (match: (r: RoleRequirement['requirements'][number]) => boolean) => {
		const months = required.filter((c) => c.requirements.some(match)).map((c) => c.months);
		return months.length ? Math.min(...months) : null;
	};
	const tasks: RoleTask[] = [];
	modules.forEach((m, index) => {
		if (m.audience.has(role)) tasks.push({ kind: 'module', index, months: monthsFor((r) => r.kind === 'module' && r.module === m.slug) });
	});
	scenarios.forEach((s, index) => {
		if (!s.audience.has(role)) return;
		const months = monthsFor((r) => r.kind === 'scenario' && r.scenarios.includes(s.slug));
		tasks.push({ kind: 'scenario', index, months, required: months !== null });
	});
	for (const c of required)
		if (c.requirements.some((r) => r.kind === 'observed')) tasks.push({ kind: 'observed', competencyId: c.competency.id, months: c.months });
	return tasks;
}
