-- Search, redesigned (issue 14). The old index was one FTS5 table keyed by (kind, ref_id) as
-- UNINDEXED columns, so every trigger's DELETE scanned the whole index (3.7 s to save minutes at
-- 100×), and access was checked row by row after the top 200 (permitted results were lost).
--
-- Now: search_entries holds one row per searchable object with the facts access and filters
-- need (body, year, audience), keyed by a UNIQUE (kind, ref_id) index; search_fts is an
-- external-content FTS5 index over its title and body keyed by rowid. A write touches only its
-- own entry, and the FTS index only when the title or text changed. The query filters by
-- access and filters inside SQL (app/models/search.server.ts, read-scope.server.ts).
--
-- audience: who may read the entry besides the coordinator (who reads everything but "none"):
--   public     everyone
--   signed_in  every signed-in user
--   body       members of body_id
--   bodies     members of one of the document's chosen bodies (document_bodies, at query time)
--   admin      only the coordinator (a recommendation before it is sent)
--   none       nobody (a procedural § that is not in the decision register)
--
-- Tokenizer: trigram (substring matching), so "avtal" finds "samarbetsavtalet"; see
-- docs/decisions/010-swedish-search.md.
--
-- Note for later migrations: the triggers below read other tables (meetings, bodies, minutes,
-- agenda_versions, document_versions). Rebuilding one of those tables (drizzle's
-- create-copy-drop-rename) fails loudly on them: drop and re-create the triggers around it;
-- tests/integration/search.test.ts checks they all exist.
DROP TRIGGER IF EXISTS search_agenda_items_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_agenda_items_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_agenda_items_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_decisions_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_decisions_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_decisions_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_matters_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_matters_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_matters_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_agreement_versions_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_agreement_versions_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_agreement_versions_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_documents_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_documents_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_documents_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_recommendations_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_recommendations_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_recommendations_delete;
--> statement-breakpoint
DROP TABLE search_index;
--> statement-breakpoint
CREATE TABLE search_entries (
  id integer PRIMARY KEY,
  kind text NOT NULL,
  ref_id integer NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  body_id integer,
  year integer,
  audience text NOT NULL CHECK (audience IN ('public', 'signed_in', 'body', 'bodies', 'admin', 'none'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX search_entries_ref ON search_entries (kind, ref_id);
--> statement-breakpoint
CREATE VIRTUAL TABLE search_fts USING fts5(
  title,
  body,
  content = 'search_entries',
  content_rowid = 'id',
  tokenize = 'trigram case_sensitive 0'
);
--> statement-breakpoint
INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
--> statement-breakpoint
CREATE TRIGGER search_entries_insert AFTER INSERT ON search_entries BEGIN
  INSERT INTO search_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;
--> statement-breakpoint
CREATE TRIGGER search_entries_delete AFTER DELETE ON search_entries BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
END;
--> statement-breakpoint
CREATE TRIGGER search_entries_update AFTER UPDATE OF title, body ON search_entries
WHEN OLD.title IS NOT NEW.title OR OLD.body IS NOT NEW.body BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
  INSERT INTO search_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;
--> statement-breakpoint
INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'agenda_item', r.id, r.title, r.description || ' ' || r.proposed_decision || ' ' || r.minutes_note || ' ' || r.decision_text, (SELECT m.body_id FROM meetings m WHERE m.id = r.meeting_id), (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = r.meeting_id), CASE
      WHEN (r.minutes_note <> '' OR r.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = r.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = r.meeting_id) = 1
        AND EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = r.meeting_id) THEN 'public'
      ELSE 'body' END FROM agenda_items r;
--> statement-breakpoint
CREATE TRIGGER search_agenda_items_insert AFTER INSERT ON agenda_items BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'agenda_item', NEW.id, NEW.title, NEW.description || ' ' || NEW.proposed_decision || ' ' || NEW.minutes_note || ' ' || NEW.decision_text, (SELECT m.body_id FROM meetings m WHERE m.id = NEW.meeting_id), (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = NEW.meeting_id), CASE
      WHEN (NEW.minutes_note <> '' OR NEW.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = NEW.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = NEW.meeting_id) = 1
        AND EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = NEW.meeting_id) THEN 'public'
      ELSE 'body' END WHERE true
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
--> statement-breakpoint
CREATE TRIGGER search_agenda_items_update AFTER UPDATE ON agenda_items BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'agenda_item', NEW.id, NEW.title, NEW.description || ' ' || NEW.proposed_decision || ' ' || NEW.minutes_note || ' ' || NEW.decision_text, (SELECT m.body_id FROM meetings m WHERE m.id = NEW.meeting_id), (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = NEW.meeting_id), CASE
      WHEN (NEW.minutes_note <> '' OR NEW.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = NEW.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = NEW.meeting_id) = 1
        AND EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = NEW.meeting_id) THEN 'public'
      ELSE 'body' END WHERE true
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
--> statement-breakpoint
CREATE TRIGGER search_agenda_items_delete AFTER DELETE ON agenda_items BEGIN
  DELETE FROM search_entries WHERE kind = 'agenda_item' AND ref_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'decision', r.id, r.title, r.text, r.body_id, r.year, CASE WHEN r.in_register = 0 THEN 'none' WHEN r.is_public = 1 AND r.approval = 'justerat' THEN 'public' ELSE 'body' END FROM decisions r;
