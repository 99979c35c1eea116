-- Recommendations get a lifecycle (utkast → beslutad → skickad → uppföljd → avslutad, or
-- återkallad), kept versions, attached files, letters to the parties, and answers with §,
-- registry number and changes; CHECK constraints on all of them.
--
-- Written by hand from drizzle-kit's output: the migrator runs in one transaction, where
-- PRAGMA foreign_keys=OFF has no effect, so dropping a parent table would cascade into its
-- children. The old rows are copied aside first, the tables dropped leaf first, created anew
-- and filled from the copies. Rows that existed before were sent when created (the old model
-- had no drafts): they become 'skickad' with version 1, or 'avslutad' when every party has
-- decided. The old free-text reference ("KS § 151") becomes the § number; a reference
-- without § becomes the registry number.
CREATE TABLE `_old_recommendations` AS SELECT * FROM `recommendations`;
--> statement-breakpoint
CREATE TABLE `_old_recommendation_parties` AS SELECT * FROM `recommendation_parties`;
--> statement-breakpoint
CREATE TABLE `_old_party_answers` AS SELECT * FROM `party_answers`;
--> statement-breakpoint
DROP TABLE `party_answers`;
--> statement-breakpoint
DROP TABLE `recommendation_parties`;
--> statement-breakpoint
DROP TABLE `recommendations`;
--> statement-breakpoint
CREATE TABLE `recommendations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collaboration_id` integer NOT NULL,
	`decision_id` integer,
	`matter_id` integer,
	`status` text DEFAULT 'utkast' NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`ask` text NOT NULL,
	`answer_deadline` text NOT NULL,
	`cost_year` integer,
	`is_public` integer DEFAULT true NOT NULL,
	`agreement_version_id` integer,
	`sent_at` text,
	`sent_by` text,
	`followed_up_on` text,
	`follow_up_note` text DEFAULT '' NOT NULL,
	`closed_at` text,
	`withdrawn_at` text,
	`withdrawn_by` text,
	`withdrawal_reason` text DEFAULT '' NOT NULL,
	`created_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`collaboration_id`) REFERENCES `collaborations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`matter_id`) REFERENCES `matters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_version_id`) REFERENCES `agreement_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sent_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "recommendations_status" CHECK("recommendations"."status" IN ('utkast', 'beslutad', 'skickad', 'uppföljd', 'avslutad', 'återkallad')),
	CONSTRAINT "recommendations_title" CHECK(length(trim(title)) BETWEEN 1 AND 300),
	CONSTRAINT "recommendations_ask" CHECK(length(trim(ask)) >= 1),
	CONSTRAINT "recommendations_deadline" CHECK(answer_deadline IS NULL OR answer_deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "recommendations_followed_up_on" CHECK(followed_up_on IS NULL OR followed_up_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "recommendations_cost_year" CHECK(cost_year IS NULL OR cost_year BETWEEN 2000 AND 2200),
	CONSTRAINT "recommendations_decided" CHECK(status = 'utkast' OR decision_id IS NOT NULL OR sent_at IS NOT NULL),
	CONSTRAINT "recommendations_sent" CHECK(status IN ('utkast', 'beslutad') OR sent_at IS NOT NULL),
	CONSTRAINT "recommendations_withdrawn" CHECK(status <> 'återkallad' OR (withdrawn_at IS NOT NULL AND length(trim(withdrawal_reason)) > 0)),
	CONSTRAINT "recommendations_version" CHECK(version >= 1)
);
--> statement-breakpoint
CREATE INDEX `recommendations_collab_deadline` ON `recommendations` (`collaboration_id`,`answer_deadline`);
--> statement-breakpoint
CREATE INDEX `recommendations_decision` ON `recommendations` (`decision_id`);
--> statement-breakpoint
CREATE INDEX `recommendations_matter` ON `recommendations` (`matter_id`);
--> statement-breakpoint
CREATE INDEX `recommendations_agreement_version` ON `recommendations` (`agreement_version_id`);
--> statement-breakpoint
CREATE INDEX `recommendations_created_by` ON `recommendations` (`created_by`);
--> statement-breakpoint
CREATE INDEX `recommendations_sent_by` ON `recommendations` (`sent_by`);
--> statement-breakpoint
CREATE INDEX `recommendations_withdrawn_by` ON `recommendations` (`withdrawn_by`);
--> statement-breakpoint
INSERT INTO `recommendations` (`id`, `collaboration_id`, `decision_id`, `matter_id`, `status`, `title`, `summary`, `ask`, `answer_deadline`, `cost_year`, `is_public`, `agreement_version_id`, `sent_at`, `sent_by`, `closed_at`, `created_by`, `version`, `created_at`)
SELECT r.`id`, r.`collaboration_id`, r.`decision_id`, r.`matter_id`,
  CASE WHEN EXISTS (SELECT 1 FROM `_old_recommendation_parties` p WHERE p.`recommendation_id` = r.`id`)
        AND NOT EXISTS (SELECT 1 FROM `_old_recommendation_parties` p WHERE p.`recommendation_id` = r.`id` AND p.`status` NOT IN ('antagen', 'antagen med ändringar', 'avslagen')) THEN 'avslutad' ELSE 'skickad' END,
  r.`title`, r.`summary`, r.`ask`, r.`answer_deadline`,
  CASE WHEN r.`agreement_version_id` IS NULL THEN NULL
       WHEN CAST(substr(v.`first_term_start`, 1, 4) AS INTEGER) >= CAST(substr(r.`answer_deadline`, 1, 4) AS INTEGER) THEN CAST(substr(v.`first_term_start`, 1, 4) AS INTEGER)
       ELSE CAST(substr(r.`answer_deadline`, 1, 4) AS INTEGER) + 1 END,
  r.`is_public`, r.`agreement_version_id`, r.`created_at`, r.`created_by`,
  CASE WHEN EXISTS (SELECT 1 FROM `_old_recommendation_parties` p WHERE p.`recommendation_id` = r.`id`)
        AND NOT EXISTS (SELECT 1 FROM `_old_recommendation_parties` p WHERE p.`recommendation_id` = r.`id` AND p.`status` NOT IN ('antagen', 'antagen med ändringar', 'avslagen'))
       THEN (SELECT max(p.`decision_date`) || 'T12:00:00.000Z' FROM `_old_recommendation_parties` p WHERE p.`recommendation_id` = r.`id`) END,
  r.`created_by`, r.`version`, r.`created_at`
FROM `_old_recommendations` r LEFT JOIN `agreement_versions` v ON v.`id` = r.`agreement_version_id`;
--> statement-breakpoint
CREATE TABLE `recommendation_parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recommendation_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`deadline` text,
	`status` text DEFAULT 'väntar' NOT NULL,
	`decision_date` text,
	`deciding_body` text DEFAULT '' NOT NULL,
	`paragraph` integer,
	`registry_number` text DEFAULT '' NOT NULL,
	`changes` text DEFAULT '' NOT NULL,
	`file_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`confirmed_by` text,
	`confirmed_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`recommendation_id`) REFERENCES `recommendations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "recommendation_parties_status" CHECK("recommendation_parties"."status" IN ('väntar', 'behandlas', 'bordlagd', 'återremitterad', 'antagen', 'antagen med ändringar', 'avslagen')),
	CONSTRAINT "recommendation_parties_deadline" CHECK(deadline IS NULL OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "recommendation_parties_decision_date" CHECK(decision_date IS NULL OR decision_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "recommendation_parties_paragraph" CHECK(paragraph IS NULL OR paragraph BETWEEN 1 AND 100000),
	CONSTRAINT "recommendation_parties_lengths" CHECK(length(deciding_body) <= 200 AND length(registry_number) <= 100),
	CONSTRAINT "recommendation_parties_changes" CHECK(status <> 'antagen med ändringar' OR length(trim(changes)) > 0),
	CONSTRAINT "recommendation_parties_version" CHECK(version >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recommendation_parties_key` ON `recommendation_parties` (`recommendation_id`,`organisation_id`);
