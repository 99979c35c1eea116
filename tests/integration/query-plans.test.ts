/**
 * Every query the key pages run uses an index: the loaders of the lists and pages people open
 * every day run against the demo world while every statement is recorded, and each one's
 * EXPLAIN QUERY PLAN must not scan a growing table from end to end. Also: every foreign key
 * has an index that starts with it (a lookup "rows of this parent", and a parent's delete,
 * would otherwise read the whole child table).
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import { buildDemoMeetings } from "../../db/demo-meetings";
import type { DemoWorld } from "../../db/demo-world";
import { agendaVersions, matters, meetings, recommendations } from "../../db/schema";
import { writeTransaction } from "../../db/connection";
import { sessionCookie } from "../support/browser";
import { demoDatabase } from "../support/test-db";

/** Tables that stay a handful of rows however many years pass: reading them whole is fine. */
const SMALL_TABLES = new Set([
  "collaborations",
  "organisations",
  "bodies",
  "parties",
  "populations",
  "budget_years",
  "recorded_allocations",
  "agreements",
  "agreement_versions",
  "key_figures",
  // A row per scheduled job (the outbox page shows when each last ran).
  "job_leases",
]);

/**
 * Lists that are a subquery of their own (a matter's timeline is a UNION ALL of four tables'
 * rows): "SCAN timeline" reads the subquery's rows, which its arms found by index; the arms'
 * own steps are in the same plan and held to the same rule.
 */
const SUBQUERIES = new Set(["timeline"]);

let db: Db;
let world: DemoWorld;
const statements = new Map<string, unknown[]>();

function record(client: Db["$client"]) {
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => {
    const statement = prepare(source);
    const wrap = (target: typeof statement): typeof statement =>
      new Proxy(target, {
        get(t, key, receiver) {
          const value = Reflect.get(t, key, receiver);
          if (typeof value !== "function") return value;
          if (["all", "get", "run", "iterate"].includes(String(key)))
            return (...args: unknown[]) => {
              if (/^\s*(SELECT|WITH)/i.test(source) && !statements.has(source)) statements.set(source, args);
              return value.apply(t, args);
            };
          // raw(), pluck(), expand() … return the statement itself: keep recording through them.
          return (...args: unknown[]) => {
            const result = value.apply(t, args);
            return result === t ? wrap(t) : result;
          };
        },
      });
    return wrap(statement);
  }) as typeof client.prepare;
}

function cookieFor(userId: string): string {
  return sessionCookie(db, userId);
}

async function visit(route: string, path: string, cookie: string | null, params: Record<string, string> = {}) {
  const mod = (await import(`../../app/routes/${route}.tsx`)) as {
    loader: (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
  };
  const request = new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
  try {
    const result = await mod.loader({ request, params, context: {} });
    if (result instanceof Response) expect(result.status, path).toBeLessThan(400);
  } catch (thrown) {
    if (thrown instanceof Response) throw new Error(`${path}: ${thrown.status}`);
    throw thrown;
  }
}

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  writeTransaction(db, (tx) => buildDemoMeetings(tx, world, "2026-11-23"));
  const coordinator = cookieFor("demo-samordnare");
  const ifoChief = cookieFor("demo-ifochef");
  // A SVOM meeting with a published agenda: a public record, so every viewer may open it.
  const meeting = db.select({ id: meetings.id }).from(meetings).where(eq(meetings.bodyId, world.bodyIds.svom)).get()!;
  db.insert(agendaVersions).values({ meetingId: meeting.id, versionNo: 1, content: "[]" }).run();
  const rec = db.select().from(recommendations).get()!;
  const matter = db.select({ id: matters.id }).from(matters).get()!;
  const region = world.organisationIds["Region Jämtland Härjedalen"];
  record(db.$client);
  for (const cookie of [null, ifoChief, coordinator]) {
    await visit("_index", "/", cookie);
    await visit("moten._index", "/moten", cookie);
    await visit("moten._index", `/moten?organ=${world.bodyIds.svom}&sida=2`, cookie);
    await visit("moten.$meetingId._index", `/moten/${meeting.id}`, cookie, { meetingId: String(meeting.id) });
    await visit("beslut._index", "/beslut", cookie);
    await visit(
      "beslut._index",
      `/beslut?organ=${world.bodyIds.svom}&ar=2022&typ=beslut&status=gäller&dnr=SVOM`,
      cookie,
    );
    await visit("beslut[.csv]", "/beslut.csv?ar=2022", cookie);
    await visit("dokument._index", "/dokument", cookie);
    await visit("dokument._index", `/dokument?typ=rapport&organ=${world.bodyIds.styrgrupp}&ar=2025&sida=3`, cookie);
    await visit("rekommendationer._index", "/rekommendationer", cookie);
    await visit("rekommendationer._index", "/rekommendationer?per=2022-10-07", cookie);
    await visit("rekommendationer.$recommendationId._index", `/rekommendationer/${rec.id}`, cookie, {
      recommendationId: String(rec.id),
    });
    await visit("avtal._index", "/avtal", cookie);
    await visit("avtal.kostnader._index", "/avtal/kostnader", cookie);
    await visit("organ.$bodyId._index", `/organ/${world.bodyIds.svom}?ledamotssida=2`, cookie, {
      bodyId: String(world.bodyIds.svom),
    });
    await visit("parter.$organisationId", `/parter/${region}`, cookie, { organisationId: String(region) });
  }
  for (const cookie of [ifoChief, coordinator]) {
    await visit("arenden._index", "/arenden", cookie);
    await visit("arenden.$matterId", `/arenden/${matter.id}`, cookie, { matterId: String(matter.id) });
    await visit("uppdrag", "/uppdrag", cookie);
    await visit("uppdrag", "/uppdrag?visa=mina", cookie);
    await visit("uppdrag", "/uppdrag?visa=forsenade", cookie);
    await visit("uppdrag", "/uppdrag?visa=skapade", cookie);
  }
  await visit("admin.logg", "/admin/logg", coordinator);
  await visit("admin.logg", "/admin/logg?typ=decision&fran=2026-01-01&till=2026-12-31", coordinator);
  await visit("personer._index", "/personer", coordinator);
  await visit("admin.e-post._index", "/admin/e-post?status=misslyckat", coordinator);
}, 60_000);

