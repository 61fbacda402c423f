ALTER TABLE `audit_log` ADD `key_id` text;--> statement-breakpoint
ALTER TABLE `people` ADD `left_by_admin` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Written by hand: people already marked as left whose leaving was last recorded by an administrator (on the
-- person page, which only administrators reach, or in a roster import by someone who holds the administrator
-- role) may be reinstated only by an administrator.
UPDATE `people` SET `left_by_admin` = 1
WHERE `status` = 'left' AND EXISTS (
	SELECT 1 FROM `audit_log` a
	WHERE a.`id` = (
		SELECT max(l.`id`) FROM `audit_log` l
		WHERE l.`entity` = 'person' AND l.`entity_id` = CAST(`people`.`id` AS text) AND l.`action` = 'person-left'
	)
	AND (json_extract(a.`detail`, '$.via') IS NULL OR EXISTS (SELECT 1 FROM `role_grants` g WHERE g.`person_id` = a.`actor_id` AND g.`role` = 'admin'))
);
