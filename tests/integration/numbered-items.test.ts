/**
 * Once the minutes number an item, its § has a row in the decision register, and the register
 * must say what the minutes and the extract say: the item's title, matter, kind and publicity
 * while the § is a draft (`draftDecisionOf`), and nothing new once the § is approved at the
 * meeting (omedelbar justering, `immediatelyApprovedRefusal`, `paragraphStepRefusal`). A
 * numbered item is not removed (`itemRemovalRefusal`): the § and its register row stay.
 * Written through the model functions every page uses, as the secretary.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DemoWorld } from "../../db/demo-world";
import type { Db } from "../../db/connection";
import { agendaItems, matters, meetings } from "../../db/schema";
import { draftDecisionOf } from "~/domain/minutes";
import {
  addAgendaItem,
  getAgendaItem,
  removeAgendaItem,
  updateAgendaItem,
  decisionOfAgendaItem,
} from "~/models/meeting-agenda.server";
import { minutesOf, saveMinutes, startMinutes } from "~/models/meeting-minutes.server";
import { saveParagraph } from "~/models/meeting-paragraphs.server";
import { createSession } from "~/auth/sessions.server";
import * as extractPage from "~/routes/moten.$meetingId.utdrag.$itemId";
import { decisionItem, secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

const SECRETARY = "demo-samordnare";

let db: Db;
let world: DemoWorld;

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
});

/** A public meeting held before today with one decision item, its minutes begun (§ numbered). */
function numberedItem(title: string) {
  const meeting = secretaryMeeting(world.bodyIds.styrgrupp, "2026-11-20", { isPublic: true });
  const item = addAgendaItem(SECRETARY, meeting.id, decisionItem(title), null);
  startMinutes(SECRETARY, meeting.id);
  return { meetingId: meeting.id, itemId: item.id };
}

/** What the register holds of an item's § against what the minutes (the item) say. */
function registerAndMinutes(itemId: number) {
  const item = getAgendaItem(itemId)!;
  const meeting = db.select().from(meetings).where(eq(meetings.id, item.meetingId)).get()!;
  const row = decisionOfAgendaItem(itemId)!;
  const { title, matterId, kind, isPublic, inRegister } = row;
  return { register: { title, matterId, kind, isPublic, inRegister }, minutes: draftDecisionOf(item, meeting) };
}

function thrown(fn: () => unknown): { status: number; text: Promise<string> } | unknown {
  try {
    fn();
  } catch (e) {
    return e instanceof Response ? { status: e.status, text: e.text() } : e;
  }
  return null;
}

describe("an item edited after the minutes numbered it", () => {
  it("carries every edit the register copies into its draft decision row", () => {
    const { itemId } = numberedItem("Budget 2027");
    const matter = db.select().from(matters).get()!;
    const edits = [
      { title: "Budget 2027, reviderad" },
      { kind: "rekommendation till parterna" as const },
      { matterId: matter.id },
      { confidential: true, confidentialReason: "OSL 19 kap. 3 §" },
      { kind: "information" as const },
    ];
    for (const edit of edits) {
      const current = getAgendaItem(itemId)!;
      const saved = updateAgendaItem(
        SECRETARY,
        itemId,
        current.version,
        { ...decisionItem(current.title), ...edit },
        null,
      );
      expect(saved.ok).toBe(true);
      const { register, minutes } = registerAndMinutes(itemId);
      expect(register, JSON.stringify(edit)).toEqual(minutes);
      // The register row's change is in the audit log, with before and after.
      const logged = db.$client
        .prepare(
          "SELECT user_id AS userId, before, after FROM audit_log WHERE entity_type = 'decision' AND entity_id = ? ORDER BY id DESC LIMIT 1",
        )
        .get(String(decisionOfAgendaItem(itemId)!.id)) as { userId: string; before: string; after: string };
      expect(logged.userId).toBe(SECRETARY);
      expect(JSON.parse(logged.after)).toMatchObject(register);
      expect(JSON.parse(logged.before)).not.toMatchObject(register);
    }
  });

  it("never leaves a confidential item's decision public", () => {
    const { itemId } = numberedItem("Lokalhyra");
    expect(decisionOfAgendaItem(itemId)!.isPublic).toBe(true);
    const current = getAgendaItem(itemId)!;
    updateAgendaItem(
      SECRETARY,
      itemId,
      current.version,
      { ...decisionItem("Lokalhyra"), confidential: true, confidentialReason: "OSL 31 kap. 16 §" },
      null,
    );
    expect(decisionOfAgendaItem(itemId)!.isPublic).toBe(false);
  });
});

