CREATE TABLE `assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`competency_id` text NOT NULL,
	`assessed_on` text NOT NULL,
	`outcome` text NOT NULL,
	`notes` text NOT NULL,
	`assessor_id` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assessor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessments_person` ON `assessments` (`person_id`,`assessed_on`);--> statement-breakpoint
CREATE TABLE `competency_cycles` (
	`person_id` integer NOT NULL,
	`competency_id` text NOT NULL,
	`achieved_on` text NOT NULL,
	`expires_on` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `competency_cycles_person` ON `competency_cycles` (`person_id`,`competency_id`);--> statement-breakpoint
CREATE INDEX `competency_cycles_competency` ON `competency_cycles` (`competency_id`,`achieved_on`,`expires_on`);--> statement-breakpoint
CREATE TABLE `competency_status` (
	`person_id` integer NOT NULL,
	`competency_id` text NOT NULL,
	`achieved_on` text,
	`expires_on` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `competency_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `competency_status_competency` ON `competency_status` (`competency_id`,`expires_on`);--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`competency_id` text NOT NULL,
	`kind` text NOT NULL,
	`ref` text NOT NULL,
	`content_version` text,
	`occurred_on` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`recorded_by` integer,
	`voids_id` integer,
	`reason` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_person` ON `evidence` (`person_id`,`competency_id`);--> statement-breakpoint
CREATE INDEX `evidence_voids` ON `evidence` (`voids_id`);