--> statement-breakpoint
CREATE INDEX `recommendation_parties_organisation` ON `recommendation_parties` (`organisation_id`,`status`);
--> statement-breakpoint
CREATE INDEX `recommendation_parties_status` ON `recommendation_parties` (`status`);
--> statement-breakpoint
CREATE INDEX `recommendation_parties_file` ON `recommendation_parties` (`file_id`);
--> statement-breakpoint
CREATE INDEX `recommendation_parties_confirmed_by` ON `recommendation_parties` (`confirmed_by`);
--> statement-breakpoint
INSERT INTO `recommendation_parties` (`id`, `recommendation_id`, `organisation_id`, `status`, `decision_date`, `deciding_body`, `paragraph`, `registry_number`, `file_id`, `note`, `confirmed_by`, `confirmed_at`, `version`)
SELECT `id`, `recommendation_id`, `organisation_id`, `status`, `decision_date`, `deciding_body`,
  CASE WHEN instr(`reference`, '§') > 0 THEN NULLIF(CAST(trim(substr(`reference`, instr(`reference`, '§') + 1)) AS INTEGER), 0) END,
  CASE WHEN instr(`reference`, '§') > 0 THEN '' ELSE substr(`reference`, 1, 100) END,
  `file_id`, `note`, `confirmed_by`, `confirmed_at`, `version`
