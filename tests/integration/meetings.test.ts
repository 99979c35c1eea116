import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { agendaItems, auditLog, decisions } from "../../db/schema";
import { acceptProposal, createProposal, declineProposal, proposalsOf } from "~/models/meeting-proposals.server";
import { addAgendaItem, agendaOf, moveAgendaItem, updateAgendaItem } from "~/models/meeting-agenda.server";
import { agendaVersionsOf, publishNotice, snapshotOf } from "~/models/meeting-notice.server";
import { correctMinutes, minutesOf, saveMinutes, signMinutes, startMinutes } from "~/models/meeting-minutes.server";
import { createMeeting, getMeeting } from "~/models/meetings.server";
import { decisionsForExport } from "~/models/decisions.server";
import { search } from "~/models/search.server";
import type { Actor } from "~/domain/policy";
import { getUserById, loadActor } from "~/models/users.server";
import { agendaChanges } from "~/domain/meetings";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
beforeEach(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
});

const item = (title: string) => ({
  title,
  kind: "beslut" as const,
  presenter: "",
  minutesEstimate: null,
  description: "",
  proposedDecision: "",
  confidential: false,
  confidentialReason: "",
  matterId: null,
});

function newMeeting(date = "2027-02-12") {
  return createMeeting(
    "demo-samordnare",
    { bodyId: world.bodyIds.styrgrupp, date, startTime: "09:00", endTime: "12:00", place: "Östersund", videoUrl: "" },
    false,
  );
}

describe("agenda", () => {
  it("gives a new meeting the four standard items and puts new items before the closing", () => {
    const m = newMeeting();
    addAgendaItem("demo-samordnare", m.id, item("Budget 2027"), null);
    expect(agendaOf(m.id).map((i) => i.title)).toEqual([
      "Mötets öppnande",
      "Val av justerare",
      "Godkännande av dagordningen",
      "Budget 2027",
      "Mötets avslutande",
    ]);
  });

  it("reorders items and raises the calendar sequence", () => {
    const m = newMeeting();
    const added = addAgendaItem("demo-samordnare", m.id, item("Budget"), null);
    const seq = getMeeting(m.id)!.calendarSequence;
    moveAgendaItem("demo-samordnare", m.id, added.id, "up");
    expect(agendaOf(m.id)[2].title).toBe("Budget");
    expect(getMeeting(m.id)!.calendarSequence).toBeGreaterThan(seq);
  });

  it("refuses a stale edit of an item and keeps the other person's text", () => {
    const m = newMeeting();
    const added = addAgendaItem("demo-samordnare", m.id, item("Budget"), null);
    expect(updateAgendaItem("demo-samordnare", added.id, 1, { ...item("Budget 2027") }, null).ok).toBe(true);
    const stale = updateAgendaItem("demo-ifochef", added.id, 1, { ...item("Min rubrik") }, null);
    expect(stale).toMatchObject({ ok: false, conflict: { title: "Budget 2027", version: 2 } });
    expect(db.select().from(agendaItems).where(eq(agendaItems.id, added.id)).get()?.title).toBe("Budget 2027");
  });
});

describe("notice and changes since the notice", () => {
  it("freezes a version at publication and lists later changes", () => {
    const m = newMeeting();
    publishNotice("demo-samordnare", m.id);
    expect(getMeeting(m.id)!.status).toBe("kallelse skickad");
    addAgendaItem("demo-samordnare", m.id, item("Lokalfrågan"), null);
    const [notice] = agendaVersionsOf(m.id);
    expect(notice.versionNo).toBe(1);
    expect(agendaChanges(notice.items, snapshotOf(agendaOf(m.id)))).toEqual([{ type: "added", title: "Lokalfrågan" }]);
    publishNotice("demo-samordnare", m.id);
    expect(agendaVersionsOf(m.id).map((v) => v.versionNo)).toEqual([1, 2]);
  });
});

describe("proposals", () => {
  it("turns an accepted proposal into an agenda item and records a declined one's reason", () => {
    const m = newMeeting();
    const p1 = createProposal(
      "demo-ifochef",
      m.id,
      { title: "Rutin för närmottagningar", kind: "beslut", description: "", proposedDecision: "Godkänna rutinen" },
      null,
    );
    const p2 = createProposal(
      "demo-ifochef",
      m.id,
      { title: "Studiebesök", kind: "information", description: "", proposedDecision: "" },
      null,
    );
    const created = acceptProposal("demo-samordnare", p1.id);
    expect(created?.title).toBe("Rutin för närmottagningar");
    declineProposal("demo-samordnare", p2.id, "Tas upp i referensgruppen i stället");
    const list = proposalsOf(m.id);
    expect(list.map((p) => [p.status, p.declineReason])).toEqual([
      ["accepterat", ""],
      ["avslaget", "Tas upp i referensgruppen i stället"],
    ]);
    // Accepting twice does nothing.
    expect(acceptProposal("demo-samordnare", p1.id)).toBeNull();
  });
});

