ALTER TABLE `learner_evidence_state` ADD `met_mask` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Rows written before the mask existed get it from their states: bit i for the i-th criterion of
-- criterionIds (P1–P9, then K1–K8), as criteriaMask in src/lib/domain/criteria.ts computes it.
UPDATE `learner_evidence_state` SET `met_mask` =
  (CASE WHEN json_extract(`states`, '$.P1') = 'met' THEN 1 ELSE 0 END) +
  (CASE WHEN json_extract(`states`, '$.P2') = 'met' THEN 2 ELSE 0 END) +
  (CASE WHEN json_extract(`states`, '$.P3') = 'met' THEN 4 ELSE 0 END) +
  (CASE WHEN json_extract(`states`, '$.P4') = 'met' THEN 8 ELSE 0 END) +
  (CASE WHEN json_extract(`states`, '$.P5') = 'met' THEN 16 ELSE 0 END) +
  (CASE WHEN json_extract(`states`, '$.P6') = 'met' THEN 32 ELSE 0 END) +
  (CASE WHEN json_extract(`states`, '$.P7') = 'met' THEN 64 ELSE 0 END) +
  (CASE WHEN json_extract(`states`, '$.P8') = 'met' THEN 128 ELSE 0 END) +
  (CASE WHEN json_extract(`states`, '$.P9') = 'met' THEN 256 ELSE 0 END) +
  (CASE WHEN json_extract(`states`, '$.K1') = 'met' THEN 512 ELSE 0 END) +
  (CASE WHEN json_extract(`states`, '$.K2') = 'met' THEN 1024 ELSE 0 END) +
  (CASE WHEN json_extract(`states`, '$.K3') = 'met' THEN 2048 ELSE 0 END) +
  (CASE WHEN json_extract(`states`, '$.K4') = 'met' THEN 4096 ELSE 0 END) +
  (CASE WHEN json_extract(`states`, '$.K5') = 'met' THEN 8192 ELSE 0 END) +
  (CASE WHEN json_extract(`states`, '$.K6') = 'met' THEN 16384 ELSE 0 END) +
  (CASE WHEN json_extract(`states`, '$.K7') = 'met' THEN 32768 ELSE 0 END) +
  (CASE WHEN json_extract(`states`, '$.K8') = 'met' THEN 65536 ELSE 0 END);
