PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_populations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`as_of` text NOT NULL,
	`population` integer NOT NULL,
	`illustrative` integer DEFAULT false NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "populations_as_of" CHECK("__new_populations"."as_of" GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	CONSTRAINT "populations_population" CHECK("__new_populations"."population" BETWEEN 0 AND 10000000),
	CONSTRAINT "populations_illustrative" CHECK("__new_populations"."illustrative" IN (0, 1)),
	CONSTRAINT "populations_source" CHECK(length("__new_populations"."source") <= 300),
	CONSTRAINT "populations_version" CHECK("version" >= 1)
);
--> statement-breakpoint
INSERT INTO `__new_populations`("id", "organisation_id", "as_of", "population", "illustrative", "source", "version") SELECT "id", "organisation_id", "as_of", "population", "illustrative", "source", 1 FROM `populations`;--> statement-breakpoint
DROP TABLE `populations`;--> statement-breakpoint
ALTER TABLE `__new_populations` RENAME TO `populations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `populations_org_as_of` ON `populations` (`organisation_id`,`as_of`);