--> statement-breakpoint
CREATE TRIGGER search_decisions_insert AFTER INSERT ON decisions BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'decision', NEW.id, NEW.title, NEW.text, NEW.body_id, NEW.year, CASE WHEN NEW.in_register = 0 THEN 'none' WHEN NEW.is_public = 1 AND NEW.approval = 'justerat' THEN 'public' ELSE 'body' END WHERE true
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
--> statement-breakpoint
CREATE TRIGGER search_decisions_update AFTER UPDATE ON decisions BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'decision', NEW.id, NEW.title, NEW.text, NEW.body_id, NEW.year, CASE WHEN NEW.in_register = 0 THEN 'none' WHEN NEW.is_public = 1 AND NEW.approval = 'justerat' THEN 'public' ELSE 'body' END WHERE true
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
--> statement-breakpoint
CREATE TRIGGER search_decisions_delete AFTER DELETE ON decisions BEGIN
  DELETE FROM search_entries WHERE kind = 'decision' AND ref_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'matter', r.id, r.registry_number || ' ' || r.title, r.description, NULL, CAST(substr(r.created_at, 1, 4) AS integer), 'signed_in' FROM matters r;
--> statement-breakpoint
CREATE TRIGGER search_matters_insert AFTER INSERT ON matters BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'matter', NEW.id, NEW.registry_number || ' ' || NEW.title, NEW.description, NULL, CAST(substr(NEW.created_at, 1, 4) AS integer), 'signed_in' WHERE true
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
--> statement-breakpoint
CREATE TRIGGER search_matters_update AFTER UPDATE ON matters BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'matter', NEW.id, NEW.registry_number || ' ' || NEW.title, NEW.description, NULL, CAST(substr(NEW.created_at, 1, 4) AS integer), 'signed_in' WHERE true
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
--> statement-breakpoint
CREATE TRIGGER search_matters_delete AFTER DELETE ON matters BEGIN
  DELETE FROM search_entries WHERE kind = 'matter' AND ref_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'agreement_version', r.id, r.label, r.text, NULL, coalesce(CAST(substr(r.adopted_on, 1, 4) AS integer), r.base_year), 'public' FROM agreement_versions r;
--> statement-breakpoint
CREATE TRIGGER search_agreement_versions_insert AFTER INSERT ON agreement_versions BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'agreement_version', NEW.id, NEW.label, NEW.text, NULL, coalesce(CAST(substr(NEW.adopted_on, 1, 4) AS integer), NEW.base_year), 'public' WHERE true
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
--> statement-breakpoint
CREATE TRIGGER search_agreement_versions_update AFTER UPDATE ON agreement_versions BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'agreement_version', NEW.id, NEW.label, NEW.text, NULL, coalesce(CAST(substr(NEW.adopted_on, 1, 4) AS integer), NEW.base_year), 'public' WHERE true
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
--> statement-breakpoint
CREATE TRIGGER search_agreement_versions_delete AFTER DELETE ON agreement_versions BEGIN
  DELETE FROM search_entries WHERE kind = 'agreement_version' AND ref_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'document', r.id, r.title, coalesce((SELECT v.search_text FROM document_versions v WHERE v.id = r.current_version_id), ''), r.body_id, CAST(substr(r.date, 1, 4) AS integer), CASE r.visibility WHEN 'public' THEN 'public' WHEN 'members' THEN 'signed_in' ELSE 'bodies' END FROM documents r;
