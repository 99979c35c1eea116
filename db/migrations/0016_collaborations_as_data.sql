CREATE TABLE `body_standard_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`position` integer NOT NULL,
	`key` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "body_standard_items_position" CHECK("position" between 1 and 1000),
	CONSTRAINT "body_standard_items_key_format" CHECK(length("key") between 1 and 60 and "key" not glob '*[^a-z0-9-]*'),
	CONSTRAINT "body_standard_items_title" CHECK(length("title") between 1 and 200),
	CONSTRAINT "body_standard_items_kind" CHECK("kind" in ('formalia', 'information', 'beslut', 'diskussion', 'rekommendation till parterna', 'återrapportering'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `body_standard_items_key` ON `body_standard_items` (`body_id`,`key`);--> statement-breakpoint
CREATE TABLE `key_figure_definitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collaboration_id` integer NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`unit` text NOT NULL,
	`sum_group` text DEFAULT '' NOT NULL,
	`chart` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`collaboration_id`) REFERENCES `collaborations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "key_figure_definitions_position" CHECK("position" between 1 and 1000),
	CONSTRAINT "key_figure_definitions_label_length" CHECK(length("label") between 1 and 120),
	CONSTRAINT "key_figure_definitions_unit" CHECK("unit" in ('antal', 'procent', 'dagar', 'text')),
	CONSTRAINT "key_figure_definitions_sum_group" CHECK(length("sum_group") <= 60),
	CONSTRAINT "key_figure_definitions_chart" CHECK("chart" in (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `key_figure_definitions_label` ON `key_figure_definitions` (`collaboration_id`,`label`);--> statement-breakpoint
CREATE TABLE `key_figure_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key_figure_id` integer NOT NULL,
	`definition_id` integer NOT NULL,
	`number_value` integer,
	`text_value` text,
	FOREIGN KEY (`key_figure_id`) REFERENCES `key_figures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`definition_id`) REFERENCES `key_figure_definitions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "key_figure_values_one" CHECK(("number_value" is null) <> ("text_value" is null)),
	CONSTRAINT "key_figure_values_number" CHECK("number_value" is null or "number_value" >= 0),
	CONSTRAINT "key_figure_values_text" CHECK("text_value" is null or length("text_value") between 1 and 500)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `key_figure_values_key` ON `key_figure_values` (`key_figure_id`,`definition_id`);--> statement-breakpoint
CREATE INDEX `key_figure_values_definition` ON `key_figure_values` (`definition_id`);--> statement-breakpoint
-- Hand-edited after generation (see 0010_shared_bodies): the migrator runs in one transaction,
-- where PRAGMA foreign_keys is a no-op, so references are checked at COMMIT; each table is
-- re-created under its final name before its rows go back in, keeping every id.
-- Kept: collaborations, organisations, parties (a region becomes principal, huvudman; the
-- coordinator sets the others), the years of key figures and each of their figures, which
-- become the collaboration's own key-figure definitions. Every body gets the four standard
-- agenda items new meetings had until now.
PRAGMA defer_foreign_keys=ON;--> statement-breakpoint
CREATE TEMP TABLE `_collaborations_before` AS SELECT * FROM `collaborations`;--> statement-breakpoint
CREATE TEMP TABLE `_organisations_before` AS SELECT * FROM `organisations`;--> statement-breakpoint
CREATE TEMP TABLE `_parties_before` AS SELECT * FROM `parties`;--> statement-breakpoint
CREATE TEMP TABLE `_key_figures_before` AS SELECT * FROM `key_figures`;--> statement-breakpoint
DROP TABLE `key_figures`;--> statement-breakpoint
DROP TABLE `parties`;--> statement-breakpoint
DROP TABLE `organisations`;--> statement-breakpoint
DROP TABLE `collaborations`;--> statement-breakpoint
CREATE TABLE `collaborations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`is_example` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "collaborations_slug" CHECK(length("slug") between 2 and 60 and "slug" not glob '*[^a-z0-9-]*'),
	CONSTRAINT "collaborations_name" CHECK(length("name") between 1 and 200),
	CONSTRAINT "collaborations_description" CHECK(length("description") <= 4000),
	CONSTRAINT "collaborations_is_example" CHECK("is_example" in (0, 1))
);
--> statement-breakpoint
INSERT INTO `collaborations`("id", "slug", "name", "description", "created_at") SELECT "id", "slug", "name", "description", "created_at" FROM `_collaborations_before`;--> statement-breakpoint
CREATE UNIQUE INDEX `collaborations_slug_unique` ON `collaborations` (`slug`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`municipality_code` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "organisations_name" CHECK(length("name") between 1 and 200),
	CONSTRAINT "organisations_kind" CHECK("kind" in ('region', 'kommun', 'annan')),
	CONSTRAINT "organisations_municipality_code" CHECK("municipality_code" is null or (length("municipality_code") in (2, 4) and "municipality_code" not glob '*[^0-9]*'))
);
--> statement-breakpoint
INSERT INTO `organisations`("id", "name", "kind", "created_at") SELECT "id", "name", "kind", "created_at" FROM `_organisations_before`;--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_name_unique` ON `organisations` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_municipality_code_unique` ON `organisations` (`municipality_code`);--> statement-breakpoint
CREATE TABLE `parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collaboration_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`role` text DEFAULT 'part' NOT NULL,
	`registrar_email` text DEFAULT '' NOT NULL,
	`member_since` text,
	`branch_clinic` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'medlem' NOT NULL,
	`direction_decision_on` text,
	`notice_received_on` text,
	`notice_file_id` integer,
	`exit_date` text,
	`withdrawal_note` text DEFAULT '' NOT NULL,
	`contact_person_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`collaboration_id`) REFERENCES `collaborations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "parties_role" CHECK("role" in ('huvudman', 'part')),
	CONSTRAINT "parties_status" CHECK("status" in ('inbjuden', 'inriktningsbeslut fattat', 'medlem', 'uppsagd', 'utträtt')),
	CONSTRAINT "parties_registrar_email" CHECK("registrar_email" = '' or (length("registrar_email") <= 254 and "registrar_email" like '%_@_%'))
);
--> statement-breakpoint
INSERT INTO `parties`("id", "collaboration_id", "organisation_id", "role", "member_since", "branch_clinic", "status", "direction_decision_on", "notice_received_on", "notice_file_id", "exit_date", "withdrawal_note", "contact_person_id", "version", "created_at") SELECT p."id", p."collaboration_id", p."organisation_id",
  CASE WHEN o."kind" = 'region' THEN 'huvudman' ELSE 'part' END,
  p."member_since", p."branch_clinic", p."status", p."direction_decision_on", p."notice_received_on", p."notice_file_id", p."exit_date", p."withdrawal_note", p."contact_person_id", p."version", p."created_at"
  FROM `_parties_before` AS p JOIN `_organisations_before` AS o ON o."id" = p."organisation_id";--> statement-breakpoint
CREATE UNIQUE INDEX `parties_collab_org` ON `parties` (`collaboration_id`,`organisation_id`);--> statement-breakpoint
CREATE INDEX `parties_organisation` ON `parties` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `key_figures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collaboration_id` integer NOT NULL,
	`year` integer NOT NULL,
	`document_id` integer,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`collaboration_id`) REFERENCES `collaborations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "key_figures_year" CHECK("year" between 1900 and 2200),
	CONSTRAINT "key_figures_note" CHECK(length("note") <= 2000)
);
--> statement-breakpoint
INSERT INTO `key_figures`("id", "collaboration_id", "year", "document_id", "note") SELECT "id", "collaboration_id", "year", "document_id", "note" FROM `_key_figures_before`;--> statement-breakpoint
CREATE UNIQUE INDEX `key_figures_collab_year` ON `key_figures` (`collaboration_id`,`year`);--> statement-breakpoint
CREATE INDEX `key_figures_document` ON `key_figures` (`document_id`);--> statement-breakpoint
INSERT INTO `key_figure_definitions` (`collaboration_id`, `position`, `label`, `unit`, `sum_group`, `chart`) SELECT DISTINCT `collaboration_id`, 1, 'Antal kontakter', 'antal', '', 1 FROM `_key_figures_before`;--> statement-breakpoint
INSERT INTO `key_figure_values` (`key_figure_id`, `definition_id`, `number_value`) SELECT k.`id`, d.`id`, k.`contacts` FROM `_key_figures_before` AS k JOIN `key_figure_definitions` AS d ON d.`collaboration_id` = k.`collaboration_id` AND d.`label` = 'Antal kontakter' WHERE k.`contacts` IS NOT NULL;--> statement-breakpoint
INSERT INTO `key_figure_definitions` (`collaboration_id`, `position`, `label`, `unit`, `sum_group`, `chart`) SELECT DISTINCT `collaboration_id`, 2, 'Andel pojkar', 'procent', 'kön', 1 FROM `_key_figures_before`;--> statement-breakpoint
INSERT INTO `key_figure_values` (`key_figure_id`, `definition_id`, `number_value`) SELECT k.`id`, d.`id`, k.`boys_percent` FROM `_key_figures_before` AS k JOIN `key_figure_definitions` AS d ON d.`collaboration_id` = k.`collaboration_id` AND d.`label` = 'Andel pojkar' WHERE k.`boys_percent` IS NOT NULL;--> statement-breakpoint
INSERT INTO `key_figure_definitions` (`collaboration_id`, `position`, `label`, `unit`, `sum_group`, `chart`) SELECT DISTINCT `collaboration_id`, 3, 'Andel flickor', 'procent', 'kön', 0 FROM `_key_figures_before`;--> statement-breakpoint
INSERT INTO `key_figure_values` (`key_figure_id`, `definition_id`, `number_value`) SELECT k.`id`, d.`id`, k.`girls_percent` FROM `_key_figures_before` AS k JOIN `key_figure_definitions` AS d ON d.`collaboration_id` = k.`collaboration_id` AND d.`label` = 'Andel flickor' WHERE k.`girls_percent` IS NOT NULL;--> statement-breakpoint
INSERT INTO `key_figure_definitions` (`collaboration_id`, `position`, `label`, `unit`, `sum_group`, `chart`) SELECT DISTINCT `collaboration_id`, 4, 'Primär problematik: cannabis', 'procent', 'problematik', 1 FROM `_key_figures_before`;--> statement-breakpoint
INSERT INTO `key_figure_values` (`key_figure_id`, `definition_id`, `number_value`) SELECT k.`id`, d.`id`, k.`cannabis_percent` FROM `_key_figures_before` AS k JOIN `key_figure_definitions` AS d ON d.`collaboration_id` = k.`collaboration_id` AND d.`label` = 'Primär problematik: cannabis' WHERE k.`cannabis_percent` IS NOT NULL;--> statement-breakpoint
INSERT INTO `key_figure_definitions` (`collaboration_id`, `position`, `label`, `unit`, `sum_group`, `chart`) SELECT DISTINCT `collaboration_id`, 5, 'Primär problematik: alkohol', 'procent', 'problematik', 0 FROM `_key_figures_before`;--> statement-breakpoint
INSERT INTO `key_figure_values` (`key_figure_id`, `definition_id`, `number_value`) SELECT k.`id`, d.`id`, k.`alcohol_percent` FROM `_key_figures_before` AS k JOIN `key_figure_definitions` AS d ON d.`collaboration_id` = k.`collaboration_id` AND d.`label` = 'Primär problematik: alkohol' WHERE k.`alcohol_percent` IS NOT NULL;--> statement-breakpoint
INSERT INTO `key_figure_definitions` (`collaboration_id`, `position`, `label`, `unit`, `sum_group`, `chart`) SELECT DISTINCT `collaboration_id`, 6, 'Primär problematik: spel om pengar', 'procent', 'problematik', 0 FROM `_key_figures_before`;--> statement-breakpoint
INSERT INTO `key_figure_values` (`key_figure_id`, `definition_id`, `number_value`) SELECT k.`id`, d.`id`, k.`gambling_percent` FROM `_key_figures_before` AS k JOIN `key_figure_definitions` AS d ON d.`collaboration_id` = k.`collaboration_id` AND d.`label` = 'Primär problematik: spel om pengar' WHERE k.`gambling_percent` IS NOT NULL;--> statement-breakpoint
INSERT INTO `key_figure_definitions` (`collaboration_id`, `position`, `label`, `unit`, `sum_group`, `chart`) SELECT DISTINCT `collaboration_id`, 7, 'Primär problematik: annat', 'procent', 'problematik', 0 FROM `_key_figures_before`;--> statement-breakpoint
INSERT INTO `key_figure_values` (`key_figure_id`, `definition_id`, `number_value`) SELECT k.`id`, d.`id`, k.`other_percent` FROM `_key_figures_before` AS k JOIN `key_figure_definitions` AS d ON d.`collaboration_id` = k.`collaboration_id` AND d.`label` = 'Primär problematik: annat' WHERE k.`other_percent` IS NOT NULL;--> statement-breakpoint
INSERT INTO `key_figure_definitions` (`collaboration_id`, `position`, `label`, `unit`, `sum_group`, `chart`) SELECT DISTINCT `collaboration_id`, 8, 'Längsta kötid', 'dagar', '', 1 FROM `_key_figures_before`;--> statement-breakpoint
INSERT INTO `key_figure_values` (`key_figure_id`, `definition_id`, `number_value`) SELECT k.`id`, d.`id`, k.`longest_queue_days` FROM `_key_figures_before` AS k JOIN `key_figure_definitions` AS d ON d.`collaboration_id` = k.`collaboration_id` AND d.`label` = 'Längsta kötid' WHERE k.`longest_queue_days` IS NOT NULL;--> statement-breakpoint
INSERT INTO `key_figure_definitions` (`collaboration_id`, `position`, `label`, `unit`, `sum_group`, `chart`) SELECT DISTINCT `collaboration_id`, 9, 'Bemanning', 'text', '', 0 FROM `_key_figures_before`;--> statement-breakpoint
INSERT INTO `key_figure_values` (`key_figure_id`, `definition_id`, `text_value`) SELECT k.`id`, d.`id`, substr(trim(k.`staffing_fte`), 1, 500) FROM `_key_figures_before` AS k JOIN `key_figure_definitions` AS d ON d.`collaboration_id` = k.`collaboration_id` AND d.`label` = 'Bemanning' WHERE trim(coalesce(k.`staffing_fte`, '')) <> '';--> statement-breakpoint
INSERT INTO `body_standard_items` (`body_id`, `position`, `key`, `title`, `kind`) SELECT `id`, 1, 'opening', 'Mötets öppnande', 'formalia' FROM `bodies`;--> statement-breakpoint
INSERT INTO `body_standard_items` (`body_id`, `position`, `key`, `title`, `kind`) SELECT `id`, 2, 'adjusters', 'Val av justerare', 'formalia' FROM `bodies`;--> statement-breakpoint
INSERT INTO `body_standard_items` (`body_id`, `position`, `key`, `title`, `kind`) SELECT `id`, 3, 'agenda', 'Godkännande av dagordningen', 'formalia' FROM `bodies`;--> statement-breakpoint
INSERT INTO `body_standard_items` (`body_id`, `position`, `key`, `title`, `kind`) SELECT `id`, 4, 'closing', 'Mötets avslutande', 'formalia' FROM `bodies`;--> statement-breakpoint
DROP TABLE `_collaborations_before`;--> statement-breakpoint
DROP TABLE `_organisations_before`;--> statement-breakpoint
DROP TABLE `_parties_before`;--> statement-breakpoint
DROP TABLE `_key_figures_before`;
