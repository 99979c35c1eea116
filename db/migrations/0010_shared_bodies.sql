CREATE TABLE `body_collaborations` (
	`body_id` integer NOT NULL,
	`collaboration_id` integer NOT NULL,
	PRIMARY KEY(`body_id`, `collaboration_id`),
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`collaboration_id`) REFERENCES `collaborations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `body_collaborations_collaboration` ON `body_collaborations` (`collaboration_id`);--> statement-breakpoint
-- Hand-edited after generation. The migrator runs in one transaction, where PRAGMA foreign_keys
-- is a no-op; so the rows referring to bodies are checked at COMMIT (deferred), and the new table
-- is created under its final name before the rows go back in, which is what SQLite counts.
-- Kept: every body id, and which collaboration each body served. The kind codes become the
-- labels users read (the kind is data now); slugs become unique across collaborations.
PRAGMA defer_foreign_keys=ON;--> statement-breakpoint
CREATE TEMP TABLE `_bodies_before` AS SELECT * FROM `bodies`;--> statement-breakpoint
DROP TABLE `bodies`;--> statement-breakpoint
CREATE TABLE `bodies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`kind` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`proposal_deadline_days` integer DEFAULT 14 NOT NULL,
	`public_records` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "bodies_slug" CHECK(length("slug") between 2 and 60 and "slug" not glob '*[^a-z0-9-]*'),
	CONSTRAINT "bodies_name" CHECK(length("name") between 1 and 200),
	CONSTRAINT "bodies_short_name" CHECK(length("short_name") between 1 and 60),
	CONSTRAINT "bodies_kind" CHECK(length("kind") between 1 and 80),
	CONSTRAINT "bodies_description" CHECK(length("description") <= 2000),
	CONSTRAINT "bodies_proposal_deadline" CHECK("proposal_deadline_days" between 0 and 365),
	CONSTRAINT "bodies_public_records" CHECK("public_records" in (0, 1))
);
--> statement-breakpoint
INSERT INTO `bodies`("id", "slug", "name", "short_name", "kind", "description", "proposal_deadline_days", "public_records", "created_at") SELECT "id",
  CASE WHEN EXISTS (SELECT 1 FROM `_bodies_before` AS b2 WHERE b2.`slug` = b.`slug` AND b2.`id` < b.`id`) THEN `slug` || '-' || `id` ELSE `slug` END,
  "name", "short_name",
  CASE `kind` WHEN 'politisk' THEN 'Politisk ledningsgrupp' WHEN 'styrgrupp' THEN 'Styrgrupp' WHEN 'referensgrupp' THEN 'Referensgrupp' WHEN 'arbetsgrupp' THEN 'Arbetsgrupp' WHEN 'beredning' THEN 'Beredande grupp' ELSE `kind` END,
  "description", "proposal_deadline_days", "public_records", "created_at" FROM `_bodies_before` AS b;--> statement-breakpoint
INSERT INTO `body_collaborations` (`body_id`, `collaboration_id`) SELECT `id`, `collaboration_id` FROM `_bodies_before`;--> statement-breakpoint
DROP TABLE `_bodies_before`;--> statement-breakpoint
CREATE UNIQUE INDEX `bodies_slug_unique` ON `bodies` (`slug`);