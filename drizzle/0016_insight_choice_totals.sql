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
