import { randomUUID } from 'node:crypto';

/**
 * A request id a proxy or load balancer may already have given the request: letters, digits and `._:-`, up to
 * 128 characters. Anything else (spaces, quotes, newlines, longer) is ignored, so a client cannot write into
 * the logs or the audit log through it.
 */
const SANE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The incoming `X-Request-Id` when it is sane, otherwise a new random one. */
export function requestIdFrom(incoming: string | null | undefined): string {
	const value = incoming?.trim();
	return value && SANE.test(value) ? value : randomUUID();
}
