/**
 * Population figures are not overwritten unseen: two people load /avtal/folkmangd, both save;
 * the second save, naming the versions its page was read at, is refused with 409 and the
 * colleague's figures beside its own, and writes nothing (no figure, no audit entry). Saving
 * again with the versions the conflict names puts the user's figures over them, on purpose.
 * Both of the page's forms (typed per municipality and SCB's table pasted) go the same way.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import { DEMO_PASSWORD, type DemoWorld } from "../../db/demo-world";
import { migrateDatabase } from "../../db/connection";
import { freshUnmigrated, migrateUpTo } from "../support/migrate-to";
import { demoDatabase } from "../support/test-db";
import { formData as form } from "../support/forms";

let db: Db;
let world: DemoWorld;
let cookie: string;

const YEAR = 2031;
const AS_OF = "2030-11-01";
const PATH = `/avtal/folkmangd?ar=${YEAR}`;

type Page = { seen: string; municipalities: { organisationId: number; name: string; population: number | null }[] };
type Reply = {
  data: { conflict?: { theirs: { rows: [string, string, string][] }; version: string } };
  init: ResponseInit | null;
};

async function route() {
  return (await import("~/routes/avtal.folkmangd")) as unknown as {
    loader: (args: { request: Request; params: object; context: object }) => Promise<Page>;
    action: (args: { request: Request; params: object; context: object }) => Promise<Reply | Response>;
  };
}

async function loadPage(): Promise<Page> {
  const { loader } = await route();
  return loader({
    request: new Request(`http://localhost${PATH}`, { headers: { Cookie: cookie } }),
    params: {},
    context: {},
  });
}

async function save(fields: Record<string, string>) {
  const { action } = await route();
  const request = new Request(`http://localhost${PATH}`, {
    method: "POST",
    body: form(fields),
    headers: { Cookie: cookie },
  });
  return action({ request, params: {}, context: {} });
}

/** The typed form as the page fills it, with `changes` typed over (municipality name → figure). */
function typed(page: Page, changes: Record<string, string>, seen = page.seen) {
  const fields: Record<string, string> = { intent: "form", asOf: AS_OF, seen };
  page.municipalities.forEach((m, i) => {
    fields[`figures[${i}].organisationId`] = String(m.organisationId);
    fields[`figures[${i}].population`] = changes[m.name] ?? (m.population === null ? "" : String(m.population));
  });
  return fields;
}

