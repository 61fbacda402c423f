import { parseModules, type ModuleDefinition } from './parse';

// Bundled at build time; parsed and validated once when the server starts, never per request.
const files = import.meta.glob<string>(['/content/modules/*.md', '/content/modules/*.quiz.yaml'], { query: '?raw', import: 'default', eager: true });

const modules: ModuleDefinition[] = parseModules(files);
const bySlug = new Map(modules.map((m) => [m.slug, m]));

export function allModules(): readonly ModuleDefinition[] {
	return modules;
}

export function findModule(slug: string): ModuleDefinition | undefined {
	return bySlug.get(slug);
}

export function modulesForRole(jobRole: string): ModuleDefinition[] {
	return modules.filter((m) => (m.meta.audience as readonly string[]).includes(jobRole));
}
