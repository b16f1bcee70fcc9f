-- Custom migration: items submitted before evidence_item.claims existed get their current version's claims.
UPDATE `evidence_item` SET `claims` = (
  SELECT `claims` FROM `evidence_version` AS v WHERE v.`evidence_id` = `evidence_item`.`id` AND v.`version` = `evidence_item`.`current_version`
) WHERE `current_version` > 0 AND EXISTS (
  SELECT 1 FROM `evidence_version` AS v WHERE v.`evidence_id` = `evidence_item`.`id` AND v.`version` = `evidence_item`.`current_version`
);
