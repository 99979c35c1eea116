/**
 * Unpublished changes of time and place stay the secretary's (issue 10, items 3 and 7): every
 * surface that lists meetings (lists, the start page's next meetings, a body's page, calendar
 * files and feeds) shows a member and the public the time and place of the published notice.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { calendarMeetings } from "~/models/calendar.server";
import { bodyFeedEntries } from "~/models/feeds.server";
import { publishNotice } from "~/models/meeting-notice.server";
import { getMeeting, pageOfPastMeetings, updateMeeting, upcomingMeetings } from "~/models/meetings.server";
import { loadActor } from "~/models/users.server";
import { secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
let meetingId = 0;
const TODAY = "2026-11-23";
const actorOf = (id: string) => loadActor(db.select().from(users).where(eq(users.id, id)).get()!, TODAY);

beforeAll(async () => {
  ({ db, world } = await demoDatabase(TODAY));
  const m = secretaryMeeting(world.bodyIds.styrgrupp, "2026-12-10", {
    startTime: "13:00",
    endTime: "15:00",
    place: "Mini-Maria, Östersund",
  });
  meetingId = m.id;
  publishNotice("demo-samordnare", meetingId);
  // The secretary moves it and changes the place, and has not published the change.
  const saved = updateMeeting("demo-samordnare", meetingId, getMeeting(meetingId)!.version, {
    date: "2026-12-10",
    startTime: "09:00",
    endTime: "11:00",
    place: "Hemlig ny lokal",
    videoUrl: "",
  });
  expect(saved.ok).toBe(true);
});

describe("meetings as members were told", () => {
  it("shows a member the published time and place on every list and calendar, and the secretary the change", () => {
    const member = actorOf("demo-ifochef");
    const secretary = actorOf("demo-samordnare");
    const body = [world.bodyIds.styrgrupp];
    const seenBy = (actor: typeof member) => [
      upcomingMeetings(actor, body, TODAY).find((m) => m.id === meetingId),
      upcomingMeetings(actor, body, TODAY, 20).find((m) => m.id === meetingId),
      calendarMeetings({ meetingId }, "https://portal.example", actor)[0],
      calendarMeetings({ bodyIds: body }, "https://portal.example", actor).find((m) => m.id === meetingId),
    ];
    for (const row of seenBy(member)) {
      expect(row).toMatchObject({ startTime: "13:00", endTime: "15:00", place: "Mini-Maria, Östersund" });
    }
    for (const row of seenBy(secretary)) {
      expect(row).toMatchObject({ startTime: "09:00", endTime: "11:00", place: "Hemlig ny lokal" });
    }
    // What mail carries is the members' view.
    expect(calendarMeetings({ meetingId }, "https://portal.example", null)[0].place).toBe("Mini-Maria, Östersund");
  });

  it("lists the coming meetings soonest first, and a limited list is the beginning of the whole", () => {
    const admin = actorOf("demo-samordnare");
    const all = Object.values(world.bodyIds);
    const whole = upcomingMeetings(admin, all, TODAY);
    expect(whole.length).toBeGreaterThan(3);
    expect(whole.every((m) => m.date >= TODAY)).toBe(true);
    const order = whole.map((m) => `${m.date} ${m.startTime} ${String(m.id).padStart(9, "0")}`);
    expect(order).toEqual([...order].sort());
    expect(upcomingMeetings(admin, all, TODAY, 3)).toEqual(whole.slice(0, 3));
    // No bodies, no meetings (not every meeting).
    expect(upcomingMeetings(admin, [], TODAY)).toEqual([]);
    // The public sees only what it may open: no steering-group meeting, which is not public.
    expect(upcomingMeetings(null, all, TODAY).some((m) => m.bodyId === world.bodyIds.styrgrupp)).toBe(false);
  });

  it("shows the change to everyone once it is published as a new notice version", () => {
    publishNotice("demo-samordnare", meetingId);
    const member = actorOf("demo-ifochef");
    expect(upcomingMeetings(member, [world.bodyIds.styrgrupp], TODAY).find((m) => m.id === meetingId)?.place).toBe(
      "Hemlig ny lokal",
    );
  });

  it("tells the public in a body's feed the published time and place, not the change", () => {
    const svomMeeting = secretaryMeeting(world.bodyIds.svom, "2026-12-11", {
      startTime: "10:00",
      place: "Regionens hus, Östersund",
    });
    publishNotice("demo-samordnare", svomMeeting.id);
    const saved = updateMeeting("demo-samordnare", svomMeeting.id, getMeeting(svomMeeting.id)!.version, {
      date: "2026-12-11",
      startTime: "08:00",
      endTime: "09:00",
      place: "Opublicerad lokal",
      videoUrl: "",
    });
    expect(saved.ok).toBe(true);
    const entry = () =>
      bodyFeedEntries(world.bodyIds.svom, "https://portal.example", "portal.example").find((e) =>
        e.url.endsWith(`/moten/${svomMeeting.id}`),
      );
    expect(entry()?.summary).toContain("kl. 10:00, Regionens hus, Östersund");
    expect(entry()?.summary).not.toContain("Opublicerad");
    publishNotice("demo-samordnare", svomMeeting.id);
    expect(entry()?.summary).toContain("kl. 08:00, Opublicerad lokal");
  });

  it("leaves the past (with minutes) as recorded", async () => {
    const member = actorOf("demo-politiker");
    const past = await pageOfPastMeetings(member, [world.bodyIds.svom], TODAY, { page: 1, size: 50 });
    expect(past.items.some((m) => m.place === "Regionens hus, Östersund")).toBe(true);
  });
});
