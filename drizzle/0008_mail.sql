CREATE TABLE `app_secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `demo_mailbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_at` integer NOT NULL,
	`envelope_from` text NOT NULL,
	`envelope_to` text NOT NULL,
	`message_id` text,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`headers` text NOT NULL,
	`size` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer,
	`to_address` text NOT NULL,
	`kind` text NOT NULL,
	`template` text NOT NULL,
	`subject` text NOT NULL,
	`data` text NOT NULL,
	`headers` text NOT NULL,
	`message_id` text NOT NULL,
	`dedupe_key` text,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`claimed_by` text,
	`claimed_until` integer,
	`last_attempt_at` integer,
	`last_reply` text,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outbox_message_id_unique` ON `mail_outbox` (`message_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outbox_dedupe_key_unique` ON `mail_outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `mail_outbox_due` ON `mail_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `mail_outbox_person` ON `mail_outbox` (`person_id`,`id`);--> statement-breakpoint
CREATE INDEX `mail_outbox_status_sent` ON `mail_outbox` (`status`,`sent_at`);--> statement-breakpoint
CREATE TABLE `mail_preferences` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`digest` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `manager_digests` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`slot` text NOT NULL,
	`counts` text NOT NULL,
	`outbox_id` integer,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notification_reads` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`read_through` integer NOT NULL,
	`read_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reminder_keys` (
	`person_id` integer NOT NULL,
	`competency_id` text NOT NULL,
	`cycle` text NOT NULL,
	`threshold` text NOT NULL,
	`outbox_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`person_id`, `competency_id`, `cycle`, `threshold`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reminder_keys_created` ON `reminder_keys` (`created_at`);