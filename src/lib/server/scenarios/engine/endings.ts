/**
 * A scenario's endings.yaml: the words of each final state (its outcome, title, narrative, debrief and learnMore
 * links), keyed by the state's id. machine.ts only declares the final states and the transitions to them; the prose
 * lives here as data, so long text needs no escaping in TypeScript strings.
 *
 * Checked here: the file reads as YAML, each entry has the shape of an ending with an outcome from the vocabulary,
 * and the entries and the machine's final states match one to one. Gaps inside an entry (an empty debrief, no
 * links) are left to analyse(), with the rest of a scenario's gaps; links are checked against the modules' sections
 * by analyse() too, given the content index's modules.
 */
import type { AnyStateNode } from 'xstate';
import { isMap, isScalar, parseDocument } from 'yaml';
import { ENDINGS_FILE, endingIssue, loadIssue, type ScenarioLoadIssue } from './errors';
import { describeZodIssue, type Ending, type VocabularySchemas } from './schema';

/** Final state id → its ending, in the order the file gives them. */
export type Endings = ReadonlyMap<string, Ending>;

/**
 * Reads endings.yaml; every problem found becomes an issue. An entry of the wrong shape is kept as an empty ending,
 * so that matching it against the final states still knows it is there. Undefined when the file cannot be read
 * as endings at all (missing, not YAML, not a mapping).
 */
export function readEndings(slug: string, source: string, schema: VocabularySchemas['ending'], issues: ScenarioLoadIssue[]): Endings | undefined {
	if (source.trim() === '') {
		issues.push(loadIssue(slug, undefined, ENDINGS_FILE, 'is missing or empty: give each final state of machine.ts its ending there, keyed by its id'));
		return undefined;
	}
	const document = parseDocument(source, { uniqueKeys: false });
	const [syntax] = document.errors;
	if (syntax) {
		issues.push(loadIssue(slug, undefined, ENDINGS_FILE, `is not valid YAML: ${syntax.message}`));
		return undefined;
	}
	const data: unknown = document.toJS();
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		issues.push(loadIssue(slug, undefined, ENDINGS_FILE, 'must map each final state id to its ending (outcome, title, narrative, debrief, learnMore)'));
		return undefined;
	}
	for (const id of repeatedKeys(document.contents)) {
		issues.push(endingIssue(slug, id, undefined, 'has more than one entry; each final state has exactly one'));
	}
	const endings = new Map<string, Ending>();
	for (const [id, entry] of Object.entries(data)) {
		const parsed = schema.safeParse(entry);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const { field, message } = describeZodIssue(issue);
				issues.push(endingIssue(slug, id, issue.path.length === 0 ? undefined : field, message));
			}
		}
		endings.set(id, parsed.success ? parsed.data : {});
	}
	return endings;
}

/** Every final state has exactly one entry, and every entry is a final state's. */
export function matchEndings(slug: string, states: Readonly<Record<string, AnyStateNode>>, endings: Endings, issues: ScenarioLoadIssue[]): void {
	const finals = Object.keys(states).filter((id) => states[id]?.type === 'final');
	for (const id of finals) {
		if (!endings.has(id)) issues.push(endingIssue(slug, id, undefined, `has no entry, but machine.ts declares "${id}" as a final state`));
	}
	for (const id of endings.keys()) {
		if (!Object.hasOwn(states, id)) {
			issues.push(endingIssue(slug, id, undefined, `names no state of machine.ts (its final states: ${finals.join(', ') || 'none'})`));
		} else if (states[id]?.type !== 'final') {
			issues.push(endingIssue(slug, id, undefined, 'names a decision state of machine.ts; only final states have endings'));
		}
	}
}

/** Keys given more than once at the top of the file (parsed with uniqueKeys off, so each is reported by name). */
function repeatedKeys(contents: unknown): string[] {
	if (!isMap(contents)) return [];
	const seen = new Set<string>();
	const repeated = new Set<string>();
	for (const { key } of contents.items) {
		const id = String(isScalar(key) ? key.value : key);
		if (seen.has(id)) repeated.add(id);
		seen.add(id);
	}
	return [...repeated];
}
