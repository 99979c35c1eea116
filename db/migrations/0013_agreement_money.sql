CREATE TABLE `agreement_principals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_version_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`side` text NOT NULL,
	`invoices_others` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`agreement_version_id`) REFERENCES `agreement_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agreement_principals_side_check" CHECK("agreement_principals"."side" IN ('region', 'kommunerna')),
	CONSTRAINT "agreement_principals_invoices" CHECK("agreement_principals"."invoices_others" IN (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_principals_side` ON `agreement_principals` (`agreement_version_id`,`side`);--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_principals_org` ON `agreement_principals` (`agreement_version_id`,`organisation_id`);--> statement-breakpoint
CREATE INDEX `agreement_principals_organisation` ON `agreement_principals` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `budget_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collaboration_id` integer NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`amount` integer NOT NULL,
	`rule` text DEFAULT 'modell' NOT NULL,
	`organisation_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`collaboration_id`) REFERENCES `collaborations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "budget_items_year" CHECK("budget_items"."year" BETWEEN 2000 AND 2100),
	CONSTRAINT "budget_items_kind" CHECK("budget_items"."kind" IN ('gemensamma medel', 'engångskostnad')),
	CONSTRAINT "budget_items_rule" CHECK("budget_items"."rule" IN ('modell', 'halvor', 'part')),
	CONSTRAINT "budget_items_amount" CHECK("budget_items"."amount" > 0),
	CONSTRAINT "budget_items_label" CHECK(length("budget_items"."label") BETWEEN 1 AND 300 AND length("budget_items"."note") <= 2000),
	CONSTRAINT "budget_items_party" CHECK(("budget_items"."rule" = 'part') = ("budget_items"."organisation_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `budget_items_collab_year` ON `budget_items` (`collaboration_id`,`year`);--> statement-breakpoint
CREATE INDEX `budget_items_organisation` ON `budget_items` (`organisation_id`);--> statement-breakpoint
-- Hand-edited after generation (as 0010_shared_bodies.sql). The migrator runs in one
-- transaction, where PRAGMA foreign_keys is a no-op, and recommendations refer to agreement
-- versions: so foreign keys are checked at COMMIT (deferred), and the rebuilt table is created
-- under its final name before the rows go back in, which is what SQLite counts. Dropping the
-- table drops its search-index triggers; they are created again below, unchanged.
PRAGMA defer_foreign_keys=ON;--> statement-breakpoint
CREATE TEMP TABLE `_agreement_versions_before` AS SELECT * FROM `agreement_versions`;--> statement-breakpoint
DROP TABLE `agreement_versions`;--> statement-breakpoint
CREATE TABLE `agreement_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`label` text NOT NULL,
	`adopted_on` text,
	`text` text DEFAULT '' NOT NULL,
	`change_summary` text DEFAULT '' NOT NULL,
	`first_term_start` text NOT NULL,
	`first_term_end` text NOT NULL,
	`notice_months` integer NOT NULL,
	`notice_form` text DEFAULT 'skriftligen' NOT NULL,
	`renewal_months` integer NOT NULL,
	`withdrawal_rules` text DEFAULT '' NOT NULL,
	`base_year` integer NOT NULL,
	`base_budget` integer NOT NULL,
	`index_basis_points` integer DEFAULT 0 NOT NULL,
	`region_share_basis_points` integer NOT NULL,
	`region_base_amount` integer,
	`population_month_day` text DEFAULT '11-01' NOT NULL,
	`population_year_offset` integer DEFAULT -1 NOT NULL,
	`staffing` text DEFAULT '[]' NOT NULL,
	`matter_id` integer,
	`recommendation_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`matter_id`) REFERENCES `matters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agreement_versions_label" CHECK(length("agreement_versions"."label") BETWEEN 1 AND 300),
	CONSTRAINT "agreement_versions_term" CHECK("agreement_versions"."first_term_end" >= "agreement_versions"."first_term_start"),
	CONSTRAINT "agreement_versions_notice" CHECK("agreement_versions"."notice_months" BETWEEN 0 AND 120),
	CONSTRAINT "agreement_versions_renewal" CHECK("agreement_versions"."renewal_months" BETWEEN 1 AND 120),
	CONSTRAINT "agreement_versions_base_year" CHECK("agreement_versions"."base_year" BETWEEN 2000 AND 2100),
	CONSTRAINT "agreement_versions_base_budget" CHECK("agreement_versions"."base_budget" >= 0),
	CONSTRAINT "agreement_versions_index" CHECK("agreement_versions"."index_basis_points" BETWEEN 0 AND 10000),
	CONSTRAINT "agreement_versions_region_share" CHECK("agreement_versions"."region_share_basis_points" BETWEEN 0 AND 10000),
	CONSTRAINT "agreement_versions_region_amount" CHECK("agreement_versions"."region_base_amount" IS NULL OR "agreement_versions"."region_base_amount" BETWEEN 0 AND "agreement_versions"."base_budget"),
	CONSTRAINT "agreement_versions_population_day" CHECK("agreement_versions"."population_month_day" GLOB '[01][0-9]-[0-3][0-9]' AND "agreement_versions"."population_month_day" <> '02-29'),
	CONSTRAINT "agreement_versions_population_offset" CHECK("agreement_versions"."population_year_offset" BETWEEN -5 AND 0),
	CONSTRAINT "agreement_versions_texts" CHECK(length("agreement_versions"."change_summary") <= 5000 AND length("agreement_versions"."withdrawal_rules") <= 5000)
);
--> statement-breakpoint
INSERT INTO `agreement_versions`("id", "agreement_id", "label", "adopted_on", "text", "change_summary", "first_term_start", "first_term_end", "notice_months", "notice_form", "renewal_months", "withdrawal_rules", "base_year", "base_budget", "index_basis_points", "region_share_basis_points", "region_base_amount", "population_month_day", "population_year_offset", "staffing", "matter_id", "recommendation_id", "version", "created_by", "created_at") SELECT "id", "agreement_id", "label", "adopted_on", "text", '', "first_term_start", "first_term_end", "notice_months", "notice_form", "renewal_months", "withdrawal_rules", "base_year", "base_budget", "index_basis_points", "region_share_basis_points", "region_base_amount", '11-01', -1, "staffing", "matter_id", "recommendation_id", "version", "created_by", "created_at" FROM `_agreement_versions_before`;--> statement-breakpoint
DROP TABLE `_agreement_versions_before`;--> statement-breakpoint
CREATE TRIGGER search_agreement_versions_insert AFTER INSERT ON agreement_versions BEGIN
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('agreement_version', NEW.id, NEW.label, NEW.text);
END;--> statement-breakpoint
CREATE TRIGGER search_agreement_versions_update AFTER UPDATE ON agreement_versions BEGIN
  DELETE FROM search_index WHERE kind = 'agreement_version' AND ref_id = OLD.id;
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('agreement_version', NEW.id, NEW.label, NEW.text);
END;--> statement-breakpoint
CREATE TRIGGER search_agreement_versions_delete AFTER DELETE ON agreement_versions BEGIN
  DELETE FROM search_index WHERE kind = 'agreement_version' AND ref_id = OLD.id;
END;--> statement-breakpoint
CREATE INDEX `agreement_versions_agreement` ON `agreement_versions` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `agreement_versions_matter` ON `agreement_versions` (`matter_id`);--> statement-breakpoint
CREATE INDEX `agreement_versions_created_by` ON `agreement_versions` (`created_by`);--> statement-breakpoint
CREATE TABLE `__new_budget_years` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collaboration_id` integer NOT NULL,
	`year` integer NOT NULL,
	`total_by_decision` integer,
	`decided_on` text,
	`decision_ref` text DEFAULT '' NOT NULL,
	`outcome` integer,
	`note` text DEFAULT '' NOT NULL,
	`illustrative` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`collaboration_id`) REFERENCES `collaborations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "budget_years_year" CHECK("__new_budget_years"."year" BETWEEN 2000 AND 2100),
	CONSTRAINT "budget_years_total" CHECK("__new_budget_years"."total_by_decision" IS NULL OR "__new_budget_years"."total_by_decision" >= 0),
	CONSTRAINT "budget_years_outcome" CHECK("__new_budget_years"."outcome" IS NULL OR "__new_budget_years"."outcome" >= 0),
	CONSTRAINT "budget_years_texts" CHECK(length("__new_budget_years"."decision_ref") <= 300 AND length("__new_budget_years"."note") <= 2000),
	CONSTRAINT "budget_years_illustrative" CHECK("__new_budget_years"."illustrative" IN (0, 1))
);
--> statement-breakpoint
INSERT INTO `__new_budget_years`("id", "collaboration_id", "year", "total_by_decision", "decided_on", "decision_ref", "outcome", "note", "illustrative", "version") SELECT "id", "collaboration_id", "year", "total_by_decision", NULL, '', "outcome", "note", 0, 1 FROM `budget_years`;--> statement-breakpoint
DROP TABLE `budget_years`;--> statement-breakpoint
ALTER TABLE `__new_budget_years` RENAME TO `budget_years`;--> statement-breakpoint
CREATE UNIQUE INDEX `budget_years_collab_year` ON `budget_years` (`collaboration_id`,`year`);--> statement-breakpoint
ALTER TABLE `populations` ADD `as_of` text;--> statement-breakpoint
ALTER TABLE `populations` ADD `illustrative` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `populations` ADD `source` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- A figure entered for budget year N was the population on 1 November N−1 (the only rule so far).
UPDATE `populations` SET `as_of` = printf('%04d-11-01', `year` - 1);--> statement-breakpoint
CREATE TABLE `__new_recorded_allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collaboration_id` integer NOT NULL,
	`year` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`source` text NOT NULL,
	FOREIGN KEY (`collaboration_id`) REFERENCES `collaborations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "recorded_allocations_amount" CHECK("__new_recorded_allocations"."amount" >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_recorded_allocations`("id", "collaboration_id", "year", "organisation_id", "amount", "source") SELECT "id", "collaboration_id", "year", "organisation_id", "amount", "source" FROM `recorded_allocations`;--> statement-breakpoint
DROP TABLE `recorded_allocations`;--> statement-breakpoint
ALTER TABLE `__new_recorded_allocations` RENAME TO `recorded_allocations`;--> statement-breakpoint
CREATE UNIQUE INDEX `recorded_allocations_key` ON `recorded_allocations` (`collaboration_id`,`year`,`organisation_id`);--> statement-breakpoint
CREATE INDEX `recorded_allocations_organisation` ON `recorded_allocations` (`organisation_id`);