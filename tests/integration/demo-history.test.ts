import { and, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import { HISTORY_MEETINGS, SVOM_FEBRUARY_2023, type DemoWorld } from "../../db/demo-world";
import {
  agendaItems,
  decisions,
  exampleFacts,
  matters,
  meetings,
  memberships,
  minutes,
  recommendationParties,
  users,
} from "../../db/schema";
import { allSigned, requiredSignersOf, signerProblems } from "~/domain/minutes";
import { isExample, searchHitExample } from "~/domain/example-facts";
import { exampleMarksOf, meetingExampleMarks, searchHitMarks } from "~/models/example-facts.server";
import { updateMembership } from "~/models/memberships.server";
import { membersOfBody, pageOfFormerMembers } from "~/models/bodies.server";
import { search } from "~/models/search.server";
import { loadActor } from "~/models/users.server";
import { participantsOf, signaturesOf, signerChoiceOf } from "~/models/meeting-minutes.server";
import { getMeeting, updateMeeting } from "~/models/meetings.server";
import { decisionsForExport } from "~/models/decisions.server";
import { allOf } from "../support/batches";
import { demoDatabase } from "../support/test-db";

/** The marks of every item of a meeting, as the coordinator (who may open every decision) is shown them. */
function marksOfWholeMeeting(meetingId: number) {
  const ids = db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).all();
  const user = db.select().from(users).where(eq(users.id, "demo-samordnare")).get()!;
  return meetingExampleMarks(
    loadActor(user, "2026-11-23"),
    meetingId,
    ids.map((i) => i.id),
  );
}

let db: Db;
let world: DemoWorld;
beforeEach(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
});

const historyMeetings = () =>
  db
    .select()
    .from(meetings)
    .where(inArray(meetings.bodyId, [world.bodyIds.svom, world.bodyIds.barnarenan]))
    .all()
    .filter((m) => m.date < "2024-01-01");

