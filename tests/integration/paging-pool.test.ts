/**
 * Lists paged in the read workers (app/models/paging.server.ts): over a database file a list's
 * count and the ids of its page are read in a worker thread, and only the page's rows on the
 * process's own connection. Every page is exactly what the same list gives on one connection,
 * and the viewer's access applies: walking every page of the documents gives each document the
 * policy lets the viewer open, once, in the list's order, and no other.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { documents } from "../../db/schema";
import type { Paged, PageRequest } from "~/domain/pagination";
import type { Actor } from "~/domain/policy";
import { pageOfDecisions } from "~/models/decisions.server";
import { canReadDocument, pageOfDocuments } from "~/models/documents.server";
import { pageOfPastMeetings } from "~/models/meetings.server";
import { pageOfRecommendations } from "~/models/recommendations.server";
import { demoDatabaseWithFile, withConnection as on } from "../support/test-db";
import { demoViewers } from "../support/viewers";

const TODAY = "2026-11-23";

let memory: Db;
let file: Db;
let world: DemoWorld;
let remove: () => void;
let actors: (Actor | null)[];
/** SQL prepared on the file's own connection (what did not run in a worker). */
const preparedHere: string[] = [];

/** Every page of a list, `size` rows at a time. */
async function allPages<T>(size: number, page: (request: PageRequest) => Promise<Paged<T>>) {
  const pages: Paged<T>[] = [await page({ page: 1, size })];
  while (pages.length < pages[0].page.pageCount) pages.push(await page({ page: pages.length + 1, size }));
  return pages;
}

beforeAll(async () => {
  ({ memory, file, world, remove } = await demoDatabaseWithFile(TODAY, { exampleCollaboration: true }));
  const prepare = file.$client.prepare.bind(file.$client);
  file.$client.prepare = ((source: string) => {
    preparedHere.push(source);
    return prepare(source);
  }) as typeof file.$client.prepare;
  actors = demoViewers(world, TODAY).map(([, actor]) => actor);
}, 60_000);

afterAll(() => remove?.());

describe("lists paged in a read worker", () => {
  it("count and find the page in a worker, not on the process's own connection", async () => {
    preparedHere.length = 0;
    const paged = await on(file, () =>
      pageOfDocuments(actors[2], { collaborationId: world.collaborationId }, { page: 2, size: 1 }),
    );
    expect(paged.items).toHaveLength(1);
    expect(preparedHere.filter((source) => /^select (count\(\*\)|"id") from "documents"/.test(source))).toEqual([]);
    expect(preparedHere.filter((source) => /^select .* from "documents"/.test(source)).length).toBeGreaterThan(0);
  });

  it("give every page exactly as one connection does, for every viewer", async () => {
    let compared = 0;
    for (const actor of actors) {
      const who = actor?.userId ?? "anonymous";
      const lists: [string, (request: PageRequest) => Promise<Paged<unknown>>][] = [
        ["documents", (r) => pageOfDocuments(actor, { collaborationId: world.collaborationId }, r)],
        [
          "documents of a kind",
          (r) => pageOfDocuments(actor, { collaborationId: world.collaborationId, kind: "rutin" }, r),
        ],
        ["register", (r) => pageOfDecisions(actor, { collaborationId: world.collaborationId }, r)],
        [
          "register of a year",
          (r) => pageOfDecisions(actor, { collaborationId: world.collaborationId, year: 2022 }, r),
        ],
        ["past meetings", (r) => pageOfPastMeetings(actor, [world.bodyIds.svom, world.bodyIds.styrgrupp], TODAY, r)],
        ["recommendations", (r) => pageOfRecommendations(actor, world.collaborationId, null, r)],
      ];
      for (const [name, list] of lists) {
        const here = await on(memory, () => allPages(4, list));
        const there = await on(file, () => allPages(4, list));
        expect(there, `${who}: ${name}`).toEqual(here);
        compared += here.reduce((n, p) => n + p.items.length, 0);
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("list each document the viewer may open, once, newest first, and none other", async () => {
    const every = file.select().from(documents).all();
    for (const actor of actors) {
      const expected = every
        .filter((d) => d.collaborationId === world.collaborationId && canReadDocument(actor, d))
        .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id)
        .map((d) => d.id);
      const pages = await on(file, () =>
        allPages(3, (r) => pageOfDocuments(actor, { collaborationId: world.collaborationId }, r)),
      );
      expect(
        pages.flatMap((p) => p.items.map((d) => d.id)),
        actor?.userId ?? "anonymous",
      ).toEqual(expected);
      expect(pages[0].page.total).toBe(expected.length);
    }
  });
});
