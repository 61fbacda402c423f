CREATE TABLE `quiz_answer_counts` (
	`module_slug` text NOT NULL,
	`module_version` text NOT NULL,
	`question_id` text NOT NULL,
	`answer` text NOT NULL,
	`score` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`job_role` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`module_slug`, `module_version`, `question_id`, `answer`, `score`, `organisation_id`, `unit_id`, `job_role`)
);
--> statement-breakpoint
CREATE TABLE `scenario_choice_counts` (
	`scenario_slug` text NOT NULL,
	`scenario_version` text NOT NULL,
	`from_state` text NOT NULL,
	`event` text NOT NULL,
	`late` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`job_role` text NOT NULL,
	`month` text NOT NULL,
	`first_attempt` integer NOT NULL,
	`refresher` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`scenario_slug`, `scenario_version`, `from_state`, `event`, `late`, `organisation_id`, `unit_id`, `job_role`, `month`, `first_attempt`, `refresher`)
);
--> statement-breakpoint
CREATE TABLE `scenario_run_counts` (
	`scenario_slug` text NOT NULL,
	`scenario_version` text NOT NULL,
	`organisation_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`job_role` text NOT NULL,
	`month` text NOT NULL,
	`attempt` integer NOT NULL,
	`refresher` integer NOT NULL,
	`passed` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`scenario_slug`, `scenario_version`, `organisation_id`, `unit_id`, `job_role`, `month`, `attempt`, `refresher`, `passed`)
);