describe("a numbered item is not removed", () => {
  it("refuses with a message, not a database error, and keeps the § and its register row", async () => {
    const { meetingId, itemId } = numberedItem("Lokaler");
    const paragraph = decisionOfAgendaItem(itemId)!.paragraph;
    const refusal = thrown(() => removeAgendaItem(SECRETARY, itemId)) as { status: number; text: Promise<string> };
    expect(refusal).toMatchObject({ status: 409 });
    expect(await refusal.text).toContain(`§ ${paragraph}`);
    expect(getAgendaItem(itemId)?.meetingId).toBe(meetingId);
    expect(decisionOfAgendaItem(itemId)?.paragraph).toBe(paragraph);
  });
});

describe("a § approved at the meeting (omedelbar justering)", () => {
  function approvedImmediately(title: string) {
    const { meetingId, itemId } = numberedItem(title);
    const saved = saveMinutes(SECRETARY, meetingId, minutesOf(meetingId)!.version, {
      actingChairPersonId: null,
      secretaryPersonId: null,
      adjustmentPlace: "",
      adjustmentDate: null,
      attendance: [],
      items: [
        {
          id: itemId,
          minutesNote: "",
          decisionText: "Avtalet godkänns.",
          recordAsDecision: false,
          approvedImmediately: true,
        },
      ],
    });
    expect(saved.ok).toBe(true);
    return { meetingId, itemId, approved: decisionOfAgendaItem(itemId)! };
  }

  it("stays in the register as approved when the secretary records a bordläggning on it", () => {
    const { meetingId, itemId, approved } = approvedImmediately("Samarbetsavtal");
    expect(approved).toMatchObject({ approval: "justerat", inRegister: true });
    const result = saveParagraph(SECRETARY, meetingId, itemId, {
      procedure: "acklamation",
      outcome: "bordlagd",
      dispatchTo: "",
      motions: [],
      positions: [],
    });
    expect(result.ok).toBe(false);
    expect(decisionOfAgendaItem(itemId)).toEqual(approved);
    expect(getAgendaItem(itemId)).toMatchObject({ outcome: "beslut", decisionText: "Avtalet godkänns." });
    // Nothing was carried to a later meeting.
    expect(db.select().from(agendaItems).where(eq(agendaItems.carriedFromItemId, itemId)).all()).toEqual([]);
  });

  it("has an extract that says it is approved, as the register does, while the minutes are a draft", async () => {
    const { meetingId, itemId, approved } = approvedImmediately("Lokalavtal");
    const cookie = (await createSession(SECRETARY)).split(";")[0];
    const extract = await extractPage.loader({
      request: new Request(`http://localhost/moten/${meetingId}/utdrag/${itemId}`, { headers: { Cookie: cookie } }),
      params: { meetingId: String(meetingId), itemId: String(itemId) },
      context: {},
    });
    expect(approved.approval).toBe("justerat");
    expect(extract.minutesApproved).toBe(false);
    expect(extract.approval).toEqual({ approved: true, immediately: true, approvedAt: approved.approvedAt });
  });

  it("refuses an edit of its item, so the register keeps the approved title and publicity", () => {
    const { itemId, approved } = approvedImmediately("Verksamhetsplan");
    const current = getAgendaItem(itemId)!;
    const refusal = thrown(() =>
      updateAgendaItem(
        SECRETARY,
        itemId,
        current.version,
        { ...decisionItem("Något annat"), confidential: true, confidentialReason: "x" },
        null,
      ),
    );
    expect(refusal).toMatchObject({ status: 409 });
    expect(getAgendaItem(itemId)!.title).toBe("Verksamhetsplan");
    expect(decisionOfAgendaItem(itemId)).toEqual(approved);
  });
});
