-- Messages queued before 0032 kept no `about`, and the sender sent such a row without asking
-- whether its person may still open what it is about: a notice held for the digest, or a
-- reminder waiting for a retry, reached someone whose seat had ended. What each message is
-- about is in its event key (app/models/*-mail.server.ts, reminders.server.ts): written here
-- as the code writes it now. The id after a key's prefix is read with CAST, which takes the
-- digits up to the next ':'. A row whose object is gone, or whose key says nothing, keeps
-- NULL: the sender sends such a row to nobody unless its kind is about nothing guarded
-- (`goesWithoutAbout`, app/domain/mail.ts).
UPDATE `mail_outbox` SET `about` = json_object('type', 'notice', 'meetingId', CAST(substr(`event_key`, 8) AS INTEGER))
  WHERE `about` IS NULL AND `person_id` IS NOT NULL AND `kind` IN ('notice', 'notice-change')
    AND substr(`event_key`, 1, 7) = 'notice:'
    AND CAST(substr(`event_key`, 8) AS INTEGER) IN (SELECT `id` FROM `meetings`);--> statement-breakpoint
UPDATE `mail_outbox` SET `about` = json_object('type', 'notice', 'meetingId', CAST(substr(`event_key`, 13) AS INTEGER))
  WHERE `about` IS NULL AND `person_id` IS NOT NULL AND `kind` IN ('notice', 'notice-change')
    AND substr(`event_key`, 1, 12) = 'notice-seat:'
    AND CAST(substr(`event_key`, 13) AS INTEGER) IN (SELECT `id` FROM `meetings`);--> statement-breakpoint
UPDATE `mail_outbox` SET `about` = json_object('type', 'uncalled', 'meetingId', CAST(substr(`event_key`, 17) AS INTEGER))
  WHERE `about` IS NULL AND `person_id` IS NOT NULL AND `kind` = 'notice-change'
    AND substr(`event_key`, 1, 16) = 'notice-uncalled:'
    AND CAST(substr(`event_key`, 17) AS INTEGER) IN (SELECT `id` FROM `meetings`);--> statement-breakpoint
UPDATE `mail_outbox` SET `about` = json_object('type', 'uncalled', 'meetingId', CAST(substr(`event_key`, 15) AS INTEGER))
  WHERE `about` IS NULL AND `person_id` IS NOT NULL AND `kind` = 'notice-change'
    AND substr(`event_key`, 1, 14) = 'notice-unseat:'
    AND CAST(substr(`event_key`, 15) AS INTEGER) IN (SELECT `id` FROM `meetings`);--> statement-breakpoint
UPDATE `mail_outbox` SET `about` = json_object('type', 'meeting', 'meetingId', CAST(substr(`event_key`, 9) AS INTEGER))
  WHERE `about` IS NULL AND `person_id` IS NOT NULL AND `kind` = 'absence'
    AND substr(`event_key`, 1, 8) = 'absence:'
    AND CAST(substr(`event_key`, 9) AS INTEGER) IN (SELECT `id` FROM `meetings`);--> statement-breakpoint
UPDATE `mail_outbox` SET `about` = json_object('type', 'meeting', 'meetingId', CAST(substr(`event_key`, 19) AS INTEGER))
  WHERE `about` IS NULL AND `person_id` IS NOT NULL AND `kind` = 'absence'
    AND substr(`event_key`, 1, 18) = 'absence-withdrawn:'
    AND CAST(substr(`event_key`, 19) AS INTEGER) IN (SELECT `id` FROM `meetings`);--> statement-breakpoint
UPDATE `mail_outbox` SET `about` = json_object('type', 'meeting', 'meetingId', CAST(substr(`event_key`, 21) AS INTEGER),
    'needs', json_array('sign:minutes'), 'published', json('false'))
  WHERE `about` IS NULL AND `person_id` IS NOT NULL AND `kind` = 'minutes-for-signing'
    AND substr(`event_key`, 1, 20) = 'minutes-for-signing:'
    AND CAST(substr(`event_key`, 21) AS INTEGER) IN (SELECT `id` FROM `meetings`);--> statement-breakpoint
UPDATE `mail_outbox` SET `about` = json_object('type', 'meeting', 'meetingId', CAST(substr(`event_key`, 18) AS INTEGER),
    'published', json('true'))
  WHERE `about` IS NULL AND `person_id` IS NOT NULL AND `kind` = 'minutes-approved'
    AND substr(`event_key`, 1, 17) = 'minutes-approved:'
    AND CAST(substr(`event_key`, 18) AS INTEGER) IN (SELECT `id` FROM `meetings`);--> statement-breakpoint
UPDATE `mail_outbox` SET `about` = json_object('type', 'meeting', 'meetingId',
    (SELECT `meeting_id` FROM `item_proposals` WHERE `item_proposals`.`id` = CAST(substr(`event_key`, 10) AS INTEGER)))
  WHERE `about` IS NULL AND `person_id` IS NOT NULL AND `kind` = 'proposal-decided'
    AND substr(`event_key`, 1, 9) = 'proposal:'
    AND CAST(substr(`event_key`, 10) AS INTEGER) IN (SELECT `id` FROM `item_proposals`);--> statement-breakpoint
UPDATE `mail_outbox` SET `about` = json_object('type', 'meeting', 'meetingId', CAST(substr(`event_key`, 19) AS INTEGER),
    'needs', json_array('propose:item'))
  WHERE `about` IS NULL AND `person_id` IS NOT NULL AND `kind` = 'proposal-deadline'
    AND substr(`event_key`, 1, 18) = 'reminder:proposal:'
    AND CAST(substr(`event_key`, 19) AS INTEGER) IN (SELECT `id` FROM `meetings`);--> statement-breakpoint
UPDATE `mail_outbox` SET `about` = json_object('type', 'assignment', 'assignmentId', CAST(substr(`event_key`, 21) AS INTEGER))
  WHERE `about` IS NULL AND `person_id` IS NOT NULL AND `kind` = 'assignment-due'
    AND substr(`event_key`, 1, 20) = 'reminder:assignment:'
    AND CAST(substr(`event_key`, 21) AS INTEGER) IN (SELECT `id` FROM `assignments`);--> statement-breakpoint
UPDATE `mail_outbox` SET `about` = json_object('type', 'agreement')
  WHERE `about` IS NULL AND `person_id` IS NOT NULL AND `kind` = 'agreement-notice-deadline'
    AND substr(`event_key`, 1, 26) = 'reminder:agreement-notice:';--> statement-breakpoint
UPDATE `mail_outbox` SET `about` = json_object('type', 'recommendation', 'recommendationId',
    (SELECT `recommendation_id` FROM `recommendation_letters` WHERE `recommendation_letters`.`id` = CAST(substr(`event_key`, 23) AS INTEGER)))
  WHERE `about` IS NULL AND `person_id` IS NOT NULL AND `kind` IN ('recommendation', 'recommendation-reminder')
    AND substr(`event_key`, 1, 22) = 'recommendation-letter:'
    AND CAST(substr(`event_key`, 23) AS INTEGER) IN (SELECT `id` FROM `recommendation_letters`);
