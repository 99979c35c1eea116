/**
 * The secretary publishes the notice (or a changed notice) from the meeting page, having read
 * the changes not yet published. What goes out to everyone called, with its mail and calendar
 * event, must be what they reviewed, and only once: the form carries the meeting's version and
 * the notice's fingerprint as the page showed them (`publishRefusal`). A colleague's move or new item since the page was
 * shown is refused (409, nothing published, no mail), and so is a second press, or a forged
 * post, when nothing has changed since the last version: it sent everyone the same notice again.
 */
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { agendaVersions, mailOutbox, meetings } from "../../db/schema";
import { createSession } from "~/auth/sessions.server";
import { addDays } from "~/domain/calendar-dates";
import { todayInStockholm } from "~/domain/format";
import { addAgendaItem } from "~/models/meeting-agenda.server";
import * as meetingPage from "~/routes/moten.$meetingId._index";
import { formData } from "../support/forms";
import { decisionItem, secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
let cookie = "";
const today = todayInStockholm();

/** The publish form's hidden fields (the meeting's version, the notice's fingerprint) as the page shows them. */
async function shownForm(meetingId: number) {
  const data = await meetingPage.loader({
    request: new Request(`http://localhost/moten/${meetingId}`, { headers: { Cookie: cookie } }),
    params: { meetingId: String(meetingId) },
    context: {},
  });
  return { version: String(data.meeting.version), notice: data.noticeShown ?? "" };
}

function publish(meetingId: number, shown: { version: string; notice: string } | null) {
  const fields: Record<string, string> = { intent: "publish", ...shown };
  return meetingPage.action({
    request: new Request(`http://localhost/moten/${meetingId}`, {
      method: "POST",
      headers: { Cookie: cookie },
      body: formData(fields),
    }),
    params: { meetingId: String(meetingId) },
    context: {},
  });
}

/** The status and form errors of an action's answer (a refusal is data; a success redirects). */
async function answer(result: unknown) {
  if (result instanceof Response) return { status: result.status, errors: [] as string[] };
  const r = result as { init?: { status?: number }; data?: { error?: Record<string, string[]> } };
  return { status: r.init?.status ?? 200, errors: r.data?.error?.[""] ?? [] };
}

const versionsOf = (meetingId: number) =>
  db.select().from(agendaVersions).where(eq(agendaVersions.meetingId, meetingId)).all().length;
const mails = () => db.select().from(mailOutbox).all().length;
const toldSequence = (meetingId: number) =>
  db.select({ s: meetings.toldSequence }).from(meetings).where(eq(meetings.id, meetingId)).get()!.s;

beforeAll(async () => {
  ({ db, world } = await demoDatabase());
  cookie = (await createSession("demo-samordnare")).split(";")[0];
});
beforeEach(() => {
  db.delete(mailOutbox).run();
});

describe("publishing the notice as the secretary reviewed it", () => {
  it("publishes with the version the page showed", async () => {
    const m = secretaryMeeting(world.bodyIds.styrgrupp, addDays(today, 40));
    expect((await answer(await publish(m.id, await shownForm(m.id)))).status).toBe(302);
    expect(versionsOf(m.id)).toBe(1);
    expect(mails()).toBeGreaterThan(0);
  });

  it("refuses when a colleague changed the agenda since the page was shown: nothing published, nobody told", async () => {
    const m = secretaryMeeting(world.bodyIds.styrgrupp, addDays(today, 41));
    const shown = await shownForm(m.id);
    addAgendaItem("demo-samordnare", m.id, decisionItem("Tillagd av en kollega"), null);
    const sequence = toldSequence(m.id);
    const refused = await answer(await publish(m.id, shown));
    expect(refused).toEqual({
      status: 409,
      errors: ["Mötet eller dagordningen har ändrats sedan sidan visades. Se över ändringarna och publicera igen."],
    });
    expect(versionsOf(m.id)).toBe(0);
    expect(mails()).toBe(0);
    expect(toldSequence(m.id)).toBe(sequence);
    // Published from the page as it is now: it goes out.
    expect((await answer(await publish(m.id, await shownForm(m.id)))).status).toBe(302);
    expect(versionsOf(m.id)).toBe(1);
  });

  it("refuses a second press, or a forged post, with nothing changed since the last version", async () => {
    const m = secretaryMeeting(world.bodyIds.styrgrupp, addDays(today, 42));
    const shown = await shownForm(m.id);
    expect((await answer(await publish(m.id, shown))).status).toBe(302);
    db.delete(mailOutbox).run();
    const sequence = toldSequence(m.id);
    const again = await answer(await publish(m.id, shown));
    expect(again).toEqual({
      status: 409,
      errors: ["Kallelsen är redan publicerad: inget har ändrats sedan den senaste versionen."],
    });
    expect(versionsOf(m.id)).toBe(1);
    expect(mails()).toBe(0);
    expect(toldSequence(m.id)).toBe(sequence);
  });

  it("refuses a post without the version and the notice's fingerprint (400), publishing nothing", async () => {
    const m = secretaryMeeting(world.bodyIds.styrgrupp, addDays(today, 43));
    expect((await answer(await publish(m.id, null))).status).toBe(400);
    expect(versionsOf(m.id)).toBe(0);
  });
});
