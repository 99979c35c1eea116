-- Full-text search over everything users look for. Kept in step with the data by triggers,
-- so the index always changes in the same transaction as the row it describes.
-- unicode61 folds case (Å = å) but keeps diacritics, so "för" and "for" stay different words.
CREATE VIRTUAL TABLE search_index USING fts5(
  kind UNINDEXED,
  ref_id UNINDEXED,
  title,
  body,
  tokenize = "unicode61 remove_diacritics 0"
);
--> statement-breakpoint
INSERT INTO search_index (kind, ref_id, title, body) SELECT 'agenda_item', id, title, description || ' ' || proposed_decision || ' ' || minutes_note || ' ' || decision_text FROM agenda_items;
--> statement-breakpoint
CREATE TRIGGER search_agenda_items_insert AFTER INSERT ON agenda_items BEGIN
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('agenda_item', NEW.id, NEW.title, NEW.description || ' ' || NEW.proposed_decision || ' ' || NEW.minutes_note || ' ' || NEW.decision_text);
END;
--> statement-breakpoint
CREATE TRIGGER search_agenda_items_update AFTER UPDATE ON agenda_items BEGIN
  DELETE FROM search_index WHERE kind = 'agenda_item' AND ref_id = OLD.id;
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('agenda_item', NEW.id, NEW.title, NEW.description || ' ' || NEW.proposed_decision || ' ' || NEW.minutes_note || ' ' || NEW.decision_text);
END;
--> statement-breakpoint
CREATE TRIGGER search_agenda_items_delete AFTER DELETE ON agenda_items BEGIN
  DELETE FROM search_index WHERE kind = 'agenda_item' AND ref_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_index (kind, ref_id, title, body) SELECT 'decision', id, title, text FROM decisions;
--> statement-breakpoint
CREATE TRIGGER search_decisions_insert AFTER INSERT ON decisions BEGIN
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('decision', NEW.id, NEW.title, NEW.text);
END;
--> statement-breakpoint
CREATE TRIGGER search_decisions_update AFTER UPDATE ON decisions BEGIN
  DELETE FROM search_index WHERE kind = 'decision' AND ref_id = OLD.id;
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('decision', NEW.id, NEW.title, NEW.text);
END;
--> statement-breakpoint
CREATE TRIGGER search_decisions_delete AFTER DELETE ON decisions BEGIN
  DELETE FROM search_index WHERE kind = 'decision' AND ref_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_index (kind, ref_id, title, body) SELECT 'matter', id, registry_number || ' ' || title, description FROM matters;
--> statement-breakpoint
CREATE TRIGGER search_matters_insert AFTER INSERT ON matters BEGIN
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('matter', NEW.id, NEW.registry_number || ' ' || NEW.title, NEW.description);
END;
--> statement-breakpoint
CREATE TRIGGER search_matters_update AFTER UPDATE ON matters BEGIN
  DELETE FROM search_index WHERE kind = 'matter' AND ref_id = OLD.id;
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('matter', NEW.id, NEW.registry_number || ' ' || NEW.title, NEW.description);
END;
--> statement-breakpoint
CREATE TRIGGER search_matters_delete AFTER DELETE ON matters BEGIN
  DELETE FROM search_index WHERE kind = 'matter' AND ref_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_index (kind, ref_id, title, body) SELECT 'agreement_version', id, label, text FROM agreement_versions;
--> statement-breakpoint
CREATE TRIGGER search_agreement_versions_insert AFTER INSERT ON agreement_versions BEGIN
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('agreement_version', NEW.id, NEW.label, NEW.text);
END;
--> statement-breakpoint
CREATE TRIGGER search_agreement_versions_update AFTER UPDATE ON agreement_versions BEGIN
  DELETE FROM search_index WHERE kind = 'agreement_version' AND ref_id = OLD.id;
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('agreement_version', NEW.id, NEW.label, NEW.text);
END;
--> statement-breakpoint
CREATE TRIGGER search_agreement_versions_delete AFTER DELETE ON agreement_versions BEGIN
  DELETE FROM search_index WHERE kind = 'agreement_version' AND ref_id = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_index (kind, ref_id, title, body)
  SELECT 'document', d.id, d.title, coalesce((SELECT v.search_text FROM document_versions v WHERE v.id = d.current_version_id), '') FROM documents d;
--> statement-breakpoint
CREATE TRIGGER search_documents_insert AFTER INSERT ON documents BEGIN
  INSERT INTO search_index (kind, ref_id, title, body)
    VALUES ('document', NEW.id, NEW.title, coalesce((SELECT v.search_text FROM document_versions v WHERE v.id = NEW.current_version_id), ''));
END;
--> statement-breakpoint
CREATE TRIGGER search_documents_update AFTER UPDATE ON documents BEGIN
  DELETE FROM search_index WHERE kind = 'document' AND ref_id = OLD.id;
  INSERT INTO search_index (kind, ref_id, title, body)
    VALUES ('document', NEW.id, NEW.title, coalesce((SELECT v.search_text FROM document_versions v WHERE v.id = NEW.current_version_id), ''));
END;
--> statement-breakpoint
CREATE TRIGGER search_documents_delete AFTER DELETE ON documents BEGIN
  DELETE FROM search_index WHERE kind = 'document' AND ref_id = OLD.id;
END;
