CREATE TABLE `document_bodies` (
	`document_id` integer NOT NULL,
	`body_id` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_bodies_pk` ON `document_bodies` (`document_id`,`body_id`);--> statement-breakpoint
CREATE TABLE `document_links` (
	`document_id` integer NOT NULL,
	`target_type` text NOT NULL,
	`target_id` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_links_pk` ON `document_links` (`document_id`,`target_type`,`target_id`);--> statement-breakpoint
CREATE TABLE `document_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`version_no` integer NOT NULL,
	`file_id` integer,
	`markdown` text,
	`search_text` text DEFAULT '' NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`author_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_versions_no` ON `document_versions` (`document_id`,`version_no`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collaboration_id` integer NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`body_id` integer,
	`date` text NOT NULL,
	`visibility` text DEFAULT 'members' NOT NULL,
	`current_version_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`collaboration_id`) REFERENCES `collaborations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`body_id`) REFERENCES `bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_kind_date` ON `documents` (`kind`,`date`);--> statement-breakpoint
CREATE TABLE `key_figures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collaboration_id` integer NOT NULL,
	`year` integer NOT NULL,
	`contacts` integer,
	`boys_percent` integer,
	`girls_percent` integer,
	`cannabis_percent` integer,
	`alcohol_percent` integer,
	`gambling_percent` integer,
	`other_percent` integer,
	`longest_queue_days` integer,
	`staffing_fte` text,
	`document_id` integer,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`collaboration_id`) REFERENCES `collaborations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `key_figures_collab_year` ON `key_figures` (`collaboration_id`,`year`);