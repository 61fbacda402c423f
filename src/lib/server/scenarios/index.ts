/** Public API of the scenario engine. Server-only and free of SvelteKit and the database. */
export { analyse, MIN_DECISIONS_ON_BEST_PATH, MIN_DISTINCT_OUTCOMES } from './analyse';
export type { AnalyseOptions, ScenarioAnalysis } from './analyse';
export { renderScenarioDiagram } from './diagram';
export type { DiagramOptions } from './diagram';
export { ScenarioLoadError } from './errors';
export type { ScenarioError, ScenarioLoadIssue } from './errors';
export { getRiskFlag, isRiskFlagId, RISK_FLAGS } from './flags';
export type { RiskFlag, RiskFlagId, RiskSeverity } from './flags';
export { loadScenario } from './load';
export { buildModuleIndex, slugifyHeading } from './module-index';
export type { ModuleFile, ModuleIndex } from './module-index';
export { OUTCOME_IDS, OUTCOME_LABELS } from './outcomes';
export type { OutcomeId } from './outcomes';
export { applyChoice, currentView, isLate, RunSnapshotError, startRun, statePathOfRun, summariseRun } from './run';
export type { ChoiceInput, ChoiceResult, PersistedRunSnapshot, RunStart, RunSummary, RunView, StepRecord } from './run';
export type { ScenarioFrontmatter } from './schema';
export type * from './types';
