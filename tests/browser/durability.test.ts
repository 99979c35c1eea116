/**
 * Durability under failure, against the real server process and database file:
 * kill -9 during a stream of acknowledged writes, a second process holding the write lock,
 * two concurrent saves of the same minutes, online backup and restore, SIGTERM, and a start on a
 * new or an older database file (migrated before the server listens).
 * The figures are printed for docs/security.md.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "../../db/backup";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../db/connection";
import { freePort, sessionCookie, spawnServer, startApp, type TestApp } from "../support/browser";
import { migrateUpTo } from "../support/migrate-to";

const MIGRATIONS = fileURLToPath(new URL("../../db/migrations", import.meta.url));

let app: TestApp;
let cookie = "";
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  app = await startApp({ env: { WRITE_LIMIT_PER_MINUTE: "100000" } });
  cookie = sessionCookie(app.db, "demo-samordnare");
});
afterAll(async () => {
  console.log(`SECURITY-FIGURES ${JSON.stringify(figures)}`);
  await app?.stop();
});

const base = () => `http://127.0.0.1:${app.port}`;

function postForm(pathname: string, fields: Record<string, string>) {
  return fetch(`${base()}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: base(), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

function waitForExit(proc: ChildProcess): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve) => proc.once("exit", (code) => resolve(code)));
}

async function restartServer(env: Record<string, string> = {}) {
  app.server = await spawnServer({
    dbPath: app.dbPath,
    port: app.port,
    uploadDir: path.join(app.dir, "uploads"),
    env: { WRITE_LIMIT_PER_MINUTE: "100000", ...env },
  });
}

describe("durability", () => {
  it("loses no acknowledged write and keeps the database intact across 20 kill -9", async () => {
    const acknowledged: string[] = [];
    let integrityFailures = 0;
    for (let round = 0; round < 20; round++) {
      let stop = false;
      let acknowledgedThisRound = 0;
      const writers = Array.from({ length: 3 }, async (_, w) => {
        for (let n = 0; !stop; n++) {
          const name = `Skrivtest ${round}-${w}-${n}`;
          try {
            const res = await postForm("/personer", { name, title: "", email: "", organisationId: "" });
            // 302 = the server committed and answered: an acknowledged write.
            if (res.status === 302) {
              acknowledged.push(name);
              acknowledgedThisRound++;
            }
          } catch {
            return; // the connection died with the server
          }
        }
      });
      // Kill while writes are in flight: after this round's first acknowledged write (however
      // slow a loaded machine is), then at a random moment among the following ones.
      for (const started = Date.now(); acknowledgedThisRound === 0 && Date.now() - started < 20_000;)
        await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 250)));
      const killed = waitForExit(app.server);
      app.server.kill("SIGKILL");
      stop = true;
      await killed;
      await Promise.all(writers);
      const check = new Database(app.dbPath);
      if (check.pragma("integrity_check", { simple: true }) !== "ok") integrityFailures++;
      check.close();
      await restartServer();
    }
    const db = new Database(app.dbPath, { readonly: true });
    const stored = new Set(
      (db.prepare("select name from people where name like 'Skrivtest %'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    db.close();
    const lost = acknowledged.filter((n) => !stored.has(n));
    figures.killRounds = 20;
    figures.acknowledgedWrites = acknowledged.length;
    figures.lostWrites = lost.length;
    figures.integrityFailures = integrityFailures;
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    expect(lost).toEqual([]);
    expect(integrityFailures).toBe(0);
  }, 240_000);

  it("answers without a 5xx while another process holds the write lock for one second", async () => {
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const D = require("better-sqlite3"); const db = new D(process.argv[1]); db.pragma("busy_timeout = 5000");
         db.exec("BEGIN IMMEDIATE"); process.stdout.write("locked\\n");
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000); db.exec("COMMIT"); db.close();`,
        app.dbPath,
      ],
      { cwd: path.resolve(import.meta.dirname, "../..") },
    );
    await new Promise<void>((resolve) => holder.stdout.on("data", (d) => String(d).includes("locked") && resolve()));
    const started = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        postForm("/personer", { name: `Låstest ${i}`, title: "", email: "", organisationId: "" }).then((r) => r.status),
      ),
    );
    figures.lockHolderMs = 1000;
    figures.lockedWrites = statuses.length;
    figures.lockedWrite5xx = statuses.filter((s) => s >= 500).length;
    figures.lockedWaitMs = Date.now() - started;
    await waitForExit(holder);
    expect(statuses.every((s) => s === 302)).toBe(true);
  });

  it("lets exactly one of two concurrent saves of the same minutes win", async () => {
    const created = await postForm("/moten/nytt", {
      bodyId: String(app.world.bodyIds.styrgrupp),
      date: "2027-03-10",
      startTime: "09:00",
      endTime: "10:00",
      place: "Östersund",
      videoUrl: "",
    });
    const meetingPath = created.headers.get("location")!;
    expect(meetingPath).toMatch(/^\/moten\/\d+$/);
    await postForm(`${meetingPath}/protokoll`, { intent: "start" });
    const items = app.db.$client
      .prepare("select id from agenda_items where meeting_id = ?")
      .all(Number(meetingPath.split("/").pop())) as { id: number }[];
    const save = (text: string) =>
      postForm(`${meetingPath}/protokoll`, {
        intent: "save",
        version: "1",
        ...Object.fromEntries(
          items.flatMap((i, index) => [
            [`items[${index}].id`, String(i.id)],
            [`items[${index}].decisionText`, text],
          ]),
        ),
      });
    const [a, b] = await Promise.all([save("Version A"), save("Version B")]);
    const statuses = [a.status, b.status].sort();
    figures.concurrentMinutesSaves = statuses;
    expect(statuses).toEqual([302, 409]);
  });

  it("backs up the live database online and restores a copy with identical row counts", async () => {
    const target = path.join(app.dir, "backup", "portal.db");
    const { integrity } = await backupDatabase(app.dbPath, target);
    expect(integrity).toBe("ok");
    const restoredPath = path.join(app.dir, "restored.db");
    fs.copyFileSync(target, restoredPath);
    const tables = (
      new Database(app.dbPath, { readonly: true })
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'search_fts_%'",
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    const count = (file: string) => {
      const db = new Database(file, { readonly: true });
      const result = Object.fromEntries(
        tables.map((t) => [t, (db.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n]),
      );
      const ok = db.pragma("integrity_check", { simple: true });
      db.close();
      return { result, ok };
    };
    const live = count(app.dbPath);
    const restored = count(restoredPath);
    expect(restored.ok).toBe("ok");
    expect(restored.result).toEqual(live.result);
    figures.backupTables = tables.length;
    figures.backupRows = Object.values(restored.result).reduce((s, n) => s + n, 0);
  });

  it("shuts down gracefully on SIGTERM", async () => {
    const started = Date.now();
    const exited = waitForExit(app.server);
    app.server.kill("SIGTERM");
    const code = await exited;
    figures.sigtermExitCode = code;
    figures.sigtermMs = Date.now() - started;
    expect(code).toBe(0);
    await restartServer();
  });

  it("creates a new database file, or brings an older one up to date, before it serves", async () => {
    const dir = fs.mkdtempSync(path.join(app.dir, "start-"));
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta/_journal.json"), "utf8")) as {
      entries: { tag: string }[];
    };
    const applied = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    // A file of an earlier version: every migration but the last.
    const older = path.join(dir, "older.db");
    const db = openDatabase(older);
    migrateUpTo(db, journal.entries[journal.entries.length - 2].tag);
    db.$client.close();
    for (const file of [path.join(dir, "new.db"), older]) {
      const port = await freePort();
      const server = await spawnServer({ dbPath: file, port, uploadDir: path.join(dir, "uploads") });
      try {
        expect(applied(file)).toBe(journal.entries.length);
        expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
      } finally {
        const exited = waitForExit(server);
        server.kill("SIGTERM");
        await exited;
      }
    }
  });
});
