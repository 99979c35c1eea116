import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { agendaItems, auditLog, decisions, itemPositions, minutesSignatures } from "../../db/schema";
import { acceptProposal, createProposal, declineProposal, proposalsOf } from "~/models/meeting-proposals.server";
import { addAgendaItem, agendaOf, moveAgendaItem, updateAgendaItem } from "~/models/meeting-agenda.server";
import { agendaVersionsOf, noticeViewFor, publishNotice, snapshotOf } from "~/models/meeting-notice.server";
import {
  correctMinutes,
  markHeld,
  minutesOf,
  postMinutes,
  saveMinutes,
  sendForSigning,
  signCorrection,
  signerChoiceOf,
  signMinutes,
  startMinutes,
} from "~/models/meeting-minutes.server";
import { paragraphDetailsOf, saveParagraph } from "~/models/meeting-paragraphs.server";
import { getMeeting, updateMeeting } from "~/models/meetings.server";
import { decisionsForExport } from "~/models/decisions.server";
import { search } from "~/models/search.server";
import type { Actor } from "~/domain/policy";
import { getUserById, loadActor } from "~/models/users.server";
import { agendaChanges } from "~/domain/meetings";
import { allOf } from "../support/batches";
import { decisionItem as item, secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
beforeEach(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
});

const newMeeting = (date = "2027-02-12") => secretaryMeeting(world.bodyIds.styrgrupp, date);

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

