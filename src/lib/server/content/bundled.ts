/**
 * The content files as the app has them: bundled by Vite at build time (import.meta.glob), so the built
 * server needs no content folder. The only place the app globs content/; index.ts checks what it finds.
 * (The module pages also glob the .md files, as compiled components to render: src/routes/modules/[slug]/+page.ts.)
 */
import type { ContentFiles, ScenarioFiles } from './build';

// Vite needs each call's arguments written out literally.
const modules = import.meta.glob<string>(['/content/modules/*.md', '/content/modules/*.quiz.yaml'], { query: '?raw', import: 'default', eager: true });
const machines = import.meta.glob('/content/scenarios/*/machine.ts', { eager: true });
const briefings = import.meta.glob<string>('/content/scenarios/*/briefing.md', { query: '?raw', import: 'default', eager: true });
const endings = import.meta.glob<string>('/content/scenarios/*/endings.yaml', { query: '?raw', import: 'default', eager: true });
const competencies = import.meta.glob<string>('/content/competencies.yaml', { query: '?raw', import: 'default', eager: true })['/content/competencies.yaml'];
const vocabulary = import.meta.glob<string>('/content/scenario-vocabulary.yaml', { query: '?raw', import: 'default', eager: true })[
	'/content/scenario-vocabulary.yaml'
];
const inductionPlans = import.meta.glob<string>('/content/induction-plans.yaml', { query: '?raw', import: 'default', eager: true })[
	'/content/induction-plans.yaml'
];

const surveys = import.meta.glob<string>('/content/surveys.yaml', { query: '?raw', import: 'default', eager: true })['/content/surveys.yaml'];

/** `/content/scenarios/<slug>/<file>` → `<slug>`. */
function slugOf(path: string): string {
	return path.split('/').at(-2) ?? path;
}

function scenarioFiles(): ScenarioFiles[] {
	const machineBySlug = new Map(Object.entries(machines).map(([path, module]) => [slugOf(path), module]));
	const briefingBySlug = new Map(Object.entries(briefings).map(([path, text]) => [slugOf(path), text]));
	const endingsBySlug = new Map(Object.entries(endings).map(([path, text]) => [slugOf(path), text]));
	const slugs = [...new Set([...machineBySlug.keys(), ...briefingBySlug.keys(), ...endingsBySlug.keys()])].sort();
	return slugs.map((slug) => ({ slug, machine: machineBySlug.get(slug), briefing: briefingBySlug.get(slug) ?? '', endings: endingsBySlug.get(slug) ?? '' }));
}

export const bundledFiles: ContentFiles = {
	modules,
	scenarios: scenarioFiles(),
	competencies: competencies ?? '',
	vocabulary: vocabulary ?? '',
	inductionPlans: inductionPlans ?? '',
	surveys: surveys ?? ''
};
