DROP INDEX `documents_collaboration`;--> statement-breakpoint
CREATE INDEX `documents_collaboration` ON `documents` (`collaboration_id`,`date`,`visibility`);--> statement-breakpoint
CREATE INDEX `decisions_register_list` ON `decisions` (`in_register`,`decided_on`,`paragraph`,`is_public`,`approval`,`body_id`,`matter_id`);