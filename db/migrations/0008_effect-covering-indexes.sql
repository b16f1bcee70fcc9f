DROP INDEX `sale_row_customer_idx`;--> statement-breakpoint
DROP INDEX `sale_row_date_idx`;--> statement-breakpoint
CREATE INDEX `sale_row_customer_idx` ON `sale_row` (`organisation_id`,`customer`,`date`,`amount`);--> statement-breakpoint
CREATE INDEX `sale_row_date_idx` ON `sale_row` (`organisation_id`,`date`,`customer`,`amount`);--> statement-breakpoint
DROP INDEX `satisfaction_customer_idx`;--> statement-breakpoint
DROP INDEX `satisfaction_date_idx`;--> statement-breakpoint
CREATE INDEX `satisfaction_customer_idx` ON `satisfaction_row` (`organisation_id`,`customer`,`date`,`scale`,`score`);--> statement-breakpoint
CREATE INDEX `satisfaction_date_idx` ON `satisfaction_row` (`organisation_id`,`date`,`customer`,`scale`,`score`);