describe("a notice changed after publication", () => {
  it("shows members the published version until the secretary publishes a new one, and lists what changed", () => {
    const m = newMeeting();
    addAgendaItem("demo-samordnare", m.id, item("Budget"), null);
    publishNotice("demo-samordnare", m.id);
    updateMeeting("demo-samordnare", m.id, getMeeting(m.id)!.version, {
      date: "2027-02-19",
      startTime: "10:00",
      endTime: "12:00",
      place: "Krokom",
      videoUrl: "",
    });
    addAgendaItem("demo-samordnare", m.id, item("Lokalfrågan"), null);
    const meeting = getMeeting(m.id)!;
    const member = noticeViewFor(meeting, agendaOf(m.id), { canManage: false, minutesBegun: false });
    expect(member.meeting).toMatchObject({ date: "2027-02-12", startTime: "09:00", place: "Östersund" });
    expect(member.items.map((i) => i.title)).not.toContain("Lokalfrågan");
    expect(member.unpublished).toBeNull();
    expect(member.history).toEqual([]);
    const secretary = noticeViewFor(meeting, agendaOf(m.id), { canManage: true, minutesBegun: false });
    expect(secretary.meeting.date).toBe("2027-02-19");
    expect(secretary.unpublished).toEqual([
      "Ny tid: 2027-02-19 10:00–12:00 (var 2027-02-12 09:00–12:00)",
      "Ny plats: Krokom (var Östersund)",
      "Ny punkt: Lokalfrågan",
    ]);
    publishNotice("demo-samordnare", m.id);
    const after = noticeViewFor(getMeeting(m.id)!, agendaOf(m.id), { canManage: false, minutesBegun: false });
    expect(after.meeting.date).toBe("2027-02-19");
    expect(after.items.map((i) => i.title)).toContain("Lokalfrågan");
    expect(after.latest?.versionNo).toBe(2);
    expect(after.history).toEqual([{ versionNo: 2, publishedAt: expect.any(String), changes: secretary.unpublished }]);
    expect(
      noticeViewFor(getMeeting(m.id)!, agendaOf(m.id), { canManage: true, minutesBegun: false }).unpublished,
    ).toEqual([]);
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

  const header = { actingChairPersonId: null, secretaryPersonId: null, adjustmentPlace: "", adjustmentDate: null };

  function heldMeeting(date = "2026-11-20") {
    const m = newMeeting(date);
    startMinutes("demo-samordnare", m.id);
    markHeld("demo-samordnare", m.id);
    return m;
  }

  /**
   * A held meeting's minutes with the chair and one justerare present and a decision on the
   * budget item, signed by the secretary, the chair and the justerare: approved (justerat).
   */
  function approveWithBudgetDecided(meetingId: number, budgetItemId: number) {
    const secretary = world.personIds["Sara Samordnare"];
    const chair = world.personIds["Ingrid IFO-chef Östersund"];
    const adjuster = world.personIds["IFO-chef Berg"];
    saveMinutes("demo-samordnare", meetingId, 1, {
      ...header,
      attendance: [
        { personId: chair, status: "närvarande", substituteForPersonId: null, adjuster: false },
        { personId: adjuster, status: "närvarande", substituteForPersonId: null, adjuster: true },
      ],
      items: agendaOf(meetingId).map((i) => ({
        id: i.id,
        minutesNote: "",
        decisionText: i.id === budgetItemId ? "Budgeten fastställs." : "",
        recordAsDecision: false,
        approvedImmediately: false,
      })),
    });
    for (const p of [secretary, chair, adjuster]) signMinutes("demo-samordnare", meetingId, p, "2026-11-20");
    return { secretary, chair, adjuster };
  }

  it("never marks the meeting held by starting or saving the minutes; the secretary does", () => {
    const m = newMeeting("2026-11-20");
    startMinutes("demo-samordnare", m.id);
    saveMinutes("demo-samordnare", m.id, 1, { ...header, attendance: [], items: [] });
    expect(getMeeting(m.id)?.status).toBe("planerat");
    markHeld("demo-samordnare", m.id);
    expect(getMeeting(m.id)?.status).toBe("genomfört");
  });

  it("with the chair absent: the vice chair leads and signs with the secretary and two elected justerare", () => {
    const m = heldMeeting();
    const chair = world.personIds["Ingrid IFO-chef Östersund"];
    const vice = world.personIds["Verksamhetschef Regionen"];
    const secretary = world.personIds["Sara Samordnare"];
    const [a, b] = [world.personIds["IFO-chef Berg"], world.personIds["IFO-chef Åre"]];
    const row = (personId: number, status: "närvarande" | "frånvarande", adjuster = false) => ({
      personId,
      status,
      substituteForPersonId: null,
      adjuster,
    });
    const items = agendaOf(m.id).map((i) => ({
      id: i.id,
      minutesNote: "",
      decisionText: "",
      recordAsDecision: false,
      approvedImmediately: false,
    }));
    expect(
      saveMinutes("demo-samordnare", m.id, 1, {
        ...header,
        attendance: [
          row(chair, "frånvarande"),
          row(vice, "närvarande"),
          row(secretary, "närvarande"),
          row(a, "närvarande", true),
          row(b, "närvarande", true),
        ],
        items,
      }).ok,
    ).toBe(true);
    expect(signerChoiceOf(m.id)).toEqual({
      actingChairPersonId: vice,
      secretaryPersonId: secretary,
      adjusterPersonIds: [a, b],
    });
    // The formal chair was absent and is no signer.
    expect(signMinutes("demo-ifochef", m.id, chair, "2026-11-20")).toEqual({ ok: false, notSigner: true });
    expect(signMinutes("demo-samordnare", m.id, vice, "2026-11-20")).toMatchObject({
      ok: true,
      approved: false,
      role: "ordförande",
    });
    expect(signMinutes("demo-samordnare", m.id, a, "2026-11-20")).toMatchObject({ ok: true, approved: false });
    expect(signMinutes("demo-samordnare", m.id, b, "2026-11-20")).toMatchObject({ ok: true, approved: false });
    expect(signMinutes("demo-samordnare", m.id, secretary, "2026-11-21")).toMatchObject({ ok: true, approved: true });
    expect(minutesOf(m.id)?.status).toBe("justerat");
    expect(getMeeting(m.id)?.status).toBe("protokoll justerat");
    expect(saveMinutes("demo-samordnare", m.id, 2, { ...header, attendance: [], items })).toMatchObject({
      ok: false,
      locked: true,
    });
  });

  it("refuses approval before the meeting's day, before it is held, and with an empty decision", () => {
    const m = newMeeting("2026-11-20");
    addAgendaItem("demo-samordnare", m.id, item("Verksamhetsplan"), null);
    startMinutes("demo-samordnare", m.id);
    const secretary = world.personIds["Sara Samordnare"];
    const early = signMinutes("demo-samordnare", m.id, secretary, "2026-11-19");
    expect(early).toMatchObject({ ok: false });
    expect("problems" in early && early.problems).toContain(
      "Protokollet kan inte justeras före mötesdagen 2026-11-20.",
    );
    const notHeld = signMinutes("demo-samordnare", m.id, secretary, "2026-11-20");
    expect("problems" in notHeld && notHeld.problems).toContain("Sekreteraren har inte markerat mötet som genomfört.");
    markHeld("demo-samordnare", m.id);
    const empty = signMinutes("demo-samordnare", m.id, secretary, "2026-11-20");
    expect("problems" in empty && empty.problems.join(" ")).toMatch(/§ \d+ Verksamhetsplan saknar beslutstext\./);
    expect(db.select().from(minutesSignatures).where(eq(minutesSignatures.meetingId, m.id)).all()).toEqual([]);
  });

  it("needs the same signers again before a correction changes the register", () => {
    const m = heldMeeting();
    const budget = addAgendaItem("demo-samordnare", m.id, item("Budget"), null);
    const { secretary, chair, adjuster } = approveWithBudgetDecided(m.id, budget.id);
    expect(minutesOf(m.id)?.status).toBe("justerat");
    const text = () => db.select().from(decisions).where(eq(decisions.agendaItemId, budget.id)).get()?.text;
    expect(
      correctMinutes(
        "demo-samordnare",
        m.id,
        budget.id,
        "Budgeten fastställs till 5 720 000 kr.",
        "",
        "Beloppet saknades",
      ).ok,
    ).toBe(true);
    expect(correctMinutes("demo-samordnare", m.id, budget.id, "Annat", "", "Två på en gång")).toEqual({
      ok: false,
      problem: "En rättelse väntar redan på justering. Den måste justeras innan nästa görs.",
    });
    expect(text()).toBe("Budgeten fastställs.");
    expect(signCorrection("demo-samordnare", m.id, world.personIds["IFO-chef Åre"])).toMatchObject({
      ok: false,
      notSigner: true,
    });
    signCorrection("demo-samordnare", m.id, secretary);
    signCorrection("demo-ifochef", m.id, chair);
    expect(text()).toBe("Budgeten fastställs.");
    expect(signCorrection("demo-samordnare", m.id, adjuster)).toEqual({ ok: true, approved: true });
    expect(text()).toBe("Budgeten fastställs till 5 720 000 kr.");
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "correct")).get();
    expect(JSON.parse(entry!.after!).reason).toBe("Beloppet saknades");
  });

  it("refuses each step of the minutes in the wrong state with the domain's reason, and writes nothing", () => {
    const m = newMeeting("2026-11-20");
    const budget = addAgendaItem("demo-samordnare", m.id, item("Budget"), null);
    const secretary = world.personIds["Sara Samordnare"];
    const paragraph = {
      procedure: "acklamation" as const,
      outcome: "beslut" as const,
      dispatchTo: "",
      motions: [],
      positions: [],
    };
    const audits = () => db.select().from(auditLog).all().length;
    // Not started.
    const before = audits();
    expect(signMinutes("demo-samordnare", m.id, secretary, "2026-11-20")).toEqual({
      ok: false,
      problems: ["Protokollet är inte påbörjat."],
    });
    expect(sendForSigning("demo-samordnare", m.id, "2026-11-20")).toEqual({
      ok: false,
      problems: ["Protokollet är inte påbörjat."],
    });
    expect(() => saveMinutes("demo-samordnare", m.id, 1, { ...header, attendance: [], items: [] })).toThrow();
    expect(saveParagraph("demo-samordnare", m.id, budget.id, paragraph)).toEqual({
      ok: false,
      locked: true,
      problem: "Protokollet är inte påbörjat.",
    });
    expect(postMinutes("demo-samordnare", m.id, "2026-11-23", "Kansliet")).toEqual({ ok: false });
    // A draft is not corrected: it is changed directly.
    startMinutes("demo-samordnare", m.id);
    expect(correctMinutes("demo-samordnare", m.id, budget.id, "Rättat", "", "Skäl")).toEqual({
      ok: false,
      problem: "Rättelser görs bara i justerade protokoll; ändra utkastet direkt.",
    });
    expect(postMinutes("demo-samordnare", m.id, "2026-11-23", "Kansliet")).toEqual({ ok: false });
    expect(audits()).toBe(before + 1); // only the start
    // Approved: the draft's steps are over.
    markHeld("demo-samordnare", m.id);
    approveWithBudgetDecided(m.id, budget.id);
    expect(minutesOf(m.id)?.status).toBe("justerat");
    expect(signMinutes("demo-samordnare", m.id, secretary, "2026-11-20")).toEqual({
      ok: false,
      problems: ["Protokollet är redan justerat."],
    });
    expect(sendForSigning("demo-samordnare", m.id, "2026-11-20")).toEqual({
      ok: false,
      problems: ["Protokollet är redan justerat."],
    });
    expect(saveParagraph("demo-samordnare", m.id, budget.id, paragraph)).toEqual({
      ok: false,
      locked: true,
      problem: "Protokollet är justerat. Gör en rättelse i stället.",
    });
    expect(saveMinutes("demo-samordnare", m.id, 2, { ...header, attendance: [], items: [] })).toMatchObject({
      ok: false,
      locked: true,
      problem: expect.stringContaining("Gör en rättelse med ett skäl"),
    });
    expect(postMinutes("demo-samordnare", m.id, "2026-11-23", "Kansliet")).toEqual({ ok: true });
  });

  it("carries a bordlagd item to the body's next meeting with a link back, out of the register", () => {
    const m = heldMeeting("2026-11-20");
    const next = newMeeting("2026-12-01");
    addAgendaItem("demo-samordnare", m.id, item("Lokalfrågan"), null);
    startMinutes("demo-samordnare", m.id);
    const lokal = agendaOf(m.id).find((i) => i.title === "Lokalfrågan")!;
    const saved = saveParagraph("demo-samordnare", m.id, lokal.id, {
      procedure: "acklamation",
      outcome: "bordlagd",
      dispatchTo: "",
      motions: [],
      positions: [],
    });
    expect(saved).toEqual({ ok: true, carriedTo: { meetingId: next.id, date: "2026-12-01" }, noNextMeeting: false });
    const copy = agendaOf(next.id).find((i) => i.title === "Lokalfrågan")!;
    expect(copy.carriedFromItemId).toBe(lokal.id);
    expect(agendaOf(next.id).at(-1)?.title).toBe("Mötets avslutande");
    // Saving again does not carry it twice.
    saveParagraph("demo-samordnare", m.id, lokal.id, {
      procedure: "acklamation",
      outcome: "bordlagd",
      dispatchTo: "",
      motions: [],
      positions: [],
    });
    expect(agendaOf(next.id).filter((i) => i.title === "Lokalfrågan")).toHaveLength(1);
    const row = db.select().from(decisions).where(eq(decisions.agendaItemId, lokal.id)).get();
    expect(row).toMatchObject({ inRegister: false, text: "Ärendet bordläggs till nästa sammanträde." });
  });

  it("records a votering with jäv and a reservation, and counts only those who took part", () => {
    const m = heldMeeting();
    addAgendaItem("demo-samordnare", m.id, item("Prioriteringar"), null);
    startMinutes("demo-samordnare", m.id);
    const it = agendaOf(m.id).find((i) => i.title === "Prioriteringar")!;
    const p = (name: string) => world.personIds[name];
    const pos = (personId: number, vote: "ja" | "nej" | "avstår" | null, extra = {}) => ({
      personId,
      vote,
      disqualified: false,
      reservation: false,
      reservationReason: "",
      note: "",
      ...extra,
    });
    saveParagraph("demo-samordnare", m.id, it.id, {
      procedure: "votering",
      outcome: "beslut",
      dispatchTo: "Samtliga parter",
      motions: [{ personId: p("IFO-chef Berg"), text: "Avslag" }],
      positions: [
        pos(p("Ingrid IFO-chef Östersund"), "ja"),
        pos(p("IFO-chef Åre"), "ja"),
        pos(p("IFO-chef Berg"), "nej", { reservation: true, reservationReason: "Kostnaden är för hög." }),
        pos(p("IFO-chef Krokom"), null, { disqualified: true }),
      ],
    });
    const details = paragraphDetailsOf(null, m.id).get(it.id)!;
    expect(details.vote?.summary).toBe("Votering: 2 ja, 1 nej, 0 avstår (1 jävig deltog inte). Förslaget bifölls.");
    expect(details.reservations).toEqual([{ name: "IFO-chef Berg", reason: "Kostnaden är för hög." }]);
    expect(details.disqualified).toEqual(["IFO-chef Krokom"]);
    expect(details.dispatchTo).toBe("Samtliga parter");
    // The database refuses a vote from a member with jäv.
    expect(() =>
      db
        .insert(itemPositions)
        .values({ agendaItemId: it.id, personId: p("IFO-chef Ragunda"), vote: "ja", disqualified: true })
        .run(),
    ).toThrow(/CHECK/);
  });
});

