import type { Component } from 'svelte';
import type { PageLoad } from './$types';

// The print view shows the Markdown without its forms (printing context), so it renders the module's component.
const contents = import.meta.glob<{ default: Component }>('/content/modules/*.md');

export const load: PageLoad = async ({ data }) => ({ ...data, content: (await contents[data.module.path]()).default });
