import { describe, expect, it, vi } from 'vitest';
import { logger } from './logger';
import { onShutdown, runShutdown } from './shutdown';

describe('runShutdown', () => {
	it('runs the stoppers one at a time, last registered first, waiting for each', async () => {
		const order: string[] = [];
		onShutdown('database', () => void order.push('database closed'));
		onShutdown('mail-sender', async () => {
			order.push('mail: finishing the message');
			await new Promise((r) => setTimeout(r, 20));
			order.push('mail: sent');
		});
		onShutdown('maintenance', () => void order.push('maintenance stopped'));
		expect(await runShutdown(5_000)).toBe(true);
		expect(order).toEqual(['maintenance stopped', 'mail: finishing the message', 'mail: sent', 'database closed']);
	});

	it('goes on past a stopper that fails, and gives up on one that hangs', async () => {
		const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
		const order: string[] = [];
		onShutdown('last', () => void order.push('last'));
		onShutdown('hangs', () => new Promise(() => undefined));
		onShutdown('fails', () => {
			throw new Error('already closed');
		});
		expect(await runShutdown(50)).toBe(false);
		expect(error).toHaveBeenCalledWith(expect.objectContaining({ task: 'fails' }), 'could not stop cleanly');
		expect(order).toEqual([]);
		vi.restoreAllMocks();
	});
});