FROM `_old_recommendation_parties`;
--> statement-breakpoint
CREATE TABLE `party_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recommendation_party_id` integer NOT NULL,
	`event` text NOT NULL,
	`status` text NOT NULL,
	`decision_date` text,
	`deciding_body` text DEFAULT '' NOT NULL,
	`paragraph` integer,
	`registry_number` text DEFAULT '' NOT NULL,
	`changes` text DEFAULT '' NOT NULL,
	`file_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`by_user` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`recommendation_party_id`) REFERENCES `recommendation_parties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "party_answers_event" CHECK("party_answers"."event" IN ('rapporterat', 'bekräftat', 'rättat')),
	CONSTRAINT "party_answers_status" CHECK("party_answers"."status" IN ('väntar', 'behandlas', 'bordlagd', 'återremitterad', 'antagen', 'antagen med ändringar', 'avslagen')),
	CONSTRAINT "party_answers_decision_date" CHECK(decision_date IS NULL OR decision_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "party_answers_paragraph" CHECK(paragraph IS NULL OR paragraph BETWEEN 1 AND 100000)
);
--> statement-breakpoint
CREATE INDEX `party_answers_party` ON `party_answers` (`recommendation_party_id`,`id`);
--> statement-breakpoint
CREATE INDEX `party_answers_file` ON `party_answers` (`file_id`);
--> statement-breakpoint
CREATE INDEX `party_answers_by_user` ON `party_answers` (`by_user`);
--> statement-breakpoint
INSERT INTO `party_answers` (`id`, `recommendation_party_id`, `event`, `status`, `decision_date`, `deciding_body`, `paragraph`, `registry_number`, `file_id`, `note`, `by_user`, `created_at`)
SELECT `id`, `recommendation_party_id`, `event`, `status`, `decision_date`, `deciding_body`,
  CASE WHEN instr(`reference`, '§') > 0 THEN NULLIF(CAST(trim(substr(`reference`, instr(`reference`, '§') + 1)) AS INTEGER), 0) END,
  CASE WHEN instr(`reference`, '§') > 0 THEN '' ELSE substr(`reference`, 1, 100) END,
  `file_id`, `note`, `by_user`, `created_at`
