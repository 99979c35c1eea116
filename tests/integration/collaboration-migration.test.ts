import { describe, expect, it } from "vitest";
import { migrateDatabase } from "../../db/connection";
import { freshUnmigrated, migrateUpTo } from "../support/migrate-to";

describe("migration 0010: a body can serve several collaborations", () => {
  it("keeps every body, its id, its collaboration and everything that refers to it", () => {
    const db = freshUnmigrated();
    migrateUpTo(db, "0009_mail_outbox");
    const sql = db.$client;
    sql.exec(`
      INSERT INTO collaborations (id, slug, name) VALUES (1, 'samverkan-a', 'Samverkan A'), (2, 'samverkan-b', 'Samverkan B');
      INSERT INTO bodies (id, collaboration_id, slug, name, short_name, kind, public_records)
        VALUES (1, 1, 'svom', 'SVOM', 'SVOM', 'politisk', 1),
               (2, 1, 'styrgrupp', 'Styrgruppen A', 'Styrgruppen', 'styrgrupp', 0),
               (3, 2, 'styrgrupp', 'Styrgruppen B', 'Styrgruppen', 'styrgrupp', 0);
      INSERT INTO people (id, name) VALUES (1, 'Person');
      INSERT INTO memberships (body_id, person_id, role, start_date) VALUES (3, 1, 'ledamot', '2026-01-01');
      INSERT INTO meetings (id, body_id, date, start_time, end_time) VALUES (1, 1, '2026-12-01', '09:00', '12:00');
    `);
    migrateDatabase(db);
    expect(sql.prepare("SELECT id, slug, kind FROM bodies ORDER BY id").all()).toEqual([
      { id: 1, slug: "svom", kind: "Politisk ledningsgrupp" },
      { id: 2, slug: "styrgrupp", kind: "Styrgrupp" },
      // Slugs are unique across collaborations now: the later one gets its id.
      { id: 3, slug: "styrgrupp-3", kind: "Styrgrupp" },
    ]);
    expect(sql.prepare("SELECT body_id, collaboration_id FROM body_collaborations ORDER BY body_id").all()).toEqual([
      { body_id: 1, collaboration_id: 1 },
      { body_id: 2, collaboration_id: 1 },
      { body_id: 3, collaboration_id: 2 },
    ]);
    expect(sql.prepare("SELECT body_id FROM memberships").all()).toEqual([{ body_id: 3 }]);
    expect(sql.prepare("SELECT body_id FROM meetings").all()).toEqual([{ body_id: 1 }]);
    expect(sql.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    // New rows get fresh ids after the kept ones.
    sql.exec(`INSERT INTO bodies (slug, name, short_name, kind) VALUES ('ny', 'Ny', 'Ny', 'Styrgrupp')`);
    expect(sql.prepare("SELECT max(id) AS id FROM bodies").get()).toEqual({ id: 4 });
  });

  it("refuses a body the CHECK constraints do not allow", () => {
    const db = freshUnmigrated();
    migrateDatabase(db);
    const insert = (slug: string, kind: string, days = 14) =>
      db.$client
        .prepare("INSERT INTO bodies (slug, name, short_name, kind, proposal_deadline_days) VALUES (?, 'N', 'N', ?, ?)")
        .run(slug, kind, days);
    expect(() => insert("Stora Bokstäver", "Styrgrupp")).toThrow(/CHECK/);
    expect(() => insert("ok-slug", "")).toThrow(/CHECK/);
    expect(() => insert("ok-slug", "Styrgrupp", -1)).toThrow(/CHECK/);
    expect(() => insert("ok-slug", "Styrgrupp")).not.toThrow();
    expect(() => insert("ok-slug", "Styrgrupp")).toThrow(/UNIQUE/);
  });
});

describe("migration 0016: collaborations as data", () => {
  it("keeps organisations, parties and key figures, which become the collaboration's own definitions", () => {
    const db = freshUnmigrated();
    migrateUpTo(db, "0015_recommendation_lifecycle");
    const sql = db.$client;
    sql.exec(`
      INSERT INTO collaborations (id, slug, name) VALUES (1, 'mini-maria', 'Mini-Maria');
      INSERT INTO organisations (id, name, kind) VALUES (1, 'Regionen', 'region'), (2, 'Berg', 'kommun');
      INSERT INTO parties (id, collaboration_id, organisation_id, status) VALUES (1, 1, 1, 'medlem'), (2, 1, 2, 'uppsagd');
      INSERT INTO bodies (id, slug, name, short_name, kind) VALUES (1, 'svom', 'SVOM', 'SVOM', 'Politisk ledningsgrupp');
      INSERT INTO key_figures (id, collaboration_id, year, contacts, boys_percent, girls_percent, cannabis_percent, staffing_fte, note)
        VALUES (1, 1, 2025, 59, 60, 40, 41, 'Vakanser', 'Kö på hösten');
    `);
    migrateDatabase(db);
    expect(sql.prepare("SELECT id, organisation_id, role, status FROM parties ORDER BY id").all()).toEqual([
      { id: 1, organisation_id: 1, role: "huvudman", status: "medlem" },
      { id: 2, organisation_id: 2, role: "part", status: "uppsagd" },
    ]);
    expect(sql.prepare("SELECT id, name, municipality_code FROM organisations ORDER BY id").all()).toEqual([
      { id: 1, name: "Regionen", municipality_code: null },
      { id: 2, name: "Berg", municipality_code: null },
    ]);
    const figures = sql
      .prepare(
        `SELECT d.label, d.unit, d.sum_group, v.number_value, v.text_value FROM key_figure_values v
         JOIN key_figure_definitions d ON d.id = v.definition_id JOIN key_figures k ON k.id = v.key_figure_id
         WHERE k.year = 2025 ORDER BY d.position`,
      )
      .all();
    expect(figures).toEqual([
      { label: "Antal kontakter", unit: "antal", sum_group: "", number_value: 59, text_value: null },
      { label: "Andel pojkar", unit: "procent", sum_group: "kön", number_value: 60, text_value: null },
      { label: "Andel flickor", unit: "procent", sum_group: "kön", number_value: 40, text_value: null },
      {
        label: "Primär problematik: cannabis",
        unit: "procent",
        sum_group: "problematik",
        number_value: 41,
        text_value: null,
      },
      { label: "Bemanning", unit: "text", sum_group: "", number_value: null, text_value: "Vakanser" },
    ]);
    // Figures a year did not have get no value; the definitions exist for the collaboration.
    expect(sql.prepare("SELECT count(*) AS n FROM key_figure_definitions").get()).toEqual({ n: 9 });
    expect(sql.prepare("SELECT note FROM key_figures").get()).toEqual({ note: "Kö på hösten" });
    expect(sql.prepare("SELECT key FROM body_standard_items WHERE body_id = 1 ORDER BY position").all()).toEqual([
      { key: "opening" },
      { key: "adjusters" },
      { key: "agenda" },
      { key: "closing" },
    ]);
    expect(sql.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
  });

  it("refuses what the CHECK constraints do not allow", () => {
    const db = freshUnmigrated();
    migrateDatabase(db);
    const sql = db.$client;
    sql.exec(`INSERT INTO collaborations (id, slug, name) VALUES (1, 'ok-slug', 'Ok');
              INSERT INTO organisations (id, name, kind) VALUES (1, 'Org', 'kommun');`);
    expect(() => sql.exec(`INSERT INTO collaborations (slug, name) VALUES ('Ä', 'X')`)).toThrow(/CHECK/);
    expect(() => sql.exec(`INSERT INTO organisations (name, kind) VALUES ('Y', 'land')`)).toThrow(/CHECK/);
    expect(() =>
      sql.exec(`INSERT INTO organisations (name, kind, municipality_code) VALUES ('Y', 'kommun', '123')`),
    ).toThrow(/CHECK/);
    expect(() =>
      sql.exec(`INSERT INTO parties (collaboration_id, organisation_id, role) VALUES (1, 1, 'chef')`),
    ).toThrow(/CHECK/);
    expect(() =>
      sql.exec(
        `INSERT INTO parties (collaboration_id, organisation_id, registrar_email) VALUES (1, 1, 'inte-en-adress')`,
      ),
    ).toThrow(/CHECK/);
    expect(() => sql.exec(`INSERT INTO parties (collaboration_id, organisation_id) VALUES (1, 99)`)).toThrow(
      /FOREIGN KEY/,
    );
  });
});
