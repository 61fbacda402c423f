import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import type Database from 'better-sqlite3';
import ICAL from 'ical.js';
import { budget } from './budget';
import { one, personId } from './e2e-db';
import { expectAccessible, signIn, signOut } from './helpers';
import { callerContext, postForm } from './http-callers';

const UPCOMING = 'Personal safety training, annual refresher';
const TODAY = 'Personal safety refresher (today)';

const sessionId = (db: Database.Database, title: string, order: 'asc' | 'desc' = 'desc') =>
	one(db, `select id from practical_sessions where title = ? order by starts_at ${order} limit 1`, title);

test('a learner books a place and gets the calendar file; the trainer takes the register and the sign-off becomes evidence', async ({ page, db }) => {
	test.setTimeout(budget(120_000));
	const officer = personId(db, 'officer@demo.test');
	const upcoming = sessionId(db, UPCOMING);

	await signIn(page, 'officer@demo.test');
	await page.getByRole('link', { name: 'Sessions', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Practical sessions', level: 1 })).toBeVisible();
	await expectAccessible(page);
	await page.locator(`a[href="/sessions/${upcoming}"]`).first().click();
	await expect(page.getByRole('heading', { name: UPCOMING, level: 1 })).toBeVisible();
	await expect(page.getByText('7 of 12 left')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Book a place' }).click();
	await expect(page.getByRole('status')).toContainText('You are booked on this session.');
	await expect(page.getByText('6 of 12 left')).toBeVisible();
	expect(one(db, `select count(*) from practical_bookings where session_id = ? and person_id = ? and status = 'booked'`, upcoming, officer)).toBe(1);
	// The invitation is queued with its calendar object.
	const calendar = one<string>(db, `select calendar from mail_outbox where person_id = ? and kind = 'booking' order by id desc limit 1`, officer);
	expect(calendar).toContain('METHOD:REQUEST');

	// The .ics download, parsed back.
	const ics = await page.request.get(`/sessions/${upcoming}.ics`);
	expect(ics.headers()['content-type']).toContain('text/calendar');
	const vevent = new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent('vevent')!;
	const event = new ICAL.Event(vevent);
	expect(event.uid).toMatch(new RegExp(`^practical-session-${upcoming}@`));
	expect(event.summary).toBe(UPCOMING);
	expect(event.startDate.toJSDate().getTime()).toBe(one(db, 'select starts_at from practical_sessions where id = ?', upcoming));
	expect(calendar).toContain(`UID:${event.uid}`);

	// Back on the list: the booking is among theirs, and the sessions they can book say so; a GET form filters them
	// by competency (the page sends no JavaScript), and a page past the end shows the last.
	await page.goto('/sessions');
	const card = page.getByRole('listitem').filter({ has: page.locator(`a[href="/sessions/${upcoming}"]`) });
	const openCard = card.filter({ hasText: 'Assesses:' });
	await expect(openCard).toContainText('You are booked');
	await expect(card.filter({ hasNotText: 'Assesses:' })).toContainText('Booked');
	await page.getByLabel('Assessing').selectOption({ label: 'Safe restraint and prevention of positional asphyxia' });
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/\/sessions\?competency=safe-restraint/);
	await expect(openCard).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Assessing').selectOption({ label: 'De-escalate and communicate' });
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/competency=de-escalation/);
	await expect(openCard).toHaveCount(0);
	await page.goto('/sessions?page=99');
	await expect(openCard).toBeVisible();
	await signOut(page);

	// The trainer: their sessions, then today's register, by keyboard-usable radio buttons.
	const today = sessionId(db, TODAY);
	await signIn(page, 'trainer@demo.test');
	await page.goto('/sessions');
	await expect(page.getByRole('heading', { name: 'Sessions you train' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Practical assessments due with no booking' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: `Register for ${TODAY}` }).click();
	await expect(page.getByRole('heading', { name: `Register: ${TODAY}` })).toBeVisible();
	await expectAccessible(page);
	const [first, second] = db
		.prepare(
			`select b.id, p.id as personId, p.name from practical_bookings b join people p on p.id = b.person_id where b.session_id = ? and b.status = 'booked' order by p.name`
		)
		.all(today) as { id: number; personId: number; name: string }[];
	const row = (name: string) => page.getByRole('region', { name });
	await row(first.name).getByRole('radio', { name: 'Attended' }).check();
	await row(first.name).getByRole('radio', { name: 'Competent', exact: true }).check();
	await row(second.name).getByRole('radio', { name: 'Attended' }).check();
	await row(second.name).getByRole('radio', { name: 'Not yet competent' }).check();
	// "Not yet" without notes is refused, and nothing is saved.
	await page.getByRole('button', { name: 'Save the register' }).click();
	await expect(page.getByRole('alert')).toContainText(`Say what ${second.name} still needs to show`);
	expect(one(db, 'select count(*) from practical_bookings where session_id = ? and attendance is not null', today)).toBe(0);
	await expectAccessible(page);
	await row(second.name).getByLabel(`Notes for ${second.name}`).fill('Rear hold not yet safe');
	await page.getByRole('button', { name: 'Save the register' }).click();
	await expect(page.getByRole('status')).toContainText('1 signed off as competent');
	await expect(row(first.name).getByText('Assessment recorded: Competent.')).toBeVisible();
	await expectAccessible(page);

	// The sign-off went through the assessment path: an observed assessment by the trainer, and evidence from it.
	const trainer = personId(db, 'trainer@demo.test');
	const assessment = db
		.prepare(`select id, outcome, assessor_id as assessorId from assessments where person_id = ? order by id desc limit 1`)
		.get(first.personId) as {
		id: number;
		outcome: string;
		assessorId: number;
	};
	expect(assessment).toMatchObject({ outcome: 'competent', assessorId: trainer });
	expect(one(db, `select count(*) from evidence where person_id = ? and kind = 'observed' and ref = ?`, first.personId, String(assessment.id))).toBe(1);
	expect(one(db, `select count(*) from evidence where person_id = ? and kind = 'observed' and recorded_at > ?`, second.personId, Date.now() - 600_000)).toBe(0);
	await signOut(page);

	// The organisation's manager sees who attended.
	await signIn(page, 'mps-manager@demo.test');
	await page.goto('/sessions/attendance?show=attended');
	await expect(page.getByRole('cell', { name: first.name }).or(page.getByRole('rowheader', { name: first.name }))).toBeVisible();
	await expectAccessible(page);
	// And filters the people list by practical session (a plain GET form: the page sends no JavaScript).
	const officerName = one<string>(db, 'select name from people where id = ?', officer);
	// Someone who attended an earlier session and has nothing booked since (today's session still counts as upcoming all day).
	const attendedEarlier = one<string>(
		db,
		`select p.name from practical_bookings b join practical_sessions s on s.id = b.session_id join people p on p.id = b.person_id
		 where b.attendance = 'attended' and s.ends_at < ? order by p.name limit 1`,
		Date.now() - 86_400_000
	);
	await page.goto('/manage/matrix');
	await page.getByLabel('Practical session').selectOption({ label: 'Booked on an upcoming session' });
	await page.getByLabel('Session for').selectOption({ label: 'Safe restraint and prevention of positional asphyxia' });
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/session=booked&sessionFor=safe-restraint/);
	await expect(page.getByRole('link', { name: officerName, exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: attendedEarlier, exact: true })).toHaveCount(0);
	await expectAccessible(page);
	await page.goto('/manage/matrix?session=attended');
	await expect(page.getByRole('link', { name: first.name, exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: attendedEarlier, exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: officerName, exact: true })).toHaveCount(0);
});

test('a trainer schedules a session in London time across the clock change', async ({ page, db }) => {
	test.setTimeout(budget(60_000));
	await signIn(page, 'trainer@demo.test');
	await page.goto('/sessions/new');
	await expectAccessible(page);
	await page.getByLabel('Title').fill('Spring-forward safety day');
	await page.getByLabel('Venue').fill('Hendon, Room 2');
	await page.getByLabel('Date', { exact: true }).fill('2031-03-30');
	await page.getByLabel('Start time (London)').fill('01:30');
	await page.getByLabel('End time (London)').fill('05:00');
	await page.getByLabel('Places').fill('10');
	await page.getByRole('checkbox', { name: /^Safe restraint .*\(practical\)$/ }).check();
	await page.getByRole('button', { name: 'Schedule the session' }).click();
	// 30 March 2031 is the last Sunday of March: 01:30 does not exist in London.
	await expect(page.getByRole('alert')).toContainText('01:30 does not happen in London on 2031-03-30');
	await expectAccessible(page);
	await page.getByLabel('Start time (London)').fill('09:30');
	await page.getByLabel('End time (London)').fill('12:00');
	await page.getByRole('button', { name: 'Schedule the session' }).click();
	await expect(page.getByRole('heading', { name: 'Spring-forward safety day', level: 1 })).toBeVisible();
	await expect(page.getByText('Sun, 30 Mar 2031, 09:30 to 12:00 (London time)')).toBeVisible();
	expect(one(db, `select starts_at from practical_sessions where title = 'Spring-forward safety day'`)).toBe(Date.parse('2031-03-30T08:30:00Z'));
	await expectAccessible(page);
});

test('simultaneous bookings never take more places than there are, and a freed place goes to the first waiting', async ({ playwright, db, baseURL }) => {
	test.setTimeout(budget(120_000));
	const trainer = await callerContext(playwright.request, baseURL!, 'trainer@demo.test');
	const created = await postForm(trainer, baseURL!, '/sessions/new', {
		organisationId: String(one(db, "select id from organisations where name = 'Metropolitan Police Service'")),
		title: 'Two places only',
		venue: 'Hendon',
		date: '2031-05-06',
		startTime: '10:00',
		endTime: '11:00',
		capacity: '2',
		competencyIds: 'safe-restraint',
		trainerIds: String(personId(db, 'trainer@demo.test'))
	});
	expect(created.status()).toBe(303);
	const path = created.headers().location!;
	const id = Number(path.split('/').pop());
	const emails = ['officer', 'recruit', 'manager', 'custody-manager', 'mps-manager', 'partnership', 'admin'].map((w) => `${w}@demo.test`);
	const contexts: APIRequestContext[] = [];
	for (const email of emails) contexts.push(await callerContext(playwright.request, baseURL!, email));
	const answers = await Promise.all(contexts.map((c) => postForm(c, baseURL!, `${path}?/book`)));
	expect(answers.map((a) => a.status())).toEqual(emails.map(() => 200));
	const statuses = db.prepare('select person_id as personId, status from practical_bookings where session_id = ? order by id').all(id) as {
		personId: number;
		status: string;
	}[];
	expect(statuses.filter((s) => s.status === 'booked')).toHaveLength(2);
	expect(statuses.filter((s) => s.status === 'waiting')).toHaveLength(emails.length - 2);
	expect(one(db, 'select booked_count from practical_sessions where id = ?', id)).toBe(2);

	// The first booked gives up their place: the first on the waiting list gets it.
	const leaver = statuses.find((s) => s.status === 'booked')!;
	const firstWaiting = statuses.find((s) => s.status === 'waiting')!;
	const leaverContext = contexts[emails.findIndex((e) => personId(db, e) === leaver.personId)];
	expect((await postForm(leaverContext, baseURL!, `${path}?/leave`)).status()).toBe(200);
	expect(
		one<string>(db, `select status from practical_bookings where session_id = ? and person_id = ? and status <> 'cancelled'`, id, firstWaiting.personId)
	).toBe('booked');
	expect(one(db, `select count(*) from practical_bookings where session_id = ? and status = 'booked'`, id)).toBe(2);
	for (const c of [trainer, ...contexts]) await c.dispose();
});
