/**
 * Migration 0015 rebuilds the recommendation tables with CHECK constraints. It must keep every
 * row of a database that was in use before it: the answers, their history, the search index.
 * This test builds such a database with the migrations before it and rows shaped as the old
 * model wrote them, then applies the rest.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, type Db } from "../../db/connection";

const MIGRATIONS = path.resolve(__dirname, "../../db/migrations");
const BEFORE = "0015_recommendation_lifecycle";

let dir: string;
let db: Db;
const q = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];

beforeAll(() => {
  // The migrations as they were before 0015.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  const cut = journal.entries.findIndex((e) => e.tag === BEFORE);
  expect(cut).toBeGreaterThan(0);
  fs.mkdirSync(path.join(dir, "meta"));
  fs.writeFileSync(
    path.join(dir, "meta/_journal.json"),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }),
  );
  for (const e of journal.entries.slice(0, cut))
    fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));

  db = openDatabase(":memory:");
  migrate(db, { migrationsFolder: dir });
  const run = (sql: string) => db.$client.exec(sql);
  run(`INSERT INTO collaborations (id, slug, name) VALUES (1, 'mm', 'Mini-Maria');
       INSERT INTO organisations (id, name, kind) VALUES (1, 'Region', 'region'), (2, 'Ragunda kommun', 'kommun'), (3, 'Krokoms kommun', 'kommun');
       INSERT INTO users (id, email, password_hash, role) VALUES ('u1', 'a@example.org', 'x', 'admin');
       INSERT INTO agreements (id, collaboration_id, title) VALUES (1, 1, 'Avtal');
       INSERT INTO agreement_versions (id, agreement_id, label, first_term_start, first_term_end, notice_months, renewal_months, base_year, base_budget, region_share_basis_points)
         VALUES (1, 1, 'v1', '2023-01-01', '2023-12-31', 12, 12, 2023, 5720000, 4675);
       INSERT INTO recommendations (id, collaboration_id, title, ask, answer_deadline, agreement_version_id, created_by, created_at)
         VALUES (1, 1, 'Inriktningsbeslut', 'Att fatta inriktningsbeslut.', '2022-09-30', NULL, 'u1', '2022-06-03T12:00:00.000Z'),
                (2, 1, 'Samarbetsavtal', 'Att godkänna avtalet.', '2023-03-31', 1, 'u1', '2023-02-10T12:00:00.000Z');
       INSERT INTO recommendation_parties (id, recommendation_id, organisation_id, status, decision_date, deciding_body, reference, version)
         VALUES (1, 1, 1, 'antagen', '2022-11-17', 'Hälso- och sjukvårdsnämnden', 'HSN § 187', 3),
                (2, 1, 2, 'antagen', '2022-12-12', 'Kommunstyrelsen', 'KS § 201', 3),
                (3, 2, 1, 'antagen', '2023-03-16', 'Hälso- och sjukvårdsnämnden', 'dnr RS/2023/44', 2),
                (4, 2, 3, 'behandlas', '2023-04-20', 'Kommunfullmäktige', '', 2);
       INSERT INTO party_answers (recommendation_party_id, event, status, decision_date, deciding_body, reference, by_user, created_at)
         VALUES (1, 'rapporterat', 'behandlas', '2022-11-17', 'Hälso- och sjukvårdsnämnden', '', 'u1', '2022-10-20T12:00:00.000Z'),
                (1, 'rapporterat', 'antagen', '2022-11-17', 'Hälso- och sjukvårdsnämnden', 'HSN § 187', 'u1', '2022-11-17T12:00:00.000Z'),
                (2, 'rapporterat', 'avslagen', '2022-09-26', 'Kommunstyrelsen', 'KS § 151', 'u1', '2022-09-26T12:00:00.000Z'),
                (2, 'rapporterat', 'antagen', '2022-12-12', 'Kommunstyrelsen', 'KS § 201', 'u1', '2022-12-12T12:00:00.000Z'),
                (3, 'rapporterat', 'antagen', '2023-03-16', 'Hälso- och sjukvårdsnämnden', 'dnr RS/2023/44', 'u1', '2023-03-16T12:00:00.000Z'),
                (4, 'rapporterat', 'behandlas', '2023-04-20', 'Kommunfullmäktige', '', 'u1', '2023-03-01T12:00:00.000Z');`);
  migrateDatabase(db);
});

afterAll(() => {
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("migration 0015 on a database in use", () => {
  it("keeps every answer and its whole history (no cascade on the rebuilt tables)", () => {
    expect(q("SELECT id FROM recommendation_parties")).toHaveLength(4);
    expect(q("SELECT id FROM party_answers")).toHaveLength(6);
    expect(q("PRAGMA foreign_key_check")).toEqual([]);
    expect(q<{ integrity_check: string }>("PRAGMA integrity_check")[0].integrity_check).toBe("ok");
  });

  it("closes a recommendation every party has decided and keeps the other one open as sent", () => {
    expect(q("SELECT id, status, sent_at, closed_at, cost_year FROM recommendations ORDER BY id")).toEqual([
      {
        id: 1,
        status: "avslutad",
        sent_at: "2022-06-03T12:00:00.000Z",
        closed_at: "2022-12-12T12:00:00.000Z",
        cost_year: null,
      },
      { id: 2, status: "skickad", sent_at: "2023-02-10T12:00:00.000Z", closed_at: null, cost_year: 2023 },
    ]);
    expect(
      q("SELECT recommendation_id, version_no, reason FROM recommendation_versions ORDER BY recommendation_id"),
    ).toEqual([
      { recommendation_id: 1, version_no: 1, reason: "" },
      { recommendation_id: 2, version_no: 1, reason: "" },
    ]);
  });

  it("turns the old reference into the § number, or the registry number when it has no §", () => {
    expect(q("SELECT id, paragraph, registry_number FROM recommendation_parties ORDER BY id")).toEqual([
      { id: 1, paragraph: 187, registry_number: "" },
      { id: 2, paragraph: 201, registry_number: "" },
      { id: 3, paragraph: null, registry_number: "dnr RS/2023/44" },
      { id: 4, paragraph: null, registry_number: "" },
    ]);
    expect(q("SELECT status, paragraph FROM party_answers WHERE recommendation_party_id = 2 ORDER BY id")).toEqual([
      { status: "avslagen", paragraph: 151 },
      { status: "antagen", paragraph: 201 },
    ]);
  });

  it("keeps the search index, once per recommendation, and its triggers working", () => {
    expect(q("SELECT ref_id FROM search_entries WHERE kind = 'recommendation' ORDER BY ref_id")).toEqual([
      { ref_id: 1 },
      { ref_id: 2 },
    ]);
    db.$client.prepare("UPDATE recommendations SET title = 'Godkännande av samarbetsavtal' WHERE id = 2").run();
    expect(q("SELECT title FROM search_entries WHERE kind = 'recommendation' AND ref_id = 2")).toEqual([
      { title: "Godkännande av samarbetsavtal" },
    ]);
  });
});
