CREATE TABLE `scenario_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`scenario_slug` text NOT NULL,
	`scenario_version` text NOT NULL,
	`snapshot` text NOT NULL,
	`step` integer NOT NULL,
	`shown_at` integer NOT NULL,
	`status` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`score` integer,
	`outcome` text,
	`passed` integer,
	`flags` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scenario_runs_person` ON `scenario_runs` (`person_id`,`scenario_slug`,`started_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `scenario_runs_one_active` ON `scenario_runs` (`person_id`,`scenario_slug`) WHERE "scenario_runs"."status" = 'active';--> statement-breakpoint
CREATE TABLE `scenario_steps` (
	`run_id` integer NOT NULL,
	`step` integer NOT NULL,
	`from_state` text NOT NULL,
	`event` text NOT NULL,
	`applied_event` text NOT NULL,
	`to_state` text NOT NULL,
	`feedback` text NOT NULL,
	`score` integer NOT NULL,
	`flags` text NOT NULL,
	`late` integer NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`run_id`, `step`),
	FOREIGN KEY (`run_id`) REFERENCES `scenario_runs`(`id`) ON UPDATE no action ON DELETE no action
);
