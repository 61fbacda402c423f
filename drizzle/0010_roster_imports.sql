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
CREATE UNIQUE INDEX `roster_imports_one_applying` ON `roster_imports` (`organisation_id`) WHERE "roster_imports"."status" = 'applying';