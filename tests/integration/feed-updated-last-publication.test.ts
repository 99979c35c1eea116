/**
 * A body's Atom feed dates each entry by the last time its content was published to the
 * public: a notice republished with a new time and place, and a decision whose § was corrected
 * (an approved rättelse of the minutes), must show as updated in a feed reader. The notice's
 * `<updated>` was its first publication and the decision's its approval, so a reader never
 * saw the change. An unpublished change (the secretary's move before republishing, a
 * correction awaiting its signers) must not move `<updated>` nor show. Read as the public and
 * as a SVOM member: a feed reader cannot sign in, so both get the same public feed.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { agendaVersions, decisions, meetings, minutesRevisions } from "../../db/schema";
import { createSession } from "~/auth/sessions.server";
import { addAgendaItem } from "~/models/meeting-agenda.server";
import { publishNotice } from "~/models/meeting-notice.server";
import { updateMeeting } from "~/models/meetings.server";
import { loader } from "~/routes/organ.$bodyId.flode[.atom]";
import { seatedTestUser } from "../support/browser";
import { decisionItem, secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
let memberCookie = "";

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  seatedTestUser(db, { id: "test-flodesledamot", role: "member", name: "Flödestest ledamot" }, [
    [world.bodyIds.svom, "ledamot"],
  ]);
  memberCookie = (await createSession("test-flodesledamot")).split(";")[0];
});

/** The feed's entry for `url`, as the public and as a member: both must be the same. */
async function entryOf(url: string) {
  const read = async (headers: Record<string, string>) => {
    const res = await loader({
      request: new Request(`http://localhost/organ/${world.bodyIds.svom}/flode.atom`, { headers }),
      params: { bodyId: String(world.bodyIds.svom) },
      context: {},
    });
    const xml = await res.text();
    const entry = [...xml.matchAll(/<entry>[\s\S]*?<\/entry>/g)].map((m) => m[0]).find((e) => e.includes(url));
    return {
      xml,
      title: entry?.match(/<title>([^<]*)<\/title>/)?.[1],
      updated: entry?.match(/<updated>([^<]*)<\/updated>/)?.[1],
    };
  };
  const asPublic = await read({});
  const asMember = await read({ Cookie: memberCookie });
  expect(asMember.xml, "the member's feed is the public's").toBe(asPublic.xml);
  return asPublic;
}

/** Publishes the notice as it stands now, recorded as published at `at`. */
function publishAt(meetingId: number, at: string) {
  publishNotice("demo-samordnare", meetingId);
  const newest = db.select().from(agendaVersions).where(eq(agendaVersions.meetingId, meetingId)).all().at(-1)!;
  db.update(agendaVersions).set({ publishedAt: at }).where(eq(agendaVersions.id, newest.id)).run();
}

describe("the body's feed dates an entry by its last publication", () => {
  it("shows a republished change of time and place as an update, and no unpublished change", async () => {
    const meeting = secretaryMeeting(world.bodyIds.svom, "2026-12-10", { isPublic: true });
    const url = `/moten/${meeting.id}`;
    publishAt(meeting.id, "2026-11-01T08:00:00.000Z");
    expect(await entryOf(url)).toMatchObject({
      title: "Kallelse: sammanträde 2026-12-10 kl. 09:00",
      updated: "2026-11-01T08:00:00.000Z",
    });
    // The secretary moves the meeting; nothing is published yet.
    const noticed = db.select().from(meetings).where(eq(meetings.id, meeting.id)).get()!;
    const moved = updateMeeting("demo-samordnare", meeting.id, noticed.version, {
      date: "2026-12-11",
      startTime: "13:00",
      endTime: "15:00",
      place: "KANARIE-OPUBLICERAD sal",
      videoUrl: "",
    });
    expect(moved.ok).toBe(true);
    const unpublished = await entryOf(url);
    expect(unpublished).toMatchObject({
      title: "Kallelse: sammanträde 2026-12-10 kl. 09:00",
      updated: "2026-11-01T08:00:00.000Z",
    });
    expect(unpublished.xml).not.toContain("KANARIE-OPUBLICERAD");
    // Republished: the change is an update.
    publishAt(meeting.id, "2026-11-20T09:30:00.000Z");
    const republished = await entryOf(url);
    expect(republished).toMatchObject({
      title: "Kallelse: sammanträde 2026-12-11 kl. 13:00",
      updated: "2026-11-20T09:30:00.000Z",
    });
    expect(republished.xml).toContain("KANARIE-OPUBLICERAD sal");
  });

  it("shows an approved correction of a decision's § as an update, and not one awaiting its signers", async () => {
    const meeting = secretaryMeeting(world.bodyIds.svom, "2026-10-02", { isPublic: true });
    const item = addAgendaItem("demo-samordnare", meeting.id, decisionItem("Rutin för samverkan"), null);
    const decision = db
      .insert(decisions)
      .values({
        bodyId: world.bodyIds.svom,
        meetingId: meeting.id,
        agendaItemId: item.id,
        paragraph: 91,
        year: 2026,
        decidedOn: "2026-10-02",
        title: "Rutin för samverkan",
        text: "SVOM antar rutinen.",
        isPublic: true,
        approval: "justerat",
        approvedAt: "2026-10-09T10:00:00.000Z",
      })
      .returning()
      .get();
    const url = `/beslut/${decision.id}`;
    expect((await entryOf(url)).updated).toBe("2026-10-09T10:00:00.000Z");
    const revision = db
      .insert(minutesRevisions)
      .values({
        meetingId: meeting.id,
        agendaItemId: item.id,
        reason: "Fel i beslutstexten",
        before: JSON.stringify({ decisionText: "SVOM antar rutinen.", minutesNote: "" }),
        after: JSON.stringify({ decisionText: "SVOM antar den reviderade rutinen.", minutesNote: "" }),
        pending: true,
        createdBy: "demo-samordnare",
        createdAt: "2026-10-20T08:00:00.000Z",
      })
      .returning()
      .get();
    // Awaiting its signers: not in force, not an update.
    expect((await entryOf(url)).updated).toBe("2026-10-09T10:00:00.000Z");
    db.update(minutesRevisions)
      .set({ pending: false, approvedAt: "2026-10-23T14:00:00.000Z" })
      .where(eq(minutesRevisions.id, revision.id))
      .run();
    db.update(decisions).set({ text: "SVOM antar den reviderade rutinen." }).where(eq(decisions.id, decision.id)).run();
    expect((await entryOf(url)).updated).toBe("2026-10-23T14:00:00.000Z");
  });
});