const sql = (statement: string, ...args: unknown[]) => db.$client.prepare(statement).all(...args);
/** Everything a refused save could have touched. */
function written() {
  return {
    figures: sql("SELECT * FROM populations WHERE as_of = ? ORDER BY organisation_id", AS_OF),
    audit: sql("SELECT count(*) AS n FROM audit_log"),
  };
}
const figureOf = (organisationId: number) =>
  db.$client
    .prepare("SELECT population, version FROM populations WHERE as_of = ? AND organisation_id = ?")
    .get(AS_OF, organisationId) as { population: number; version: number } | undefined;

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  const { action } = await import("~/routes/logga-in");
  const res = (await action({
    request: new Request("http://localhost/logga-in", {
      method: "POST",
      body: new URLSearchParams({ email: "samordnare@demo.example", password: DEMO_PASSWORD }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
    params: {},
    context: { clientIp: "10.9.9.9" },
  })) as Response;
  cookie = (res.headers.get("Set-Cookie") ?? "").split(";")[0];
  expect(cookie).toMatch(/^session=/);
});

describe("two people save the same date's figures", () => {
  it("a form read for another date (the date rule changed meanwhile) saves nothing", async () => {
    const page = await loadPage();
    const before = written();
    const refused = (await save({ ...typed(page, { "Bergs kommun": "6900" }), asOf: "2030-12-31" })) as Reply;
    expect(refused.init?.status).toBe(400);
    expect(written()).toEqual(before);
    expect(db.$client.prepare("SELECT count(*) AS n FROM populations WHERE as_of = '2030-12-31'").get()).toEqual({
      n: 0,
    });
  });

  it("typed: the second save is refused with both figures and nothing written; saving again is deliberate", async () => {
    const berg = world.organisationIds.Berg;
    // Both open the page while the date has no figures yet, then both save.
    const first = await loadPage();
    const second = await loadPage();
    expect(second.seen).toBe(first.seen);
    const saved = await save(typed(first, { "Bergs kommun": "7100", "Bräcke kommun": "6400" }));
    expect(saved).toBeInstanceOf(Response);
    expect((saved as Response).status).toBe(302);
    expect(figureOf(berg)).toEqual({ population: 7100, version: 1 });

    const before = written();
    const refused = (await save(typed(second, { "Bergs kommun": "7000" }))) as Reply;
    expect(refused.init?.status).toBe(409);
    expect(written()).toEqual(before);
    expect(refused.data.conflict?.theirs.rows).toEqual([
      ["Bergs kommun", (7100).toLocaleString("sv-SE"), (7000).toLocaleString("sv-SE")],
    ]);

    // Saving again names the versions the conflict answered with: the user's figure wins, audited.
    const again = await save(typed(second, { "Bergs kommun": "7000" }, refused.data.conflict!.version));
    expect((again as Response).status).toBe(302);
    expect(figureOf(berg)).toEqual({ population: 7000, version: 2 });
    const audit = db.$client
      .prepare("SELECT before, after FROM audit_log WHERE entity_type = 'population' ORDER BY id DESC LIMIT 1")
      .get() as { before: string; after: string };
    expect(JSON.parse(audit.before)).toEqual([
      expect.objectContaining({ organisationId: berg, population: 7100, version: 1 }),
    ]);
    expect(JSON.parse(audit.after)).toEqual([
      expect.objectContaining({ organisationId: berg, population: 7000, version: 2 }),
    ]);
  });

  it("rows already saved: a form left open is refused once a colleague changed a figure it re-sends", async () => {
    const bracke = world.organisationIds["Bräcke"];
    const stale = await loadPage();
    const fresh = await loadPage();
    expect(((await save(typed(fresh, { "Bräcke kommun": "6500" }))) as Response).status).toBe(302);
    const before = written();
    // The stale form still holds Bräcke's old 6 400 and changes only Berg.
    const refused = (await save(typed(stale, { "Bergs kommun": "7050" }))) as Reply;
    expect(refused.init?.status).toBe(409);
    expect(written()).toEqual(before);
    expect(figureOf(bracke)?.population).toBe(6500);
    expect(refused.data.conflict?.theirs.rows.map((r) => r[0])).toEqual(["Bräcke kommun"]);
  });

  it("pasted from SCB: refused the same way, nothing written", async () => {
    const stale = await loadPage();
    const fresh = await loadPage();
    expect(((await save(typed(fresh, { "Bergs kommun": "7200" }))) as Response).status).toBe(302);
    const before = written();
    const refused = (await save({
      intent: "paste",
      asOf: AS_OF,
      seen: stale.seen,
      text: "2326 Berg 7150\n2305 Bräcke 6500",
    })) as Reply;
    expect(refused.init?.status).toBe(409);
    expect(written()).toEqual(before);
    expect(refused.data.conflict?.theirs.rows).toEqual([
      ["Bergs kommun", (7200).toLocaleString("sv-SE"), (7150).toLocaleString("sv-SE")],
    ]);
  });
});

describe("migration 0035: a version per population figure", () => {
  it("keeps every figure, each at version 1, and refuses a version below 1", () => {
    const fresh = freshUnmigrated();
    migrateUpTo(fresh, "0034_meetings_told_sequence_backfill");
    const q = fresh.$client;
    q.exec(`
      INSERT INTO organisations (id, name, kind) VALUES (1, 'Bergs kommun', 'kommun');
      INSERT INTO populations (id, organisation_id, as_of, population, illustrative, source)
        VALUES (7, 1, '2022-11-01', 6959, 0, 'SCB'), (8, 1, '2023-11-01', 7000, 1, '');
    `);
    migrateDatabase(fresh);
    expect(
      q.prepare("SELECT id, population, illustrative, source, version FROM populations ORDER BY id").all(),
    ).toEqual([
      { id: 7, population: 6959, illustrative: 0, source: "SCB", version: 1 },
      { id: 8, population: 7000, illustrative: 1, source: "", version: 1 },
    ]);
    expect(() => q.exec("UPDATE populations SET version = 0 WHERE id = 7")).toThrow(/CHECK/);
  });
});