describe("query plans of the key pages", () => {
  it("records the pages' queries", () => {
    expect(statements.size).toBeGreaterThan(40);
  });

  it("never reads a growing table from end to end", () => {
    const scans: string[] = [];
    for (const [source, args] of statements) {
      const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...(args as [])) as { detail: string }[];
      for (const { detail } of plan) {
        // "SCAN t" reads every row of t; "SCAN t USING [COVERING] INDEX i" walks an index in order
        // (an ORDER BY … LIMIT, or a count over an index), which is what a page wants.
        const m = /^SCAN (\w+)(?: AS \w+)?$/.exec(detail);
        if (m && !SMALL_TABLES.has(m[1]) && !SUBQUERIES.has(m[1]) && !/^(kinds)$/.test(m[1]))
          scans.push(`${detail}\n    in: ${source}`);
      }
    }
    expect(scans).toEqual([]);
  });
});

describe("the register's and the library's pages at any size", () => {
  const planOf = (source: string) =>
    (db.$client.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...(statements.get(source) as [])) as { detail: string }[])
      .map((r) => r.detail)
      .join("\n");
  const of = (table: string, kind: "count" | "page" | "rows") =>
    [...statements.keys()].filter((source) =>
      kind === "count"
        ? new RegExp(`^select count\\(\\*\\) from "${table}"`).test(source)
        : kind === "page"
          ? new RegExp(`^select "id" from "${table}" .* order by .* limit \\?( offset \\?)?$`).test(source)
          : new RegExp(`^select .* from "${table}" .*where \\(?"${table}"\\."id" in \\(.* limit \\?$`).test(source),
    );

  // Counting every decision of ten years must not read each decision's row (its text rides
  // along); a filtered count may read the rows of the narrow range its filters select, or the
  // rows of a short list of ids (the documents linked to one object).
  it.each(["decisions", "documents"])("count %s by reading an index only, or a narrowed range", (table) => {
    expect(of(table, "count").length).toBeGreaterThan(2);
    for (const source of of(table, "count"))
      expect(planOf(source), source).toMatch(
        new RegExp(
          `(SEARCH|SCAN) ${table} USING (COVERING INDEX|INDEX \\w+ \\(\\w+=\\? AND |INTEGER PRIMARY KEY \\(rowid=\\?\\))`,
        ),
      );
  });

  // paginateQuery (app/models/paging.server.ts): a read worker finds the page's ids in the
  // list's order, then the event loop reads those rows (and their joins) by id.
  it.each(["decisions", "documents"])("find a page of %s in the list's order, without sorting every match", (table) => {
    expect(of(table, "page").length).toBeGreaterThan(2);
    for (const source of of(table, "page")) expect(planOf(source), source).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  // An anonymous visitor's library (public documents of one collaboration): the count and the
  // page's ids read one index, in the list's order, never the rows (migration 0030).
  it("count and find a page of the public library by one index only", () => {
    const publicOnly = (source: string) =>
      /where \((?:"documents"\.)?"visibility" = \? and (?:"documents"\.)?"collaboration_id" = \?\)/.test(source);
    const sources = [...of("documents", "count"), ...of("documents", "page")].filter(publicOnly);
    expect(sources.length).toBeGreaterThanOrEqual(2);
    for (const source of sources)
      expect(planOf(source), source).toBe(
        "SEARCH documents USING COVERING INDEX documents_collaboration_visibility (collaboration_id=? AND visibility=?)",
      );
  });

  it.each(["decisions", "documents"])("read the rows of a page of %s by id only", (table) => {
    expect(of(table, "rows").length).toBeGreaterThan(2);
    for (const source of of(table, "rows"))
      expect(planOf(source), source).toMatch(new RegExp(`^SEARCH ${table} USING INTEGER PRIMARY KEY \\(rowid=\\?\\)`));
  });
});

describe("foreign keys", () => {
  it("each have an index that starts with the referencing column", () => {
    const c = db.$client;
    const tables = c
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND sql NOT LIKE 'CREATE VIRTUAL%'",
      )
      .all() as { name: string }[];
    const missing: string[] = [];
    for (const { name } of tables) {
      const leading = new Set(
        (c.prepare(`PRAGMA index_list("${name}")`).all() as { name: string }[]).map(
          (i) => (c.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[])[0]?.name,
        ),
      );
      const primaryKey = (c.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; pk: number }[]).find(
        (col) => col.pk === 1,
      )?.name;
      for (const fk of c.prepare(`PRAGMA foreign_key_list("${name}")`).all() as { from: string; table: string }[])
        if (!leading.has(fk.from) && primaryKey !== fk.from) missing.push(`${name}.${fk.from} → ${fk.table}`);
    }
    expect(missing).toEqual([]);
  });
});
