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
CREATE UNIQUE INDEX `assignments_system_key` ON `assignments` (`system_key`);--> statement-breakpoint
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
CREATE INDEX `prior_learning_queue` ON `prior_learning_claims` (`status`,`submitted_at`);--> statement-breakpoint
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
CREATE INDEX `quiz_answer_counts_read` ON `quiz_answer_counts` (`module_slug`,`module_version`,`organisation_id`,`question_id`,`answer`,`score`,`unit_id`,`job_role`,`n`);--> statement-breakpoint
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
CREATE INDEX `scenario_choice_counts_read` ON `scenario_choice_counts` (`scenario_slug`,`scenario_version`,`organisation_id`,`from_state`,`event`,`late`,`first_attempt`,`refresher`,`month`,`unit_id`,`job_role`,`n`);--> statement-breakpoint
CREATE TABLE `scenario_choice_totals` (
	`scenario_slug` text NOT NULL,
	`scenario_version` text NOT NULL,
	`organisation_id` integer NOT NULL,
	`from_state` text NOT NULL,
	`event` text NOT NULL,
	`late` integer NOT NULL,
	`first_attempt` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`scenario_slug`, `scenario_version`, `organisation_id`, `from_state`, `event`, `late`, `first_attempt`)
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
--> statement-breakpoint
CREATE INDEX `scenario_run_counts_read` ON `scenario_run_counts` (`scenario_slug`,`scenario_version`,`organisation_id`,`attempt`,`passed`,`refresher`,`month`,`unit_id`,`job_role`,`n`);--> statement-breakpoint
CREATE TABLE `survey_answered` (
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	`subject_slug` text NOT NULL,
	`subject_version` text NOT NULL,
	PRIMARY KEY(`person_id`, `kind`, `subject_slug`, `subject_version`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `survey_ratings` (
	`response_id` text NOT NULL,
	`item_id` text NOT NULL,
	`rating` integer NOT NULL,
	PRIMARY KEY(`response_id`, `item_id`),
	FOREIGN KEY (`response_id`) REFERENCES `survey_responses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
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
);
--> statement-breakpoint
CREATE INDEX `survey_responses_subject` ON `survey_responses` (`kind`,`subject_slug`,`subject_version`);--> statement-breakpoint
CREATE INDEX `survey_responses_organisation` ON `survey_responses` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `trend_competency_counts` (
	`competency_id` text NOT NULL,
	`organisation_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`date` text NOT NULL,
	`required` integer NOT NULL,
	`current` integer NOT NULL,
	PRIMARY KEY(`competency_id`, `organisation_id`, `unit_id`, `date`)
);
--> statement-breakpoint
CREATE INDEX `trend_competency_counts_unit` ON `trend_competency_counts` (`competency_id`,`unit_id`,`date`);