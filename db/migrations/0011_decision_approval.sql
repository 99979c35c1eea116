-- Drafts and register membership of decisions (issue 10). Written by hand from drizzle-kit's
-- diff (the snapshot is drizzle-kit's own): the columns are added in place, each with its
-- CHECK, instead of drizzle-kit's copy-and-rename of agenda_items and decisions, which would
-- drop the search-index triggers on both tables and cannot turn foreign keys off inside the
-- migration's transaction.
ALTER TABLE `agenda_items` ADD `record_as_decision` integer DEFAULT false NOT NULL CHECK (`record_as_decision` IN (0, 1));--> statement-breakpoint
ALTER TABLE `decisions` ADD `approved_at` text;--> statement-breakpoint
ALTER TABLE `decisions` ADD `approval` text DEFAULT 'utkast' NOT NULL CHECK (`approval` IN ('utkast', 'justerat') AND (`approval` = 'utkast') = (`approved_at` IS NULL));--> statement-breakpoint
ALTER TABLE `decisions` ADD `approved_immediately` integer DEFAULT false NOT NULL CHECK (`approved_immediately` IN (0, 1));--> statement-breakpoint
ALTER TABLE `decisions` ADD `in_register` integer DEFAULT true NOT NULL CHECK (`in_register` IN (0, 1));--> statement-breakpoint
CREATE INDEX `decisions_register` ON `decisions` (`in_register`,`approval`,`decided_on`);--> statement-breakpoint
-- The standard items are procedural (formalia): a § in the minutes, never a register decision.
UPDATE `agenda_items` SET `kind` = 'formalia' WHERE `standard` IS NOT NULL;--> statement-breakpoint
-- An information item that was given a decision text was meant as one ("läggs till handlingarna").
UPDATE `agenda_items` SET `record_as_decision` = 1
  WHERE `kind` IN ('information', 'diskussion', 'återrapportering') AND trim(`decision_text`) <> '';--> statement-breakpoint
UPDATE `decisions` SET `in_register` = 0 WHERE `agenda_item_id` IN (
  SELECT `id` FROM `agenda_items` WHERE `kind` = 'formalia'
    OR (`kind` IN ('information', 'diskussion', 'återrapportering') AND `record_as_decision` = 0)
);--> statement-breakpoint
-- Decisions entered by hand are approved; decisions from minutes only when the minutes are.
UPDATE `decisions` SET
  `approval` = 'justerat',
  `approved_at` = coalesce(
    (SELECT `approved_at` FROM `minutes` WHERE `minutes`.`meeting_id` = `decisions`.`meeting_id` AND `minutes`.`status` = 'justerat'),
    `created_at`
  )
  WHERE `agenda_item_id` IS NULL
    OR `meeting_id` IN (SELECT `meeting_id` FROM `minutes` WHERE `status` = 'justerat');
