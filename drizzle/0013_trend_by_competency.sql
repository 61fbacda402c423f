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