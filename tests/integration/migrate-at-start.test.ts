/**
 * The server brings its database up to the committed schema before it listens
 * (migrateAtStart → migrateDatabase): a new file gets every migration, an older one only those
 * it lacks, and an up-to-date one none (then nothing but a count is read).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { migrateDatabase } from "../../db/connection";
import { freshUnmigrated, migrateUpTo } from "../support/migrate-to";

const journal = JSON.parse(
  fs.readFileSync(
    path.join(fileURLToPath(new URL("../../db/migrations", import.meta.url)), "meta/_journal.json"),
    "utf8",
  ),
) as { entries: { tag: string }[] };
const all = journal.entries.length;

const applied = (db: ReturnType<typeof freshUnmigrated>) =>
  (db.$client.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n;

describe("migrating at start", () => {
  it("gives a new database every migration, then none", () => {
    const db = freshUnmigrated();
    expect(migrateDatabase(db)).toBe(all);
    expect(applied(db)).toBe(all);
    expect(migrateDatabase(db)).toBe(0);
    expect(applied(db)).toBe(all);
  });

  it("gives a database of an earlier version the migrations it lacks, its rows kept", () => {
    const db = freshUnmigrated();
    const earlier = journal.entries[all - 2].tag;
    migrateUpTo(db, earlier);
    db.$client.exec("INSERT INTO collaborations (slug, name) VALUES ('gammal', 'Gammal samverkan')");
    expect(migrateDatabase(db)).toBe(1);
    expect(applied(db)).toBe(all);
    expect(db.$client.prepare("SELECT name FROM collaborations WHERE slug = 'gammal'").get()).toEqual({
      name: "Gammal samverkan",
    });
    // The personal-number guard is back on after the migration.
    expect(() =>
      db.$client.exec("INSERT INTO collaborations (slug, name) VALUES ('pnr', 'Samverkan 19121212-1212')"),
    ).toThrow();
  });
});