--> statement-breakpoint
CREATE TRIGGER search_documents_insert AFTER INSERT ON documents BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'document', NEW.id, NEW.title, coalesce((SELECT v.search_text FROM document_versions v WHERE v.id = NEW.current_version_id), ''), NEW.body_id, CAST(substr(NEW.date, 1, 4) AS integer), CASE NEW.visibility WHEN 'public' THEN 'public' WHEN 'members' THEN 'signed_in' ELSE 'bodies' END WHERE true
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
--> statement-breakpoint
CREATE TRIGGER search_documents_update AFTER UPDATE ON documents BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'document', NEW.id, NEW.title, coalesce((SELECT v.search_text FROM document_versions v WHERE v.id = NEW.current_version_id), ''), NEW.body_id, CAST(substr(NEW.date, 1, 4) AS integer), CASE NEW.visibility WHEN 'public' THEN 'public' WHEN 'members' THEN 'signed_in' ELSE 'bodies' END WHERE true
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
--> statement-breakpoint
CREATE TRIGGER search_documents_delete AFTER DELETE ON documents BEGIN
  DELETE FROM search_entries WHERE kind = 'document' AND ref_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'recommendation', r.id, r.title, r.ask || ' ' || r.summary, NULL, CAST(substr(r.answer_deadline, 1, 4) AS integer), CASE WHEN r.status NOT IN ('skickad', 'uppföljd', 'avslutad', 'återkallad') THEN 'admin' WHEN r.is_public = 1 THEN 'public' ELSE 'signed_in' END FROM recommendations r;
