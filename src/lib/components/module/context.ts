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

export function getModulePage(): ModulePageContext {
	return getContext<ModulePageContext | undefined>(KEY) ?? { reflections: {}, savedReflection: null, printing: true };
}
