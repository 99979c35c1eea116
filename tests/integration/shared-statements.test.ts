/**
 * Shared statements (db/shared-statements.ts): Drizzle queries with the same SQL text share one
 * SQLite statement, and each still gets its own results in its own mode (rows as objects or,
 * for a select with fields, as arrays that Drizzle maps), whatever the others did before.
 */
import { asc, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { integer, sqliteTable } from "drizzle-orm/sqlite-core";
import Database from "better-sqlite3";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { migrateDatabase, openDatabase, type Db } from "../../db/connection";
import { people } from "../../db/schema";
import { shareStatements, StatementView } from "../../db/shared-statements";

let db: Db;

beforeAll(() => {
  db = openDatabase(":memory:");
  migrateDatabase(db);
});
beforeEach(() => {
  db.delete(people).run();
  db.$client.exec("DELETE FROM sqlite_sequence WHERE name = 'people'");
  db.insert(people)
    .values([{ name: "Anna" }, { name: "Bertil" }, { name: "Cecilia" }])
    .run();
});
afterAll(() => db.$client.close());

/** A select with fields: Drizzle reads it in raw mode and maps the arrays to objects. */
const withFields = () => db.select({ id: people.id, name: people.name }).from(people).orderBy(asc(people.id));

describe("one statement per SQL text", () => {
  it("prepares a text once however many queries are built with it", () => {
    const prepare = vi.spyOn(db.$client, "prepare");
    for (let i = 0; i < 5; i++) withFields().all();
    const text = withFields().toSQL().sql;
    expect(prepare.mock.calls.filter(([s]) => s === text)).toHaveLength(1);
    prepare.mockRestore();
  });

  it("gives a select with fields and a plain read of the same text each its own row shape, in any order", () => {
    const text = withFields().toSQL().sql;
    const expected = [
      { id: 1, name: "Anna" },
      { id: 2, name: "Bertil" },
      { id: 3, name: "Cecilia" },
    ];
    // Drizzle switches the shared statement to raw mode here …
    expect(withFields().all()).toEqual(expected);
    // … and a query without fields on the same text must still get objects, not arrays.
    expect(db.all(sql.raw(text))).toEqual(expected);
    expect(db.get(sql.raw(text))).toEqual(expected[0]);
    // And the other way round: after the object read, the raw-mode one still maps its arrays.
    expect(withFields().get()).toEqual(expected[0]);
    expect(withFields().all()).toEqual(expected);
    expect(db.all(sql.raw(text))).toEqual(expected);
  });

  it("keeps held prepared queries of the same text independent: their values and their modes", () => {
    const byIdFields = db
      .select({ name: people.name })
      .from(people)
      .where(eq(people.id, sql.placeholder("id")))
      .prepare();
    const text = byIdFields.getQuery().sql;
    const byIdPlain = db.$client.prepare(text); // not shared: the reference
    const again = db
      .select({ name: people.name })
      .from(people)
      .where(eq(people.id, sql.placeholder("id")))
      .prepare();
    // Interleaved: no call's parameters or mode stay on the statement for the next one.
    expect(byIdFields.get({ id: 1 })).toEqual({ name: "Anna" });
    expect(again.get({ id: 2 })).toEqual({ name: "Bertil" });
    expect(db.get(sql`select "name" from "people" where "people"."id" = ${3}`)).toEqual({ name: "Cecilia" });
    expect(byIdFields.get({ id: 3 })).toEqual({ name: "Cecilia" });
    expect(byIdFields.get({ id: 99 })).toBeUndefined();
    expect(again.all({ id: 1 })).toEqual([{ name: "Anna" }]);
    expect(byIdPlain.get(2)).toEqual({ name: "Bertil" });
  });

  it("shares write statements, with and without returning", () => {
    const insert = (name: string) => db.insert(people).values({ name }).returning({ id: people.id, name: people.name });
    expect(insert("David").get()).toEqual({ id: 4, name: "David" });
    expect(insert("Eva").all()).toEqual([{ id: 5, name: "Eva" }]);
    const rename = (id: number, name: string) => db.update(people).set({ name }).where(eq(people.id, id)).run();
    expect(rename(4, "Dan").changes).toBe(1);
    expect(rename(5, "Ebba").changes).toBe(1);
    expect(rename(99, "Ingen").changes).toBe(0);
    expect(db.select({ name: people.name }).from(people).where(eq(people.id, 5)).get()).toEqual({ name: "Ebba" });
  });

  it("keeps relational queries (a custom row mapper) right beside plain reads of their text", () => {
    const prepare = vi.spyOn(db.$client, "prepare");
    const first = () =>
      db.query.people.findFirst({ columns: { id: true, name: true }, where: eq(people.id, 2) }).sync();
    expect(first()).toEqual({ id: 2, name: "Bertil" });
    const query = db.query.people.findFirst({ columns: { id: true, name: true }, where: eq(people.id, 2) }).toSQL();
    // The same text and values, read without fields (objects, keyed by the query's own aliases).
    const parts = query.sql.split("?");
    const same = sql.join(
      parts.flatMap((part, i) =>
        i < query.params.length ? [sql.raw(part), sql`${query.params[i]}`] : [sql.raw(part)],
      ),
    );
    const plain = db.get<Record<string, unknown>>(same);
    expect(Object.values(plain!)).toEqual([2, "Bertil"]);
    expect(Array.isArray(plain)).toBe(false);
    expect(first()).toEqual({ id: 2, name: "Bertil" });
    expect(prepare.mock.calls.filter(([s]) => s === query.sql)).toHaveLength(1);
    prepare.mockRestore();
  });

  it("works inside a transaction and rolls back as before", () => {
    expect(() =>
      db.$client
        .transaction(() => {
          db.insert(people).values({ name: "Fredrik" }).run();
          expect(withFields().all()).toHaveLength(4);
          throw new Error("rollback");
        })
        .immediate(),
    ).toThrow("rollback");
    expect(withFields().all()).toHaveLength(3);
  });
});

describe("the statement cache's bound", () => {
  it("drops the least recently used text past its limit, and a query holding a dropped statement still works", () => {
    const client = new Database(":memory:");
    client.exec("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)");
    const t = sqliteTable("t", { n: integer("n") });
    const small = drizzle(client);
    shareStatements((small as unknown as { session: Parameters<typeof shareStatements>[0] }).session, client, 2);
    const prepare = vi.spyOn(client, "prepare");
    const read = (n: number) => small.get<{ n: number }>(sql.raw(`SELECT n FROM t WHERE n = ${n}`));
    const held = small
      .select()
      .from(t)
      .where(eq(t.n, sql.placeholder("n")))
      .prepare();
    read(1);
    read(2);
    read(1); // 1 is now the most recent, 2 the least, the held query's text gone
    read(3); // drops 2
    expect(prepare.mock.calls.map(([s]) => s)).toEqual([
      held.getQuery().sql,
      "SELECT n FROM t WHERE n = 1",
      "SELECT n FROM t WHERE n = 2",
      "SELECT n FROM t WHERE n = 3",
    ]);
    read(1); // still kept
    expect(prepare).toHaveBeenCalledTimes(4);
    expect(read(2)).toEqual({ n: 2 }); // prepared again
    expect(prepare).toHaveBeenCalledTimes(5);
    expect(held.get({ n: 3 })).toEqual({ n: 3 });
    client.close();
  });

  it("offers a query only run, get, all and raw, never bind, pluck, expand or iterate", () => {
    const client = new Database(":memory:");
    const view = new StatementView(client.prepare("SELECT 1 AS one"));
    expect(view.get()).toEqual({ one: 1 });
    expect(view.raw().get()).toEqual([1]);
    expect(view.get()).toEqual({ one: 1 });
    for (const name of ["bind", "pluck", "expand", "iterate"]) expect(name in view).toBe(false);
    client.close();
  });
});
