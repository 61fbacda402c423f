/**
 * The /insights pages' data: the filter choices within the viewer's scope, and each page's figures. Routes call
 * these after `requireInsights`; out-of-scope filter values simply match nothing (the scope is always applied).
 */
import { createHash } from 'node:crypto';
import type { PeopleScope } from '../access/policy';
import { allModules, allScenarios, findModule, findScenario } from '../content';
import type { Db } from '../db';
import { cachedRead } from '../db/read-cache';
import { listUnits } from '../people/organisations';
import { ROUND_TO, SUPPRESS_UP_TO } from '../reporting/disclosure';
import type { ScenarioDefinition } from '../scenarios/engine';
import { drawScenarioDiagram, edgeKey } from '../scenarios/presentation/diagram';
import { filterQuery, readInsightFilters, readModuleVersion, type InsightFilters } from './filters';
import { analyseQuestions, answersById } from './question-analysis';
import { percent, scenarioChoices } from './scenario-choices';
import { answerRows, answerVersions, choiceRows, runRows } from './store';

type Scope = Exclude<PeopleScope, { kind: 'self' }>;

export const DISCLOSURE = { suppressUpTo: SUPPRESS_UP_TO, roundTo: ROUND_TO };

/**
 * Organisations and units the viewer may filter by: those of their scope, each organisation with its units (the list
 * the filter form shows, grouped so that it reads without JavaScript). The same for every request of a scope between
 * two writes, so kept until the next one.
 */
export function filterChoices(db: Db, scope: Scope): FilterChoices {
	return cachedRead(db, `insights:filter-choices:${JSON.stringify(scope)}`, () => {
		const units = cachedRead(db, 'units', () => listUnits(db)).filter(
			(u) => scope.kind === 'all' || scope.organisationIds.includes(u.organisationId) || scope.unitIds.includes(u.id)
		);
		const organisations = new Map<number, FilterChoices['organisations'][number]>();
		for (const u of units) {
			const organisation = organisations.get(u.organisationId) ?? { id: u.organisationId, name: u.organisationName, units: [] };
			organisation.units.push({ id: u.id, name: u.name });
			organisations.set(u.organisationId, organisation);
		}
		return { organisations: [...organisations.values()] };
	});
}

export type FilterChoices = { organisations: { id: number; name: string; units: { id: number; name: string }[] }[] };

export function scenarioList() {
	return allScenarios().map((s) => ({ slug: s.slug, title: s.meta.title, version: s.meta.version }));
}

export function moduleList() {
	return allModules().map((m) => ({ slug: m.slug, title: m.meta.title, version: m.meta.version, questions: m.quiz.questions.length }));
}

/**
 * One scenario's figures and its weighted map, drawn, for the filters and scope given. They depend only on the summed
 * counts, so they are kept with them until the next write (db/read-cache.ts): the page and its map (an image of its
 * own, `scenarioMap`) read the same entry, and drawing the map was most of the page's cost per request.
 */
function scenarioFigures(db: Db, scope: Scope, def: ScenarioDefinition, filters: InsightFilters) {
	const slug = def.slug;
	const version = def.meta.version;
	return cachedRead(db, `insights:scenario-page:${JSON.stringify([slug, version, scope, filters])}`, () => {
		const view = scenarioChoices(def, choiceRows(db, slug, version, scope, filters), runRows(db, slug, version, scope, filters));
		const weights = new Map(
			view.edges.map((e) => {
				const p = percent(e.share);
				return [edgeKey(e.from, e.to), { share: e.share.suppressed ? null : e.share.share, label: p === null ? 'withheld' : `${p}%` }];
			})
		);
		const map = drawScenarioDiagram(def, { weights, idPrefix: `insight-${slug}` });
		return { view, map: { ...map, etag: `"${createHash('sha256').update(map.svg).digest('base64url').slice(0, 27)}"` } };
	});
}

/**
 * One scenario's choices and pass rates, and where to find its weighted map, or undefined for a scenario that does
 * not exist. The map is an image of its own (`scenarioMap`, at `map.src`), kept by the browser until the figures
 * change: the page sends its size and its text alternative, not its drawing.
 */
export function scenarioInsight(db: Db, scope: Scope, slug: string, url: URL) {
	const def = findScenario(slug);
	if (!def) return undefined;
	const filters = readInsightFilters(url);
	const query = filterQuery(filters);
	const { view, map } = scenarioFigures(db, scope, def, filters);
	return {
		scenario: { slug, title: def.meta.title, version: def.meta.version },
		filters,
		query,
		view,
		map: { src: `/insights/scenarios/${slug}/map.svg${query}`, width: map.width, height: map.height, alt: `${map.title}, weighted by use. ${map.description}` }
	};
}

/**
 * The weighted map of one scenario as an SVG document, with the same scope, filters and disclosure control as the
 * page (the same cached figures), and an ETag that changes when the drawing does; undefined for no such scenario.
 */
export function scenarioMap(db: Db, scope: Scope, slug: string, url: URL) {
	const def = findScenario(slug);
	if (!def) return undefined;
	const { map } = scenarioFigures(db, scope, def, readInsightFilters(url));
	return { svg: map.svg, etag: map.etag };
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
