CREATE TABLE `mail_preferences` (
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	`delivery` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`person_id`, `kind`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "mail_preferences_kind" CHECK("mail_preferences"."kind" in ('notice', 'notice-change', 'proposal-deadline', 'proposal-decided', 'minutes-for-signing', 'minutes-approved', 'recommendation', 'recommendation-reminder', 'assignment-due', 'agreement-notice-deadline', 'absence', 'digest', 'account-invitation', 'password-reset')),
	CONSTRAINT "mail_preferences_delivery" CHECK("mail_preferences"."delivery" in ('direkt', 'sammanfattning', 'av'))
);
--> statement-breakpoint
CREATE TABLE `mail_tokens` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "mail_tokens_token" CHECK(length("mail_tokens"."token") between 20 and 64)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_tokens_token_unique` ON `mail_tokens` (`token`);--> statement-breakpoint
CREATE TABLE `meeting_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`answer` text NOT NULL,
	`for_person_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`for_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meeting_responses_answer" CHECK("meeting_responses"."answer" in ('förhinder', 'tjänstgör')),
	CONSTRAINT "meeting_responses_for" CHECK("meeting_responses"."answer" = 'tjänstgör' or "meeting_responses"."for_person_id" is null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_responses_person` ON `meeting_responses` (`meeting_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `meeting_responses_person_id` ON `meeting_responses` (`person_id`);--> statement-breakpoint
CREATE INDEX `meeting_responses_for_person` ON `meeting_responses` (`for_person_id`);--> statement-breakpoint
CREATE INDEX `meeting_responses_created_by` ON `meeting_responses` (`created_by`);