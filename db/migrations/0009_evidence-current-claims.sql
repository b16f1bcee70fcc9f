DROP INDEX `evidence_learner_wait_idx`;--> statement-breakpoint
ALTER TABLE `evidence_item` ADD `claims` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE INDEX `evidence_learner_wait_idx` ON `evidence_item` (`learner_id`,`status`,`submitted_at`,`id`,`current_version`,`kind`,`title`,`claims`);