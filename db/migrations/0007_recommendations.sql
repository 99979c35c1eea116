CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collaboration_id` integer NOT NULL,
	`decision_id` integer,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`assignee_type` text NOT NULL,
	`assignee_id` integer NOT NULL,
	`due_date` text,
	`due_meeting_id` integer,
	`status` text DEFAULT 'ej påbörjad' NOT NULL,
	`report_item_id` integer,
	`created_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`collaboration_id`) REFERENCES `collaborations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`due_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignments_status` ON `assignments` (`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `party_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recommendation_party_id` integer NOT NULL,
	`event` text NOT NULL,
	`status` text NOT NULL,
	`decision_date` text,
	`deciding_body` text DEFAULT '' NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`file_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`by_user` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`recommendation_party_id`) REFERENCES `recommendation_parties`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `recommendation_parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recommendation_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`status` text DEFAULT 'väntar' NOT NULL,
	`decision_date` text,
	`deciding_body` text DEFAULT '' NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`file_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`confirmed_by` text,
	`confirmed_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`recommendation_id`) REFERENCES `recommendations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recommendation_parties_key` ON `recommendation_parties` (`recommendation_id`,`organisation_id`);--> statement-breakpoint
CREATE TABLE `recommendations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collaboration_id` integer NOT NULL,
	`decision_id` integer,
	`matter_id` integer,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`ask` text NOT NULL,
	`answer_deadline` text NOT NULL,
	`is_public` integer DEFAULT true NOT NULL,
	`agreement_version_id` integer,
	`created_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`collaboration_id`) REFERENCES `collaborations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`matter_id`) REFERENCES `matters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_version_id`) REFERENCES `agreement_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
