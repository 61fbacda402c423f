CREATE TABLE `access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`subject_id` integer,
	`detail` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `access_log_at` ON `access_log` (`at`);--> statement-breakpoint
CREATE INDEX `access_log_actor` ON `access_log` (`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `access_log_subject` ON `access_log` (`subject_id`,`at`);--> statement-breakpoint
CREATE TABLE `account_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `account_tokens_person` ON `account_tokens` (`person_id`,`purpose`);--> statement-breakpoint
CREATE INDEX `account_tokens_expires` ON `account_tokens` (`expires_at`);--> statement-breakpoint
CREATE TABLE `auth_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`email` text NOT NULL,
	`address` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `auth_requests_email` ON `auth_requests` (`kind`,`email`,`at`);--> statement-breakpoint
CREATE INDEX `auth_requests_address` ON `auth_requests` (`kind`,`address`,`at`);--> statement-breakpoint
CREATE INDEX `auth_requests_at` ON `auth_requests` (`at`);--> statement-breakpoint
CREATE TABLE `partnership_counts` (
	`date` text NOT NULL,
	`borough` text NOT NULL,
	`kind` text NOT NULL,
	`competency_id` text NOT NULL,
	`people` integer NOT NULL,
	`current` integer NOT NULL,
	PRIMARY KEY(`date`, `borough`, `kind`, `competency_id`)
);
--> statement-breakpoint
CREATE TABLE `partnership_dates` (
	`date` text PRIMARY KEY NOT NULL,
	`taken_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `practical_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`status` text NOT NULL,
	`attendance` text,
	`outcome` text,
	`notes` text,
	`booked_at` integer NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`session_id`) REFERENCES `practical_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `practical_bookings_live` ON `practical_bookings` (`session_id`,`person_id`) WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX `practical_bookings_session` ON `practical_bookings` (`session_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `practical_bookings_person` ON `practical_bookings` (`person_id`,`status`);--> statement-breakpoint
CREATE TABLE `practical_session_audience` (
	`session_id` integer NOT NULL,
	`kind` text NOT NULL,
	`ref` text NOT NULL,
	PRIMARY KEY(`session_id`, `kind`, `ref`),
	FOREIGN KEY (`session_id`) REFERENCES `practical_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `practical_session_competencies` (
	`session_id` integer NOT NULL,
	`competency_id` text NOT NULL,
	PRIMARY KEY(`session_id`, `competency_id`),
	FOREIGN KEY (`session_id`) REFERENCES `practical_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `practical_session_competencies_competency` ON `practical_session_competencies` (`competency_id`);--> statement-breakpoint
CREATE TABLE `practical_session_trainers` (
	`session_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`session_id`, `person_id`),
	FOREIGN KEY (`session_id`) REFERENCES `practical_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `practical_session_trainers_person` ON `practical_session_trainers` (`person_id`);--> statement-breakpoint
CREATE TABLE `practical_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`title` text NOT NULL,
	`venue` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`booking_closes_at` integer NOT NULL,
	`capacity` integer NOT NULL,
	`booked_count` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`cancel_reason` text,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `practical_sessions_starts` ON `practical_sessions` (`starts_at`);--> statement-breakpoint
CREATE INDEX `practical_sessions_org` ON `practical_sessions` (`organisation_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `roster_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`actor_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`status` text NOT NULL,
	`total` integer NOT NULL,
	`done` integer NOT NULL,
	`counts` text NOT NULL,
	`skipped_lines` text DEFAULT '[]' NOT NULL,
	`message` text,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `roster_imports_organisation` ON `roster_imports` (`organisation_id`,`started_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `roster_imports_one_applying` ON `roster_imports` (`organisation_id`) WHERE "roster_imports"."status" = 'applying';--> statement-breakpoint
ALTER TABLE `competency_status` ADD `due_on` text;--> statement-breakpoint
CREATE INDEX `competency_status_due` ON `competency_status` (`due_on`);--> statement-breakpoint
ALTER TABLE `compliance_state` ADD `induction_plans` text;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `calendar` text;--> statement-breakpoint
ALTER TABLE `people` ADD `anonymised_at` integer;--> statement-breakpoint
ALTER TABLE `scenario_runs` ADD `time_limit` text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE `status_counts` ADD `overdue` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `assessments_assessor` ON `assessments` (`assessor_id`,`assessed_on`);