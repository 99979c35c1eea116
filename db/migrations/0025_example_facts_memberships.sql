PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_example_facts` (
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`field` text NOT NULL,
	PRIMARY KEY(`entity`, `entity_id`, `field`),
	CONSTRAINT "example_facts_field" CHECK(("entity" || '.' || "field") IN ('meeting.date', 'meeting.time', 'meeting.place', 'minutes.attendance', 'minutes.adjustment', 'minutes.posting', 'decision.paragraph', 'decision.text', 'matter.registryNumber', 'membership.term', 'agreement-version.adoptedOn', 'recommendation-party.answer'))
);
--> statement-breakpoint
INSERT INTO `__new_example_facts`("entity", "entity_id", "field") SELECT "entity", "entity_id", "field" FROM `example_facts`;--> statement-breakpoint
DROP TABLE `example_facts`;--> statement-breakpoint
ALTER TABLE `__new_example_facts` RENAME TO `example_facts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;