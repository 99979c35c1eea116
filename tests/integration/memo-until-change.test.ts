/**
 * memoUntilChange (app/utils/db.server.ts): a remembered read is served again only while the
 * database is unchanged, whether the change is made on this connection, committed by another
 * process, or made inside a transaction that rolls back.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { asc, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "../../db/connection";
import { people } from "../../db/schema";
import { paginateQuery } from "~/models/paging.server";
import { acquireJobLease, releaseJobLease } from "~/models/job-leases.server";
import { bookkeepingWrite, memoUntilChange, write, type Db } from "~/utils/db.server";

let dir: string;
let db: Db;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "memo-"));
  db = openDatabase(path.join(dir, "portal.db"));
  migrateDatabase(db);
  globalThis.__portalDb = db;
  db.$client.exec("CREATE TABLE memo_probe (n INTEGER NOT NULL)");
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rows = () => (db.$client.prepare("SELECT count(*) AS n FROM memo_probe").get() as { n: number }).n;

describe("a read remembered until the database changes", () => {
  it("serves the remembered value until a change on this connection, per key", () => {
    let calls = 0;
    const counted = memoUntilChange(
      "test:count",
      (label: string) => ({ label, n: rows(), call: ++calls }),
      (l) => l,
    );
    expect(counted("a")).toMatchObject({ n: 0, call: 1 });
    expect(counted("a")).toMatchObject({ n: 0, call: 1 });
    expect(counted("b")).toMatchObject({ n: 0, call: 2 });
    write((tx) => tx.$client.prepare("INSERT INTO memo_probe (n) VALUES (1)").run());
    expect(counted("a")).toMatchObject({ n: 1, call: 3 });
    expect(counted("a")).toMatchObject({ n: 1, call: 3 });
  });

  it("sees a commit made by another connection (another process of the cluster)", () => {
    let calls = 0;
    const counted = memoUntilChange(
      "test:other",
      () => ({ n: rows(), call: ++calls }),
      () => "",
    );
    expect(counted()).toMatchObject({ call: 1 });
    const other = new Database(path.join(dir, "portal.db"));
    other.prepare("INSERT INTO memo_probe (n) VALUES (2)").run();
    other.close();
    const after = counted();
    expect(after.call).toBe(2);
    expect(after.n).toBe(rows());
  });

  it("never remembers what it read inside a transaction, which may roll back", () => {
    let calls = 0;
    const counted = memoUntilChange(
      "test:tx",
      () => ({ n: rows(), call: ++calls }),
      () => "",
    );
    const before = rows();
    expect(() =>
      write((tx) => {
        tx.$client.prepare("INSERT INTO memo_probe (n) VALUES (3)").run();
        expect(counted().n).toBe(before + 1);
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    expect(counted()).toMatchObject({ n: before });
  });

  it("remembers at most as many keys as its limit per state of the database", () => {
    let calls = 0;
    const counted = memoUntilChange(
      "test:limit",
      (label: string) => ({ label, call: ++calls }),
      (l) => l,
      2,
    );
    counted("a");
    counted("b");
    counted("c");
    expect(calls).toBe(3);
    counted("a");
    counted("b");
    expect(calls).toBe(3);
    counted("c");
    expect(calls).toBe(4);
  });
});

describe("a list's total (paginateQuery), remembered until the database changes", () => {
  const order = [asc(people.id)];
  const page = (name: string, sida = 1) =>
    paginateQuery(
      { page: sida, size: 2 },
      { table: people, id: people.id, where: like(people.name, `${name}%`), order },
      (where) =>
        db
          .select({ name: people.name })
          .from(people)
          .where(where)
          .orderBy(...order),
    );

  it("follows every write, and counts each filter on its own", async () => {
    expect((await page("Räkna")).page.total).toBe(0);
    for (const n of [1, 2, 3])
      db.insert(people)
        .values({ name: `Räkna ${n}` })
        .run();
    expect((await page("Räkna")).page).toMatchObject({ total: 3, pageCount: 2 });
    expect((await page("Räkna 1")).page.total).toBe(1);
    write((tx) => tx.insert(people).values({ name: "Räkna 4" }).run());
    expect(await page("Räkna", 2)).toEqual({
      page: expect.objectContaining({ total: 4, pageCount: 2, first: 3, last: 4 }),
      items: [{ name: "Räkna 3" }, { name: "Räkna 4" }],
    });
    const other = new Database(path.join(dir, "portal.db"));
    other.prepare("DELETE FROM people WHERE name = 'Räkna 4'").run();
    other.close();
    expect((await page("Räkna")).page.total).toBe(3);
  });
});

describe("a bookkeeping write (a job's lease)", () => {
  it("leaves remembered reads valid, while any other write or another process's commit does not", () => {
    let calls = 0;
    const counted = memoUntilChange(
      "test:bookkeeping",
      () => ++calls,
      () => "all",
    );
    const insert = () => db.$client.prepare("INSERT INTO memo_probe (n) VALUES (1)").run();
    expect(counted()).toBe(1);
    bookkeepingWrite(() => insert());
    bookkeepingWrite(() => insert());
    expect(counted()).toBe(1);
    // The leases of the background jobs are such writes.
    const now = new Date();
    expect(acquireJobLease("memo-test", "host:1:a", now, 60_000, () => false)).toBe(true);
    releaseJobLease("memo-test", "host:1:a", now, "");
    expect(counted()).toBe(1);

    write(() => insert());
    expect(counted()).toBe(2);
    bookkeepingWrite(() => insert());
    expect(counted()).toBe(2);
    const other = new Database(path.join(dir, "portal.db"));
    other.prepare("INSERT INTO memo_probe (n) VALUES (2)").run();
    other.close();
    expect(counted()).toBe(3);
    // A bookkeeping write after another process's commit, before anything was read again.
    const another = new Database(path.join(dir, "portal.db"));
    another.prepare("INSERT INTO memo_probe (n) VALUES (3)").run();
    another.close();
    bookkeepingWrite(() => insert());
    expect(counted()).toBe(4);
  });
});
