DROP INDEX `survey_responses_organisation`;--> statement-breakpoint
CREATE INDEX `survey_responses_organisation_subject` ON `survey_responses` (`organisation_id`,`kind`,`subject_slug`);--> statement-breakpoint
CREATE INDEX `survey_responses_unit_subject` ON `survey_responses` (`unit_id`,`kind`,`subject_slug`);--> statement-breakpoint
CREATE INDEX `assignments_created_by` ON `assignments` (`created_by`,`id`);