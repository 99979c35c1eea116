/**
 * The database guards itself (issue 12, item 4): CHECK constraints, foreign keys and NOT NULL
 * live in db/schema.ts, and the committed migrations build exactly that schema. The migration
 * that added most of them rebuilds tables; these tests hold it to keeping every row and every
 * trigger (the search index's, the audit log's) and the connection's personal-number guard.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateSQLiteDrizzleJson, generateSQLiteMigration } from "drizzle-kit/api";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, writeTransaction, type Db } from "../../db/connection";
import { buildDemoAgreement } from "../../db/demo-agreement";
import { buildExampleCollaboration } from "../../db/demo-collaboration";
import { buildDemoDecisions } from "../../db/demo-decisions";
import { buildDemoDocuments } from "../../db/demo-documents";
import { buildDemoMeetings } from "../../db/demo-meetings";
import { buildDemoWorld, DEMO_PASSWORD } from "../../db/demo-world";
import * as schema from "../../db/schema";
import { hashPassword } from "~/auth/password.server";
import { freshUnmigrated, migrateUpTo } from "../support/migrate-to";

const TODAY = "2026-11-23";
const GUARDS_TAG = /_database_guards_itself$/;
const journal = JSON.parse(
  fs.readFileSync(
    path.join(fileURLToPath(new URL("../../db/migrations", import.meta.url)), "meta/_journal.json"),
    "utf8",
  ),
) as { entries: { tag: string }[] };
const guardsIndex = journal.entries.findIndex((e) => GUARDS_TAG.test(e.tag));
const beforeGuards = journal.entries[guardsIndex - 1].tag;
/** Triggers a later migration makes anew on purpose (0027 adds the word index to search_entries', 0028 the list of its words, 0029 an agenda item's audience). */
const remadeLater = new Set(
  journal.entries
    .slice(guardsIndex + 1)
    .flatMap((e) => [
      ...fs
        .readFileSync(fileURLToPath(new URL(`../../db/migrations/${e.tag}.sql`, import.meta.url)), "utf8")
        .matchAll(/CREATE TRIGGER (?:IF NOT EXISTS )?"?(\w+)/g),
    ])
    .map((m) => m[1]),
);

type Row = Record<string, unknown>;

/**
 * Columns a migration after the constraints migration adds to a table the demo fills, each with
 * the value it must hold in every row afterwards (given the row and every table after migrating).
 */
const ADDED_LATER: [
  table: string,
  column: string,
  expected: (row: Row, after: Record<string, unknown[]>) => unknown,
][] = [
  ["document_versions", "text_indexed", () => 1],
  // 0035: every population figure starts at version 1.
  ["populations", "version", () => 1],
  // 0034: what calendars were told, the last notice's number (never above the meeting's own).
  [
    "meetings",
    "told_sequence",
    (row, after) => {
      const versions = (after.agenda_versions as Row[]).filter((v) => v.meeting_id === row.id);
      if (versions.length === 0) return 0;
      return Math.min(row.calendar_sequence as number, Math.max(...versions.map((v) => v.version_no as number)));
    },
  ],
];

type Sqlite = Db["$client"];

function userTables(sqlite: Sqlite): string[] {
  return (
    sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE '__drizzle%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
      )
      .all() as { name: string }[]
  )
    .map((r) => r.name)
    .filter((name) => !/^search_(fts|words|index|terms_fts|entry_words)_/.test(name)); // FTS5's own shadow tables
}

/** Every row of every table, in rowid order (WITHOUT ROWID tables have none here). */
function contents(sqlite: Sqlite): Record<string, unknown[]> {
  return Object.fromEntries(
    userTables(sqlite).map((t) => [t, sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]),
  );
}

