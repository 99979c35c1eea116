/**
 * Long reads off the event loop (app/utils/read-pool.server.ts, server/read-worker.js): over a
 * database file, search runs in worker threads with read-only connections and answers exactly
 * what the same SQL answers on the process's own connection, access included, and sees every
 * committed write at once.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { decisions } from "../../db/schema";
import type { Actor } from "~/domain/policy";
import { search } from "~/models/search.server";
import { readAll, readOne } from "~/utils/read-pool.server";
import { demoDatabaseWithFile, withConnection as on } from "../support/test-db";
import { demoViewers } from "../support/viewers";

let memory: Db;
let file: Db;
let world: DemoWorld;
let remove: () => void;
let actors: (Actor | null)[];

beforeAll(async () => {
  ({ memory, file, world, remove } = await demoDatabaseWithFile("2026-11-23"));
  actors = demoViewers(world, "2026-11-23").map(([, actor]) => actor);
}, 60_000);

afterAll(() => remove?.());

describe("reads in worker threads", () => {
  it("run on a separate, read-only connection to the file", async () => {
    await on(file, async () => {
      const { n } = (await readOne<{ n: number }>("SELECT count(*) AS n FROM search_entries WHERE id > :min", {
        min: 0,
      }))!;
      expect(n).toBeGreaterThan(50);
      // The process's own connection may write; the readers' may not.
      await expect(readAll("DELETE FROM search_entries WHERE id = :id RETURNING id", { id: 1 })).rejects.toThrow(
        /readonly/,
      );
      expect(file.$client.prepare("SELECT count(*) AS n FROM search_entries").get()).toEqual({ n });
    });
  });

  it("answer every search exactly as the process's own connection does, access included", async () => {
    const queries = ["avtal", "uppsägning", '"uppsägning av"', "kommun", '"samverkan" avtal', "östersund"];
    const filters = [{}, { kind: "decision" }, { bodyId: world.bodyIds.svom }];
    let compared = 0;
    for (const actor of actors)
      for (const q of queries)
        for (const filter of filters) {
          const here = await on(memory, () => search(actor, q, filter, { page: 1, size: 50 }));
          const there = await on(file, () => search(actor, q, filter, { page: 1, size: 50 }));
          expect(there, `${actor?.userId ?? "anonymous"} ${q} ${JSON.stringify(filter)}`).toEqual(here);
          compared += here.items.length;
        }
    expect(compared).toBeGreaterThan(100);
  });

  it("see a committed write at once", async () => {
    await on(file, async () => {
      const admin = actors.find((actor) => actor?.role === "admin")!;
      expect((await search(admin, "myggbekämpning", {})).page.total).toBe(0);
      const decision = file.select().from(decisions).where(eq(decisions.inRegister, true)).limit(1).get()!;
      file.update(decisions).set({ title: "Beslut om myggbekämpning" }).where(eq(decisions.id, decision.id)).run();
      const hits = await Promise.all([1, 2, 3].map(() => search(admin, "myggbekämpning", {})));
      for (const hit of hits) expect(hit.items.map((r) => r.href)).toEqual([`/beslut/${decision.id}`]);
    });
  });
});
