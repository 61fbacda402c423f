-- Hand-written (drizzle-kit cannot say WITHOUT ROWID): the three survey tables of 0013, made again WITHOUT ROWID and
-- still empty. An ordinary SQLite table numbers its rows in the order they were inserted, so the hidden rowid of an
-- answer and of its "has answered" row would line up and join the two; these tables are ordered by their keys only
-- (a random id, or the person and subject). Same columns and indexes as schema.ts, plus the rating's range as a check.
DROP TABLE `survey_ratings`;--> statement-breakpoint
DROP TABLE `survey_answered`;--> statement-breakpoint
DROP TABLE `survey_responses`;--> statement-breakpoint
CREATE TABLE `survey_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`subject_slug` text NOT NULL,
	`subject_version` text NOT NULL,
	`organisation_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`job_role` text NOT NULL,
	`month` text NOT NULL,
	`comment` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;--> statement-breakpoint
CREATE INDEX `survey_responses_subject` ON `survey_responses` (`kind`,`subject_slug`,`subject_version`);--> statement-breakpoint
CREATE INDEX `survey_responses_organisation` ON `survey_responses` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `survey_ratings` (
	`response_id` text NOT NULL,
	`item_id` text NOT NULL,
	`rating` integer NOT NULL CHECK (`rating` BETWEEN 1 AND 5),
	PRIMARY KEY(`response_id`, `item_id`),
	FOREIGN KEY (`response_id`) REFERENCES `survey_responses`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;--> statement-breakpoint
CREATE TABLE `survey_answered` (
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	`subject_slug` text NOT NULL,
	`subject_version` text NOT NULL,
	PRIMARY KEY(`person_id`, `kind`, `subject_slug`, `subject_version`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