const squash = (sql: string) => sql.replace(/\s+/g, " ").replace(/`/g, '"').trim();

function triggers(sqlite: Sqlite, temp = false): Record<string, string> {
  const master = temp ? "sqlite_temp_master" : "sqlite_master";
  const rows = sqlite.prepare(`SELECT name, sql FROM ${master} WHERE type = 'trigger' ORDER BY name`).all() as {
    name: string;
    sql: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.name, squash(r.sql)]));
}

/** The shape of a table as SQLite reports it, independent of how its CREATE statement was written. */
function shape(sqlite: Sqlite) {
  return Object.fromEntries(
    userTables(sqlite).map((t) => {
      const createSql = (sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(t) as { sql: string }).sql;
      const checks = [...squash(createSql).matchAll(/CONSTRAINT "([^"]+)" CHECK/g)].map((m) => m[1]).sort();
      const indexes = (
        sqlite.prepare(`PRAGMA index_list("${t}")`).all() as { name: string; unique: number; origin: string }[]
      )
        .map((i) => ({
          unique: i.unique,
          origin: i.origin,
          // Auto-indexes are named after the table's position in the schema; their columns say what they are.
          name: i.name.startsWith("sqlite_autoindex_") ? "auto" : i.name,
          columns: (sqlite.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name),
        }))
        .sort((a, b) => `${a.name}${a.columns}`.localeCompare(`${b.name}${b.columns}`));
      const foreignKeys = (
        sqlite.prepare(`PRAGMA foreign_key_list("${t}")`).all() as {
          table: string;
          from: string;
          to: string;
          on_delete: string;
        }[]
      )
        .map((f) => `${f.from} -> ${f.table}.${f.to} on delete ${f.on_delete}`)
        .sort();
      return [t, { columns: sqlite.prepare(`PRAGMA table_info("${t}")`).all(), checks, indexes, foreignKeys }];
    }),
  );
}

/** Every CHECK constraint's expression, by name, as written in the CREATE TABLE statements. */
function checkTexts(sqlite: Sqlite): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of userTables(sqlite)) {
    const createSql = squash(
      (sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(t) as { sql: string }).sql,
    );
    for (const m of createSql.matchAll(/CONSTRAINT "([^"]+)" CHECK\(/g)) {
      // The expression runs to the parenthesis that closes CHECK(.
      let depth = 1;
      let i = m.index + m[0].length;
      const start = i;
      for (; i < createSql.length && depth > 0; i++) {
        if (createSql[i] === "(") depth++;
        if (createSql[i] === ")") depth--;
      }
      out[`${t}.${m[1]}`] = createSql.slice(start, i - 1).replace(/"[a-z_]+"\./g, "");
    }
  }
  return out;
}

async function seed(db: Db) {
  const hash = await hashPassword(DEMO_PASSWORD);
  writeTransaction(db, (tx) => {
    const world = buildDemoWorld(tx, hash, TODAY);
    buildDemoMeetings(tx, world, TODAY);
    buildDemoAgreement(tx, world, TODAY);
    buildDemoDocuments(tx, world);
    buildDemoDecisions(tx, world, TODAY);
    buildExampleCollaboration(tx, world, hash, TODAY);
  });
}

describe("the migrations build the schema drizzle describes", () => {
  it("every table, column, default, NOT NULL, key, index, foreign key and CHECK agrees", async () => {
    const migrated = freshUnmigrated();
    migrateDatabase(migrated);

    // The schema as db/schema.ts states it, created in one go by drizzle-kit from nothing.
    const pushed = openDatabase(":memory:");
    const empty = await generateSQLiteDrizzleJson({});
    const described = await generateSQLiteDrizzleJson(schema);
    for (const statement of await generateSQLiteMigration(empty, described)) pushed.$client.exec(statement);

    const fromMigrations = shape(migrated.$client);
    const fromSchema = shape(pushed.$client);
    // The search index and migration bookkeeping are built by hand-written SQL only.
    const handWritten = Object.keys(fromMigrations).filter((t) => !(t in fromSchema));
    expect(handWritten).toEqual(["search_entries", "search_terms"]);
    delete fromMigrations.search_entries;
    delete fromMigrations.search_terms;
    expect(fromMigrations).toEqual(fromSchema);
    expect(checkTexts(migrated.$client)).toEqual(checkTexts(pushed.$client));
  });
});

describe(`the constraints migration (${journal.entries[guardsIndex]?.tag})`, () => {
  let db: Db;
  let before: Record<string, unknown[]>;
  let triggersBefore: Record<string, string>;

  beforeAll(async () => {
    db = freshUnmigrated();
    migrateUpTo(db, beforeGuards);
    // Today's builders also mark example data, in a table a later migration (0024) creates:
    // those marks go to a temporary table of the same name, dropped before migrating.
    db.$client.exec(
      "CREATE TEMP TABLE example_facts (entity TEXT, entity_id INTEGER, field TEXT, PRIMARY KEY (entity, entity_id, field))",
    );
    // They also write columns later migrations add (0031: document_versions.text_indexed; 0033:
    // meetings.told_sequence; 0035: populations.version): added
    // for the seed and dropped before migrating.
    for (const [table, column] of ADDED_LATER) db.$client.exec(`ALTER TABLE "${table}" ADD "${column}" integer`);
    await seed(db);
    for (const [table, column] of ADDED_LATER) db.$client.exec(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
    db.$client.exec("DROP TABLE temp.example_facts");
    before = contents(db.$client);
    triggersBefore = triggers(db.$client);
    migrateDatabase(db);
  });

  it("keeps every row of every table, ids included", () => {
    const after = contents(db.$client);
    // Migrations after this one may add tables; they start empty, but for the search index's
    // list of its words (0028), which is filled from the index.
    for (const table of Object.keys(after).filter((t) => !(t in before) && t !== "search_terms"))
      expect(after[table], table).toEqual([]);
    expect(Object.keys(after).filter((t) => t in before)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) {
      if (table === "search_entries") continue;
      // A column a later migration adds holds what that migration gives it in every row.
      const added = ADDED_LATER.filter(([t]) => t === table);
      const withoutAdded = (after[table] as Row[]).map((row) => {
        const rest = { ...row };
        for (const [, column, expected] of added) {
          expect(rest[column], `${table}.${column}`).toBe(expected(row, after));
          delete rest[column];
        }
        return rest;
      });
      expect(withoutAdded, table).toEqual(before[table]);
    }
    // The search index is derived: 0029 recomputes an agenda item's audience (public once the
    // minutes of a body with public records are approved, notice or not). Every other column
    // and every row stay as they were.
    type Entry = { id: number; kind: string; ref_id: number; audience: string };
    const [entriesBefore, entriesAfter] = [before.search_entries as Entry[], after.search_entries as Entry[]];
    const withoutAudience = (rows: Entry[]) => rows.map(({ audience: _audience, ...rest }) => rest);
    expect(withoutAudience(entriesAfter)).toEqual(withoutAudience(entriesBefore));
    const approvedPublic = db.$client.prepare(
      `SELECT 1 AS ok FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id JOIN bodies b ON b.id = m.body_id
        JOIN minutes mi ON mi.meeting_id = m.id WHERE i.id = ? AND b.public_records = 1 AND mi.status = 'justerat'`,
    );
    entriesAfter.forEach((e, i) => {
      if (e.audience === entriesBefore[i].audience) return;
      expect([e.kind, entriesBefore[i].audience, e.audience]).toEqual(["agenda_item", "body", "public"]);
      expect(approvedPublic.get(e.ref_id)).toEqual({ ok: 1 });
    });
    expect(Object.values(before).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(300);
    expect(db.$client.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
  });

  it("keeps every trigger of the rebuilt tables, word for word", () => {
    expect(Object.keys(triggersBefore).length).toBeGreaterThan(20);
    const after = triggers(db.$client);
    const kept = (all: Record<string, string>) => Object.entries(all).filter(([name]) => !remadeLater.has(name));
    expect(kept(after)).toEqual(kept(triggersBefore));
    // A trigger made anew is still there (under its name).
    for (const name of remadeLater) expect(Object.keys(after)).toContain(name);
  });

  it("the search index follows the rebuilt tables afterwards", () => {
    const sqlite = db.$client;
    const matterId = (sqlite.prepare("SELECT id FROM matters ORDER BY id LIMIT 1").get() as { id: number }).id;
    sqlite.prepare("UPDATE matters SET title = 'Blåbärsplockning i fjällen' WHERE id = ?").run(matterId);
    const hits = sqlite
      .prepare(
        `SELECT e.kind, e.ref_id FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid
          WHERE search_fts MATCH ?`,
      )
      .all('"Blåbärsplockning"');
    expect(hits).toEqual([{ kind: "matter", ref_id: matterId }]);
    // A deleted decision leaves the index with it (a trigger on a rebuilt table, AFTER DELETE).
    const decision = sqlite.prepare("SELECT id FROM decisions ORDER BY id LIMIT 1").get() as { id: number };
    const indexed = () =>
      sqlite
        .prepare("SELECT count(*) AS n FROM search_entries WHERE kind = 'decision' AND ref_id = ?")
        .get(decision.id);
    expect(indexed()).toEqual({ n: 1 });
    sqlite.prepare("DELETE FROM assignments WHERE decision_id = ?").run(decision.id);
    sqlite
      .prepare("UPDATE recommendations SET decision_id = NULL WHERE decision_id = ? AND status = 'utkast'")
      .run(decision.id);
    sqlite
      .prepare(
        "DELETE FROM decisions WHERE id = ? AND NOT EXISTS (SELECT 1 FROM recommendations WHERE decision_id = ?)",
      )
      .run(decision.id, decision.id);
    const gone = sqlite.prepare("SELECT count(*) AS n FROM decisions WHERE id = ?").get(decision.id) as { n: number };
    expect(indexed()).toEqual(gone);
  });

  it("the audit log stays append-only and the personal-number guard is back on the rebuilt tables", () => {
    const sqlite = db.$client;
    sqlite.exec(`INSERT INTO audit_log (action, entity_type) VALUES ('test', 'migration')`);
    expect(() => sqlite.exec("DELETE FROM audit_log")).toThrow(/append-only|audit/i);
    expect(() => sqlite.exec("UPDATE audit_log SET action = 'annat'")).toThrow(/append-only|audit/i);
    expect(Object.keys(triggers(sqlite, true))).toEqual(
      expect.arrayContaining(["pn_guard_people_insert", "pn_guard_meetings_update", "pn_guard_decisions_insert"]),
    );
    expect(() => sqlite.prepare("INSERT INTO people (name) VALUES (?)").run("Anna 19121212-1212")).toThrow(
      /personnummer-vakt/,
    );
  });
});

describe("a broken reference", () => {
  it("rolls the constraints migration back: nothing of it is applied", () => {
    const db = freshUnmigrated();
    migrateUpTo(db, beforeGuards);
    const sqlite = db.$client;
    sqlite.pragma("foreign_keys = OFF");
    sqlite.exec(`
      INSERT INTO collaborations (id, slug, name) VALUES (1, 'samverkan', 'Samverkan');
      INSERT INTO organisations (id, name, kind) VALUES (1, 'Bergs kommun', 'kommun');
      -- A contact person who does not exist: no foreign key said so before.
      INSERT INTO parties (collaboration_id, organisation_id, contact_person_id) VALUES (1, 1, 77);
    `);
    sqlite.pragma("foreign_keys = ON");
    const schemaBefore = sqlite.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all();
    expect(() => migrateDatabase(db)).toThrow(/_references_after_rebuild/);
    expect(sqlite.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all()).toEqual(schemaBefore);
    expect(sqlite.prepare("SELECT contact_person_id FROM parties").all()).toEqual([{ contact_person_id: 77 }]);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  });
});

describe("the database itself refuses what the domain forbids", () => {
  let db: Db;
  beforeAll(() => {
    db = freshUnmigrated();
    migrateDatabase(db);
    db.$client.exec(`
      INSERT INTO collaborations (id, slug, name) VALUES (1, 'samverkan', 'Samverkan');
      INSERT INTO organisations (id, name, kind) VALUES (1, 'Krokoms kommun', 'kommun');
      INSERT INTO bodies (id, slug, name, short_name, kind) VALUES (1, 'svom', 'SVOM', 'SVOM', 'Politisk ledningsgrupp');
      INSERT INTO people (id, name) VALUES (1, 'Per Person');
    `);
  });
  const run = (statement: string) => () => db.$client.exec(statement);

  it("an enumeration value the domain does not know", () => {
    expect(
      run(
        `INSERT INTO meetings (body_id, date, start_time, end_time, status) VALUES (1, '2026-12-01', '09:00', '12:00', 'inställt')`,
      ),
    ).toThrow(/CHECK constraint failed: meetings_status/);
    expect(
      run(`INSERT INTO memberships (body_id, person_id, role, start_date) VALUES (1, 1, 'kung', '2026-01-01')`),
    ).toThrow(/CHECK constraint failed: memberships_role/);
    expect(
      run(
        `INSERT INTO matters (collaboration_id, registry_number, title, status) VALUES (1, 'D 1', 'Ärende', 'stängt')`,
      ),
    ).toThrow(/CHECK constraint failed: matters_status/);
    // The same rows with values the domain knows are taken.
    expect(
      run(
        `INSERT INTO meetings (body_id, date, start_time, end_time, status) VALUES (1, '2026-12-01', '09:00', '12:00', 'planerat')`,
      ),
    ).not.toThrow();
    expect(
      run(`INSERT INTO memberships (body_id, person_id, role, start_date) VALUES (1, 1, 'ledamot', '2026-01-01')`),
    ).not.toThrow();
  });

  it("a negative amount, a flag that is not 0 or 1, an impossible date order, a too long text", () => {
    expect(
      run(
        `INSERT INTO recorded_allocations (collaboration_id, year, organisation_id, amount, source) VALUES (1, 2026, 1, -1, 'x')`,
      ),
    ).toThrow(/CHECK constraint failed: recorded_allocations_amount/);
    expect(
      run(
        `INSERT INTO files (storage_name, original_name, mime, size, sha256) VALUES ('a', 'a.pdf', 'application/pdf', -5, '${"0".repeat(64)}')`,
      ),
    ).toThrow(/CHECK constraint failed: files_size/);
    expect(run(`UPDATE meetings SET is_public = 2`)).toThrow(/CHECK constraint failed: meetings_is_public/);
    expect(run(`UPDATE memberships SET end_date = '2025-12-31'`)).toThrow(/CHECK constraint failed: memberships_end/);
    expect(run(`UPDATE people SET name = '${"x".repeat(301)}'`)).toThrow(/CHECK constraint failed: people_name/);
    expect(
      run(
        `INSERT INTO recorded_allocations (collaboration_id, year, organisation_id, amount, source) VALUES (1, 2026, 1, 0, 'x')`,
      ),
    ).not.toThrow();
  });

  it("a reference to nothing, on the foreign keys this migration added", () => {
    expect(
      run(`INSERT INTO parties (collaboration_id, organisation_id, contact_person_id) VALUES (1, 1, 999)`),
    ).toThrow(/FOREIGN KEY/);
    expect(run(`INSERT INTO parties (collaboration_id, organisation_id, notice_file_id) VALUES (1, 1, 999)`)).toThrow(
      /FOREIGN KEY/,
    );
    expect(
      run(
        `INSERT INTO decisions (body_id, year, decided_on, title, text, agenda_item_id) VALUES (1, 2026, '2026-01-01', 'B', '', 999)`,
      ),
    ).toThrow(/FOREIGN KEY/);
    expect(
      run(
        `INSERT INTO documents (collaboration_id, title, kind, date, current_version_id) VALUES (1, 'D', 'avtal', '2026-01-01', 999)`,
      ),
    ).toThrow(/FOREIGN KEY/);
    expect(
      run(`INSERT INTO parties (collaboration_id, organisation_id, contact_person_id) VALUES (1, 1, 1)`),
    ).not.toThrow();
  });
});
