/**
 * Upgrading a database that already has agreement data: migrations 0013–0014 must run inside
 * one transaction with foreign keys on (as drizzle's migrator ran them until the constraints
 * migration; since then `migrateDatabase` switches them off around the transaction, so a table
 * rebuild neither cascades nor refuses, and checks the references after), keep the versions that
 * recommendations reference, keep the search index triggers, move population figures to their
 * date (1 November the year before), and add constraints that refuse bad rows.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIR = path.resolve(import.meta.dirname, "../../db/migrations");
const journal = JSON.parse(fs.readFileSync(path.join(DIR, "meta/_journal.json"), "utf8")) as {
  entries: { idx: number; tag: string }[];
};

function apply(db: Database.Database, tags: string[]) {
  db.exec("BEGIN");
  try {
    for (const tag of tags)
      for (const statement of fs.readFileSync(path.join(DIR, `${tag}.sql`), "utf8").split("--> statement-breakpoint"))
        if (statement.trim()) db.exec(statement);
    db.exec("COMMIT");
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}

describe("the agreement money migrations on a database with data", () => {
  it("upgrades without losing or orphaning anything", () => {
    const db = new Database(":memory:");
    db.pragma("foreign_keys = ON");
    const first = journal.entries.findIndex((e) => e.tag.endsWith("_agreement_money"));
    expect(first).toBeGreaterThan(0);
    apply(
      db,
      journal.entries.slice(0, first).map((e) => e.tag),
    );
    db.exec(`
      INSERT INTO collaborations (slug, name) VALUES ('mm', 'Mini-Maria');
      INSERT INTO organisations (name, kind) VALUES ('Bergs kommun', 'kommun');
      INSERT INTO agreements (collaboration_id, title) VALUES (1, 'Samarbetsavtal');
      INSERT INTO agreement_versions (agreement_id, label, text, first_term_start, first_term_end, notice_months,
        renewal_months, base_year, base_budget, region_share_basis_points)
        VALUES (1, 'Antaget', 'uppsägning skriftligen', '2023-01-01', '2023-12-31', 12, 12, 2023, 5720000, 4675);
      INSERT INTO recommendations (collaboration_id, title, ask, answer_deadline, agreement_version_id)
        VALUES (1, 'Godkänn avtalet', 'Godkänn', '2023-03-31', 1);
      INSERT INTO populations (organisation_id, year, population) VALUES (1, 2023, 6959);
      INSERT INTO budget_years (collaboration_id, year, total_by_decision) VALUES (1, 2023, 5720000);
    `);
    const guards = journal.entries.findIndex((e) => e.tag.endsWith("_database_guards_itself"));
    apply(
      db,
      journal.entries.slice(first, guards).map((e) => e.tag),
    );
    db.pragma("foreign_keys = OFF");
    apply(
      db,
      journal.entries.slice(guards).map((e) => e.tag),
    );
    db.pragma("foreign_keys = ON");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    expect(db.prepare("SELECT as_of, population, illustrative FROM populations").all()).toEqual([
      { as_of: "2022-11-01", population: 6959, illustrative: 0 },
    ]);
    expect(db.prepare("SELECT population_month_day, population_year_offset FROM agreement_versions").get()).toEqual({
      population_month_day: "11-01",
      population_year_offset: -1,
    });
    expect(db.prepare("SELECT total_by_decision, version FROM budget_years").get()).toEqual({
      total_by_decision: 5720000,
      version: 1,
    });
    // The search index still follows the versions.
    db.exec("UPDATE agreement_versions SET text = 'ny text om uppräkning' WHERE id = 1");
    expect(db.prepare("SELECT body FROM search_entries WHERE kind = 'agreement_version'").all()).toEqual([
      { body: "ny text om uppräkning" },
    ]);
    for (const bad of [
      "UPDATE agreement_versions SET notice_months = -1",
      "UPDATE agreement_versions SET label = ''",
      "UPDATE budget_years SET illustrative = 2",
      "UPDATE agreement_versions SET region_base_amount = 9000000",
      "UPDATE agreement_versions SET population_month_day = '02-29'",
      "INSERT INTO populations (organisation_id, as_of, population) VALUES (1, '2023-11-01', -1)",
      "INSERT INTO populations (organisation_id, as_of, population) VALUES (1, '2022-11-01', 1)",
      "INSERT INTO budget_years (collaboration_id, year, outcome) VALUES (1, 2024, -5)",
      "INSERT INTO budget_items (collaboration_id, year, kind, label, amount, rule) VALUES (1, 2024, 'engångskostnad', 'x', 10, 'part')",
      "INSERT INTO budget_items (collaboration_id, year, kind, label, amount) VALUES (1, 2024, 'bidrag', 'x', 10)",
      "INSERT INTO budget_items (collaboration_id, year, kind, label, amount) VALUES (1, 2024, 'engångskostnad', 'x', 0)",
      "INSERT INTO agreement_principals (agreement_version_id, organisation_id, side) VALUES (1, 1, 'staten')",
      "INSERT INTO agreement_principals (agreement_version_id, organisation_id, side) VALUES (99, 1, 'region')",
    ])
      expect(() => db.exec(bad), bad).toThrow();
    db.close();
  });
});
