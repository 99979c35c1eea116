-- The words of the word index, each once, in a trigram index of their own (issue 14;
-- docs/decisions/010-swedish-search.md). An unquoted word is a substring search: in the
-- trigram index a 14-letter word is a phrase of 12 trigrams, and FTS5 checks their positions
-- over every text that holds all twelve (96 ms to count "tandvårdsbesök" at 100× data, as the
-- text grows). A word made of letters and digits can only occur inside one word of the text,
-- so the entries that contain it are the entries that hold a word containing it: found here
-- among the distinct words (one short trigram phrase per word), then read from search_words
-- as those words, whose doclists hold only the entries that have them.
--
-- search_terms keeps every word search_words has ever held (a word whose last entry changed
-- stays: it then finds nothing, which costs nothing). A new word comes in with the write that
-- brings it, in the same transaction: the entry's text is tokenized by search_entry_words, a
-- contentless FTS5 table with the word index's own tokenizer, so the words are exactly the
-- word index's tokens; the words of its vocabulary not yet known are added to search_terms and
-- it is emptied again. (Not INSERT OR IGNORE: inside a trigger the outer statement's conflict
-- rule would override it.)
CREATE TABLE search_terms (
  id integer PRIMARY KEY,
  term text NOT NULL UNIQUE
);
--> statement-breakpoint
CREATE VIRTUAL TABLE search_terms_fts USING fts5(
  term,
  content = 'search_terms',
  content_rowid = 'id',
  tokenize = 'trigram case_sensitive 0'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE search_entry_words USING fts5(
  title,
  body,
  content = '',
  detail = 'none',
  tokenize = 'unicode61 remove_diacritics 0'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE search_entry_words_terms USING fts5vocab(search_entry_words, row);
--> statement-breakpoint
-- The words already indexed, from the word index's own vocabulary.
CREATE VIRTUAL TABLE search_words_terms USING fts5vocab(search_words, row);
--> statement-breakpoint
INSERT INTO search_terms (term) SELECT term FROM search_words_terms;
--> statement-breakpoint
DROP TABLE search_words_terms;
--> statement-breakpoint
INSERT INTO search_terms_fts (search_terms_fts) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER search_terms_insert AFTER INSERT ON search_terms BEGIN
  INSERT INTO search_terms_fts (rowid, term) VALUES (NEW.id, NEW.term);
END;
--> statement-breakpoint
DROP TRIGGER search_entries_insert;
--> statement-breakpoint
DROP TRIGGER search_entries_update;
--> statement-breakpoint
CREATE TRIGGER search_entries_insert AFTER INSERT ON search_entries BEGIN
  INSERT INTO search_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
  INSERT INTO search_words (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
  INSERT INTO search_entry_words (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
  INSERT INTO search_terms (term) SELECT w.term FROM search_entry_words_terms w
  WHERE NOT EXISTS (SELECT 1 FROM search_terms t WHERE t.term = w.term);
  INSERT INTO search_entry_words (search_entry_words) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER search_entries_update AFTER UPDATE OF title, body ON search_entries
WHEN OLD.title IS NOT NEW.title OR OLD.body IS NOT NEW.body BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
  INSERT INTO search_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
  INSERT INTO search_words (search_words, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
  INSERT INTO search_words (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
  INSERT INTO search_entry_words (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
  INSERT INTO search_terms (term) SELECT w.term FROM search_entry_words_terms w
  WHERE NOT EXISTS (SELECT 1 FROM search_terms t WHERE t.term = w.term);
  INSERT INTO search_entry_words (search_entry_words) VALUES ('delete-all');
END;
--> statement-breakpoint
-- An entry's access and filter facts without its text (search.server.ts reads them INDEXED BY
-- this index): in the row, body_id, year and audience come after the text, and reading them
-- walked the text's overflow pages for every match.
CREATE INDEX search_entries_facts ON search_entries (id, kind, ref_id, body_id, year, audience);