describe("the seeded 2021–2023 history", () => {
  it("has every held meeting of the sources, each with approved minutes signed by the signers the rules require", () => {
    const held = historyMeetings();
    expect(held.map((m) => m.date).sort()).toEqual([...HISTORY_MEETINGS.svom, ...HISTORY_MEETINGS.barnarenan].sort());
    for (const m of held) {
      expect(m.status).toBe("protokoll justerat");
      const record = db.select().from(minutes).where(eq(minutes.meetingId, m.id)).get();
      expect(record?.status, m.date).toBe("justerat");
      const choice = signerChoiceOf(m.id);
      // The acting chair, the secretary and an elected justerare who was present: no problems.
      expect(signerProblems(choice, participantsOf(m.id)), m.date).toEqual({});
      expect(choice.adjusterPersonIds).toHaveLength(1);
      const required = requiredSignersOf(choice);
      expect(required.map((s) => s.role).sort()).toEqual(["justerare", "ordförande", "sekreterare"]);
      expect(
        allSigned(
          required,
          signaturesOf(m.id).map((s) => s.personId),
        ),
        m.date,
      ).toBe(true);
      // Approved on or after the meeting's day, and every register § has its decision text.
      expect(record!.approvedAt! >= m.date).toBe(true);
      const items = db.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id)).all();
      const rows = db.select().from(decisions).where(eq(decisions.meetingId, m.id)).all();
      expect(rows).toHaveLength(items.length);
      for (const d of rows) {
        expect(d.approval).toBe("justerat");
        if (d.inRegister) expect(d.text.trim()).not.toBe("");
      }
    }
  });

  it("records the decisions the sources state, and none where they say none was taken", async () => {
    const inRegister = (date: string) =>
      db
        .select()
        .from(decisions)
        .where(and(eq(decisions.decidedOn, date), eq(decisions.inRegister, true)))
        .all();
    // 2021-12-03: the needs inventory was presented; "dock togs inget beslut".
    expect(inRegister("2021-12-03")).toEqual([]);
    expect(inRegister("2022-02-25")[0].text).toContain("200 000 kronor");
    const june = inRegister("2022-06-03")[0];
    expect(june.text).toContain("50,75 procent");
    expect(june.text).toContain("oktober 2022");
    expect(inRegister("2022-10-07")[0].text).toContain("2022-12-02");
    expect(inRegister("2022-12-02")[0].text).toContain("februari 2023");
    // The public register holds them as approved SVOM decisions.
    expect((await allOf(decisionsForExport(null, { year: 2022 }))).map((d) => d.decidedOn)).toEqual(
      expect.arrayContaining(["2022-02-25", "2022-06-03", "2022-10-07", "2022-12-02"]),
    );
  });

  it("marks what the sources do not state as example data", () => {
    const june = db
      .select()
      .from(meetings)
      .where(and(eq(meetings.bodyId, world.bodyIds.svom), eq(meetings.date, "2022-06-03")))
      .get()!;
    const { marks, decisionOfItem } = marksOfWholeMeeting(june.id);
    expect(isExample(marks, "meeting", june.id, "place")).toBe(true);
    expect(isExample(marks, "meeting", june.id, "time")).toBe(true);
    // The date is in the sources.
    expect(isExample(marks, "meeting", june.id, "date")).toBe(false);
    expect(isExample(marks, "minutes", june.id, "attendance")).toBe(true);
    expect(isExample(marks, "minutes", june.id, "adjustment")).toBe(true);
    const items = db.select().from(agendaItems).where(eq(agendaItems.meetingId, june.id)).all();
    const matterItem = items.find((i) => i.title === "Rekommendation om inriktningsbeslut")!;
    expect(isExample(marks, "decision", decisionOfItem[matterItem.id], "paragraph")).toBe(true);
    // The decision's words are the sources'.
    expect(isExample(marks, "decision", decisionOfItem[matterItem.id], "text")).toBe(false);

    const february = db
      .select()
      .from(meetings)
      .where(and(eq(meetings.bodyId, world.bodyIds.svom), eq(meetings.date, SVOM_FEBRUARY_2023)))
      .get()!;
    const feb = marksOfWholeMeeting(february.id);
    expect(isExample(feb.marks, "meeting", february.id, "date")).toBe(true);
    const agreementItem = db
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, february.id), eq(agendaItems.title, "Rekommendation om samarbetsavtal")))
      .get()!;
    // The sources hold the proposal, not the minutes.
    expect(isExample(feb.marks, "decision", feb.decisionOfItem[agreementItem.id], "text")).toBe(true);

    // Which municipality first declined in 2022 is the demo's.
    const ragunda = db
      .select()
      .from(recommendationParties)
      .where(eq(recommendationParties.organisationId, world.organisationIds.Ragunda))
      .all();
    expect(ragunda.length).toBeGreaterThan(0);
    const answerMarks = exampleMarksOf({ "recommendation-party": ragunda.map((r) => r.id) });
    for (const r of ragunda) expect(isExample(answerMarks, "recommendation-party", r.id, "answer")).toBe(true);
  });

  it("drops a mark when the secretary records the real value, and keeps the others", () => {
    const m = historyMeetings().find((x) => x.date === "2022-10-07")!;
    const saved = updateMeeting("demo-samordnare", m.id, m.version, {
      date: m.date,
      startTime: m.startTime,
      endTime: m.endTime,
      place: "Regionens hus, sal Storsjön",
      videoUrl: m.videoUrl,
    });
    expect(saved.ok).toBe(true);
    const { marks } = marksOfWholeMeeting(m.id);
    expect(isExample(marks, "meeting", m.id, "place")).toBe(false);
    expect(isExample(marks, "meeting", m.id, "time")).toBe(true);
    expect(getMeeting(m.id)?.place).toBe("Regionens hus, sal Storsjön");
  });

  it("lets the database refuse a field that is not a known example field", () => {
    expect(() => db.insert(exampleFacts).values({ entity: "meeting", entityId: 1, field: "status" }).run()).toThrow(
      /CHECK/,
    );
  });

  it("marks the example facts a search hit shows, as the object's own page does", async () => {
    const user = db.select().from(users).where(eq(users.id, "demo-samordnare")).get()!;
    const coordinator = loadActor(user, "2026-11-23");
    // A procedural §'s wording is the demo's: its agenda item is found by it, and marked.
    const procedural = (
      await search(coordinator, "förklarar mötet öppnat", { kind: "agenda_item" }, { page: 1, size: 50 })
    ).items;
    expect(procedural.length).toBeGreaterThanOrEqual(HISTORY_MEETINGS.svom.length);
    const procMarks = searchHitMarks(procedural);
    for (const hit of procedural) {
      const example = searchHitExample(hit, procMarks.decisionOfItem);
      expect(example?.shownIn, hit.href).toBe("snippet");
      expect(isExample(procMarks.marks, "decision", example!.id, "text"), hit.href).toBe(true);
      // The mark belongs to that item's own decision.
      const decision = db.select().from(decisions).where(eq(decisions.id, example!.id)).get()!;
      expect(decision.agendaItemId).toBe(hit.refId);
    }

    // The February 2023 decision's wording is an example; the June 2022 decision's is the sources'.
    const register = (await search(null, "rekommendera kommunerna", { kind: "decision" }, { page: 1, size: 50 })).items;
    const marked = searchHitMarks(register);
    const byDay = (day: string) => {
      const row = db
        .select()
        .from(decisions)
        .where(and(eq(decisions.decidedOn, day), eq(decisions.inRegister, true)))
        .get()!;
      const hit = register.find((h) => h.refId === row.id);
      expect(hit, day).toBeDefined();
      expect(searchHitExample(hit!, marked.decisionOfItem)).toEqual({
        shownIn: "snippet",
        entity: "decision",
        id: row.id,
        field: "text",
      });
      return isExample(marked.marks, "decision", row.id, "text");
    };
    expect(byDay(SVOM_FEBRUARY_2023)).toBe(true);
    expect(byDay("2022-06-03")).toBe(false);

    // A matter's title starts with its registry number, which is the demo's.
    const matterHits = (await search(coordinator, "Länsgemensam", { kind: "matter" })).items;
    const matter = db.select().from(matters).where(eq(matters.registryNumber, "SVOM 2021/07")).get()!;
    const hit = matterHits.find((h) => h.refId === matter.id)!;
    expect(hit.title).toContain("SVOM 2021/07");
    const matterMarks = searchHitMarks(matterHits);
    expect(searchHitExample(hit, matterMarks.decisionOfItem)).toEqual({
      shownIn: "title",
      entity: "matter",
      id: matter.id,
      field: "registryNumber",
    });
    expect(isExample(matterMarks.marks, "matter", matter.id, "registryNumber")).toBe(true);

    // The marks of a page answer only for the hits on it.
    expect(searchHitMarks([])).toEqual({ marks: [], decisionOfItem: {} });
    expect(searchHitMarks([{ kind: "document", refId: matter.id }]).marks).toEqual([]);
  });

  it("marks the seats of SVOM's previous term and of Barnarenan as examples, not SVOM's current ones", async () => {
    const svom = {
      ...membersOfBody(world.bodyIds.svom, "2026-11-23"),
      former: (await pageOfFormerMembers(world.bodyIds.svom, "2026-11-23", { page: 1, size: 50 })).items,
    };
    // The whole previous term (2021–2022): eight municipal politicians, the region's and the secretary.
    expect(svom.former).toHaveLength(10);
    const marks = exampleMarksOf({ membership: [...svom.current, ...svom.former].map((m) => m.membershipId) });
    for (const m of svom.former)
      expect(isExample(marks, "membership", m.membershipId, "term"), m.personName).toBe(true);
    for (const m of svom.current)
      expect(isExample(marks, "membership", m.membershipId, "term"), m.personName).toBe(false);
    const barnarenan = membersOfBody(world.bodyIds.barnarenan, "2026-11-23").current;
    expect(barnarenan.length).toBeGreaterThan(0);
    const bMarks = exampleMarksOf({ membership: barnarenan.map((m) => m.membershipId) });
    for (const m of barnarenan) expect(isExample(bMarks, "membership", m.membershipId, "term")).toBe(true);
  });

  it("keeps a seat's mark when it is only ended, and drops it when the coordinator records when it began", () => {
    const seat = db
      .select()
      .from(memberships)
      .where(and(eq(memberships.bodyId, world.bodyIds.barnarenan), eq(memberships.role, "ordförande")))
      .get()!;
    const value = {
      personId: seat.personId,
      organisationId: seat.organisationId,
      role: seat.role,
      startDate: seat.startDate,
      endDate: seat.endDate,
      note: seat.note,
    };
    const ended = updateMembership("demo-samordnare", seat.id, seat.version, { ...value, endDate: "2026-06-30" });
    expect(ended.ok).toBe(true);
    expect(isExample(exampleMarksOf({ membership: [seat.id] }), "membership", seat.id, "term")).toBe(true);
    const recorded = updateMembership("demo-samordnare", seat.id, seat.version + 1, {
      ...value,
      endDate: "2026-06-30",
      startDate: "2020-07-01",
    });
    expect(recorded.ok).toBe(true);
    expect(isExample(exampleMarksOf({ membership: [seat.id] }), "membership", seat.id, "term")).toBe(false);
    // The other seats keep theirs.
    const others = db.select().from(memberships).where(eq(memberships.bodyId, world.bodyIds.barnarenan)).all();
    const otherMarks = exampleMarksOf({ membership: others.map((o) => o.id) });
    expect(others.filter((o) => isExample(otherMarks, "membership", o.id, "term"))).toHaveLength(others.length - 1);
  });
});
