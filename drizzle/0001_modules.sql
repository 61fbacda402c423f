CREATE TABLE `module_completions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`module_slug` text NOT NULL,
	`module_version` text NOT NULL,
	`attempt_id` integer NOT NULL,
	`score` integer NOT NULL,
	`completed_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attempt_id`) REFERENCES `quiz_attempts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `module_completions_person` ON `module_completions` (`person_id`,`module_slug`,`completed_at`);--> statement-breakpoint
CREATE TABLE `module_progress` (
	`person_id` integer NOT NULL,
	`module_slug` text NOT NULL,
	`section_id` text NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `module_slug`, `section_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `quiz_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`module_slug` text NOT NULL,
	`module_version` text NOT NULL,
	`answers` text NOT NULL,
	`correct` integer NOT NULL,
	`total` integer NOT NULL,
	`score` integer NOT NULL,
	`passed` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quiz_attempts_person_module` ON `quiz_attempts` (`person_id`,`module_slug`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `reflections` (
	`person_id` integer NOT NULL,
	`module_slug` text NOT NULL,
	`reflection_id` text NOT NULL,
	`body` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `module_slug`, `reflection_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
