CREATE TABLE `compliance_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`day` text,
	`enabled` integer DEFAULT 1 NOT NULL
);
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
	`beyond_90` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `unit_id`, `job_role`, `competency_id`)
);
--> statement-breakpoint
CREATE INDEX `status_counts_unit` ON `status_counts` (`unit_id`);--> statement-breakpoint
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
DROP INDEX `competency_cycles_person`;--> statement-breakpoint
DROP INDEX `competency_cycles_competency`;--> statement-breakpoint
CREATE INDEX `competency_cycles_cover` ON `competency_cycles` (`person_id`,`competency_id`,`achieved_on`,`expires_on`);--> statement-breakpoint
DROP INDEX `people_unit`;--> statement-breakpoint
CREATE INDEX `people_org_name` ON `people` (`organisation_id`,`status`,`name`);--> statement-breakpoint
CREATE INDEX `people_unit` ON `people` (`unit_id`,`status`,`name`);--> statement-breakpoint
CREATE INDEX `competency_status_expires` ON `competency_status` (`expires_on`);
--> statement-breakpoint
-- Below: written by hand (drizzle-kit does not know triggers). The aggregates start empty with no day, and
-- ensureAggregates (src/lib/server/competency/aggregates.ts) fills them on first use; from then on these
-- triggers keep them exact on every write, from the app or any other process. compliance_state.enabled = 0
-- turns them off for a bulk load (the next ensureAggregates then rebuilds).
INSERT INTO `compliance_state` (`id`, `day`, `enabled`) VALUES (1, NULL, 1);
--> statement-breakpoint
CREATE TRIGGER `status_counts_status_insert` AFTER INSERT ON `competency_status`
WHEN (SELECT enabled = 1 AND day IS NOT NULL FROM compliance_state WHERE id = 1)
BEGIN
	INSERT INTO status_counts (organisation_id, unit_id, job_role, competency_id, required, not_achieved, expired, within_30, within_60, within_90, beyond_90)
	SELECT p.organisation_id, p.unit_id, p.job_role, NEW.competency_id,
		1,
		1 * (NEW.expires_on IS NULL),
		1 * coalesce(NEW.expires_on <= s.day, 0),
		1 * coalesce(NEW.expires_on > s.day AND NEW.expires_on <= date(s.day, '+30 days'), 0),
		1 * coalesce(NEW.expires_on > date(s.day, '+30 days') AND NEW.expires_on <= date(s.day, '+60 days'), 0),
		1 * coalesce(NEW.expires_on > date(s.day, '+60 days') AND NEW.expires_on <= date(s.day, '+90 days'), 0),
		1 * coalesce(NEW.expires_on > date(s.day, '+90 days'), 0)
	FROM people p, compliance_state s WHERE p.id = NEW.person_id AND p.status = 'active' AND s.id = 1
	ON CONFLICT (organisation_id, unit_id, job_role, competency_id) DO UPDATE SET
		required = required + excluded.required, not_achieved = not_achieved + excluded.not_achieved, expired = expired + excluded.expired,
		within_30 = within_30 + excluded.within_30, within_60 = within_60 + excluded.within_60, within_90 = within_90 + excluded.within_90,
		beyond_90 = beyond_90 + excluded.beyond_90;
END;
--> statement-breakpoint
CREATE TRIGGER `status_counts_status_delete` AFTER DELETE ON `competency_status`
WHEN (SELECT enabled = 1 AND day IS NOT NULL FROM compliance_state WHERE id = 1)
BEGIN
	INSERT INTO status_counts (organisation_id, unit_id, job_role, competency_id, required, not_achieved, expired, within_30, within_60, within_90, beyond_90)
	SELECT p.organisation_id, p.unit_id, p.job_role, OLD.competency_id,
		-1,
		-1 * (OLD.expires_on IS NULL),
		-1 * coalesce(OLD.expires_on <= s.day, 0),
		-1 * coalesce(OLD.expires_on > s.day AND OLD.expires_on <= date(s.day, '+30 days'), 0),
		-1 * coalesce(OLD.expires_on > date(s.day, '+30 days') AND OLD.expires_on <= date(s.day, '+60 days'), 0),
		-1 * coalesce(OLD.expires_on > date(s.day, '+60 days') AND OLD.expires_on <= date(s.day, '+90 days'), 0),
		-1 * coalesce(OLD.expires_on > date(s.day, '+90 days'), 0)
	FROM people p, compliance_state s WHERE p.id = OLD.person_id AND p.status = 'active' AND s.id = 1
	ON CONFLICT (organisation_id, unit_id, job_role, competency_id) DO UPDATE SET
		required = required + excluded.required, not_achieved = not_achieved + excluded.not_achieved, expired = expired + excluded.expired,
		within_30 = within_30 + excluded.within_30, within_60 = within_60 + excluded.within_60, within_90 = within_90 + excluded.within_90,
		beyond_90 = beyond_90 + excluded.beyond_90;
END;
--> statement-breakpoint
CREATE TRIGGER `status_counts_status_update` AFTER UPDATE OF `person_id`, `competency_id`, `expires_on` ON `competency_status`
WHEN (SELECT enabled = 1 AND day IS NOT NULL FROM compliance_state WHERE id = 1)
BEGIN
	INSERT INTO status_counts (organisation_id, unit_id, job_role, competency_id, required, not_achieved, expired, within_30, within_60, within_90, beyond_90)
	SELECT p.organisation_id, p.unit_id, p.job_role, OLD.competency_id,
		-1,
		-1 * (OLD.expires_on IS NULL),
		-1 * coalesce(OLD.expires_on <= s.day, 0),
		-1 * coalesce(OLD.expires_on > s.day AND OLD.expires_on <= date(s.day, '+30 days'), 0),
		-1 * coalesce(OLD.expires_on > date(s.day, '+30 days') AND OLD.expires_on <= date(s.day, '+60 days'), 0),
		-1 * coalesce(OLD.expires_on > date(s.day, '+60 days') AND OLD.expires_on <= date(s.day, '+90 days'), 0),
		-1 * coalesce(OLD.expires_on > date(s.day, '+90 days'), 0)
	FROM people p, compliance_state s WHERE p.id = OLD.person_id AND p.status = 'active' AND s.id = 1
	ON CONFLICT (organisation_id, unit_id, job_role, competency_id) DO UPDATE SET
		required = required + excluded.required, not_achieved = not_achieved + excluded.not_achieved, expired = expired + excluded.expired,
		within_30 = within_30 + excluded.within_30, within_60 = within_60 + excluded.within_60, within_90 = within_90 + excluded.within_90,
		beyond_90 = beyond_90 + excluded.beyond_90;
	INSERT INTO status_counts (organisation_id, unit_id, job_role, competency_id, required, not_achieved, expired, within_30, within_60, within_90, beyond_90)
	SELECT p.organisation_id, p.unit_id, p.job_role, NEW.competency_id,
		1,
		1 * (NEW.expires_on IS NULL),
		1 * coalesce(NEW.expires_on <= s.day, 0),
		1 * coalesce(NEW.expires_on > s.day AND NEW.expires_on <= date(s.day, '+30 days'), 0),
		1 * coalesce(NEW.expires_on > date(s.day, '+30 days') AND NEW.expires_on <= date(s.day, '+60 days'), 0),
		1 * coalesce(NEW.expires_on > date(s.day, '+60 days') AND NEW.expires_on <= date(s.day, '+90 days'), 0),
		1 * coalesce(NEW.expires_on > date(s.day, '+90 days'), 0)
	FROM people p, compliance_state s WHERE p.id = NEW.person_id AND p.status = 'active' AND s.id = 1
	ON CONFLICT (organisation_id, unit_id, job_role, competency_id) DO UPDATE SET
		required = required + excluded.required, not_achieved = not_achieved + excluded.not_achieved, expired = expired + excluded.expired,
		within_30 = within_30 + excluded.within_30, within_60 = within_60 + excluded.within_60, within_90 = within_90 + excluded.within_90,
		beyond_90 = beyond_90 + excluded.beyond_90;
END;
--> statement-breakpoint
CREATE TRIGGER `status_counts_people_update` AFTER UPDATE OF `status`, `organisation_id`, `unit_id`, `job_role` ON `people`
WHEN (SELECT enabled = 1 AND day IS NOT NULL FROM compliance_state WHERE id = 1)
	AND (OLD.status IS NOT NEW.status OR OLD.organisation_id IS NOT NEW.organisation_id OR OLD.unit_id IS NOT NEW.unit_id OR OLD.job_role IS NOT NEW.job_role)
BEGIN
	INSERT INTO status_counts (organisation_id, unit_id, job_role, competency_id, required, not_achieved, expired, within_30, within_60, within_90, beyond_90)
	SELECT OLD.organisation_id, OLD.unit_id, OLD.job_role, cs.competency_id,
		-1,
		-1 * (cs.expires_on IS NULL),
		-1 * coalesce(cs.expires_on <= s.day, 0),
		-1 * coalesce(cs.expires_on > s.day AND cs.expires_on <= date(s.day, '+30 days'), 0),
		-1 * coalesce(cs.expires_on > date(s.day, '+30 days') AND cs.expires_on <= date(s.day, '+60 days'), 0),
		-1 * coalesce(cs.expires_on > date(s.day, '+60 days') AND cs.expires_on <= date(s.day, '+90 days'), 0),
		-1 * coalesce(cs.expires_on > date(s.day, '+90 days'), 0)
	FROM competency_status cs, compliance_state s WHERE cs.person_id = OLD.id AND OLD.status = 'active' AND s.id = 1
	ON CONFLICT (organisation_id, unit_id, job_role, competency_id) DO UPDATE SET
		required = required + excluded.required, not_achieved = not_achieved + excluded.not_achieved, expired = expired + excluded.expired,
		within_30 = within_30 + excluded.within_30, within_60 = within_60 + excluded.within_60, within_90 = within_90 + excluded.within_90,
		beyond_90 = beyond_90 + excluded.beyond_90;
	INSERT INTO status_counts (organisation_id, unit_id, job_role, competency_id, required, not_achieved, expired, within_30, within_60, within_90, beyond_90)
	SELECT NEW.organisation_id, NEW.unit_id, NEW.job_role, cs.competency_id,
		1,
		1 * (cs.expires_on IS NULL),
		1 * coalesce(cs.expires_on <= s.day, 0),
		1 * coalesce(cs.expires_on > s.day AND cs.expires_on <= date(s.day, '+30 days'), 0),
		1 * coalesce(cs.expires_on > date(s.day, '+30 days') AND cs.expires_on <= date(s.day, '+60 days'), 0),
		1 * coalesce(cs.expires_on > date(s.day, '+60 days') AND cs.expires_on <= date(s.day, '+90 days'), 0),
		1 * coalesce(cs.expires_on > date(s.day, '+90 days'), 0)
	FROM competency_status cs, compliance_state s WHERE cs.person_id = NEW.id AND NEW.status = 'active' AND s.id = 1
	ON CONFLICT (organisation_id, unit_id, job_role, competency_id) DO UPDATE SET
		required = required + excluded.required, not_achieved = not_achieved + excluded.not_achieved, expired = expired + excluded.expired,
		within_30 = within_30 + excluded.within_30, within_60 = within_60 + excluded.within_60, within_90 = within_90 + excluded.within_90,
		beyond_90 = beyond_90 + excluded.beyond_90;
END;
--> statement-breakpoint
CREATE TRIGGER `trend_counts_status_insert` AFTER INSERT ON `competency_status`
WHEN (SELECT enabled = 1 FROM compliance_state WHERE id = 1)
BEGIN
	INSERT INTO trend_counts (date, organisation_id, unit_id, required, current)
	SELECT d.date, p.organisation_id, p.unit_id, 1, 1 * EXISTS (SELECT 1 FROM competency_cycles cc WHERE cc.person_id = NEW.person_id AND cc.competency_id = NEW.competency_id AND cc.achieved_on <= d.date AND cc.expires_on > d.date)
	FROM trend_dates d, people p WHERE p.id = NEW.person_id AND p.start_date <= d.date AND (p.left_date IS NULL OR p.left_date > d.date)
	ON CONFLICT (date, organisation_id, unit_id) DO UPDATE SET required = required + excluded.required, current = current + excluded.current;
END;
--> statement-breakpoint
CREATE TRIGGER `trend_counts_status_delete` AFTER DELETE ON `competency_status`
WHEN (SELECT enabled = 1 FROM compliance_state WHERE id = 1)
BEGIN
	INSERT INTO trend_counts (date, organisation_id, unit_id, required, current)
	SELECT d.date, p.organisation_id, p.unit_id, -1, -1 * EXISTS (SELECT 1 FROM competency_cycles cc WHERE cc.person_id = OLD.person_id AND cc.competency_id = OLD.competency_id AND cc.achieved_on <= d.date AND cc.expires_on > d.date)
	FROM trend_dates d, people p WHERE p.id = OLD.person_id AND p.start_date <= d.date AND (p.left_date IS NULL OR p.left_date > d.date)
	ON CONFLICT (date, organisation_id, unit_id) DO UPDATE SET required = required + excluded.required, current = current + excluded.current;
END;
--> statement-breakpoint
CREATE TRIGGER `trend_counts_status_update` AFTER UPDATE OF `person_id`, `competency_id` ON `competency_status`
WHEN (SELECT enabled = 1 FROM compliance_state WHERE id = 1)
BEGIN
	INSERT INTO trend_counts (date, organisation_id, unit_id, required, current)
	SELECT d.date, p.organisation_id, p.unit_id, -1, -1 * EXISTS (SELECT 1 FROM competency_cycles cc WHERE cc.person_id = OLD.person_id AND cc.competency_id = OLD.competency_id AND cc.achieved_on <= d.date AND cc.expires_on > d.date)
	FROM trend_dates d, people p WHERE p.id = OLD.person_id AND p.start_date <= d.date AND (p.left_date IS NULL OR p.left_date > d.date)
	ON CONFLICT (date, organisation_id, unit_id) DO UPDATE SET required = required + excluded.required, current = current + excluded.current;
	INSERT INTO trend_counts (date, organisation_id, unit_id, required, current)
	SELECT d.date, p.organisation_id, p.unit_id, 1, 1 * EXISTS (SELECT 1 FROM competency_cycles cc WHERE cc.person_id = NEW.person_id AND cc.competency_id = NEW.competency_id AND cc.achieved_on <= d.date AND cc.expires_on > d.date)
	FROM trend_dates d, people p WHERE p.id = NEW.person_id AND p.start_date <= d.date AND (p.left_date IS NULL OR p.left_date > d.date)
	ON CONFLICT (date, organisation_id, unit_id) DO UPDATE SET required = required + excluded.required, current = current + excluded.current;
END;
--> statement-breakpoint
CREATE TRIGGER `trend_counts_cycle_insert` AFTER INSERT ON `competency_cycles`
WHEN (SELECT enabled = 1 FROM compliance_state WHERE id = 1)
BEGIN
	INSERT INTO trend_counts (date, organisation_id, unit_id, required, current)
	SELECT d.date, p.organisation_id, p.unit_id, 0, 1
	FROM trend_dates d, people p
	WHERE p.id = NEW.person_id AND NEW.achieved_on <= d.date AND NEW.expires_on > d.date AND p.start_date <= d.date AND (p.left_date IS NULL OR p.left_date > d.date)
		AND EXISTS (SELECT 1 FROM competency_status cs WHERE cs.person_id = NEW.person_id AND cs.competency_id = NEW.competency_id)
		AND NOT EXISTS (SELECT 1 FROM competency_cycles cc WHERE cc.person_id = NEW.person_id AND cc.competency_id = NEW.competency_id AND cc.rowid <> NEW.rowid AND cc.achieved_on <= d.date AND cc.expires_on > d.date)
	ON CONFLICT (date, organisation_id, unit_id) DO UPDATE SET required = required + excluded.required, current = current + excluded.current;
END;
--> statement-breakpoint
CREATE TRIGGER `trend_counts_cycle_delete` AFTER DELETE ON `competency_cycles`
WHEN (SELECT enabled = 1 FROM compliance_state WHERE id = 1)
BEGIN
	INSERT INTO trend_counts (date, organisation_id, unit_id, required, current)
	SELECT d.date, p.organisation_id, p.unit_id, 0, -1
	FROM trend_dates d, people p
	WHERE p.id = OLD.person_id AND OLD.achieved_on <= d.date AND OLD.expires_on > d.date AND p.start_date <= d.date AND (p.left_date IS NULL OR p.left_date > d.date)
		AND EXISTS (SELECT 1 FROM competency_status cs WHERE cs.person_id = OLD.person_id AND cs.competency_id = OLD.competency_id)
		AND NOT EXISTS (SELECT 1 FROM competency_cycles cc WHERE cc.person_id = OLD.person_id AND cc.competency_id = OLD.competency_id AND cc.rowid <> OLD.rowid AND cc.achieved_on <= d.date AND cc.expires_on > d.date)
	ON CONFLICT (date, organisation_id, unit_id) DO UPDATE SET required = required + excluded.required, current = current + excluded.current;
END;
--> statement-breakpoint
CREATE TRIGGER `trend_counts_cycle_update` AFTER UPDATE ON `competency_cycles`
WHEN (SELECT enabled = 1 FROM compliance_state WHERE id = 1)
BEGIN
	INSERT INTO trend_counts (date, organisation_id, unit_id, required, current)
	SELECT d.date, p.organisation_id, p.unit_id, 0, -1
	FROM trend_dates d, people p
	WHERE p.id = OLD.person_id AND OLD.achieved_on <= d.date AND OLD.expires_on > d.date AND p.start_date <= d.date AND (p.left_date IS NULL OR p.left_date > d.date)
		AND EXISTS (SELECT 1 FROM competency_status cs WHERE cs.person_id = OLD.person_id AND cs.competency_id = OLD.competency_id)
		AND NOT EXISTS (SELECT 1 FROM competency_cycles cc WHERE cc.person_id = OLD.person_id AND cc.competency_id = OLD.competency_id AND cc.rowid <> OLD.rowid AND cc.achieved_on <= d.date AND cc.expires_on > d.date)
	ON CONFLICT (date, organisation_id, unit_id) DO UPDATE SET required = required + excluded.required, current = current + excluded.current;
	INSERT INTO trend_counts (date, organisation_id, unit_id, required, current)
	SELECT d.date, p.organisation_id, p.unit_id, 0, 1
	FROM trend_dates d, people p
	WHERE p.id = NEW.person_id AND NEW.achieved_on <= d.date AND NEW.expires_on > d.date AND p.start_date <= d.date AND (p.left_date IS NULL OR p.left_date > d.date)
		AND EXISTS (SELECT 1 FROM competency_status cs WHERE cs.person_id = NEW.person_id AND cs.competency_id = NEW.competency_id)
		AND NOT EXISTS (SELECT 1 FROM competency_cycles cc WHERE cc.person_id = NEW.person_id AND cc.competency_id = NEW.competency_id AND cc.rowid <> NEW.rowid AND cc.achieved_on <= d.date AND cc.expires_on > d.date)
	ON CONFLICT (date, organisation_id, unit_id) DO UPDATE SET required = required + excluded.required, current = current + excluded.current;
END;
--> statement-breakpoint
CREATE TRIGGER `trend_counts_people_update` AFTER UPDATE OF `start_date`, `left_date`, `organisation_id`, `unit_id` ON `people`
WHEN (SELECT enabled = 1 FROM compliance_state WHERE id = 1)
	AND (OLD.start_date IS NOT NEW.start_date OR OLD.left_date IS NOT NEW.left_date OR OLD.organisation_id IS NOT NEW.organisation_id OR OLD.unit_id IS NOT NEW.unit_id)
BEGIN
	INSERT INTO trend_counts (date, organisation_id, unit_id, required, current)
	SELECT d.date, OLD.organisation_id, OLD.unit_id, -1 * count(*), -1 * sum(EXISTS (SELECT 1 FROM competency_cycles cc WHERE cc.person_id = cs.person_id AND cc.competency_id = cs.competency_id AND cc.achieved_on <= d.date AND cc.expires_on > d.date))
	FROM trend_dates d, competency_status cs WHERE cs.person_id = OLD.id AND OLD.start_date <= d.date AND (OLD.left_date IS NULL OR OLD.left_date > d.date)
	GROUP BY d.date
	ON CONFLICT (date, organisation_id, unit_id) DO UPDATE SET required = required + excluded.required, current = current + excluded.current;
	INSERT INTO trend_counts (date, organisation_id, unit_id, required, current)
	SELECT d.date, NEW.organisation_id, NEW.unit_id, 1 * count(*), 1 * sum(EXISTS (SELECT 1 FROM competency_cycles cc WHERE cc.person_id = cs.person_id AND cc.competency_id = cs.competency_id AND cc.achieved_on <= d.date AND cc.expires_on > d.date))
	FROM trend_dates d, competency_status cs WHERE cs.person_id = NEW.id AND NEW.start_date <= d.date AND (NEW.left_date IS NULL OR NEW.left_date > d.date)
	GROUP BY d.date
	ON CONFLICT (date, organisation_id, unit_id) DO UPDATE SET required = required + excluded.required, current = current + excluded.current;
END;
