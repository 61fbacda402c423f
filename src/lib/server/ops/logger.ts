import pino, { type DestinationStream, type Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `LOG_LEVEL` (default info); anything else stops the server with a message rather than logging at a guess. */
export function logLevelFrom(env: Record<string, string | undefined>): LogLevel {
	const value = (env.LOG_LEVEL ?? '').trim().toLowerCase() || 'info';
	if (!(LOG_LEVELS as readonly string[]).includes(value)) {
		throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (it is "${env.LOG_LEVEL}").`);
	}
	return value as LogLevel;
}

/**
 * One JSON object a line: ISO time, the level as a word, pid and hostname (to tell processes and machines apart),
 * then the fields given. scripts/start.js builds its own logger with the same options for the primary process.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
	const options = {
		level,
		timestamp: pino.stdTimeFunctions.isoTime,
		formatters: { level: (label: string) => ({ level: label }) }
	};
	return destination ? pino(options, destination) : pino(options);
}

/** The server's logger, writing to stdout. */
export const logger: Logger = createLogger(logLevelFrom(process.env));
