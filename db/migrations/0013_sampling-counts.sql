CREATE TABLE `assessor_sampling_count` (
	`assessor_id` text PRIMARY KEY NOT NULL,
	`decisions` integer DEFAULT 0 NOT NULL,
	`sampled` integer DEFAULT 0 NOT NULL,
	`disagreed` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`assessor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `decision_decided_idx` ON `decision` (`decided_at`);--> statement-breakpoint
-- Counts for the decisions and samples already made. Assessors with no decision get no row (the page
-- lists assessors who have decided something).
INSERT INTO `assessor_sampling_count` (`assessor_id`, `decisions`, `sampled`, `disagreed`)
  SELECT d.`assessor_id`, count(*),
    count(q.`id`),
    coalesce(sum(CASE WHEN q.`agrees` = 0 THEN 1 ELSE 0 END), 0)
  FROM `decision` d LEFT JOIN `quality_sample` q ON q.`decision_id` = d.`id`
  GROUP BY d.`assessor_id`;
--> statement-breakpoint
-- Every decision counts for its assessor, in the transaction that records it.
CREATE TRIGGER assessor_sampling_count_decision AFTER INSERT ON `decision`
BEGIN
  INSERT INTO `assessor_sampling_count` (`assessor_id`, `decisions`) VALUES (NEW.`assessor_id`, 1)
    ON CONFLICT (`assessor_id`) DO UPDATE SET `decisions` = `decisions` + 1;
END;
--> statement-breakpoint
-- Every sample counts for the assessor whose decision was sampled.
CREATE TRIGGER assessor_sampling_count_sample AFTER INSERT ON `quality_sample`
BEGIN
  UPDATE `assessor_sampling_count`
    SET `sampled` = `sampled` + 1, `disagreed` = `disagreed` + (CASE WHEN NEW.`agrees` = 0 THEN 1 ELSE 0 END)
    WHERE `assessor_id` = (SELECT `assessor_id` FROM `decision` WHERE `id` = NEW.`decision_id`);
END;
