CREATE TABLE `accessibility_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`user_id` text,
	`page` text DEFAULT '' NOT NULL,
	`description` text NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "accessibility_reports_description" CHECK(length("accessibility_reports"."description") between 1 and 5000),
	CONSTRAINT "accessibility_reports_page" CHECK(length("accessibility_reports"."page") <= 300),
	CONSTRAINT "accessibility_reports_contact" CHECK(length("accessibility_reports"."contact") <= 300)
);
--> statement-breakpoint
CREATE INDEX `accessibility_reports_user` ON `accessibility_reports` (`user_id`);