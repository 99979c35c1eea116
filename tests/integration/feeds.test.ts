/**
 * A body's Atom feed holds exactly what the anonymous public may read: approved public
 * decisions and published notices of a body with public records, held to the policy's `can`
 * row by row, with a canary that must never appear.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agendaVersions, decisions, meetings } from "../../db/schema";
import { canReadDecision } from "~/domain/decisions";
import { can } from "~/domain/policy";
import { bodyFeedEntries } from "~/models/feeds.server";
import { loader } from "~/routes/organ.$bodyId.flode[.atom]";
import { demoDatabase } from "../support/test-db";

let db: Awaited<ReturnType<typeof demoDatabase>>["db"];
let world: Awaited<ReturnType<typeof demoDatabase>>["world"];

beforeAll(async () => {
  ({ db, world } = await demoDatabase());
  const svom = world.bodyIds.svom;
  const styrgrupp = world.bodyIds.styrgrupp;
  const decision = (
    bodyId: number,
    title: string,
    isPublic: boolean,
    approval: "utkast" | "justerat",
    inRegister = true,
  ) =>
    db
      .insert(decisions)
      .values({
        bodyId,
        year: 2026,
        decidedOn: "2026-10-02",
        title,
        text: "Text.",
        isPublic,
        approval,
        approvedAt: approval === "justerat" ? "2026-10-09T10:00:00Z" : null,
        inRegister,
      })
      .run();
  decision(svom, "Offentligt justerat KANARIE-NEJ-1", false, "justerat");
  decision(svom, "Utkast KANARIE-NEJ-2", true, "utkast");
  decision(svom, "Offentligt och justerat beslut", true, "justerat");
  decision(styrgrupp, "Styrgruppens offentliga beslut", true, "justerat");
  // A procedural § (Mötets öppnande) of approved public minutes is no register decision.
  decision(svom, "Mötets öppnande KANARIE-NEJ-3", true, "justerat", false);
  const meeting = (bodyId: number, date: string, published: boolean) => {
    const m = db
      .insert(meetings)
      .values({ bodyId, date, startTime: "09:00", endTime: "10:00", place: "Östersund" })
      .returning()
      .get();
    if (published) db.insert(agendaVersions).values({ meetingId: m.id, versionNo: 1, content: "[]" }).run();
    return m.id;
  };
  meeting(svom, "2026-12-04", true);
  meeting(svom, "2027-02-05", false);
  meeting(styrgrupp, "2026-12-14", true);
});

describe("a body's Atom feed", () => {
  it("lists exactly the register decisions and notices the public may read", () => {
    for (const bodyId of Object.values(world.bodyIds)) {
      const ids = new Set(bodyFeedEntries(bodyId, "https://p", "p").map((e) => e.url));
      for (const d of db.select().from(decisions).where(eq(decisions.bodyId, bodyId)).all())
        expect(ids.has(`https://p/beslut/${d.id}`), `decision ${d.title}`).toBe(
          d.inRegister && canReadDecision(null, d),
        );
      for (const m of db.select().from(meetings).where(eq(meetings.bodyId, bodyId)).all()) {
        const published = db.select().from(agendaVersions).where(eq(agendaVersions.meetingId, m.id)).all().length > 0;
        const publicRecords = bodyId === world.bodyIds.svom;
        expect(ids.has(`https://p/moten/${m.id}`), `meeting ${m.date}`).toBe(
          published && can(null, "read:meeting", { bodyId, publicRecords, published }),
        );
      }
    }
  });

  it("answers as Atom to anyone, with public entries only, newest first", async () => {
    const res = await loader({
      request: new Request(`http://localhost/organ/${world.bodyIds.svom}/flode.atom`),
      params: { bodyId: String(world.bodyIds.svom) },
      context: {},
    });
    expect(res.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await res.text();
    expect(xml).toContain("<title>Sociala vård- och omsorgsgruppen (SVOM): beslut och kallelser</title>");
    expect(xml).toContain("Offentligt och justerat beslut");
    expect(xml).toContain("Kallelse: sammanträde 2026-12-04 kl. 09:00");
    expect(xml).not.toContain("KANARIE-NEJ");
    expect(xml).not.toContain("2027-02-05");
    const updated = [...xml.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((m) => m[1]);
    expect(updated).toEqual([...updated].sort().reverse());
    // A body without public records shows its public decisions but no notices.
    const steering = await (
      await loader({
        request: new Request(`http://localhost/organ/${world.bodyIds.styrgrupp}/flode.atom`),
        params: { bodyId: String(world.bodyIds.styrgrupp) },
        context: {},
      })
    ).text();
    expect(steering).toContain("Styrgruppens offentliga beslut");
    expect(steering).not.toContain("Kallelse:");
  });

  it("answers 404 for a body that does not exist", async () => {
    await expect(
      loader({
        request: new Request("http://localhost/organ/99999/flode.atom"),
        params: { bodyId: "99999" },
        context: {},
      }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
