import { beforeEach, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addUnit, testDb } from '$testing/fixtures';
import { reminderData } from '$testing/mail';
import type { Db } from '../db';
import './catalogue';
import { listNotifications, markNotificationsRead, NOTIFICATIONS_PAGE_SIZE, UNREAD_CAP, unreadCount } from './notifications';
import { markSent } from './outbox';
import { queueMail } from './queue';
import { purgeMail } from './retention';

let db: Db;
let people: { id: number }[];
const DAY = 24 * 60 * 60 * 1000;
const data = (summary: string) => reminderData({ summary, items: ['One <b>item</b>'] });
const queue = (personId: number, summary: string, now = new Date()) =>
	queueMail(db, { to: personId, template: 'refresher-reminder', kind: 'reminder', data: data(summary), now })!;

beforeEach(() => {
	db = testDb();
	const org = addOrganisation(db);
	const unit = addUnit(db, org.id);
	people = [addPerson(db, unit), addPerson(db, unit)];
});

describe('notifications', () => {
	it('lists what was queued for the person, newest first, paginated, with its text', () => {
		for (let i = 1; i <= NOTIFICATIONS_PAGE_SIZE + 3; i++) queue(people[0].id, `Message ${i}`);
		queue(people[1].id, 'Someone else’s');
		const first = listNotifications(db, people[0].id, 1);
		expect(first).toMatchObject({ total: NOTIFICATIONS_PAGE_SIZE + 3, page: 1, pages: 2 });
		expect(first.notifications[0]).toMatchObject({ subject: `Message ${NOTIFICATIONS_PAGE_SIZE + 3}`, kind: 'reminder', status: 'queued', unread: true });
		expect(first.notifications[0].text).toContain('- One <b>item</b>');
		expect(first.notifications[0].text).not.toMatch(/^Your training reminder/);
		expect(listNotifications(db, people[0].id, 2).notifications.map((n) => n.subject)).toEqual(['Message 3', 'Message 2', 'Message 1']);
		expect(listNotifications(db, people[0].id, 99).page).toBe(2);
		expect(listNotifications(db, people[1].id, 1).notifications.map((n) => n.subject)).toEqual(['Someone else’s']);
	});

	it('counts unread messages until the page is opened, capped for the header', () => {
		expect(unreadCount(db, people[0].id)).toBe(0);
		queue(people[0].id, 'One');
		queue(people[0].id, 'Two');
		expect(unreadCount(db, people[0].id)).toBe(2);
		markNotificationsRead(db, people[0].id);
		expect(unreadCount(db, people[0].id)).toBe(0);
		expect(listNotifications(db, people[0].id, 1).notifications.every((n) => !n.unread)).toBe(true);
		queue(people[0].id, 'Three');
		expect(unreadCount(db, people[0].id)).toBe(1);
		for (let i = 0; i < UNREAD_CAP + 20; i++) queue(people[1].id, `Bulk ${i}`);
		expect(unreadCount(db, people[1].id)).toBe(UNREAD_CAP + 1);
	});

	it('the unread count is one indexed lookup', () => {
		const plan = db.$client
			.prepare(
				`explain query plan select count(*) from (select 1 from mail_outbox where person_id = ? and id > coalesce((select read_through from notification_reads where person_id = ?), 0) limit 100)`
			)
			.all(1, 1) as { detail: string }[];
		expect(plan.map((p) => p.detail).join('\n')).toMatch(/SEARCH mail_outbox USING COVERING INDEX mail_outbox_person \(person_id=\? AND id>\?\)/);
		expect(plan.map((p) => p.detail).join('\n')).toMatch(/SEARCH notification_reads USING INTEGER PRIMARY KEY/);
	});
});

describe('mail retention', () => {
	it('deletes sent and failed mail past the retention period, never queued mail, and keeps reminder keys still in use', () => {
		const now = new Date('2026-06-15T12:00:00Z');
		const old = new Date(now.getTime() - 200 * DAY);
		const sentOld = queue(people[0].id, 'Sent long ago', old);
		const sentNew = queue(people[0].id, 'Sent lately', old);
		const queuedOld = queue(people[0].id, 'Still queued', old);
		markSent(db, sentOld.id, '250 OK', old);
		markSent(db, sentNew.id, '250 OK', new Date(now.getTime() - 10 * DAY));
		const c = db.$client;
		c.prepare(
			"insert into competency_status (person_id, competency_id, achieved_on, expires_on, updated_at) values (?, 'post-incident', '2024-07-15', '2026-07-15', 0)"
		).run(people[0].id);
		const key = c.prepare('insert into reminder_keys (person_id, competency_id, cycle, threshold, created_at) values (?, ?, ?, ?, ?)');
		key.run(people[0].id, 'post-incident', '2026-07-15', 'due-soon', old.getTime()); // the current cycle: kept
		key.run(people[0].id, 'post-incident', '2024-07-15', 'expired', old.getTime()); // an old cycle: deleted
		key.run(people[0].id, 'mca-emergencies', '2026-01-01', 'expired', now.getTime()); // recent: kept
		expect(purgeMail(db, 180, now)).toEqual({ sent: 1, failed: 0, reminderKeys: 1, demoMailbox: 0 });
		expect(c.prepare('select id from mail_outbox order by id').pluck().all()).toEqual([sentNew.id, queuedOld.id]);
		expect(c.prepare('select cycle from reminder_keys order by cycle').pluck().all()).toEqual(['2026-01-01', '2026-07-15']);
	});
});
