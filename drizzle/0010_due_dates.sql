ALTER TABLE `competency_status` ADD `due_on` text;--> statement-breakpoint
CREATE INDEX `competency_status_due` ON `competency_status` (`due_on`);--> statement-breakpoint
ALTER TABLE `compliance_state` ADD `induction_plans` text;--> statement-breakpoint
ALTER TABLE `status_counts` ADD `overdue` integer DEFAULT 0 NOT NULL;