/**
 * Migration 0029 makes an agenda item's search entry public when its meeting's minutes are
 * approved and public, notice or not (the paper-era SVOM meetings have none). It must recompute
 * the entries of a database in use, not only keep new writes right: this test writes rows with
 * the migrations up to 0028, then applies the rest.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, type Db } from "../../db/connection";
import { freshUnmigrated, migrateUpTo } from "../support/migrate-to";

let db: Db;
const audiences = () =>
  Object.fromEntries(
    (
      db.$client
        .prepare(
          "SELECT i.title, e.audience FROM search_entries e JOIN agenda_items i ON i.id = e.ref_id WHERE e.kind = 'agenda_item'",
        )
        .all() as { title: string; audience: string }[]
    ).map((r) => [r.title, r.audience]),
  );

let before: Record<string, string>;

beforeAll(() => {
  db = freshUnmigrated();
  migrateUpTo(db, "0028_search_terms");
  db.$client.exec(`
    INSERT INTO bodies (id, slug, name, short_name, kind, public_records) VALUES
      (1, 'svom', 'Samverkansorgan', 'SVOM', 'Politisk samverkan', 1),
      (2, 'styrgrupp', 'Styrgrupp', 'SG', 'Tjänstemän', 0);
    INSERT INTO meetings (id, body_id, date, start_time, end_time) VALUES
      (1, 1, '2022-06-03', '09:00', '12:00'),
      (2, 1, '2022-10-07', '09:00', '12:00'),
      (3, 1, '2022-12-02', '09:00', '12:00'),
      (4, 2, '2022-06-10', '09:00', '12:00');
    INSERT INTO agenda_items (meeting_id, position, title, decision_text, confidential, confidential_reason) VALUES
      (1, 1, 'Justerat utan kallelse', 'Beslutet fattades.', 0, ''),
      (1, 2, 'Justerat, sekretess', '', 1, 'OSL 26 kap. 1 §'),
      (2, 1, 'Utkast utan kallelse', 'Förslag till beslut.', 0, ''),
      (3, 1, 'Inget protokoll', '', 0, ''),
      (4, 1, 'Internt organ, justerat', 'Beslutet fattades.', 0, '');
    INSERT INTO minutes (meeting_id, status, approved_at) VALUES
      (1, 'justerat', '2022-06-10T10:00:00.000Z'),
      (2, 'utkast', NULL),
      (4, 'justerat', '2022-06-17T10:00:00.000Z');
  `);
  before = audiences();
  migrateDatabase(db);
});

describe("migration 0029 on a database in use", () => {
  it("left the approved, public minutes' items out of the public index before", () => {
    expect(before["Justerat utan kallelse"]).toBe("body");
  });

  it("recomputes the existing entries: approved public minutes are public, everything else stays the body's", () => {
    expect(audiences()).toEqual({
      "Justerat utan kallelse": "public",
      // Confidential items are kept from the public at query time (SEARCH_ENTRY_READABLE), not here.
      "Justerat, sekretess": "public",
      "Utkast utan kallelse": "body",
      "Inget protokoll": "body",
      "Internt organ, justerat": "body",
    });
  });

  it("keeps new writes right through the new triggers, and both text indexes whole", () => {
    db.$client
      .exec(`UPDATE minutes SET status = 'justerat', approved_at = '2022-10-14T10:00:00.000Z' WHERE meeting_id = 2;
      INSERT INTO agenda_items (meeting_id, position, title) VALUES (1, 3, 'Tillagd i efterhand');`);
    expect(audiences()).toMatchObject({ "Utkast utan kallelse": "public", "Tillagd i efterhand": "public" });
    db.$client.exec("UPDATE bodies SET public_records = 0 WHERE id = 1");
    expect(audiences()["Justerat utan kallelse"]).toBe("body");
    expect(() => db.$client.exec("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")).not.toThrow();
    expect(() => db.$client.exec("INSERT INTO search_words (search_words) VALUES ('integrity-check')")).not.toThrow();
  });
});
