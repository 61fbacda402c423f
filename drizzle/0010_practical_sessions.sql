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
CREATE INDEX `practical_sessions_org` ON `practical_sessions` (`organisation_id`,`starts_at`);