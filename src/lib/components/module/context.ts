import { getContext, setContext } from 'svelte';

/** What the Markdown components need from the module page they sit in. */
export type ModulePageContext = {
	readonly reflections: Record<string, string>;
	readonly savedReflection: string | null;
	readonly printing: boolean;
};

const KEY = Symbol('module-page');

export function setModulePage(context: ModulePageContext) {
	setContext(KEY, context);
}

/** The same context for a module's Markdown rendered on its own (svelte/server `render`), outside any page. */
export function modulePageContextMap(context: ModulePageContext): Map<unknown, unknown> {
	return new Map([[KEY, context]]);
}

export function getModulePage(): ModulePageContext {
	return getContext<ModulePageContext | undefined>(KEY) ?? { reflections: {}, savedReflection: null, printing: true };
}
