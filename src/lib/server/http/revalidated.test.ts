import { describe, expect, it } from 'vitest';
import { matchesEtag, REVALIDATE, revalidatedResponse } from './revalidated';

const ETAG = '"abc123"';
const ask = (ifNoneMatch?: string) => new Request('http://localhost/x', { headers: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {} });

describe('matchesEtag', () => {
	it('matches the tag itself, its weak form, a list holding it and *', () => {
		expect(matchesEtag(ETAG, ETAG)).toBe(true);
		expect(matchesEtag(`W/${ETAG}`, ETAG)).toBe(true);
		expect(matchesEtag(`"other", ${ETAG}`, ETAG)).toBe(true);
		expect(matchesEtag('*', ETAG)).toBe(true);
	});

	it('does not match another tag, a tag without its quotes, or nothing', () => {
		expect(matchesEtag('"abc1234"', ETAG)).toBe(false);
		expect(matchesEtag('abc123', ETAG)).toBe(false);
		expect(matchesEtag(null, ETAG)).toBe(false);
		expect(matchesEtag('', ETAG)).toBe(false);
	});
});

describe('revalidatedResponse', () => {
	it('sends the body with its ETag, kept only by the browser and checked before each use', async () => {
		const response = revalidatedResponse(ask(), '<svg/>', ETAG, 'image/svg+xml; charset=utf-8', { 'content-security-policy': "default-src 'none'" });
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('<svg/>');
		expect(response.headers.get('etag')).toBe(ETAG);
		expect(response.headers.get('cache-control')).toBe(REVALIDATE);
		expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
		expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
	});

	it('answers an unchanged copy with an empty 304 carrying the same ETag', async () => {
		const response = revalidatedResponse(ask(ETAG), '<svg/>', ETAG, 'image/svg+xml');
		expect(response.status).toBe(304);
		expect(await response.text()).toBe('');
		expect(response.headers.get('etag')).toBe(ETAG);
		expect(response.headers.get('cache-control')).toBe(REVALIDATE);
	});

	it('sends the body again when the browser holds an older copy', async () => {
		const response = revalidatedResponse(ask('"older"'), '<svg/>', ETAG, 'image/svg+xml');
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('<svg/>');
	});
});
