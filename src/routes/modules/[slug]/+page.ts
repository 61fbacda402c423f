import type { Component } from 'svelte';
import type { PageLoad } from './$types';

// The Markdown is compiled by mdsvex into one component per module, loaded on demand.
const contents = import.meta.glob<{ default: Component }>('/content/modules/*.md');

export const load: PageLoad = async ({ data }) => {
	const content = (await contents[data.module.path]()).default;
	return { ...data, content };
};
