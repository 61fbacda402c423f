import { describe, expect, it } from 'vitest';
import { transport } from '../hooks';
import { KEPT_HTML_PLACEHOLDER, KeptHtml, keptHtml } from './kept-html';

const html = '<section><h2>Sources</h2><ul><li>One</li></ul></section>';

describe('HTML kept from the server-rendered page', () => {
	it('is left out of the page’s data, and the browser holds a placeholder that hydration ignores', () => {
		const encoded = transport.KeptHtml.encode(keptHtml({ isDataRequest: false }, html));
		expect(JSON.stringify(encoded)).not.toContain('Sources');
		const decoded = transport.KeptHtml.decode(encoded) as KeptHtml;
		expect(decoded.html).toBe(KEPT_HTML_PLACEHOLDER);
	});

	it('is sent in full when the browser asks for the data itself (a navigation, or invalidateAll after a form)', () => {
		const encoded = transport.KeptHtml.encode(keptHtml({ isDataRequest: true }, html));
		expect((transport.KeptHtml.decode(encoded) as KeptHtml).html).toBe(html);
	});

	it('leaves every other value to the other encoders', () => {
		expect(transport.KeptHtml.encode(html)).toBe(false);
		expect(transport.KeptHtml.encode({ html })).toBe(false);
	});
});
