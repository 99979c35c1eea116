ALTER TABLE `document_versions` ADD `text_indexed` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX `document_versions_text_pending` ON `document_versions` (`id`) WHERE "text_indexed" = 0;
--> statement-breakpoint
-- A long text is indexed after its write (text_indexed = 0 until then): the entry holds the
-- document's title meanwhile.
DROP TRIGGER search_documents_insert;
--> statement-breakpoint
CREATE TRIGGER search_documents_insert AFTER INSERT ON documents BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'document', NEW.id, NEW.title, coalesce((SELECT CASE WHEN v.text_indexed THEN v.search_text ELSE '' END FROM document_versions v WHERE v.id = NEW.current_version_id), ''), NEW.body_id, CAST(substr(NEW.date, 1, 4) AS integer), CASE NEW.visibility WHEN 'public' THEN 'public' WHEN 'members' THEN 'signed_in' ELSE 'bodies' END WHERE true
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
--> statement-breakpoint
DROP TRIGGER search_documents_update;
--> statement-breakpoint
CREATE TRIGGER search_documents_update AFTER UPDATE ON documents BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'document', NEW.id, NEW.title, coalesce((SELECT CASE WHEN v.text_indexed THEN v.search_text ELSE '' END FROM document_versions v WHERE v.id = NEW.current_version_id), ''), NEW.body_id, CAST(substr(NEW.date, 1, 4) AS integer), CASE NEW.visibility WHEN 'public' THEN 'public' WHEN 'members' THEN 'signed_in' ELSE 'bodies' END WHERE true
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
--> statement-breakpoint
-- A version's text, once indexed or changed in place (redaction masks it there), is its
-- document's entry again if it is the document's current version.
CREATE TRIGGER search_document_versions_update AFTER UPDATE OF search_text, text_indexed ON document_versions BEGIN
  INSERT INTO search_entries (kind, ref_id, title, body, body_id, year, audience) SELECT 'document', d.id, d.title, CASE WHEN NEW.text_indexed THEN NEW.search_text ELSE '' END, d.body_id, CAST(substr(d.date, 1, 4) AS integer), CASE d.visibility WHEN 'public' THEN 'public' WHEN 'members' THEN 'signed_in' ELSE 'bodies' END FROM documents d WHERE d.current_version_id = NEW.id
  ON CONFLICT (kind, ref_id) DO UPDATE SET
    title = excluded.title, body = excluded.body, body_id = excluded.body_id, year = excluded.year, audience = excluded.audience
  WHERE search_entries.title IS NOT excluded.title OR search_entries.body IS NOT excluded.body
    OR search_entries.body_id IS NOT excluded.body_id OR search_entries.year IS NOT excluded.year
    OR search_entries.audience IS NOT excluded.audience;
END;