describe("minutes", () => {
  it("numbers paragraphs per body and year across meetings", () => {
    const a = newMeeting("2027-02-12");
    startMinutes("demo-samordnare", a.id);
    const b = newMeeting("2027-04-16");
    addAgendaItem("demo-samordnare", b.id, item("Verksamhetsplan"), null);
    startMinutes("demo-samordnare", b.id);
    expect(agendaOf(a.id).map((i) => i.paragraph)).toEqual([1, 2, 3, 4]);
    expect(agendaOf(b.id).map((i) => i.paragraph)).toEqual([5, 6, 7, 8, 9]);
    const nextYear = newMeeting("2028-01-20");
    startMinutes("demo-samordnare", nextYear.id);
    expect(agendaOf(nextYear.id)[0].paragraph).toBe(1);
  });

  it("saves the draft with a version check, approves when the chair and adjusters have signed, and then locks", () => {
    const m = newMeeting("2027-02-12");
    startMinutes("demo-samordnare", m.id);
    const items = agendaOf(m.id);
    const chair = world.personIds["Ingrid IFO-chef Östersund"];
    const adjuster = world.personIds["IFO-chef Berg"];
    const input = {
      attendance: [
        { personId: chair, status: "närvarande" as const, substituteForPersonId: null, adjuster: false },
        { personId: adjuster, status: "närvarande" as const, substituteForPersonId: null, adjuster: true },
      ],
      items: items.map((i) => ({
        id: i.id,
        minutesNote: "",
        decisionText: `Beslut om ${i.title}`,
        recordAsDecision: false,
        approvedImmediately: false,
      })),
    };
    expect(saveMinutes("demo-samordnare", m.id, 1, input).ok).toBe(true);
    expect(saveMinutes("demo-samordnare", m.id, 1, input)).toMatchObject({ ok: false, conflict: 2 });
    expect(signMinutes("demo-ifochef", m.id, chair, "ordförande")).toEqual({ approved: false });
    expect(signMinutes("demo-samordnare", m.id, adjuster, "justerare")).toEqual({ approved: true });
    expect(minutesOf(m.id)?.status).toBe("justerat");
    expect(getMeeting(m.id)?.status).toBe("protokoll justerat");
    expect(saveMinutes("demo-samordnare", m.id, 3, input)).toMatchObject({ ok: false, locked: true });
    const decided = db.select().from(decisions).where(eq(decisions.meetingId, m.id)).all();
    expect(decided).toHaveLength(4);
    expect(decided[0].text).toBe("Beslut om Mötets öppnande");
    expect(decided.every((d) => d.approval === "justerat" && d.approvedAt !== null)).toBe(true);
  });

  it("records a correction of approved minutes as a revision with its reason", () => {
    const m = newMeeting("2027-02-12");
    startMinutes("demo-samordnare", m.id);
    const [first] = agendaOf(m.id);
    correctMinutes("demo-samordnare", m.id, first.id, "Rättad text", "", "Fel datum i beslutet");
    expect(agendaOf(m.id)[0].decisionText).toBe("Rättad text");
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "correct")).get();
    expect(JSON.parse(entry!.after!).reason).toBe("Fel datum i beslutet");
  });
});

