import { describe, expect, it } from 'vitest';
import { parseMetrics } from '$testing/prometheus';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { hashPassword } from '../auth/password';
import { signIn } from '../auth/sign-in';
import { countingRosterImports } from './app-metrics';
import { countMailFailed, countMailSent, registerMailQueueProbe } from './mail-metrics';
import { scrapeMetrics } from './metrics';

async function scrape() {
	const scraped = await scrapeMetrics();
	expect(scraped?.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
	return parseMetrics(scraped!.text);
}
const value = (metrics: Awaited<ReturnType<typeof scrape>>, name: string, labels: Record<string, string> = {}) => metrics.series(name, labels);

describe('/metrics', () => {
	it('parses as Prometheus text format, with the process metrics and every application family', async () => {
		const metrics = await scrape();
		for (const name of [
			'academy_http_request_duration_seconds',
			'academy_sign_in_attempts_total',
			'academy_roster_imports_running',
			'academy_database_size_bytes',
			'academy_mail_sent_total',
			'academy_mail_failed_total',
			'process_resident_memory_bytes',
			'nodejs_eventloop_lag_p99_seconds'
		]) {
			expect(metrics.families.has(name), name).toBe(true);
		}
		expect(metrics.families.get('academy_http_request_duration_seconds')!.type).toBe('HISTOGRAM');
		expect(metrics.families.get('academy_sign_in_attempts_total')!.type).toBe('COUNTER');
	});

	it('counts sign-in failures and throttles as signIn decides them', async () => {
		const db = testDb();
		const unit = addUnit(db, addOrganisation(db).id);
		addPerson(db, unit, { email: 'metrics@example.test', passwordHash: await hashPassword('right-password-1') });
		const before = await scrape();
		for (let i = 0; i < 5; i++) await signIn(db, { email: 'metrics@example.test', password: 'wrong', address: '10.0.0.1' });
		await signIn(db, { email: 'metrics@example.test', password: 'right-password-1', address: '10.0.0.1' }); // throttled: the account is cooling off
		const after = await scrape();
		const delta = (outcome: string) =>
			value(after, 'academy_sign_in_attempts_total', { outcome })! - value(before, 'academy_sign_in_attempts_total', { outcome })!;
		expect(delta('failed')).toBe(5);
		expect(delta('throttled')).toBe(1);
		expect(delta('succeeded')).toBe(0);
	});

	it('counts a roster import as running while it runs, upload included', async () => {
		let release!: () => void;
		const action = countingRosterImports('apply', () => new Promise<string>((resolve) => (release = () => resolve('done'))));
		const running = action();
		expect(value(await scrape(), 'academy_roster_imports_running', { step: 'apply' })).toBe(1);
		release();
		expect(await running).toBe('done');
		expect(value(await scrape(), 'academy_roster_imports_running', { step: 'apply' })).toBe(0);
	});

	it('reports the mail outbox through the functions the mail area calls', async () => {
		const before = await scrape();
		countMailSent(2);
		countMailFailed({ final: false });
		countMailFailed({ final: true });
		registerMailQueueProbe(() => ({ waiting: 1, oldestQueuedAt: new Date(Date.now() - 90_000) }));
		const after = await scrape();
		const delta = (name: string, labels: Record<string, string> = {}) => value(after, name, labels)! - value(before, name, labels)!;
		expect(delta('academy_mail_sent_total')).toBe(2);
		expect(delta('academy_mail_failed_total', { final: 'false' })).toBe(1);
		expect(delta('academy_mail_failed_total', { final: 'true' })).toBe(1);
		expect(value(after, 'academy_mail_queue_waiting')).toBe(1);
		expect(value(after, 'academy_mail_oldest_queued_age_seconds')).toBeGreaterThanOrEqual(90);
	});
});
