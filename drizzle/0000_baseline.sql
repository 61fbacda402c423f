-- The schema as migrations 0000 to 0018 left it on 7 December 2026, squashed into one (docs/architecture.md,
-- "Migrations"). Taken from a database those migrations made; the status triggers are in 0001_status_rule.sql.
-- Its journal time is that of the last migration it replaces, so a database already at 0018 does not run it again.
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`detail` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
, `key_id` text);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);
--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`);
--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`address` text NOT NULL,
	`succeeded` integer NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_attempts_email` ON `login_attempts` (`email`,`at`);
--> statement-breakpoint
CREATE INDEX `login_attempts_address` ON `login_attempts` (`address`,`at`);
--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_name_unique` ON `organisations` (`name`);
--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`job_role` text NOT NULL,
	`workforce_id` text NOT NULL,
	`start_date` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`left_date` text,
	`password_hash` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL, `left_by_admin` integer DEFAULT false NOT NULL, `anonymised_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_email_unique` ON `people` (`email`);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_org_workforce` ON `people` (`organisation_id`,`workforce_id`);
--> statement-breakpoint
CREATE INDEX `people_org_role` ON `people` (`organisation_id`,`job_role`,`status`);
--> statement-breakpoint
CREATE TABLE `role_grants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`role` text NOT NULL,
	`organisation_id` integer,
	`unit_id` integer,
	`granted_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`granted_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `role_grants_person` ON `role_grants` (`person_id`);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_person` ON `sessions` (`person_id`);
--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`borough` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_org_name` ON `units` (`organisation_id`,`name`);
--> statement-breakpoint
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
CREATE INDEX `module_completions_person` ON `module_completions` (`person_id`,`module_slug`,`completed_at`);
--> statement-breakpoint
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
CREATE INDEX `quiz_attempts_person_module` ON `quiz_attempts` (`person_id`,`module_slug`,`submitted_at`);
--> statement-breakpoint
CREATE TABLE `reflections` (
	`person_id` integer NOT NULL,
	`module_slug` text NOT NULL,
	`reflection_id` text NOT NULL,
	`body` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `module_slug`, `reflection_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
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
	`flags` text, `time_limit` text DEFAULT 'standard' NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scenario_runs_person` ON `scenario_runs` (`person_id`,`scenario_slug`,`started_at`);
--> statement-breakpoint
CREATE UNIQUE INDEX `scenario_runs_one_active` ON `scenario_runs` (`person_id`,`scenario_slug`) WHERE "scenario_runs"."status" = 'active';
--> statement-breakpoint
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
--> statement-breakpoint
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
CREATE INDEX `assessments_person` ON `assessments` (`person_id`,`assessed_on`);
--> statement-breakpoint
CREATE TABLE `competency_cycles` (
	`person_id` integer NOT NULL,
	`competency_id` text NOT NULL,
	`achieved_on` text NOT NULL,
	`expires_on` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `competency_status` (
	`person_id` integer NOT NULL,
	`competency_id` text NOT NULL,
	`achieved_on` text,
	`expires_on` text,
	`updated_at` integer NOT NULL, `due_on` text,
	PRIMARY KEY(`person_id`, `competency_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `competency_status_competency` ON `competency_status` (`competency_id`,`expires_on`);
