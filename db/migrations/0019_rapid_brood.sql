CREATE TABLE `item_motions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `item_motions_item` ON `item_motions` (`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `item_motions_person` ON `item_motions` (`person_id`);--> statement-breakpoint
CREATE TABLE `item_positions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`vote` text,
	`disqualified` integer DEFAULT false NOT NULL,
	`reservation` integer DEFAULT false NOT NULL,
	`reservation_reason` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "item_positions_vote_check" CHECK("item_positions"."vote" IS NULL OR "item_positions"."vote" IN ('ja', 'nej', 'avstår')),
	CONSTRAINT "item_positions_jav_check" CHECK(NOT ("item_positions"."disqualified" AND ("item_positions"."vote" IS NOT NULL OR "item_positions"."reservation")))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `item_positions_item_person` ON `item_positions` (`agenda_item_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `item_positions_person` ON `item_positions` (`person_id`);--> statement-breakpoint
DROP INDEX `minutes_signatures_meeting_person`;--> statement-breakpoint
ALTER TABLE `minutes_signatures` ADD `round` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_signatures_meeting_round_person` ON `minutes_signatures` (`meeting_id`,`round`,`person_id`);--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `procedure` text DEFAULT 'acklamation' NOT NULL;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `outcome` text DEFAULT 'beslut' NOT NULL;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `carried_from_item_id` integer REFERENCES agenda_items(id);--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `dispatch_to` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `agenda_items_carried_from` ON `agenda_items` (`carried_from_item_id`);--> statement-breakpoint
ALTER TABLE `bodies` ADD `appealable` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `minutes` ADD `acting_chair_person_id` integer REFERENCES people(id);--> statement-breakpoint
ALTER TABLE `minutes` ADD `secretary_person_id` integer REFERENCES people(id);--> statement-breakpoint
ALTER TABLE `minutes` ADD `adjustment_place` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `minutes` ADD `adjustment_date` text;--> statement-breakpoint
ALTER TABLE `minutes` ADD `posted_on` text;--> statement-breakpoint
ALTER TABLE `minutes` ADD `kept_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `minutes_acting_chair` ON `minutes` (`acting_chair_person_id`);--> statement-breakpoint
CREATE INDEX `minutes_secretary` ON `minutes` (`secretary_person_id`);--> statement-breakpoint
ALTER TABLE `minutes_revisions` ADD `pending` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `minutes_revisions` ADD `approved_at` text;