CREATE TABLE `learner_evidence_state` (
	`learner_id` text PRIMARY KEY NOT NULL,
	`states` text NOT NULL,
	`refreshed_at` integer NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `evidence_learner_idx`;--> statement-breakpoint
CREATE INDEX `evidence_learner_wait_idx` ON `evidence_item` (`learner_id`,`status`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `register_org_flag_idx` ON `register_entry` (`organisation_id`,`source`,`within_authority`,`agreed_at`,`reported_at`);