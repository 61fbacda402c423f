import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { announcerStyleHash } from './src/lib/build/announcer-style-hash.js';
import { rehypeModuleSections } from './src/lib/markdown/rehype-module-sections.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [
		vitePreprocess(),
		mdsvex({
			extensions: ['.md'],
			rehypePlugins: [rehypeModuleSections],
			// The server reads and validates the frontmatter itself (src/lib/server/content/); left to
			// mdsvex it would be compiled into every module's client chunk, where nothing uses it.
			frontmatter: { marker: '-', type: 'yaml', parse: () => ({}) }
		})
	],
	vitePlugin: {
		// Runes for our own components; mdsvex output still uses $$props, so .md files keep legacy mode.
		dynamicCompileOptions({ filename }) {
			if (!filename.includes('node_modules') && !filename.endsWith('.md')) return { runes: true };
		}
	},
	kit: {
		adapter: adapter(),
		// Test fixtures live beside the tests (tests/support), outside the app tree; unit tests import them as $testing.
		alias: { $testing: 'tests/support' },
		// The cross-site form check is done by src/lib/server/forms/origin-check.ts (first in hooks.server.ts), the same
		// check with one exception: the one-click unsubscribe post that mail providers make (RFC 8058).
		csrf: { trustedOrigins: ['*'] },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-hashes', announcerStyleHash()],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
