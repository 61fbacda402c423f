/**
 * What a failed delivery means. A 5xx reply is permanent (the relay refuses this message: a bad address, a policy)
 * and is not retried; a 4xx reply, a refused, dropped or timed-out connection is temporary and retried.
 * Authentication and TLS failures are also treated as temporary, although an authentication refusal is a 5xx:
 * they are the relay's configuration, not the message, and the message should go once they are put right.
 */
export type DeliveryFailure = { permanent: boolean; reply: string };

type SmtpError = Error & { code?: string; responseCode?: number; response?: string; command?: string };

const CONFIGURATION = new Set(['EAUTH', 'ETLS', 'ENOAUTH', 'EOAUTH2']);

export function classifyFailure(error: unknown): DeliveryFailure {
	const e = (error instanceof Error ? error : new Error(String(error))) as SmtpError;
	const reply = (e.response?.trim() || `${e.code ? `${e.code}: ` : ''}${e.message}`).slice(0, 1000);
	if (e.code && CONFIGURATION.has(e.code)) return { permanent: false, reply };
	const code = typeof e.responseCode === 'number' ? e.responseCode : Number(/^([2-5]\d\d)[\s-]/.exec(e.response ?? '')?.[1] ?? NaN);
	if (code >= 500 && code < 600) return { permanent: true, reply };
	// 4xx, and every failure with no reply at all: refused, reset, timed out, DNS.
	return { permanent: false, reply };
}