--> statement-breakpoint
CREATE TRIGGER search_recommendations_insert AFTER INSERT ON recommendations BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'recommendation', NEW.id, NEW.title, NEW.ask || ' ' || NEW.summary, NULL, CAST(substr(NEW.answer_deadline, 1, 4) AS integer), CASE WHEN NEW.status NOT IN ('skickad', 'uppföljd', 'avslutad', 'återkallad') THEN 'admin' WHEN NEW.is_public = 1 THEN 'public' ELSE 'signed_in' END WHERE true
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
--> statement-breakpoint
CREATE TRIGGER search_recommendations_update AFTER UPDATE ON recommendations BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'recommendation', NEW.id, NEW.title, NEW.ask || ' ' || NEW.summary, NULL, CAST(substr(NEW.answer_deadline, 1, 4) AS integer), CASE WHEN NEW.status NOT IN ('skickad', 'uppföljd', 'avslutad', 'återkallad') THEN 'admin' WHEN NEW.is_public = 1 THEN 'public' ELSE 'signed_in' END WHERE true
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
--> statement-breakpoint
CREATE TRIGGER search_recommendations_delete AFTER DELETE ON recommendations BEGIN
  DELETE FROM search_entries WHERE kind = 'recommendation' AND ref_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER search_meetings_update AFTER UPDATE OF body_id, date ON meetings BEGIN
  UPDATE search_entries SET
    body_id = (SELECT (SELECT m.body_id FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    year = (SELECT (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    audience = (SELECT CASE
      WHEN (i.minutes_note <> '' OR i.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = i.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = i.meeting_id) = 1
        AND EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = i.meeting_id) THEN 'public'
      ELSE 'body' END FROM agenda_items i WHERE i.id = search_entries.ref_id)
  WHERE kind = 'agenda_item' AND ref_id IN (SELECT i.id FROM agenda_items i WHERE i.meeting_id = NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER search_bodies_update AFTER UPDATE OF public_records ON bodies BEGIN
  UPDATE search_entries SET
    body_id = (SELECT (SELECT m.body_id FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    year = (SELECT (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    audience = (SELECT CASE
      WHEN (i.minutes_note <> '' OR i.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = i.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = i.meeting_id) = 1
        AND EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = i.meeting_id) THEN 'public'
      ELSE 'body' END FROM agenda_items i WHERE i.id = search_entries.ref_id)
  WHERE kind = 'agenda_item' AND ref_id IN (SELECT i.id FROM agenda_items i WHERE i.meeting_id IN (SELECT m.id FROM meetings m WHERE m.body_id = NEW.id));
END;
--> statement-breakpoint
CREATE TRIGGER search_agenda_versions_insert AFTER INSERT ON agenda_versions BEGIN
  UPDATE search_entries SET
    body_id = (SELECT (SELECT m.body_id FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    year = (SELECT (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    audience = (SELECT CASE
      WHEN (i.minutes_note <> '' OR i.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = i.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = i.meeting_id) = 1
        AND EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = i.meeting_id) THEN 'public'
      ELSE 'body' END FROM agenda_items i WHERE i.id = search_entries.ref_id)
  WHERE kind = 'agenda_item' AND ref_id IN (SELECT i.id FROM agenda_items i WHERE i.meeting_id = NEW.meeting_id);
END;
--> statement-breakpoint
CREATE TRIGGER search_agenda_versions_delete AFTER DELETE ON agenda_versions BEGIN
  UPDATE search_entries SET
    body_id = (SELECT (SELECT m.body_id FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    year = (SELECT (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    audience = (SELECT CASE
      WHEN (i.minutes_note <> '' OR i.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = i.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = i.meeting_id) = 1
        AND EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = i.meeting_id) THEN 'public'
      ELSE 'body' END FROM agenda_items i WHERE i.id = search_entries.ref_id)
  WHERE kind = 'agenda_item' AND ref_id IN (SELECT i.id FROM agenda_items i WHERE i.meeting_id = OLD.meeting_id);
END;
--> statement-breakpoint
CREATE TRIGGER search_minutes_insert AFTER INSERT ON minutes BEGIN
  UPDATE search_entries SET
    body_id = (SELECT (SELECT m.body_id FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    year = (SELECT (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    audience = (SELECT CASE
      WHEN (i.minutes_note <> '' OR i.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = i.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = i.meeting_id) = 1
        AND EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = i.meeting_id) THEN 'public'
      ELSE 'body' END FROM agenda_items i WHERE i.id = search_entries.ref_id)
  WHERE kind = 'agenda_item' AND ref_id IN (SELECT i.id FROM agenda_items i WHERE i.meeting_id = NEW.meeting_id);
END;
--> statement-breakpoint
CREATE TRIGGER search_minutes_update AFTER UPDATE OF status ON minutes BEGIN
  UPDATE search_entries SET
    body_id = (SELECT (SELECT m.body_id FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    year = (SELECT (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    audience = (SELECT CASE
      WHEN (i.minutes_note <> '' OR i.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = i.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = i.meeting_id) = 1
        AND EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = i.meeting_id) THEN 'public'
      ELSE 'body' END FROM agenda_items i WHERE i.id = search_entries.ref_id)
  WHERE kind = 'agenda_item' AND ref_id IN (SELECT i.id FROM agenda_items i WHERE i.meeting_id = NEW.meeting_id);
END;
--> statement-breakpoint
CREATE TRIGGER search_minutes_delete AFTER DELETE ON minutes BEGIN
  UPDATE search_entries SET
    body_id = (SELECT (SELECT m.body_id FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    year = (SELECT (SELECT CAST(substr(m.date, 1, 4) AS integer) FROM meetings m WHERE m.id = i.meeting_id) FROM agenda_items i WHERE i.id = search_entries.ref_id),
    audience = (SELECT CASE
      WHEN (i.minutes_note <> '' OR i.decision_text <> '')
        AND coalesce((SELECT mi.status FROM minutes mi WHERE mi.meeting_id = i.meeting_id), 'utkast') <> 'justerat' THEN 'body'
      WHEN (SELECT b.public_records FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = i.meeting_id) = 1
        AND EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = i.meeting_id) THEN 'public'
      ELSE 'body' END FROM agenda_items i WHERE i.id = search_entries.ref_id)
  WHERE kind = 'agenda_item' AND ref_id IN (SELECT i.id FROM agenda_items i WHERE i.meeting_id = OLD.meeting_id);
END;
