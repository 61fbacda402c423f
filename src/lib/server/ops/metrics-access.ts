import { createHash, timingSafeEqual } from 'node:crypto';

export type MetricsAccess = 'off' | 'refused' | 'allowed';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * /metrics is off (404, as for any unknown address) unless METRICS_TOKEN is set; then it needs
 * `Authorization: Bearer <token>`. The comparison takes the same time however much of the token is right
 * (both sides hashed first, so their lengths match too).
 */
export function metricsAccess(token: string | undefined, authorization: string | null): MetricsAccess {
	if (!token) return 'off';
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
	if (!match) return 'refused';
	return timingSafeEqual(digest(match[1]), digest(token)) ? 'allowed' : 'refused';
}

/** METRICS_TOKEN, checked when the server starts: unset (metrics off), or at least 16 characters without spaces. */
export function metricsTokenFrom(env: Record<string, string | undefined>): string | undefined {
	const token = env.METRICS_TOKEN;
	if (token === undefined || token === '') return undefined;
	if (token.length < 16 || /\s/.test(token)) {
		throw new Error(
			'METRICS_TOKEN must be at least 16 characters with no spaces (for example the output of `openssl rand -hex 32`), or unset to turn /metrics off.'
		);
	}
	return token;
}
