-- Recommendations to the parties are searchable too (title, the ask, the summary).
INSERT INTO search_index (kind, ref_id, title, body) SELECT 'recommendation', id, title, ask || ' ' || summary FROM recommendations;
--> statement-breakpoint
CREATE TRIGGER search_recommendations_insert AFTER INSERT ON recommendations BEGIN
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('recommendation', NEW.id, NEW.title, NEW.ask || ' ' || NEW.summary);
END;
--> statement-breakpoint
CREATE TRIGGER search_recommendations_update AFTER UPDATE ON recommendations BEGIN
  DELETE FROM search_index WHERE kind = 'recommendation' AND ref_id = OLD.id;
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('recommendation', NEW.id, NEW.title, NEW.ask || ' ' || NEW.summary);
END;
--> statement-breakpoint
CREATE TRIGGER search_recommendations_delete AFTER DELETE ON recommendations BEGIN
  DELETE FROM search_index WHERE kind = 'recommendation' AND ref_id = OLD.id;
END;
