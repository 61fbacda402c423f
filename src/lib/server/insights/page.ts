/**
 * The /insights pages' data: the filter choices within the viewer's scope, and each page's figures. Routes call
 * these after `requireInsights`; out-of-scope filter values simply match nothing (the scope is always applied).
 */
import type { PeopleScope } from '../access/policy';
import { allModules, allScenarios, findModule, findScenario } from '../content';
import type { Db } from '../db';
import { cachedRead } from '../db/read-cache';
import { listUnits } from '../people/organisations';
import { ROUND_TO, SUPPRESS_UP_TO } from '../reporting/disclosure';
import { edgeKey, renderScenarioDiagram } from '../scenarios/presentation/diagram';
import { filterQuery, readInsightFilters, readModuleVersion, type InsightFilters } from './filters';
import { analyseQuestions, answersById } from './question-analysis';
import { percent, scenarioChoices } from './scenario-choices';
import { answerRows, answerVersions, choiceRows, runRows } from './store';

type Scope = Exclude<PeopleScope, { kind: 'self' }>;

export const DISCLOSURE = { suppressUpTo: SUPPRESS_UP_TO, roundTo: ROUND_TO };

/** Organisations and units the viewer may filter by: those of their scope. */
export function filterChoices(db: Db, scope: Scope) {
	const units = cachedRead(db, 'units', () => listUnits(db)).filter(
		(u) => scope.kind === 'all' || scope.organisationIds.includes(u.organisationId) || scope.unitIds.includes(u.id)
	);
	const organisations = [...new Map(units.map((u) => [u.organisationId, { id: u.organisationId, name: u.organisationName }])).values()];
	return { organisations, units: units.map((u) => ({ id: u.id, name: u.name, organisationId: u.organisationId, organisationName: u.organisationName })) };
}

export function scenarioList() {
	return allScenarios().map((s) => ({ slug: s.slug, title: s.meta.title, version: s.meta.version }));
}

export function moduleList() {
	return allModules().map((m) => ({ slug: m.slug, title: m.meta.title, version: m.meta.version, questions: m.quiz.questions.length }));
}

/**
 * One scenario's choices, pass rates and weighted map, or undefined for a scenario that does not exist. The figures
 * and the drawn map depend only on the summed counts, so they are kept with them until the next write
 * (db/read-cache.ts): drawing the weighted map was most of the page's cost per request.
 */
export function scenarioInsight(db: Db, scope: Scope, slug: string, url: URL) {
	const def = findScenario(slug);
	if (!def) return undefined;
	const filters = readInsightFilters(url);
	const version = def.meta.version;
	const { view, diagram } = cachedRead(db, `insights:scenario-page:${JSON.stringify([slug, version, scope, filters])}`, () => {
		const view = scenarioChoices(def, choiceRows(db, slug, version, scope, filters), runRows(db, slug, version, scope, filters));
		const weights = new Map(
			view.edges.map((e) => {
				const p = percent(e.share);
				return [edgeKey(e.from, e.to), { share: e.share.suppressed ? null : e.share.share, label: p === null ? 'withheld' : `${p}%` }];
			})
		);
		return { view, diagram: renderScenarioDiagram(def, { weights, idPrefix: `insight-${slug}` }) };
	});
	return { scenario: { slug, title: def.meta.title, version }, filters, query: filterQuery(filters), view, diagram };
}

export type ScenarioInsight = NonNullable<ReturnType<typeof scenarioInsight>>;

/**
 * One module's question analysis at the version the URL chooses (the current one by default), or undefined for a
 * module that does not exist. The content holds only the current version's quiz: an earlier version is shown by
 * question and option id (`unknown`), since its questions and marked answers are no longer known.
 */
export function questionInsight(db: Db, scope: Scope, slug: string, url: URL) {
	const module = findModule(slug);
	if (!module) return undefined;
	const filters: InsightFilters = { ...readInsightFilters(url), from: undefined, to: undefined, runs: 'all' };
	const versions = readModuleVersion(url, module.meta.version, answerVersions(db, slug));
	const rows = answerRows(db, slug, versions.selected, scope, filters);
	const known = versions.selected === module.meta.version;
	return {
		module: { slug, title: module.meta.title, version: module.meta.version },
		filters,
		versions,
		analysis: known ? analyseQuestions(module.quiz, rows) : null,
		unknown: known ? null : answersById(rows)
	};
}

export type QuestionInsight = NonNullable<ReturnType<typeof questionInsight>>;
