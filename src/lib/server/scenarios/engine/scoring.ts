/** Scoring and the pass rule, shared by analyse() (for every possible path) and summariseRun() (for a real run). */
import type { PassCriteria } from './schema';
import { SEVERITY_RANK, type RiskFlag, type ScenarioVocabulary } from './vocabulary';

export interface RunResult {
	/** null when the run has not reached a final state. */
	readonly outcome: string | null;
	readonly score: number;
	readonly flagIds: readonly string[];
}

export interface PassVerdict {
	readonly passed: boolean;
	/** Plain-English reasons the run did not pass; empty when it passed. */
	readonly reasons: readonly string[];
}

/** Known flags, each once, most severe first (first raised first within a severity). */
export function describeFlags(flagIds: Iterable<string>, vocabulary: ScenarioVocabulary): RiskFlag[] {
	const seen = new Map<string, RiskFlag>();
	for (const id of flagIds) {
		const flag = vocabulary.riskFlag(id);
		if (flag && !seen.has(id)) seen.set(id, flag);
	}
	return [...seen.values()].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

export function evaluatePass(pass: PassCriteria, result: RunResult, vocabulary: ScenarioVocabulary): PassVerdict {
	const reasons: string[] = [];
	if (result.outcome === null) {
		reasons.push('The scenario has not reached an end yet.');
	} else if (!pass.outcomes.includes(result.outcome)) {
		const wanted = pass.outcomes.map((outcome) => `"${vocabulary.outcomeLabel(outcome)}"`).join(' or ');
		reasons.push(`It ended in "${vocabulary.outcomeLabel(result.outcome)}"; a pass needs ${wanted}.`);
	}
	if (result.score < pass.minScore) {
		reasons.push(`It scored ${result.score}; a pass needs at least ${pass.minScore}.`);
	}
	if (pass.noCriticalFlags) {
		const critical = describeFlags(result.flagIds, vocabulary).filter((flag) => flag.severity === 'critical');
		if (critical.length > 0) {
			const labels = critical.map((flag) => flag.label).join('; ');
			reasons.push(`${critical.length === 1 ? 'A critical risk was' : 'Critical risks were'} raised: ${labels}.`);
		}
	}
	return { passed: reasons.length === 0, reasons };
}
