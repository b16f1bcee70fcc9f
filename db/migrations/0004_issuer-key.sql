CREATE TABLE `issuer_key` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`private_key_pkcs8` text NOT NULL,
	`created_at` integer NOT NULL,
	`retired_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `issuer_key_one_active` ON `issuer_key` (`status`) WHERE status = 'active';