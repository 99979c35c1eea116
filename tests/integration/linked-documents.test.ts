/**
 * The library documents linked to an object (a matter, a meeting, a decision) come a page at a
 * time, with the viewer's access in the query: a matter that runs for years gathers many, and
 * a viewer who may open only some gets full pages of those, with their count.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { documentLinks, documents, matters } from "../../db/schema";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { eq } from "drizzle-orm";
import { createSession } from "~/auth/sessions.server";
import { pageOfDocumentsLinkedTo } from "~/models/document-links.server";
import * as matterPage from "~/routes/arenden.$matterId";
import { demoDatabase } from "../support/test-db";

const PUBLIC = 61;
const MEMBERS_ONLY = 12;
let db: Db;
let world: DemoWorld;
let matterId = 0;
let cookie = "";

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  cookie = (await createSession("demo-samordnare")).split(";")[0];
  matterId = db.select().from(matters).where(eq(matters.collaborationId, world.collaborationId)).get()!.id;
  db.$client.transaction(() => {
    for (let i = 0; i < PUBLIC + MEMBERS_ONLY; i++) {
      const doc = db
        .insert(documents)
        .values({
          collaborationId: world.collaborationId,
          title: `Kopplat dokument ${i}`,
          kind: "rutin",
          // A document a month from 2015, two on some dates: the id breaks the tie.
          date: `${2015 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, "0")}-${i % 5 ? "15" : "01"}`,
          visibility: i < PUBLIC ? "public" : "members",
          createdBy: "demo-samordnare",
        })
        .returning()
        .get();
      db.insert(documentLinks).values({ documentId: doc.id, targetType: "matter", targetId: matterId }).run();
    }
  })();
});

const load = async (search = "") =>
  (await matterPage.loader({
    request: new Request(`http://localhost/arenden/${matterId}${search}`, { headers: { Cookie: cookie } }),
    params: { matterId: String(matterId) },
    context: {},
  })) as Awaited<ReturnType<typeof matterPage.loader>>;

describe("documents linked to a matter", () => {
  it("come 50 a page, newest first, each once, with the total, on their own page parameter", async () => {
    const first = (await load()).documents;
    expect(first.page).toMatchObject({ total: PUBLIC + MEMBERS_ONLY, size: 50, pageCount: 2 });
    expect(first.items).toHaveLength(50);
    const second = (await load("?dokumentsida=2")).documents;
    expect(second.items).toHaveLength(PUBLIC + MEMBERS_ONLY - 50);
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((d) => d.id)).size).toBe(PUBLIC + MEMBERS_ONLY);
    const keys = all.map((d) => `${d.date}#${String(d.id).padStart(6, "0")}`);
    expect(keys).toEqual([...keys].sort().reverse());
    // The timeline's own page parameter leaves the documents on their first page.
    expect((await load("?sida=2")).documents.items.map((d) => d.id)).toEqual(first.items.map((d) => d.id));
  });

  it("gives a viewer who may open only some of them full pages of those, and their count", async () => {
    const page = await pageOfDocumentsLinkedTo(null, "matter", matterId, { page: 1, size: 50 });
    expect(page.page.total).toBe(PUBLIC);
    expect(page.items).toHaveLength(50);
    const rest = await pageOfDocumentsLinkedTo(null, "matter", matterId, { page: 2, size: 50 });
    expect(rest.items).toHaveLength(PUBLIC - 50);
    expect([...page.items, ...rest.items].every((d) => Number(d.title.split(" ").pop()) < PUBLIC)).toBe(true);
  });
});