describe("the decision register follows the minutes", () => {
  const actorOf = (userId: string) => () => loadActor(getUserById(userId)!, "2026-11-23");
  const coordinator = actorOf("demo-samordnare");
  const svomMember = actorOf("demo-politiker");
  const outsider = actorOf("demo-ifochef");

  function minutesWith(meetingId: number, texts: Record<string, string>, extra: Partial<Record<string, object>> = {}) {
    return {
      attendance: [],
      items: agendaOf(meetingId).map((i) => ({
        id: i.id,
        minutesNote: "",
        decisionText: texts[i.title] ?? "",
        recordAsDecision: false,
        approvedImmediately: false,
        ...(extra[i.title] ?? {}),
      })),
    };
  }

  it("keeps a draft decision out of the register for anyone outside the body, and lists it for members as utkast", () => {
    const m = createMeeting(
      "demo-samordnare",
      {
        bodyId: world.bodyIds.svom,
        date: "2027-02-12",
        startTime: "09:00",
        endTime: "12:00",
        place: "Östersund",
        videoUrl: "",
      },
      true,
    );
    addAgendaItem("demo-samordnare", m.id, { ...item("Hemlig budgetram"), kind: "beslut" }, null);
    addAgendaItem("demo-samordnare", m.id, { ...item("Lägesrapport"), kind: "information" }, null);
    startMinutes("demo-samordnare", m.id);
    saveMinutes("demo-samordnare", m.id, 1, minutesWith(m.id, { "Hemlig budgetram": "Ramen fastställs." }));
    const titles = (actor: Actor | null) =>
      decisionsForExport(actor, { text: "budgetram" }).map((d) => [d.title, d.approval]);
    expect(titles(null)).toEqual([]);
    expect(titles(outsider())).toEqual([]);
    expect(titles(coordinator())).toEqual([["Hemlig budgetram", "utkast"]]);
    expect(titles(svomMember())).toEqual([["Hemlig budgetram", "utkast"]]);
    expect(search(null, "budgetram", {}).items.filter((r) => r.kind === "decision")).toEqual([]);
    expect(search(coordinator(), "budgetram", {}).items.filter((r) => r.kind === "decision")).toHaveLength(1);
    // The draft's words do not reach outsiders through the agenda item's index text either.
    publishNotice("demo-samordnare", m.id);
    expect(search(null, "fastställs", {}).items).toEqual([]);
    expect(
      search(svomMember(), "fastställs", {})
        .items.map((r) => r.kind)
        .sort(),
    ).toEqual(["agenda_item", "decision"]);
    // Procedural § and information not recorded as a decision never enter the register.
    const ofMeeting = decisionsForExport(coordinator(), {}).filter((d) => d.meetingId === m.id);
    expect(ofMeeting.map((d) => d.title)).toEqual(["Hemlig budgetram"]);
    const rows = db.select().from(decisions).where(eq(decisions.meetingId, m.id)).all();
    expect(rows.map((r) => [r.title, r.paragraph !== null, r.inRegister])).toEqual([
      ["Mötets öppnande", true, false],
      ["Val av justerare", true, false],
      ["Godkännande av dagordningen", true, false],
      ["Hemlig budgetram", true, true],
      ["Lägesrapport", true, false],
      ["Mötets avslutande", true, false],
    ]);
  });

  it("records an information item as a decision when the secretary says so", () => {
    const m = newMeeting("2026-11-20");
    addAgendaItem("demo-samordnare", m.id, { ...item("Lägesrapport"), kind: "information" }, null);
    startMinutes("demo-samordnare", m.id);
    saveMinutes(
      "demo-samordnare",
      m.id,
      1,
      minutesWith(
        m.id,
        { Lägesrapport: "Informationen läggs till handlingarna." },
        { Lägesrapport: { recordAsDecision: true } },
      ),
    );
    const row = db.select().from(decisions).where(eq(decisions.title, "Lägesrapport")).get();
    expect(row).toMatchObject({ inRegister: true, approval: "utkast" });
  });

  it("puts a § approved immediately into the register at once and locks its text", () => {
    const m = createMeeting(
      "demo-samordnare",
      {
        bodyId: world.bodyIds.svom,
        date: "2026-11-20",
        startTime: "09:00",
        endTime: "12:00",
        place: "Östersund",
        videoUrl: "",
      },
      true,
    );
    addAgendaItem("demo-samordnare", m.id, item("Brådskande yttrande"), null);
    startMinutes("demo-samordnare", m.id);
    saveMinutes(
      "demo-samordnare",
      m.id,
      1,
      minutesWith(
        m.id,
        { "Brådskande yttrande": "Yttrandet antas." },
        { "Brådskande yttrande": { approvedImmediately: true } },
      ),
    );
    expect(decisionsForExport(null, { text: "Brådskande" }).map((d) => [d.title, d.approval])).toEqual([
      ["Brådskande yttrande", "justerat"],
    ]);
    saveMinutes("demo-samordnare", m.id, 2, minutesWith(m.id, { "Brådskande yttrande": "Ändrad i efterhand." }));
    expect(db.select().from(decisions).where(eq(decisions.title, "Brådskande yttrande")).get()?.text).toBe(
      "Yttrandet antas.",
    );
  });

  it("refuses a decision row that claims approval without a time, or an unknown approval", () => {
    const base = { bodyId: world.bodyIds.svom, year: 2027, decidedOn: "2027-01-01", title: "x", text: "y" };
    expect(() =>
      db
        .insert(decisions)
        .values({ ...base, approval: "justerat" })
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .insert(decisions)
        .values({ ...base, approval: "godkänt" as "justerat", approvedAt: "2027-01-01T00:00:00Z" })
        .run(),
    ).toThrow(/CHECK/);
  });
});
