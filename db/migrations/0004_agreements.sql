CREATE TABLE `agreement_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`label` text NOT NULL,
	`adopted_on` text,
	`text` text DEFAULT '' NOT NULL,
	`first_term_start` text NOT NULL,
	`first_term_end` text NOT NULL,
	`notice_months` integer NOT NULL,
	`notice_form` text DEFAULT 'skriftligen' NOT NULL,
	`renewal_months` integer NOT NULL,
	`withdrawal_rules` text DEFAULT '' NOT NULL,
	`base_year` integer NOT NULL,
	`base_budget` integer NOT NULL,
	`index_basis_points` integer DEFAULT 0 NOT NULL,
	`region_share_basis_points` integer NOT NULL,
	`region_base_amount` integer,
	`staffing` text DEFAULT '[]' NOT NULL,
	`matter_id` integer,
	`recommendation_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`matter_id`) REFERENCES `matters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agreement_versions_agreement` ON `agreement_versions` (`agreement_id`);--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collaboration_id` integer NOT NULL,
	`title` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`collaboration_id`) REFERENCES `collaborations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `budget_years` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collaboration_id` integer NOT NULL,
	`year` integer NOT NULL,
	`total_by_decision` integer,
	`outcome` integer,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`collaboration_id`) REFERENCES `collaborations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budget_years_collab_year` ON `budget_years` (`collaboration_id`,`year`);--> statement-breakpoint
CREATE TABLE `populations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`year` integer NOT NULL,
	`population` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `populations_org_year` ON `populations` (`organisation_id`,`year`);--> statement-breakpoint
CREATE TABLE `recorded_allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`collaboration_id` integer NOT NULL,
	`year` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`source` text NOT NULL,
	FOREIGN KEY (`collaboration_id`) REFERENCES `collaborations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recorded_allocations_key` ON `recorded_allocations` (`collaboration_id`,`year`,`organisation_id`);--> statement-breakpoint
ALTER TABLE `parties` ADD `status` text DEFAULT 'medlem' NOT NULL;--> statement-breakpoint
ALTER TABLE `parties` ADD `direction_decision_on` text;--> statement-breakpoint
ALTER TABLE `parties` ADD `notice_received_on` text;--> statement-breakpoint
ALTER TABLE `parties` ADD `notice_file_id` integer;--> statement-breakpoint
ALTER TABLE `parties` ADD `exit_date` text;--> statement-breakpoint
ALTER TABLE `parties` ADD `withdrawal_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `parties` ADD `contact_person_id` integer;--> statement-breakpoint
ALTER TABLE `parties` ADD `version` integer DEFAULT 1 NOT NULL;