/**
 * A § bordlagd or återremitterad is carried to the body's next meeting whose agenda can still
 * change (`carryOverTarget`): a meeting whose minutes are approved has a locked agenda
 * (`agendaChangeRefusal`) and never gains an item, through the real `saveParagraph`.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { and, eq, gte } from "drizzle-orm";
import { auditLog, meetings } from "../../db/schema";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import type { ItemOutcome } from "~/domain/minutes";
import {
  addAgendaItem,
  agendaOf,
  moveAgendaItem,
  removeAgendaItem,
  updateAgendaItem,
} from "~/models/meeting-agenda.server";
import { acceptProposal, createProposal } from "~/models/meeting-proposals.server";
import { markHeld, startMinutes } from "~/models/meeting-minutes.server";
import { saveParagraph } from "~/models/meeting-paragraphs.server";
import { getMeeting } from "~/models/meetings.server";
import { approveMinutes, decisionItem as item, secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;

beforeEach(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
});

/** A meeting of the reference group. */
const meeting = (date: string, startTime = "09:00") =>
  secretaryMeeting(world.bodyIds.referensgrupp, date, { startTime, endTime: "23:00" });

/** Approved minutes (justerat): the meeting's agenda is locked. */
const approve = (meetingId: number) => approveMinutes(db, meetingId);

/** A held meeting with one item in its draft minutes; returns the meeting and the item's id. */
function heldWith(date: string, title: string, startTime = "09:00") {
  const m = meeting(date, startTime);
  addAgendaItem("demo-samordnare", m.id, item(title), null);
  startMinutes("demo-samordnare", m.id);
  markHeld("demo-samordnare", m.id);
  return { meetingId: m.id, itemId: agendaOf(m.id).find((i) => i.title === title)!.id };
}

const record = (meetingId: number, itemId: number, outcome: ItemOutcome) =>
  saveParagraph("demo-samordnare", meetingId, itemId, {
    procedure: "acklamation",
    outcome,
    dispatchTo: "",
    motions: [],
    positions: [],
  });

/** What a meeting's agenda holds and its agenda version: a locked one must keep both. */
const agendaState = (meetingId: number) => ({
  titles: agendaOf(meetingId).map((i) => i.title),
  version: getMeeting(meetingId)!.version,
});

describe("carrying a tabled § over", () => {
  it("skips the next meeting when its minutes are approved, and carries the item to the one after", () => {
    const held = heldWith("2026-10-01", "Lokalfrågan");
    const locked = meeting("2026-11-01");
    approve(locked.id);
    const open = meeting("2026-12-01");
    const lockedBefore = agendaState(locked.id);
    const saved = record(held.meetingId, held.itemId, "bordlagd");
    expect(saved).toEqual({ ok: true, carriedTo: { meetingId: open.id, date: "2026-12-01" }, noNextMeeting: false });
    expect(agendaState(locked.id)).toEqual(lockedBefore);
    const copy = agendaOf(open.id).find((i) => i.title === "Lokalfrågan");
    expect(copy?.carriedFromItemId).toBe(held.itemId);
  });

  it("carries nothing when every later meeting is locked, as when there is none, and says so", () => {
    const held = heldWith("2026-10-01", "Budgetfrågan");
    meeting("2026-10-01", "13:00");
    meeting("2026-11-01");
    // Every later meeting of the body, the demo's own among them, has approved minutes.
    const later = db
      .select()
      .from(meetings)
      .where(and(eq(meetings.bodyId, world.bodyIds.referensgrupp), gte(meetings.date, "2026-10-01")))
      .all()
      .filter((m) => m.id !== held.meetingId);
    expect(later.length).toBeGreaterThanOrEqual(2);
    for (const m of later) approve(m.id);
    const before = later.map((m) => agendaState(m.id));
    expect(record(held.meetingId, held.itemId, "återremitterad")).toEqual({
      ok: true,
      carriedTo: null,
      noNextMeeting: true,
    });
    expect(later.map((m) => agendaState(m.id))).toEqual(before);
    // A meeting planned afterwards gets it when the § is saved again (it was never carried).
    const planned = meeting("2031-01-15");
    expect(record(held.meetingId, held.itemId, "återremitterad")).toMatchObject({
      carriedTo: { meetingId: planned.id },
    });
    expect(later.map((m) => agendaState(m.id))).toEqual(before);
  });

  it("carries the item to a later meeting the same day, never to an earlier one", () => {
    const morning = meeting("2026-10-01", "08:00");
    const held = heldWith("2026-10-01", "Rutinfrågan", "10:00");
    const afternoon = meeting("2026-10-01", "15:00");
    meeting("2026-11-01");
    expect(record(held.meetingId, held.itemId, "bordlagd")).toMatchObject({ carriedTo: { meetingId: afternoon.id } });
    expect(agendaOf(morning.id).some((i) => i.title === "Rutinfrågan")).toBe(false);
  });
});

describe("a locked agenda refuses every write in the write's own transaction", () => {
  // The pages ask agendaChangeRefusal before they write (tests/integration/agenda-lock.test.ts);
  // minutes approved between that check and the write must still change nothing.
  it("refuses to add, edit, move, remove or take in a proposal, and writes nothing", () => {
    const m = meeting("2026-09-01");
    const added = addAgendaItem("demo-samordnare", m.id, item("Före justeringen"), null);
    const proposal = createProposal(
      "demo-samordnare",
      m.id,
      {
        title: "Förslag",
        kind: "beslut",
        description: "",
        proposedDecision: "",
      },
      null,
    );
    approve(m.id);
    const before = { agenda: agendaState(m.id), audit: db.select().from(auditLog).all().length };
    const refusals = [
      () => addAgendaItem("demo-samordnare", m.id, item("Efter justeringen"), null),
      () => updateAgendaItem("demo-samordnare", added.id, added.version, item("Ändrad"), null),
      () => moveAgendaItem("demo-samordnare", m.id, added.id, "up"),
      () => removeAgendaItem("demo-samordnare", added.id),
      () => acceptProposal("demo-samordnare", proposal.id),
    ];
    for (const write of refusals) {
      let thrown: unknown;
      try {
        write();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(409);
    }
    expect({ agenda: agendaState(m.id), audit: db.select().from(auditLog).all().length }).toEqual(before);
  });
});
