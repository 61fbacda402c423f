/**
 * The scenario engine: loading, checking and stepping scenarios. Pure: no database, no file system, no
 * SvelteKit. Everything outside this folder imports the engine from here; content/ feeds it files, the
 * runs store keeps its snapshots and presentation/ turns its results into pages.
 */
export { analyse, MIN_DECISIONS_ON_BEST_PATH, MIN_DISTINCT_OUTCOMES, scorePath } from './analyse';
export type { AnalyseOptions, ScenarioAnalysis, ScoredPath } from './analyse';
export { ENDINGS_FILE, ScenarioLoadError } from './errors';
export type { ScenarioError, ScenarioLoadIssue } from './errors';
export { loadScenario } from './load';
export { explorePaths, offeredTransitions } from './paths';
export type { PathExploration, PathStep, ScenarioPath } from './paths';
export { applyChoice, currentView, isLate, REJECTION_MESSAGES, RunSnapshotError, startRun, statePathOfRun, summariseRun } from './run';
export type { ChoiceInput, ChoiceRejection, ChoiceResult, PersistedRunSnapshot, RunStart, RunSummary, RunView, StepRecord } from './run';
export { deadlineAt, effectiveDeadline, isTimeLimit, TIME_LIMIT_LABELS, TIME_LIMIT_SHORT, TIME_LIMITS } from './timing';
export type { TimeLimit } from './timing';
export type { Ending, LearnMoreLink, PassCriteria, ScenarioFrontmatter, ScenarioSource } from './schema';
export { describeFlags, evaluatePass } from './scoring';
export type { PassVerdict, RunResult } from './scoring';
export type * from './types';
export { parseScenarioVocabulary, RISK_SEVERITIES, ScenarioVocabulary, SEVERITY_RANK, VocabularyError } from './vocabulary';
export type { Outcome, RiskFlag, RiskSeverity, ScenarioVocabularyData } from './vocabulary';