FROM `_old_party_answers`;
--> statement-breakpoint
DROP TABLE `_old_party_answers`;
--> statement-breakpoint
DROP TABLE `_old_recommendation_parties`;
--> statement-breakpoint
DROP TABLE `_old_recommendations`;
--> statement-breakpoint
-- Dropping the table dropped its search triggers (0008); the index rows stayed. Re-create them.
CREATE TRIGGER search_recommendations_insert AFTER INSERT ON recommendations BEGIN
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('recommendation', NEW.id, NEW.title, NEW.ask || ' ' || NEW.summary);
END;
--> statement-breakpoint
CREATE TRIGGER search_recommendations_update AFTER UPDATE ON recommendations BEGIN
  DELETE FROM search_index WHERE kind = 'recommendation' AND ref_id = OLD.id;
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('recommendation', NEW.id, NEW.title, NEW.ask || ' ' || NEW.summary);
END;
--> statement-breakpoint
CREATE TRIGGER search_recommendations_delete AFTER DELETE ON recommendations BEGIN
  DELETE FROM search_index WHERE kind = 'recommendation' AND ref_id = OLD.id;
END;
--> statement-breakpoint
CREATE TABLE `recommendation_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recommendation_id` integer NOT NULL,
	`version_no` integer NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`ask` text NOT NULL,
	`answer_deadline` text NOT NULL,
	`cost_year` integer,
	`reason` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`recommendation_id`) REFERENCES `recommendations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "recommendation_versions_no" CHECK(version_no >= 1),
	CONSTRAINT "recommendation_versions_reason" CHECK(version_no = 1 OR length(trim(reason)) > 0),
	CONSTRAINT "recommendation_versions_deadline" CHECK(answer_deadline IS NULL OR answer_deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recommendation_versions_no` ON `recommendation_versions` (`recommendation_id`,`version_no`);
--> statement-breakpoint
CREATE INDEX `recommendation_versions_created_by` ON `recommendation_versions` (`created_by`);
--> statement-breakpoint
-- What every party received: version 1 of each recommendation sent before this migration.
INSERT INTO `recommendation_versions` (`recommendation_id`, `version_no`, `title`, `summary`, `ask`, `answer_deadline`, `cost_year`, `reason`, `created_by`, `created_at`)
SELECT `id`, 1, `title`, `summary`, `ask`, `answer_deadline`, `cost_year`, '', `created_by`, `sent_at` FROM `recommendations` WHERE `sent_at` IS NOT NULL;
--> statement-breakpoint
CREATE TABLE `recommendation_files` (
	`recommendation_id` integer NOT NULL,
	`file_id` integer NOT NULL,
	`role` text NOT NULL,
	FOREIGN KEY (`recommendation_id`) REFERENCES `recommendations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "recommendation_files_role" CHECK("recommendation_files"."role" IN ('utdrag', 'underlag'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recommendation_files_pk` ON `recommendation_files` (`recommendation_id`,`file_id`);
--> statement-breakpoint
CREATE INDEX `recommendation_files_file` ON `recommendation_files` (`file_id`);
--> statement-breakpoint
CREATE TABLE `recommendation_letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recommendation_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`kind` text NOT NULL,
	`version_no` integer NOT NULL,
	`sent_on` text NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`recommendation_id`) REFERENCES `recommendations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "recommendation_letters_kind" CHECK("recommendation_letters"."kind" IN ('rekommendation', 'rättelse', 'återkallelse', 'påminnelse före', 'påminnelse efter')),
	CONSTRAINT "recommendation_letters_sent_on" CHECK(sent_on IS NULL OR sent_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE INDEX `recommendation_letters_rec` ON `recommendation_letters` (`recommendation_id`,`organisation_id`);
--> statement-breakpoint
CREATE INDEX `recommendation_letters_organisation` ON `recommendation_letters` (`organisation_id`);
--> statement-breakpoint
CREATE INDEX `recommendation_letters_created_by` ON `recommendation_letters` (`created_by`);
