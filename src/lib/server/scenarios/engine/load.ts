/**
 * Turns a scenario's three files into a typed ScenarioDefinition. Pure: the caller passes the imported
 * machine module, the briefing text, the endings text and the scenario vocabulary, so the SvelteKit app can
 * use import.meta.glob and scripts can use fs (both through src/lib/server/content/).
 *
 * It throws ScenarioLoadError (listing every problem) when the files cannot be read as a scenario at all:
 * bad frontmatter, no machine, meta or endings of the wrong type or with unknown keys, endings that do not
 * match the final states one to one. Gaps in otherwise well-formed content (a missing debrief, a single
 * choice) load as empty values and are reported by analyse().
 */
import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { ENDINGS_FILE, loadIssue, ScenarioLoadError, type ScenarioLoadIssue } from './errors';
import { matchEndings, readEndings, type Endings } from './endings';
import { FrontmatterError, splitFrontmatter } from '../../content/markdown';
import { decisionMetaSchema, describeZodIssues, transitionMetaSchema, vocabularySchemas, type ScenarioFrontmatter, type VocabularySchemas } from './schema';
import type { ScenarioDefinition, ScenarioState, ScenarioTransition } from './types';
import type { ScenarioVocabulary } from './vocabulary';

/** Events xstate creates for itself (`after`, `invoke`); analyse() reports the features that create them. */
const INTERNAL_EVENT_PREFIX = 'xstate.';

export function loadScenario(
	slug: string,
	machineModule: unknown,
	briefingSource: string,
	endingsSource: string,
	vocabulary: ScenarioVocabulary
): ScenarioDefinition {
	const issues: ScenarioLoadIssue[] = [];
	const schemas = vocabularySchemas(vocabulary);
	const briefing = readBriefing(slug, briefingSource, schemas, issues);
	const machine = readMachineExport(slug, machineModule, issues);
	// The endings are read first (the final states take their words from them), but reported after the machine.
	const endingIssues: ScenarioLoadIssue[] = [];
	const endings = readEndings(slug, endingsSource, schemas.ending, endingIssues);
	const states = machine ? machine.root.states : {};
	if (machine && endings) matchEndings(slug, states, endings, endingIssues);
	const normalised = Object.entries(states).map(([id, node]) => describeState(slug, id, node, endings, issues));
	issues.push(...endingIssues);

	if (issues.length > 0 || !briefing || !machine) {
		throw new ScenarioLoadError(slug, issues);
	}
	return {
		slug,
		meta: briefing.meta,
		vocabulary,
		briefingMarkdown: briefing.body,
		machine,
		initial: topLevelKey(machine, machine.root.initial.target[0]) ?? '',
		states: normalised,
		stateById: new Map(normalised.map((state) => [state.id, state]))
	};
}

function readBriefing(
	slug: string,
	source: string,
	schemas: VocabularySchemas,
	issues: ScenarioLoadIssue[]
): { meta: ScenarioFrontmatter; body: string } | undefined {
	let split;
	try {
		split = splitFrontmatter(source);
	} catch (error) {
		if (!(error instanceof FrontmatterError)) throw error;
		issues.push(loadIssue(slug, undefined, 'briefing.md', error.message));
		return undefined;
	}
	const parsed = schemas.frontmatter.safeParse(split.data);
	if (!parsed.success) {
		for (const { field, message } of describeZodIssues(parsed.error, 'frontmatter')) {
			issues.push(loadIssue(slug, undefined, field, message));
		}
		return undefined;
	}
	return { meta: parsed.data, body: split.body };
}

function readMachineExport(slug: string, machineModule: unknown, issues: ScenarioLoadIssue[]): AnyStateMachine | undefined {
	const candidate = isRecord(machineModule) ? machineModule.machine : undefined;
	if (!looksLikeStateMachine(candidate)) {
		issues.push(loadIssue(slug, undefined, 'machine.ts', 'must export `machine`, made with setup({}).createMachine({ … }) from xstate'));
		return undefined;
	}
	return candidate;
}

/**
 * Duck-typed rather than `instanceof`: the content module and the engine may end up with different copies
 * of xstate (ESM and CJS builds), and only the shape matters here.
 */
function looksLikeStateMachine(value: unknown): value is AnyStateMachine {
	if (!isRecord(value) || typeof value.transition !== 'function') return false;
	if (typeof value.getPersistedSnapshot !== 'function' || !isRecord(value.root)) return false;
	return isRecord(value.root.states) && value.root.transitions instanceof Map;
}

function describeState(slug: string, id: string, node: AnyStateNode, endings: Endings | undefined, issues: ScenarioLoadIssue[]): ScenarioState {
	const transitions = describeTransitions(slug, id, node, issues);
	if (node.type === 'final') {
		// One home for an ending's words: a final state's meta in machine.ts would be a second.
		if (node.meta !== undefined) issues.push(loadIssue(slug, id, 'meta', `a final state's words belong in ${ENDINGS_FILE}, under "${id}", not in machine.ts`));
		const meta = endings?.get(id) ?? {};
		const final = {
			outcome: meta.outcome ?? null,
			title: meta.title ?? '',
			narrative: meta.narrative ?? '',
			debrief: meta.debrief ?? '',
			learnMore: meta.learnMore ?? []
		};
		return {
			id,
			kind: 'final',
			narrative: final.narrative,
			choices: [],
			deadlineSeconds: null,
			hesitate: null,
			transitions,
			final
		};
	}
	const parsed = decisionMetaSchema.safeParse(node.meta ?? {});
	if (!parsed.success) reportMeta(slug, id, 'meta', parsed.error, issues);
	const meta = parsed.success ? parsed.data : {};
	return {
		id,
		kind: 'decision',
		narrative: meta.narrative ?? '',
		choices: meta.choices ?? [],
		deadlineSeconds: meta.deadlineSeconds ?? null,
		hesitate: meta.hesitate ?? null,
		transitions,
		final: null
	};
}

function describeTransitions(slug: string, stateId: string, node: AnyStateNode, issues: ScenarioLoadIssue[]): ScenarioTransition[] {
	const out: ScenarioTransition[] = [];
	for (const [event, definitions] of node.transitions) {
		if (event.startsWith(INTERNAL_EVENT_PREFIX)) continue;
		// Guarded alternatives are reported by analyse(); the first one is what an unguarded machine would take.
		const definition: AnyTransitionDefinition | undefined = definitions[0];
		if (!definition) continue;
		const parsed = transitionMetaSchema.safeParse(definition.meta ?? {});
		if (!parsed.success) reportMeta(slug, stateId, `on.${event}.meta`, parsed.error, issues);
		const meta = parsed.success ? parsed.data : {};
		out.push({
			event,
			target: topLevelKey(node.machine, definition.target?.[0]) ?? stateId,
			feedback: meta.feedback ?? '',
			score: meta.score ?? null,
			flags: meta.flags ?? []
		});
	}
	return out;
}

function reportMeta(slug: string, stateId: string, prefix: string, error: Parameters<typeof describeZodIssues>[0], issues: ScenarioLoadIssue[]): void {
	for (const { field, message } of describeZodIssues(error, prefix)) {
		issues.push(loadIssue(slug, stateId, field, message));
	}
}

/** The id of the top-level state containing `node` (itself, in a flat machine). */
function topLevelKey(machine: AnyStateMachine, node: AnyStateNode | undefined): string | undefined {
	let current = node;
	while (current?.parent && current.parent !== machine.root) current = current.parent;
	return current?.parent === machine.root ? current.key : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}
