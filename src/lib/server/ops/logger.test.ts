import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logLevelFrom } from './logger';

describe('logLevelFrom', () => {
	it('is info by default and takes any pino level, in any capitals', () => {
		expect(logLevelFrom({})).toBe('info');
		expect(logLevelFrom({ LOG_LEVEL: '' })).toBe('info');
		expect(logLevelFrom({ LOG_LEVEL: 'DEBUG' })).toBe('debug');
		expect(logLevelFrom({ LOG_LEVEL: 'silent' })).toBe('silent');
	});

	it('refuses anything else with a message naming the choices', () => {
		expect(() => logLevelFrom({ LOG_LEVEL: 'verbose' })).toThrow('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (it is "verbose").');
	});
});

describe('createLogger', () => {
	it('writes one JSON object a line with an ISO time and the level as a word, and drops lines below its level', () => {
		const lines: string[] = [];
		const sink = new Writable({
			write: (chunk, _encoding, done) => (lines.push(...String(chunk).split('\n').filter(Boolean)), done())
		});
		const log = createLogger('info', sink);
		log.debug('not shown');
		log.info({ requestId: 'r1' }, 'shown');
		expect(lines).toHaveLength(1);
		const line = JSON.parse(lines[0]);
		expect(line).toMatchObject({ level: 'info', requestId: 'r1', msg: 'shown', pid: process.pid });
		expect(new Date(line.time).toISOString()).toBe(line.time);
	});
});
