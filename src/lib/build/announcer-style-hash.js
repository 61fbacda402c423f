import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// SvelteKit's route announcer (a visually hidden live region it adds after the first navigation) carries a fixed
// inline style attribute. Our CSP allows no inline style, so the browser blocked it on every page and the announcer
// showed as plain text. CSP can allow exactly that attribute by its hash ('unsafe-hashes' + the hash, which covers
// only this one string, unlike 'unsafe-inline'). Read from the installed kit so an upgrade that changes it follows.
/** @returns {`sha256-${string}`} */
export function announcerStyleHash() {
	const require = createRequire(import.meta.url);
	const root = readFileSync(join(dirname(require.resolve('@sveltejs/kit/package.json')), 'src/core/sync/write_root.js'), 'utf8');
	const styles = [...root.matchAll(/id="svelte-announcer"[^>]*\sstyle="([^"]+)"/g)].map((m) => m[1]);
	if (styles.length !== 1) throw new Error(`Expected one inline style on SvelteKit's route announcer, found ${styles.length}: see ${import.meta.url}`);
	return `sha256-${createHash('sha256').update(styles[0]).digest('base64')}`;
}
