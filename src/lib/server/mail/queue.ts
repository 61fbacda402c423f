/**
 * The one way to send mail: `queueMail` writes the rendered message to the outbox inside the caller's transaction,
 * so a rolled-back change sends nothing and a committed one is never lost. The sender (./sender.ts) delivers it.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db';
import { statementsFor } from '../db/prepared';
import type { MailKind } from './kinds';
import { currentMailSettings } from './settings';
import { getTemplate } from './templates';
import { TEMPLATE_VARIABLES, type TemplateData, type TemplateName } from './template-variables';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type MailWriter = Db | Tx;

export type QueueMailInput<N extends TemplateName> = {
	/** A person's id (their address on record is used, and the message shows on their notifications page), or an address. */
	to: number | string;
	template: N;
	data: TemplateData<N>;
	kind: MailKind;
	/** Queueing again with the same key does nothing (returns null), in this transaction or any later one. */
	dedupeKey?: string;
	/** An iCalendar object (a session invitation or its cancellation) sent as a calendar part and an .ics attachment. */
	calendar?: string;
	now?: Date;
};

const address = z.email().max(254);

function statements(tx: MailWriter) {
	return statementsFor(tx, 'mail-queue', (c) => ({
		person: c.prepare('select email from people where id = ?'),
		insert: c.prepare(
			`insert into mail_outbox (person_id, to_address, kind, template, subject, data, headers, message_id, dedupe_key, calendar, status, attempts, next_attempt_at, created_at)
			 values (@personId, @to, @kind, @template, @subject, @data, @headers, @messageId, @dedupeKey, @calendar, 'queued', 0, @now, @now)
			 on conflict (dedupe_key) do nothing returning id`
		)
	}));
}

/**
 * A Message-ID that starts with the time, so that new ones sort after old ones and each insert lands at the end of
 * the unique index (a random one lands anywhere in it: a read from disk per message when half of London is queued).
 */
function messageIdFor(now: Date): string {
	return `<${now.getTime().toString(36)}.${randomBytes(12).toString('base64url')}@${currentMailSettings().domain}>`;
}

/** Checks values against the template's placeholders: a caller's mistake, so it throws. */
function checkData(template: TemplateName, data: Record<string, unknown>) {
	for (const [name, type] of Object.entries(TEMPLATE_VARIABLES[template])) {
		const v = data[name];
		const ok = type === 'list' ? Array.isArray(v) && v.every((x) => typeof x === 'string') : typeof v === 'string';
		if (!ok) throw new Error(`queueMail(${template}): {{${name}}} must be ${type === 'list' ? 'a list of strings' : 'a string'}`);
		if (type === 'url' && !/^https?:\/\/[^\s"<>]+$/.test(v as string)) throw new Error(`queueMail(${template}): {{${name}}} must be an http(s) address`);
	}
}

/**
 * Checks `data` against the template's placeholders (a mismatch throws, rolling back the caller's transaction), renders
 * the subject (kept for lists; the body is rendered from the stored values when sent or shown) and queues the message in `tx`. Returns the outbox id, or null when a message
 * with the same `dedupeKey` was queued before.
 */
export function queueMail<N extends TemplateName>(tx: MailWriter, input: QueueMailInput<N>): { id: number } | null {
	const q = statements(tx);
	let to: string;
	let personId: number | null = null;
	if (typeof input.to === 'number') {
		const person = q.person.get(input.to) as { email: string } | undefined;
		if (!person) throw new Error(`queueMail: no person ${input.to}`);
		to = person.email;
		personId = input.to;
	} else {
		const parsed = address.safeParse(input.to.trim());
		if (!parsed.success) throw new Error(`queueMail: "${input.to}" is not an email address`);
		to = parsed.data;
	}
	const data = input.data as Record<string, string | string[]>;
	checkData(input.template, data);
	const template = getTemplate(input.template);
	const subject = template.renderSubject(data);
	const now = input.now ?? new Date();
	const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
	if (template.kind === 'subscription') {
		headers['List-Unsubscribe'] = `<${data.unsubscribeUrl}>`;
		headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
	}
	const row = q.insert.get({
		personId,
		to,
		kind: input.kind,
		template: input.template,
		subject,
		data: JSON.stringify(data),
		headers: JSON.stringify(headers),
		messageId: messageIdFor(now),
		dedupeKey: input.dedupeKey ?? null,
		calendar: input.calendar ?? null,
		now: now.getTime()
	}) as { id: number } | undefined;
	return row ?? null;
}
