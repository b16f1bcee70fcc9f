-- Formal records are never changed or removed in place: corrections are new rows that name what they follow.
CREATE TRIGGER evidence_version_no_update BEFORE UPDATE ON evidence_version
BEGIN SELECT RAISE(ABORT, 'evidence_version is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER evidence_version_no_delete BEFORE DELETE ON evidence_version
BEGIN SELECT RAISE(ABORT, 'evidence_version is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER decision_no_update BEFORE UPDATE ON decision
BEGIN SELECT RAISE(ABORT, 'decision is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER decision_no_delete BEFORE DELETE ON decision
BEGIN SELECT RAISE(ABORT, 'decision is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER quality_sample_no_update BEFORE UPDATE ON quality_sample
BEGIN SELECT RAISE(ABORT, 'quality_sample is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER quality_sample_no_delete BEFORE DELETE ON quality_sample
BEGIN SELECT RAISE(ABORT, 'quality_sample is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER sign_off_no_update BEFORE UPDATE ON sign_off
BEGIN SELECT RAISE(ABORT, 'sign_off is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER sign_off_no_delete BEFORE DELETE ON sign_off
BEGIN SELECT RAISE(ABORT, 'sign_off is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER authority_grant_no_update BEFORE UPDATE ON authority_grant
BEGIN SELECT RAISE(ABORT, 'authority_grant is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER authority_grant_no_delete BEFORE DELETE ON authority_grant
BEGIN SELECT RAISE(ABORT, 'authority_grant is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER authority_acknowledgement_no_update BEFORE UPDATE ON authority_acknowledgement
BEGIN SELECT RAISE(ABORT, 'authority_acknowledgement is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER authority_acknowledgement_no_delete BEFORE DELETE ON authority_acknowledgement
BEGIN SELECT RAISE(ABORT, 'authority_acknowledgement is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER register_entry_no_update BEFORE UPDATE ON register_entry
BEGIN SELECT RAISE(ABORT, 'register_entry is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER register_entry_no_delete BEFORE DELETE ON register_entry
BEGIN SELECT RAISE(ABORT, 'register_entry is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER approach_version_no_update BEFORE UPDATE ON approach_version
BEGIN SELECT RAISE(ABORT, 'approach_version is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER approach_version_no_delete BEFORE DELETE ON approach_version
BEGIN SELECT RAISE(ABORT, 'approach_version is append-only'); END;
