ALTER TABLE `audit_log` ADD `redacted_at` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `redacted_by` text;--> statement-breakpoint
-- Still append-only, with one exception: the coordinator's redaction of a personal identity
-- number may rewrite before/after, and only while stamping who redacted and when. Everything
-- else about the entry (when, who, what, which record) can never change; a redaction stamp
-- cannot be removed.
DROP TRIGGER audit_log_no_update;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
  NEW.id IS OLD.id AND NEW.created_at IS OLD.created_at AND NEW.user_id IS OLD.user_id
  AND NEW.action IS OLD.action AND NEW.entity_type IS OLD.entity_type AND NEW.entity_id IS OLD.entity_id
  AND NEW.redacted_at IS NOT NULL AND NEW.redacted_by IS NOT NULL
  AND (OLD.redacted_at IS NULL OR NEW.redacted_at >= OLD.redacted_at)
)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
