import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, grant, testDb } from '$testing/fixtures';
import { completeModule } from '$testing/evidence';
import { testFramework } from '$testing/framework';
import { rawHeader, startTestSmtp, type TestSmtp } from '$testing/smtp';

import type { Db } from '../db';
import { appSecret } from './app-secret';
import './catalogue';
import type { Principal } from '../access/policy';
import { cancelAssignment, createAssignment } from '../assignments/store';
import type { MadeByRow } from '../assignments/store';
import { assignmentDigestLines } from './digest-assignments';
import { digestLines, planDigests } from './digests';
import { digestFrequency, setDigestFrequency } from './preferences';
import { MailSender } from './sender';
import { createTransport } from './transport';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token';

const framework = testFramework();
const ORIGIN = 'https://academy.example.org';
// Monday 8 June 2026, 08:00 in London.
const MONDAY = new Date('2026-06-08T07:00:00Z');

let db: Db;
let smtp: TestSmtp;
let secret: string;
let w: ReturnType<typeof world>;

function world() {
	const org = addOrganisation(db, 'Police', 'police');
	const bcu = addUnit(db, org.id, 'Central BCU');
	const other = addUnit(db, org.id, 'Other BCU');
	const manager = addPerson(db, bcu, { name: 'Mo Manager', jobRole: 'police-sergeant' });
	grant(db, manager.id, 'manager', { unitId: bcu.id });
	const orgManager = addPerson(db, other, { name: 'Olu Org', jobRole: 'police-sergeant' });
	grant(db, orgManager.id, 'manager', { organisationId: org.id });
	const learner = addPerson(db, bcu, { jobRole: 'call-handler' });
	const elsewhere = addPerson(db, other, { jobRole: 'call-handler' });
	const wellbeing = (personId: number, day: string) => completeModule(db, framework, personId, 'staff-wellbeing', day);
	wellbeing(learner.id, '2024-05-01'); // post-incident expired 2026-05-01
	wellbeing(elsewhere.id, '2024-07-01'); // due 2026-07-01
	return { org, bcu, manager, orgManager, learner, elsewhere, wellbeing };
}
const digests = () =>
	db.$client.prepare("select person_id as personId, subject, data, headers from mail_outbox where kind = 'digest' order by id").all() as {
		personId: number;
		subject: string;
		data: string;
		headers: string;
	}[];
const content = { framework, lookup: { moduleTitle: (slug: string) => `Module ${slug}`, scenarioTitle: () => undefined } };
const plan = (now = MONDAY) => planDigests(db, { now, origin: ORIGIN, secret, content });

beforeEach(async () => {
	db = testDb();
	secret = appSecret(db, {});
	w = world();
	smtp = await startTestSmtp();
});
afterEach(() => smtp.close());

