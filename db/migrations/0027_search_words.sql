-- A word index beside the trigram index (issue 14; docs/decisions/010-swedish-search.md).
-- An exact phrase in the trigram index is a phrase of n − 2 trigrams, and FTS5 checks the
-- positions in every row that holds all of them (109 ms p95 for "samarbetsavtal" at 100 000
-- documents). In a word index a phrase is a few token lookups. Quoted phrases use this index;
-- every unquoted word still uses the trigram index (substrings: "avtal" finds
-- "samarbetsavtalet").
--
-- Tokenizer: unicode61 with remove_diacritics 0, so å, ä and ö stay letters of their own and
-- fold only with their upper case (Å = å), exactly as the trigram side (case_sensitive 0)
-- folds them: "för" is not "for" in either index. prefix '2 3': a phrase's last word may
-- continue ("uppsägningen av avtal" finds "… av avtalet"), and a short last word ("av", "om")
-- would otherwise merge the doclists of every word beginning with it.
--
-- Same content table and rowid as search_fts: the triggers on search_entries write one row of
-- each index for a write of one entry, and nothing when neither title nor text changed.
CREATE VIRTUAL TABLE search_words USING fts5(
  title,
  body,
  content = 'search_entries',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 0',
  prefix = '2 3'
);
--> statement-breakpoint
INSERT INTO search_words (search_words) VALUES ('rebuild');
--> statement-breakpoint
DROP TRIGGER search_entries_insert;
--> statement-breakpoint
DROP TRIGGER search_entries_delete;
--> statement-breakpoint
DROP TRIGGER search_entries_update;
--> statement-breakpoint
CREATE TRIGGER search_entries_insert AFTER INSERT ON search_entries BEGIN
  INSERT INTO search_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
  INSERT INTO search_words (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;
--> statement-breakpoint
CREATE TRIGGER search_entries_delete AFTER DELETE ON search_entries BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
  INSERT INTO search_words (search_words, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
END;
--> statement-breakpoint
CREATE TRIGGER search_entries_update AFTER UPDATE OF title, body ON search_entries
WHEN OLD.title IS NOT NEW.title OR OLD.body IS NOT NEW.body BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
  INSERT INTO search_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
  INSERT INTO search_words (search_words, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
  INSERT INTO search_words (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;
