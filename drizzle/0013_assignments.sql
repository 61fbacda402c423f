CREATE TABLE `assignment_competencies` (
	`assignment_id` integer NOT NULL,
	`competency_id` text NOT NULL,
	PRIMARY KEY(`assignment_id`, `competency_id`),
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `assignment_people` (
	`assignment_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`due_on` text NOT NULL,
	`met_on` text,
	`met_evidence_id` integer,
	`met_at` integer,
	PRIMARY KEY(`assignment_id`, `person_id`),
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignment_people_person` ON `assignment_people` (`person_id`,`met_at`);--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`ref` text NOT NULL,
	`target_kind` text NOT NULL,
	`target_person_id` integer,
	`job_role` text,
	`organisation_id` integer NOT NULL,
	`unit_id` integer,
	`assigned_on` text NOT NULL,
	`due_on` text NOT NULL,
	`reason` text NOT NULL,
	`min_version` integer,
	`system_key` text,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`cancelled_at` integer,
	`cancelled_by` integer,
	`cancel_reason` text,
	FOREIGN KEY (`target_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignments_org` ON `assignments` (`organisation_id`,`id`);--> statement-breakpoint
CREATE INDEX `assignments_unit` ON `assignments` (`unit_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_system_key` ON `assignments` (`system_key`);