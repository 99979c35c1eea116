CREATE TABLE `job_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`owner` text,
	`lease_until` text,
	`last_started_at` text,
	`last_finished_at` text,
	`last_error` text DEFAULT '' NOT NULL,
	`runs` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_key` text NOT NULL,
	`kind` text NOT NULL,
	`to_address` text NOT NULL,
	`to_name` text DEFAULT '' NOT NULL,
	`person_id` integer,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`html_body` text NOT NULL,
	`attachments` text DEFAULT '[]' NOT NULL,
	`headers` text DEFAULT '{}' NOT NULL,
	`message_id` text NOT NULL,
	`status` text DEFAULT 'väntar' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`claimed_by` text,
	`claimed_until` text,
	`via` text,
	`last_error` text DEFAULT '' NOT NULL,
	`sent_at` text,
	`digest_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`digest_id`) REFERENCES `mail_outbox`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "mail_outbox_kind" CHECK("mail_outbox"."kind" in ('notice', 'notice-change', 'proposal-deadline', 'proposal-decided', 'minutes-for-signing', 'minutes-approved', 'recommendation', 'recommendation-reminder', 'assignment-due', 'agreement-notice-deadline', 'absence', 'digest', 'account-invitation', 'password-reset')),
	CONSTRAINT "mail_outbox_status" CHECK("mail_outbox"."status" in ('väntar', 'skickas', 'skickat', 'misslyckat', 'osäkert', 'sammanfattning', 'i sammanfattning')),
	CONSTRAINT "mail_outbox_via" CHECK("mail_outbox"."via" is null or "mail_outbox"."via" in ('smtp', 'fil')),
	CONSTRAINT "mail_outbox_attempts" CHECK("mail_outbox"."attempts" >= 0),
	CONSTRAINT "mail_outbox_address" CHECK(length("mail_outbox"."to_address") between 3 and 254 and "mail_outbox"."to_address" like '%_@_%'),
	CONSTRAINT "mail_outbox_subject" CHECK(length("mail_outbox"."subject") between 1 and 500),
	CONSTRAINT "mail_outbox_event_key" CHECK(length("mail_outbox"."event_key") between 1 and 200)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outbox_message_id_unique` ON `mail_outbox` (`message_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outbox_event_recipient` ON `mail_outbox` (`event_key`,`to_address`);--> statement-breakpoint
CREATE INDEX `mail_outbox_due` ON `mail_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `mail_outbox_person` ON `mail_outbox` (`person_id`,`status`);