describe("the decision register follows the minutes", () => {
  const actorOf = (userId: string) => () => loadActor(getUserById(userId)!, "2026-11-23");
  const coordinator = actorOf("demo-samordnare");
  const svomMember = actorOf("demo-politiker");
  const outsider = actorOf("demo-ifochef");

  function minutesWith(meetingId: number, texts: Record<string, string>, extra: Partial<Record<string, object>> = {}) {
    return {
      actingChairPersonId: null,
      secretaryPersonId: null,
      adjustmentPlace: "",
      adjustmentDate: null,
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

  it("keeps a draft decision out of the register for anyone outside the body, and lists it for members as utkast", async () => {
    const m = secretaryMeeting(world.bodyIds.svom, "2027-02-12", { isPublic: true });
    addAgendaItem("demo-samordnare", m.id, { ...item("Hemlig budgetram"), kind: "beslut" }, null);
    addAgendaItem("demo-samordnare", m.id, { ...item("Lägesrapport"), kind: "information" }, null);
    startMinutes("demo-samordnare", m.id);
    saveMinutes("demo-samordnare", m.id, 1, minutesWith(m.id, { "Hemlig budgetram": "Ramen fastställs." }));
    const titles = async (actor: Actor | null) =>
      (await allOf(decisionsForExport(actor, { text: "budgetram" }))).map((d) => [d.title, d.approval]);
    expect(await titles(null)).toEqual([]);
    expect(await titles(outsider())).toEqual([]);
    expect(await titles(coordinator())).toEqual([["Hemlig budgetram", "utkast"]]);
    expect(await titles(svomMember())).toEqual([["Hemlig budgetram", "utkast"]]);
    expect((await search(null, "budgetram", {})).items.filter((r) => r.kind === "decision")).toEqual([]);
    expect((await search(coordinator(), "budgetram", {})).items.filter((r) => r.kind === "decision")).toHaveLength(1);
    // The draft's words do not reach outsiders through the agenda item's index text either.
    publishNotice("demo-samordnare", m.id);
    expect((await search(null, "fastställs", {})).items).toEqual([]);
    expect((await search(svomMember(), "fastställs", {})).items.map((r) => r.kind).sort()).toEqual([
      "agenda_item",
      "decision",
    ]);
    // Procedural § and information not recorded as a decision never enter the register.
    const ofMeeting = (await allOf(decisionsForExport(coordinator(), {}))).filter((d) => d.meetingId === m.id);
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

  it("moves the date of every decision taken at a meeting that is moved, and leaves other meetings' alone", () => {
    const m = newMeeting("2027-02-12");
    const other = newMeeting("2027-03-12");
    for (const meeting of [m, other]) {
      addAgendaItem("demo-samordnare", meeting.id, item("Budget"), null);
      startMinutes("demo-samordnare", meeting.id);
      saveMinutes("demo-samordnare", meeting.id, 1, minutesWith(meeting.id, { Budget: "Budgeten fastställs." }));
    }
    const datesOf = (id: number) =>
      db
        .select()
        .from(decisions)
        .where(eq(decisions.meetingId, id))
        .all()
        .map((d) => d.decidedOn);
    expect(new Set(datesOf(m.id))).toEqual(new Set(["2027-02-12"]));
    const moved = updateMeeting("demo-samordnare", m.id, getMeeting(m.id)!.version, {
      date: "2027-02-19",
      startTime: "09:00",
      endTime: "12:00",
      place: "Östersund",
      videoUrl: "",
    });
    expect(moved.ok).toBe(true);
    expect(datesOf(m.id).length).toBeGreaterThan(0);
    expect(new Set(datesOf(m.id))).toEqual(new Set(["2027-02-19"]));
    expect(new Set(datesOf(other.id))).toEqual(new Set(["2027-03-12"]));
  });

  it("refuses to move a meeting whose minutes are begun into another year, and writes nothing", () => {
    const m = newMeeting("2027-12-31");
    startMinutes("demo-samordnare", m.id);
    const decisionsOf = () =>
      db
        .select({ year: decisions.year, paragraph: decisions.paragraph, decidedOn: decisions.decidedOn })
        .from(decisions)
        .where(eq(decisions.meetingId, m.id))
        .all();
    const before = { meeting: getMeeting(m.id)!, decisions: decisionsOf(), audit: db.select().from(auditLog).all() };
    expect(before.decisions.length).toBeGreaterThan(0);
    const time = { startTime: "09:00", endTime: "12:00", place: "Östersund", videoUrl: "" };
    const refused = updateMeeting("demo-samordnare", m.id, before.meeting.version, { ...time, date: "2028-01-01" });
    expect(refused).toMatchObject({ ok: false, refusal: expect.stringContaining("2027") });
    expect(getMeeting(m.id)).toEqual(before.meeting);
    expect(decisionsOf()).toEqual(before.decisions);
    expect(db.select().from(auditLog).all()).toEqual(before.audit);
    // Within the year the move is allowed and the decisions follow, in the same § series.
    const moved = updateMeeting("demo-samordnare", m.id, before.meeting.version, { ...time, date: "2027-01-01" });
    expect(moved.ok).toBe(true);
    expect(decisionsOf()).toEqual(before.decisions.map((d) => ({ ...d, decidedOn: "2027-01-01" })));
    // Once a § is approved (justerat) the date is the signed record's: no move at all.
    db.update(decisions)
      .set({ approval: "justerat", approvedAt: "2027-01-03T10:00:00.000Z" })
      .where(eq(decisions.meetingId, m.id))
      .run();
    const approvedBefore = { meeting: getMeeting(m.id)!, decisions: decisionsOf() };
    const signed = updateMeeting("demo-samordnare", m.id, approvedBefore.meeting.version, {
      ...time,
      date: "2027-01-02",
    });
    expect(signed).toMatchObject({ ok: false, refusal: expect.stringContaining("kan inte längre ändras") });
    expect(getMeeting(m.id)).toEqual(approvedBefore.meeting);
    expect(decisionsOf()).toEqual(approvedBefore.decisions);
    // A meeting without minutes still moves freely into another year.
    const unminuted = newMeeting("2027-12-30");
    expect(updateMeeting("demo-samordnare", unminuted.id, unminuted.version, { ...time, date: "2028-01-02" }).ok).toBe(
      true,
    );
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

  it("puts a § approved immediately into the register at once and locks its text", async () => {
    const m = secretaryMeeting(world.bodyIds.svom, "2026-11-20", { isPublic: true });
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
    expect((await allOf(decisionsForExport(null, { text: "Brådskande" }))).map((d) => [d.title, d.approval])).toEqual([
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
