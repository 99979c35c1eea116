-- A meeting's told SEQUENCE (the calendar SEQUENCE everyone but the secretary is shown while a
-- notice stands) was the last notice's version number, below the meeting's own SEQUENCE: keep
-- what calendars already hold, so nothing told so far goes back; the next message goes above.
UPDATE `meetings` SET `told_sequence` = min(`calendar_sequence`,
  (SELECT max(`version_no`) FROM `agenda_versions` WHERE `agenda_versions`.`meeting_id` = `meetings`.`id`))
  WHERE EXISTS (SELECT 1 FROM `agenda_versions` WHERE `agenda_versions`.`meeting_id` = `meetings`.`id`);
