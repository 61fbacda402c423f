-- Hand-written after the generated table: the triggers that move a person's learner version with every write to
-- what their own training pages read (db/person-cache.ts). A missing row means 0, so nothing is backfilled.
CREATE TABLE `learner_versions` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `learner_versions_evidence_insert` AFTER INSERT ON `evidence`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (NEW.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_evidence_update` AFTER UPDATE ON `evidence`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (NEW.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_evidence_delete` AFTER DELETE ON `evidence`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (OLD.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_competency_status_insert` AFTER INSERT ON `competency_status`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (NEW.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_competency_status_update` AFTER UPDATE ON `competency_status`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (NEW.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_competency_status_delete` AFTER DELETE ON `competency_status`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (OLD.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_module_progress_insert` AFTER INSERT ON `module_progress`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (NEW.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_module_progress_update` AFTER UPDATE ON `module_progress`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (NEW.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_module_progress_delete` AFTER DELETE ON `module_progress`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (OLD.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_quiz_attempts_insert` AFTER INSERT ON `quiz_attempts`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (NEW.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_quiz_attempts_update` AFTER UPDATE ON `quiz_attempts`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (NEW.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_quiz_attempts_delete` AFTER DELETE ON `quiz_attempts`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (OLD.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_module_completions_insert` AFTER INSERT ON `module_completions`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (NEW.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_module_completions_update` AFTER UPDATE ON `module_completions`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (NEW.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_module_completions_delete` AFTER DELETE ON `module_completions`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (OLD.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_scenario_runs_insert` AFTER INSERT ON `scenario_runs`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (NEW.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_scenario_runs_update` AFTER UPDATE OF `passed` ON `scenario_runs`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (NEW.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_scenario_runs_delete` AFTER DELETE ON `scenario_runs`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (OLD.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_assignment_people_insert` AFTER INSERT ON `assignment_people`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (NEW.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_assignment_people_update` AFTER UPDATE ON `assignment_people`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (NEW.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_assignment_people_delete` AFTER DELETE ON `assignment_people`
BEGIN
	INSERT INTO learner_versions (person_id, version) VALUES (OLD.person_id, 1) ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `learner_versions_assignments_update` AFTER UPDATE ON `assignments`
BEGIN
	INSERT INTO learner_versions (person_id, version) SELECT person_id, 1 FROM assignment_people WHERE assignment_id = NEW.id
	ON CONFLICT (person_id) DO UPDATE SET version = learner_versions.version + 1;
END;
