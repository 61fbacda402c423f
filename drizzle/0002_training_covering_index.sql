DROP INDEX `module_completions_person`;--> statement-breakpoint
CREATE INDEX `module_completions_person` ON `module_completions` (`person_id`,`module_slug`,`completed_at`,`module_version`);