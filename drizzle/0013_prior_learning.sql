CREATE TABLE `prior_learning_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`competency_id` text NOT NULL,
	`completed_on` text NOT NULL,
	`provider` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`file` blob NOT NULL,
	`file_type` text NOT NULL,
	`file_size` integer NOT NULL,
	`file_sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`status` text NOT NULL,
	`submitted_by` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` integer,
	`review_reason` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `prior_learning_person` ON `prior_learning_claims` (`person_id`,`id`);--> statement-breakpoint
CREATE INDEX `prior_learning_queue` ON `prior_learning_claims` (`status`,`submitted_at`);