--> statement-breakpoint
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
CREATE INDEX `evidence_person` ON `evidence` (`person_id`,`competency_id`);
--> statement-breakpoint
CREATE INDEX `evidence_voids` ON `evidence` (`voids_id`);
--> statement-breakpoint
CREATE TABLE `compliance_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`day` text,
	`enabled` integer DEFAULT 1 NOT NULL
, `induction_plans` text);
--> statement-breakpoint
CREATE TABLE `status_counts` (
	`organisation_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`job_role` text NOT NULL,
	`competency_id` text NOT NULL,
	`required` integer NOT NULL,
	`not_achieved` integer NOT NULL,
	`expired` integer NOT NULL,
	`within_30` integer NOT NULL,
	`within_60` integer NOT NULL,
	`within_90` integer NOT NULL,
	`beyond_90` integer NOT NULL, `overdue` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`organisation_id`, `unit_id`, `job_role`, `competency_id`)
);
--> statement-breakpoint
CREATE INDEX `status_counts_unit` ON `status_counts` (`unit_id`);
--> statement-breakpoint
CREATE TABLE `trend_counts` (
	`date` text NOT NULL,
	`organisation_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`required` integer NOT NULL,
	`current` integer NOT NULL,
	PRIMARY KEY(`date`, `organisation_id`, `unit_id`)
);
--> statement-breakpoint
CREATE TABLE `trend_dates` (
	`date` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX `competency_cycles_cover` ON `competency_cycles` (`person_id`,`competency_id`,`achieved_on`,`expires_on`);
--> statement-breakpoint
CREATE INDEX `people_org_name` ON `people` (`organisation_id`,`status`,`name`);
--> statement-breakpoint
CREATE INDEX `people_unit` ON `people` (`unit_id`,`status`,`name`);
--> statement-breakpoint
CREATE INDEX `competency_status_expires` ON `competency_status` (`expires_on`);
--> statement-breakpoint
CREATE INDEX `audit_log_actor` ON `audit_log` (`actor_id`,`at`);
--> statement-breakpoint
CREATE INDEX `login_attempts_at` ON `login_attempts` (`at`);
--> statement-breakpoint
CREATE INDEX `sessions_expires` ON `sessions` (`expires_at`);
--> statement-breakpoint
CREATE TABLE `sso_domains` (
	`domain` text PRIMARY KEY NOT NULL,
	`organisation_id` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `sso_providers`(`organisation_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sso_domains_organisation` ON `sso_domains` (`organisation_id`);
--> statement-breakpoint
CREATE TABLE `sso_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`issuer` text NOT NULL,
	`subject` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sso_links_subject` ON `sso_links` (`issuer`,`subject`);
--> statement-breakpoint
CREATE UNIQUE INDEX `sso_links_person` ON `sso_links` (`person_id`,`issuer`);
--> statement-breakpoint
CREATE TABLE `sso_logins` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` integer NOT NULL,
	`state` text NOT NULL,
	`nonce` text NOT NULL,
	`code_verifier` text NOT NULL,
	`redirect_to` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sso_logins_expires` ON `sso_logins` (`expires_at`);
--> statement-breakpoint
CREATE TABLE `sso_providers` (
	`organisation_id` integer PRIMARY KEY NOT NULL,
	`issuer` text NOT NULL,
	`client_id` text NOT NULL,
	`client_secret` text NOT NULL,
	`sso_only` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sso_sessions` (
	`session_id` text PRIMARY KEY NOT NULL,
	`organisation_id` integer NOT NULL,
	`id_token` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `app_secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `demo_mailbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_at` integer NOT NULL,
	`envelope_from` text NOT NULL,
	`envelope_to` text NOT NULL,
	`message_id` text,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`headers` text NOT NULL,
	`size` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer,
	`to_address` text NOT NULL,
	`kind` text NOT NULL,
	`template` text NOT NULL,
	`subject` text NOT NULL,
	`data` text NOT NULL,
	`headers` text NOT NULL,
	`message_id` text NOT NULL,
	`dedupe_key` text,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`claimed_by` text,
	`claimed_until` integer,
	`last_attempt_at` integer,
	`last_reply` text,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL, `calendar` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outbox_message_id_unique` ON `mail_outbox` (`message_id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outbox_dedupe_key_unique` ON `mail_outbox` (`dedupe_key`);
--> statement-breakpoint
CREATE INDEX `mail_outbox_due` ON `mail_outbox` (`status`,`next_attempt_at`);
--> statement-breakpoint
CREATE INDEX `mail_outbox_person` ON `mail_outbox` (`person_id`,`id`);
--> statement-breakpoint
CREATE INDEX `mail_outbox_status_sent` ON `mail_outbox` (`status`,`sent_at`);
--> statement-breakpoint
CREATE TABLE `mail_preferences` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`digest` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `manager_digests` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`slot` text NOT NULL,
	`counts` text NOT NULL,
	`outbox_id` integer,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notification_reads` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`read_through` integer NOT NULL,
	`read_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reminder_keys` (
	`person_id` integer NOT NULL,
	`competency_id` text NOT NULL,
	`cycle` text NOT NULL,
	`threshold` text NOT NULL,
	`outbox_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`person_id`, `competency_id`, `cycle`, `threshold`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reminder_keys_created` ON `reminder_keys` (`created_at`);
--> statement-breakpoint
CREATE TABLE `access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`subject_id` integer,
	`detail` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `access_log_at` ON `access_log` (`at`);
--> statement-breakpoint
CREATE INDEX `access_log_actor` ON `access_log` (`actor_id`,`at`);
--> statement-breakpoint
CREATE INDEX `access_log_subject` ON `access_log` (`subject_id`,`at`);
--> statement-breakpoint
CREATE TABLE `account_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `account_tokens_person` ON `account_tokens` (`person_id`,`purpose`);
--> statement-breakpoint
CREATE INDEX `account_tokens_expires` ON `account_tokens` (`expires_at`);
--> statement-breakpoint
CREATE TABLE `auth_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`email` text NOT NULL,
	`address` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `auth_requests_email` ON `auth_requests` (`kind`,`email`,`at`);
--> statement-breakpoint
CREATE INDEX `auth_requests_address` ON `auth_requests` (`kind`,`address`,`at`);
--> statement-breakpoint
CREATE INDEX `auth_requests_at` ON `auth_requests` (`at`);
--> statement-breakpoint
CREATE TABLE `partnership_counts` (
	`date` text NOT NULL,
	`borough` text NOT NULL,
	`kind` text NOT NULL,
	`competency_id` text NOT NULL,
	`people` integer NOT NULL,
	`current` integer NOT NULL,
	PRIMARY KEY(`date`, `borough`, `kind`, `competency_id`)
);
--> statement-breakpoint
CREATE TABLE `partnership_dates` (
	`date` text PRIMARY KEY NOT NULL,
	`taken_at` integer NOT NULL
);
--> statement-breakpoint
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
CREATE UNIQUE INDEX `practical_bookings_live` ON `practical_bookings` (`session_id`,`person_id`) WHERE status <> 'cancelled';
--> statement-breakpoint
CREATE INDEX `practical_bookings_session` ON `practical_bookings` (`session_id`,`status`,`id`);
--> statement-breakpoint
CREATE INDEX `practical_bookings_person` ON `practical_bookings` (`person_id`,`status`);
--> statement-breakpoint
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
CREATE INDEX `practical_session_competencies_competency` ON `practical_session_competencies` (`competency_id`);
--> statement-breakpoint
CREATE TABLE `practical_session_trainers` (
	`session_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`session_id`, `person_id`),
	FOREIGN KEY (`session_id`) REFERENCES `practical_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `practical_session_trainers_person` ON `practical_session_trainers` (`person_id`);
--> statement-breakpoint
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
CREATE INDEX `practical_sessions_starts` ON `practical_sessions` (`starts_at`);
--> statement-breakpoint
CREATE INDEX `practical_sessions_org` ON `practical_sessions` (`organisation_id`,`starts_at`);
--> statement-breakpoint
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
CREATE INDEX `roster_imports_organisation` ON `roster_imports` (`organisation_id`,`started_at`);
--> statement-breakpoint
CREATE UNIQUE INDEX `roster_imports_one_applying` ON `roster_imports` (`organisation_id`) WHERE "roster_imports"."status" = 'applying';
--> statement-breakpoint
CREATE INDEX `competency_status_due` ON `competency_status` (`due_on`);
--> statement-breakpoint
CREATE INDEX `assessments_assessor` ON `assessments` (`assessor_id`,`assessed_on`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(
	`kind` UNINDEXED,
	`href` UNINDEXED,
	`title`,
	`heading`,
	`body`,
	tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
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
CREATE INDEX `assignment_people_person` ON `assignment_people` (`person_id`,`met_at`);
--> statement-breakpoint
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
CREATE INDEX `assignments_org` ON `assignments` (`organisation_id`,`id`);
--> statement-breakpoint
CREATE INDEX `assignments_unit` ON `assignments` (`unit_id`,`id`);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_system_key` ON `assignments` (`system_key`);
--> statement-breakpoint
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
CREATE INDEX `prior_learning_person` ON `prior_learning_claims` (`person_id`,`id`);
--> statement-breakpoint
CREATE INDEX `prior_learning_queue` ON `prior_learning_claims` (`status`,`submitted_at`);
--> statement-breakpoint
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
CREATE INDEX `quiz_answer_counts_read` ON `quiz_answer_counts` (`module_slug`,`module_version`,`organisation_id`,`question_id`,`answer`,`score`,`unit_id`,`job_role`,`n`);
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
CREATE INDEX `scenario_choice_counts_read` ON `scenario_choice_counts` (`scenario_slug`,`scenario_version`,`organisation_id`,`from_state`,`event`,`late`,`first_attempt`,`refresher`,`month`,`unit_id`,`job_role`,`n`);
--> statement-breakpoint
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
CREATE INDEX `scenario_run_counts_read` ON `scenario_run_counts` (`scenario_slug`,`scenario_version`,`organisation_id`,`attempt`,`passed`,`refresher`,`month`,`unit_id`,`job_role`,`n`);
--> statement-breakpoint
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
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `survey_responses_subject` ON `survey_responses` (`kind`,`subject_slug`,`subject_version`);
--> statement-breakpoint
CREATE TABLE `survey_ratings` (
	`response_id` text NOT NULL,
	`item_id` text NOT NULL,
	`rating` integer NOT NULL CHECK (`rating` BETWEEN 1 AND 5),
	PRIMARY KEY(`response_id`, `item_id`),
	FOREIGN KEY (`response_id`) REFERENCES `survey_responses`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `survey_answered` (
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	`subject_slug` text NOT NULL,
	`subject_version` text NOT NULL,
	PRIMARY KEY(`person_id`, `kind`, `subject_slug`, `subject_version`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `survey_responses_organisation_subject` ON `survey_responses` (`organisation_id`,`kind`,`subject_slug`);
--> statement-breakpoint
CREATE INDEX `survey_responses_unit_subject` ON `survey_responses` (`unit_id`,`kind`,`subject_slug`);
--> statement-breakpoint
CREATE INDEX `assignments_created_by` ON `assignments` (`created_by`,`id`);
--> statement-breakpoint
INSERT INTO `compliance_state` (`id`, `day`, `enabled`, `induction_plans`) VALUES (1, NULL, 1, NULL);
