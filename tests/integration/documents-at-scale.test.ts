/**
 * /dokument with 100 000 documents (issue 14): the page answers, counts and pages every
 * document the viewer may read. The first version passed every readable id as an SQL variable
 * and failed above 32 766 documents ("too many SQL variables").
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import type { Actor } from "~/domain/policy";
import { pageOfDocuments } from "~/models/documents.server";
import { loadActor } from "~/models/users.server";
import { loader } from "~/routes/dokument._index";
import { demoDatabase } from "../support/test-db";

const CORPUS = 100_000;
let db: Db;
let world: DemoWorld;
let before: number;

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  before = (db.$client.prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
  const insert = db.$client.prepare(
    `INSERT INTO documents (collaboration_id, title, kind, body_id, date, visibility)
     VALUES (?, ?, 'rapport', ?, ?, ?)`,
  );
  const link = db.$client.prepare("INSERT INTO document_bodies (document_id, body_id) VALUES (?, ?)");
  const bodyIds = [world.bodyIds.svom, world.bodyIds.styrgrupp, world.bodyIds.referensgrupp];
  db.$client.transaction(() => {
    for (let i = 0; i < CORPUS; i++) {
      const visibility = (["public", "members", "bodies"] as const)[i % 3];
      const { lastInsertRowid } = insert.run(
        world.collaborationId,
        `Rapport ${i}`,
        bodyIds[i % 3],
        `${2016 + (i % 10)}-0${1 + (i % 9)}-15`,
        visibility,
      );
      if (visibility === "bodies") link.run(lastInsertRowid, bodyIds[(i + 1) % 3]);
    }
  })();
}, 120_000);

describe("the document list at 100 000 documents", () => {
  it("answers 200 for the public and counts every public document", async () => {
    const response = (await loader({
      request: new Request("http://localhost/dokument?sida=500"),
      params: {},
      context: {},
    })) as unknown as { documents: { page: { total: number; page: number }; items: unknown[] } };
    const publicCount = (
      db.$client.prepare("SELECT count(*) AS n FROM documents WHERE visibility = 'public'").get() as { n: number }
    ).n;
    expect(publicCount).toBeGreaterThan(33_000);
    expect(response.documents.page.total).toBe(publicCount);
    expect(response.documents.page.page).toBe(500);
    expect(response.documents.items).toHaveLength(50);
  });

  it("pages every document for the coordinator and filters by year in SQL", async () => {
    const coordinator = loadActor(
      { id: "demo-samordnare", role: "admin", personId: world.personIds["Sara Samordnare"] },
      "2026-11-23",
    ) as Actor;
    const all = await pageOfDocuments(coordinator, {}, { page: 2001, size: 50 });
    expect(all.page.total).toBe(before + CORPUS);
    expect(all.items.length).toBeGreaterThan(0);
    const year = await pageOfDocuments(coordinator, { year: 2020 }, { page: 1, size: 50 });
    expect(year.page.total).toBeGreaterThanOrEqual(CORPUS / 10);
    expect(year.items.every((d) => d.date.startsWith("2020-"))).toBe(true);
  });
});
