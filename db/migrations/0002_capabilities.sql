CREATE TABLE `reflection` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`title` text NOT NULL,
	`criteria` text NOT NULL,
	`scenario_attempt_id` text,
	`current_version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scenario_attempt_id`) REFERENCES `scenario_attempt`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reflection_user_idx` ON `reflection` (`user_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `reflection_version` (
	`reflection_id` text NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`saved_at` integer NOT NULL,
	FOREIGN KEY (`reflection_id`) REFERENCES `reflection`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reflection_version_idx` ON `reflection_version` (`reflection_id`,`version`);--> statement-breakpoint
CREATE TABLE `scenario_attempt` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`scenario_id` text NOT NULL,
	`seed` integer NOT NULL,
	`moves` text NOT NULL,
	`seq` integer DEFAULT 0 NOT NULL,
	`state` text NOT NULL,
	`outcome` text,
	`debrief` text,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scenario_attempt_user_idx` ON `scenario_attempt` (`user_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `decision` (
	`id` text PRIMARY KEY NOT NULL,
	`evidence_id` text NOT NULL,
	`version` integer NOT NULL,
	`learner_id` text NOT NULL,
	`criterion` text NOT NULL,
	`outcome` text NOT NULL,
	`feedback` text NOT NULL,
	`assessor_id` text NOT NULL,
	`decided_at` integer NOT NULL,
	`follows` text,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence_item`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`learner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assessor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `decision_learner_idx` ON `decision` (`learner_id`,`criterion`,`decided_at`);--> statement-breakpoint
CREATE INDEX `decision_evidence_idx` ON `decision` (`evidence_id`,`criterion`);--> statement-breakpoint
CREATE INDEX `decision_assessor_idx` ON `decision` (`assessor_id`,`decided_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `decision_follows_unique` ON `decision` (`evidence_id`,`criterion`,`follows`);--> statement-breakpoint
CREATE TABLE `evidence_item` (
	`id` text PRIMARY KEY NOT NULL,
	`learner_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`source_id` text,
	`created_by` text NOT NULL,
	`status` text NOT NULL,
	`current_version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`submitted_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_learner_idx` ON `evidence_item` (`learner_id`,`status`);--> statement-breakpoint
CREATE INDEX `evidence_queue_idx` ON `evidence_item` (`status`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `evidence_version` (
	`evidence_id` text NOT NULL,
	`version` integer NOT NULL,
	`claims` text NOT NULL,
	`snapshot` text NOT NULL,
	`declared_own_work` integer NOT NULL,
	`submitted_by` text NOT NULL,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`evidence_id`) REFERENCES `evidence_item`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_version_unique` ON `evidence_version` (`evidence_id`,`version`);--> statement-breakpoint
CREATE TABLE `notification` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`text` text NOT NULL,
	`link` text,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notification_user_idx` ON `notification` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `quality_sample` (
	`id` text PRIMARY KEY NOT NULL,
	`decision_id` text NOT NULL,
	`lead_assessor_id` text NOT NULL,
	`agrees` integer NOT NULL,
	`reason` text NOT NULL,
	`sampled_at` integer NOT NULL,
	FOREIGN KEY (`decision_id`) REFERENCES `decision`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_assessor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quality_sample_decision_unique` ON `quality_sample` (`decision_id`);--> statement-breakpoint
CREATE TABLE `sign_off` (
	`learner_id` text PRIMARY KEY NOT NULL,
	`assessor_id` text NOT NULL,
	`declaration` text NOT NULL,
	`signed_at` integer NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assessor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `upload` (
	`id` text PRIMARY KEY NOT NULL,
	`learner_id` text NOT NULL,
	`display_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`data` blob NOT NULL,
	`uploaded_by` text NOT NULL,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`learner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `upload_learner_idx` ON `upload` (`learner_id`);--> statement-breakpoint
CREATE TABLE `approach_review` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`due_date` text NOT NULL,
	`trigger` text NOT NULL,
	`completed_at` integer,
	`completed_by` text,
	`notes` text,
	`approach_version_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approach_review_org_idx` ON `approach_review` (`organisation_id`,`due_date`);--> statement-breakpoint
CREATE TABLE `approach_version` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`version` integer NOT NULL,
	`segments` text NOT NULL,
	`terms_by_segment` text NOT NULL,
	`competitor_notes` text NOT NULL,
	`brand_position` text NOT NULL,
	`change_summary` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approach_version_unique` ON `approach_version` (`organisation_id`,`version`);--> statement-breakpoint
CREATE TABLE `authority_acknowledgement` (
	`grant_id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`acknowledged_at` integer NOT NULL,
	FOREIGN KEY (`grant_id`) REFERENCES `authority_grant`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `authority_grant` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`kind` text NOT NULL,
	`level_id` text,
	`level_snapshot` text,
	`reason` text,
	`granted_by` text NOT NULL,
	`granted_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`level_id`) REFERENCES `authority_level`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`granted_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `authority_grant_staff_idx` ON `authority_grant` (`staff_id`,`granted_at`);--> statement-breakpoint
CREATE INDEX `authority_grant_org_idx` ON `authority_grant` (`organisation_id`,`granted_at`);--> statement-breakpoint
CREATE TABLE `authority_level` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`rank` integer NOT NULL,
	`max_discount` real NOT NULL,
	`max_value` real NOT NULL,
	`allowed_concessions` text NOT NULL,
	`required_criteria` text NOT NULL,
	`lock_version` integer DEFAULT 0 NOT NULL,
	`archived_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `authority_level_org_idx` ON `authority_level` (`organisation_id`,`rank`);--> statement-breakpoint
CREATE TABLE `calendar_event` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calendar_event_org_idx` ON `calendar_event` (`organisation_id`,`start_date`);--> statement-breakpoint
CREATE TABLE `register_entry` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`customer_ref` text NOT NULL,
	`concessions` text NOT NULL,
	`sale` text NOT NULL,
	`cost` real NOT NULL,
	`reason` text NOT NULL,
	`referred` integer DEFAULT false NOT NULL,
	`agreed_at` integer NOT NULL,
	`reported_at` integer NOT NULL,
	`grant_id` text,
	`within_authority` integer NOT NULL,
	`flag_reasons` text NOT NULL,
	`source` text DEFAULT 'shop' NOT NULL,
	`scenario_attempt_id` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `register_org_idx` ON `register_entry` (`organisation_id`,`agreed_at`);--> statement-breakpoint
CREATE INDEX `register_staff_idx` ON `register_entry` (`staff_id`,`agreed_at`);--> statement-breakpoint
CREATE TABLE `sale_row` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` text NOT NULL,
	`date` text NOT NULL,
	`customer` text NOT NULL,
	`amount` real NOT NULL,
	`cost` real NOT NULL,
	`row_key` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sale_row_key_unique` ON `sale_row` (`organisation_id`,`row_key`);--> statement-breakpoint
CREATE INDEX `sale_row_customer_idx` ON `sale_row` (`organisation_id`,`customer`,`date`);--> statement-breakpoint
CREATE INDEX `sale_row_date_idx` ON `sale_row` (`organisation_id`,`date`);--> statement-breakpoint
CREATE TABLE `satisfaction_row` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` text NOT NULL,
	`date` text NOT NULL,
	`customer` text NOT NULL,
	`scale` text NOT NULL,
	`score` integer NOT NULL,
	`row_key` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `satisfaction_row_key_unique` ON `satisfaction_row` (`organisation_id`,`row_key`);--> statement-breakpoint
CREATE INDEX `satisfaction_customer_idx` ON `satisfaction_row` (`organisation_id`,`customer`,`date`);