CREATE TABLE `example_facts` (
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`field` text NOT NULL,
	PRIMARY KEY(`entity`, `entity_id`, `field`),
	CONSTRAINT "example_facts_field" CHECK(("entity" || '.' || "field") IN ('meeting.date', 'meeting.time', 'meeting.place', 'minutes.attendance', 'minutes.adjustment', 'minutes.posting', 'decision.paragraph', 'decision.text', 'matter.registryNumber', 'agreement-version.adoptedOn', 'recommendation-party.answer'))
);