describe('manager digests', () => {
	it('sends each manager the counts for their scope on Monday morning, once, with a one-click unsubscribe', async () => {
		expect(plan(new Date('2026-06-08T05:59:00Z')).messages).toBe(2); // the week before's slot, never sent
		expect(plan().messages).toBe(2);
		expect(plan().messages).toBe(0);
		expect(plan(new Date('2026-06-12T12:00:00Z')).messages).toBe(0);
		const [unit, org] = digests().slice(2);
		expect(unit.personId).toBe(w.manager.id);
		expect(unit.subject).toBe('Training compliance for Central BCU: your weekly summary');
		const data = JSON.parse(unit.data) as { counts: string[]; manageUrl: string; unsubscribeUrl: string };
		expect(data.manageUrl).toBe(`${ORIGIN}/manage`);
		// Counted as /manage counts them, under disclosure control: one expired is 1 to 7, so no change is given either.
		expect(data.counts[0]).toBe('Expired: between 1 and 7');
		expect(JSON.parse(org.data).counts[1]).toBe('Due soon: between 1 and 7');
		expect(data.counts[4]).toMatch(/^In date: \d+% of \d*[05] required competencies/);

		const sender = new MailSender({ db, transport: createTransport(smtp.url), from: 'academy@example.org', ratePerMinute: 1000 });
		while ((await sender.sendNext()) !== 'none');
		await sender.stop();
		const mail = smtp.received.find((m) => m.to[0] === w.manager.email && m.subject.includes('Central BCU'))!;
		const link = `<${data.unsubscribeUrl}>`;
		expect(rawHeader(mail, 'List-Unsubscribe')).toBe(link);
		expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
		expect(mail.html).toContain(`href="${data.unsubscribeUrl}"`);
		expect(mail.text).toContain(`${ORIGIN}/manage`);
		expect(mail.text).toContain('Training you assigned');
		expect(mail.text).toContain('- Nothing you assigned is waiting on anyone.');

		const token = data.unsubscribeUrl.split('/unsubscribe/')[1];
		expect(readUnsubscribeToken(secret, token)).toEqual({ personId: w.manager.id, list: 'digest' });
	});

	it('monthly digests on the first Monday of the month; none when switched off', () => {
		setDigestFrequency(db, { personId: w.manager.id, digest: 'monthly', via: 'account' });
		setDigestFrequency(db, { personId: w.orgManager.id, digest: 'off', via: 'account' });
		expect(plan(new Date('2026-06-01T07:00:00Z')).messages).toBe(1);
		expect(plan(new Date('2026-06-08T07:00:00Z')).messages).toBe(0);
		expect(plan(new Date('2026-06-29T07:00:00Z')).messages).toBe(0);
		expect(plan(new Date('2026-07-06T07:00:00Z')).messages).toBe(1);
		expect(digests().every((d) => d.personId === w.manager.id && d.subject.endsWith('your monthly summary'))).toBe(true);
		expect(db.$client.prepare("select count(*) from audit_log where action = 'mail-preferences-update'").pluck().get()).toBe(2);
	});

	it('says what changed since the last digest', () => {
		const lines = digestLines(
			{ required: 200, inDate: 150, dueSoon: 20, expired: 30, overdue: 4, notAchieved: 16 },
			{ required: 200, inDate: 140, dueSoon: 20, expired: 35, notAchieved: 25 },
			'2026-06-01'
		);
		expect(lines).toEqual([
			'Expired: 30 (5 fewer than on 1 June 2026)',
			'Due soon: 20 (no change since 1 June 2026)',
			'Overdue: between 1 and 7',
			'Not yet achieved: 15 (10 fewer than on 1 June 2026)',
			'In date: 75% of 200 required competencies (up 5 points since 1 June 2026)'
		]);
		expect(digestLines({ required: 0, inDate: 0, dueSoon: 0, expired: 0, overdue: 0, notAchieved: 0 }, null, null)[4]).toBe(
			'In date: 0% of 0 required competencies'
		);
		expect(
			digestLines(
				{ required: 40, inDate: 0, dueSoon: 0, expired: 0, overdue: 20, notAchieved: 20 },
				{ required: 40, inDate: 0, dueSoon: 0, expired: 0, overdue: 10, notAchieved: 30 },
				'2026-06-01'
			)[2]
		).toBe('Overdue: 20 (10 more than on 1 June 2026)');
	});

	it('shows only disclosure-controlled figures: 1 to 7 withheld, the rest rounded, no change read off a withheld one', () => {
		const lines = digestLines(
			{ required: 43, inDate: 36, dueSoon: 3, expired: 12, notAchieved: 0 },
			{ required: 42, inDate: 36, dueSoon: 9, expired: 8, notAchieved: 0 },
			'2026-06-01'
		);
		expect(lines).toEqual([
			'Expired: 10 (no change since 1 June 2026)',
			'Due soon: between 1 and 7',
			'Overdue: 0',
			'Not yet achieved: 0 (no change since 1 June 2026)',
			'In date: not shown, as too few people would be counted (45 required competencies)'
		]);
		expect(digestLines({ required: 40, inDate: 30, dueSoon: 0, expired: 10, notAchieved: 0 }, null, null)[4]).toBe('In date: 75% of 40 required competencies');
	});
});

