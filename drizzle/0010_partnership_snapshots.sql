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
