-- Search finds the §§ of approved public minutes (issue 10 follow-up). An agenda item's entry
-- was public only when its meeting had a published notice, so the paper-era SVOM meetings,
-- whose approved minutes are public but whose notices were never in the portal, were left out
-- of anonymous search although anyone may open their pages.
--
-- The audience now follows the rule that lets an anonymous visitor open the item's own page
-- (/moten/:id, app/auth/meeting-access.server.ts): read:meeting in app/domain/policy.ts for a
-- body with public records and a published meeting, where published is "a notice exists or the
-- minutes are approved" (publishedMeetingIds in meeting-notice.server.ts, meetingsReadableBy in
-- read-scope.server.ts). The first branch is unchanged: minutes texts of unapproved minutes stay
-- the body's. At query time SEARCH_ENTRY_READABLE still leaves out a confidential item and, until
-- the minutes are approved, an item changed since the notice (agendaAsSeen).
--
-- The triggers are those of 0020 with the new condition; the UPDATE at the end recomputes every
-- existing agenda item's entry. The minutes triggers already fire when minutes are inserted or
-- their status changes, so approving minutes makes their items public.
DROP TRIGGER search_agenda_items_insert;
--> statement-breakpoint
CREATE TRIGGER search_agenda_items_insert AFTER INSERT ON agenda_items BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'agenda_item', NEW.id, NEW.title, NEW.description || ' ' || NEW.proposed_decision || ' ' || NEW.minutes_note || ' ' || NEW.decision_text, (SELECT m.body_id FROM meetings m WHERE m.id = NEW.meeting_id), (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = NEW.meeting_id), CASE
      WHEN (NEW.minutes_note <> '' OR NEW.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = NEW.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = NEW.meeting_id) = 1
        AND (EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = NEW.meeting_id)
          OR EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = NEW.meeting_id AND mi.status = 'justerat')) THEN 'public'
      ELSE 'body' END WHERE true
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
--> statement-breakpoint
DROP TRIGGER search_agenda_items_update;
--> statement-breakpoint
CREATE TRIGGER search_agenda_items_update AFTER UPDATE ON agenda_items BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'agenda_item', NEW.id, NEW.title, NEW.description || ' ' || NEW.proposed_decision || ' ' || NEW.minutes_note || ' ' || NEW.decision_text, (SELECT m.body_id FROM meetings m WHERE m.id = NEW.meeting_id), (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = NEW.meeting_id), CASE
      WHEN (NEW.minutes_note <> '' OR NEW.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = NEW.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = NEW.meeting_id) = 1
        AND (EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = NEW.meeting_id)
          OR EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = NEW.meeting_id AND mi.status = 'justerat')) THEN 'public'
      ELSE 'body' END WHERE true
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
--> statement-breakpoint
DROP TRIGGER search_agenda_versions_delete;
--> statement-breakpoint
CREATE TRIGGER search_agenda_versions_delete AFTER DELETE ON agenda_versions BEGIN
  UPDATE search_entries SET
    body_id = (SELECT (SELECT m.body_id FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    year = (SELECT (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    audience = (SELECT CASE
      WHEN (i.minutes_note <> '' OR i.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = i.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = i.meeting_id) = 1
        AND (EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = i.meeting_id)
          OR EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = i.meeting_id AND mi.status = 'justerat')) THEN 'public'
      ELSE 'body' END FROM agenda_items i WHERE i.id = search_entries.ref_id)
  WHERE kind = 'agenda_item' AND ref_id IN (SELECT i.id FROM agenda_items i WHERE i.meeting_id = OLD.meeting_id);
END;
--> statement-breakpoint
DROP TRIGGER search_agenda_versions_insert;
--> statement-breakpoint
CREATE TRIGGER search_agenda_versions_insert AFTER INSERT ON agenda_versions BEGIN
  UPDATE search_entries SET
    body_id = (SELECT (SELECT m.body_id FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    year = (SELECT (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    audience = (SELECT CASE
      WHEN (i.minutes_note <> '' OR i.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = i.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = i.meeting_id) = 1
        AND (EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = i.meeting_id)
          OR EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = i.meeting_id AND mi.status = 'justerat')) THEN 'public'
      ELSE 'body' END FROM agenda_items i WHERE i.id = search_entries.ref_id)
  WHERE kind = 'agenda_item' AND ref_id IN (SELECT i.id FROM agenda_items i WHERE i.meeting_id = NEW.meeting_id);
END;
--> statement-breakpoint
DROP TRIGGER search_bodies_update;
--> statement-breakpoint
CREATE TRIGGER search_bodies_update AFTER UPDATE OF public_records ON bodies BEGIN
  UPDATE search_entries SET
    body_id = (SELECT (SELECT m.body_id FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    year = (SELECT (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    audience = (SELECT CASE
      WHEN (i.minutes_note <> '' OR i.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = i.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = i.meeting_id) = 1
        AND (EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = i.meeting_id)
          OR EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = i.meeting_id AND mi.status = 'justerat')) THEN 'public'
      ELSE 'body' END FROM agenda_items i WHERE i.id = search_entries.ref_id)
  WHERE kind = 'agenda_item' AND ref_id IN (SELECT i.id FROM agenda_items i WHERE i.meeting_id IN (SELECT m.id FROM meetings m WHERE m.body_id = NEW.id));
END;
--> statement-breakpoint
DROP TRIGGER search_meetings_update;
--> statement-breakpoint
CREATE TRIGGER search_meetings_update AFTER UPDATE OF body_id, date ON meetings BEGIN
  UPDATE search_entries SET
    body_id = (SELECT (SELECT m.body_id FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    year = (SELECT (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    audience = (SELECT CASE
      WHEN (i.minutes_note <> '' OR i.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = i.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = i.meeting_id) = 1
        AND (EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = i.meeting_id)
          OR EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = i.meeting_id AND mi.status = 'justerat')) THEN 'public'
      ELSE 'body' END FROM agenda_items i WHERE i.id = search_entries.ref_id)
  WHERE kind = 'agenda_item' AND ref_id IN (SELECT i.id FROM agenda_items i WHERE i.meeting_id = NEW.id);
END;
--> statement-breakpoint
DROP TRIGGER search_minutes_delete;
--> statement-breakpoint
CREATE TRIGGER search_minutes_delete AFTER DELETE ON minutes BEGIN
  UPDATE search_entries SET
    body_id = (SELECT (SELECT m.body_id FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    year = (SELECT (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    audience = (SELECT CASE
      WHEN (i.minutes_note <> '' OR i.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = i.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = i.meeting_id) = 1
        AND (EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = i.meeting_id)
          OR EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = i.meeting_id AND mi.status = 'justerat')) THEN 'public'
      ELSE 'body' END FROM agenda_items i WHERE i.id = search_entries.ref_id)
  WHERE kind = 'agenda_item' AND ref_id IN (SELECT i.id FROM agenda_items i WHERE i.meeting_id = OLD.meeting_id);
END;
--> statement-breakpoint
DROP TRIGGER search_minutes_insert;
--> statement-breakpoint
CREATE TRIGGER search_minutes_insert AFTER INSERT ON minutes BEGIN
  UPDATE search_entries SET
    body_id = (SELECT (SELECT m.body_id FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    year = (SELECT (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    audience = (SELECT CASE
      WHEN (i.minutes_note <> '' OR i.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = i.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = i.meeting_id) = 1
        AND (EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = i.meeting_id)
          OR EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = i.meeting_id AND mi.status = 'justerat')) THEN 'public'
      ELSE 'body' END FROM agenda_items i WHERE i.id = search_entries.ref_id)
  WHERE kind = 'agenda_item' AND ref_id IN (SELECT i.id FROM agenda_items i WHERE i.meeting_id = NEW.meeting_id);
END;
--> statement-breakpoint
DROP TRIGGER search_minutes_update;
--> statement-breakpoint
CREATE TRIGGER search_minutes_update AFTER UPDATE OF status ON minutes BEGIN
  UPDATE search_entries SET
    body_id = (SELECT (SELECT m.body_id FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    year = (SELECT (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    audience = (SELECT CASE
      WHEN (i.minutes_note <> '' OR i.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = i.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = i.meeting_id) = 1
        AND (EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = i.meeting_id)
          OR EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = i.meeting_id AND mi.status = 'justerat')) THEN 'public'
      ELSE 'body' END FROM agenda_items i WHERE i.id = search_entries.ref_id)
  WHERE kind = 'agenda_item' AND ref_id IN (SELECT i.id FROM agenda_items i WHERE i.meeting_id = NEW.meeting_id);
END;
--> statement-breakpoint
UPDATE search_entries SET audience = (SELECT CASE
      WHEN (i.minutes_note <> '' OR i.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = i.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = i.meeting_id) = 1
        AND (EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = i.meeting_id)
          OR EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = i.meeting_id AND mi.status = 'justerat')) THEN 'public'
      ELSE 'body' END FROM agenda_items i WHERE i.id = search_entries.ref_id)
WHERE kind = 'agenda_item';