describe('the training a manager assigned, in their digest', () => {
	const row = (over: Partial<MadeByRow>): MadeByRow => ({
		id: 1,
		kind: 'module',
		ref: 'mental-health-act',
		targetKind: 'unit',
		dueOn: '2026-06-30',
		reason: 'Mental Health Act changes',
		progress: { total: 40, done: 20, overdue: 10, leavers: 0 },
		...over
	});
	const lines = (rows: MadeByRow[], more = 0) => assignmentDigestLines(content, { rows, more });

	it('gives a group’s progress under disclosure control: rounded, 1 to 7 (or all but 1 to 7) not shown', () => {
		expect(lines([row({})])).toEqual(['Module mental-health-act (Mental Health Act changes, due by 30 June 2026): 20 of 40 done, 10 overdue']);
		expect(lines([row({ progress: { total: 40, done: 12, overdue: 3, leavers: 0 } })])[0]).toMatch(/: 10 of 40 done, how many are overdue is not shown$/);
		expect(lines([row({ progress: { total: 43, done: 12, overdue: 0, leavers: 0 } })])[0]).toMatch(/: 10 of 45 done, 0 overdue$/);
		// 38 of 40 done says 2 are not: both withheld.
		expect(lines([row({ progress: { total: 40, done: 38, overdue: 2, leavers: 0 } })])[0]).toMatch(
			/: progress not shown, as too few people would be counted \(40 assigned\)$/
		);
		expect(lines([row({ targetKind: 'job-role', progress: { total: 5, done: 1, overdue: 4, leavers: 0 } })])[0]).toMatch(/\(between 1 and 7 assigned\)$/);
		expect(lines([row({ progress: { total: 40, done: 4, overdue: 20, leavers: 0 } })])[0]).toMatch(
			/: how many have done it is not shown \(40 assigned\), 20 overdue$/
		);
	});

	it('for one person says only whether it is overdue, never who or why; says when there is nothing, and how many more', () => {
		const one = row({ targetKind: 'person', reason: 'After Sam’s incident', progress: { total: 1, done: 0, overdue: 1, leavers: 0 } });
		expect(lines([one])).toEqual(['Module mental-health-act (one person, due by 30 June 2026): overdue']);
		expect(lines([{ ...one, progress: { total: 1, done: 0, overdue: 0, leavers: 0 } }])[0]).toMatch(/: not done yet$/);
		expect(lines([])).toEqual(['Nothing you assigned is waiting on anyone.']);
		expect(lines([row({})], 3)[1]).toBe('And 3 more, on the assigned training page.');
	});

	it('lists the manager’s own open assignments, soonest due first; not cancelled, finished or someone else’s', () => {
		const boss: Principal = { ...w.manager, grants: [{ role: 'manager', organisationId: null, unitId: w.bcu.id }] };
		const orgBoss: Principal = { ...w.orgManager, grants: [{ role: 'manager', organisationId: w.org.id, unitId: null }] };
		const before = new Date('2026-06-01T09:00:00Z');
		const assign = (by: Principal, ref: string, target: Parameters<typeof createAssignment>[3]['target'], dueOn: string, reason: string) =>
			(createAssignment(db, content, by, { what: { kind: 'module', ref }, target, dueOn, reason }, () => true, before) as { id: number }).id;
		assign(boss, 'de-escalation', { kind: 'person', personId: w.learner.id }, '2026-06-05', 'After the incident on 3 May');
		assign(boss, 'mental-health-act', { kind: 'unit', unitId: w.bcu.id }, '2026-06-30', 'Mental Health Act changes');
		const cancelled = assign(boss, 'restraint-safety', { kind: 'unit', unitId: w.bcu.id }, '2026-06-20', 'Sent in error');
		expect(cancelAssignment(db, content, boss, cancelled, 'Sent in error', before).ok).toBe(true);
		// Done by the one person it reached: nothing left to report.
		assign(boss, 'staff-wellbeing', { kind: 'person', personId: w.learner.id }, '2026-06-20', 'Wellbeing week');
		w.wellbeing(w.learner.id, '2026-06-02');
		assign(orgBoss, 'working-together', { kind: 'person', personId: w.elsewhere.id }, '2026-06-10', 'Not the unit manager’s');
		plan();
		const theirs = (personId: number) => JSON.parse(digests().find((d) => d.personId === personId)!.data) as { assignments: string[] };
		expect(theirs(w.manager.id).assignments).toEqual([
			'Module de-escalation (one person, due by 5 June 2026): overdue',
			'Module mental-health-act (Mental Health Act changes, due by 30 June 2026): progress not shown, as too few people would be counted (between 1 and 7 assigned)'
		]);
		expect(theirs(w.orgManager.id).assignments).toEqual(['Module working-together (one person, due by 10 June 2026): not done yet']);
		expect(JSON.stringify(theirs(w.manager.id))).not.toContain('After the incident');
	});
});

describe('unsubscribe tokens', () => {
	it('are valid for their person only, and cannot be forged without the secret', () => {
		const token = unsubscribeToken(secret, w.manager.id, 'digest');
		expect(readUnsubscribeToken(secret, token)).toEqual({ personId: w.manager.id, list: 'digest' });
		// Another person's id with this signature, a signature made with another secret, and damaged tokens.
		expect(readUnsubscribeToken(secret, token.replace(`.${w.manager.id}.`, `.${w.orgManager.id}.`))).toBeNull();
		expect(readUnsubscribeToken(secret, unsubscribeToken('another secret that nobody here has', w.orgManager.id, 'digest'))).toBeNull();
		const other = unsubscribeToken(secret, w.orgManager.id, 'digest');
		expect(readUnsubscribeToken(secret, `${token.split('.').slice(0, 3).join('.')}.${other.split('.')[3]}`)).toBeNull();
		for (const bad of ['', 'u1.digest.1', `${token}x`, token.slice(0, -1), token.replace('digest', 'reminder'), token.toUpperCase()])
			expect(readUnsubscribeToken(secret, bad)).toBeNull();
	});

	it('the signing key: APP_SECRET when set, else made once and kept in the database', () => {
		expect(appSecret(db, {})).toBe(secret);
		expect(secret.length).toBeGreaterThanOrEqual(40);
		expect(appSecret(db, { APP_SECRET: 'x'.repeat(32) })).toBe('x'.repeat(32));
		expect(() => appSecret(db, { APP_SECRET: 'short' })).toThrow(/at least 32/);
	});

	it('unsubscribing by preference stops the digest and is audited', () => {
		expect(digestFrequency(db, w.manager.id)).toBe('weekly');
		expect(setDigestFrequency(db, { personId: w.manager.id, digest: 'off', via: 'unsubscribe-link' })).toBe(true);
		expect(setDigestFrequency(db, { personId: w.manager.id, digest: 'off', via: 'unsubscribe-link' })).toBe(false);
		expect(plan().messages).toBe(1);
		expect(digests().map((d) => d.personId)).toEqual([w.orgManager.id]);
		const entry = db.$client.prepare("select actor_id as actorId, detail from audit_log where action = 'mail-preferences-update'").get() as {
			actorId: number;
			detail: string;
		};
		expect(entry.actorId).toBe(w.manager.id);
		expect(JSON.parse(entry.detail)).toEqual({ digest: 'off', before: 'weekly', via: 'unsubscribe-link' });
	});
});
