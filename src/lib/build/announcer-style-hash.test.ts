import { describe, expect, it } from 'vitest';
import { announcerStyleHash } from './announcer-style-hash.js';
import config from '../../../svelte.config.js';

describe('the CSP hash for the route announcer', () => {
	it("is the hash of the installed SvelteKit announcer's style, and the only inline style the policy allows", () => {
		// A kit upgrade that changes the style
		// changes the hash with it; the end-to-end console check (tests/fixtures.ts) shows whether the browser agrees.
		expect(announcerStyleHash()).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
		const styleSrc = config.kit?.csp?.directives?.['style-src'];
		expect(styleSrc).toEqual(['self', 'unsafe-hashes', announcerStyleHash()]);
		expect(styleSrc).not.toContain('unsafe-inline');
	});
});
