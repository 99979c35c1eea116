/**
 * Every surface that names a meeting tells the viewer what the meeting's page tells them:
 * everyone but the body's secretary is told the last published notice (date, times, place,
 * video link, items as published) until minutes are begun, and everyone outside the body sees
 * only the published agenda until the minutes are approved. A hunt found the meeting's own
 * sub-pages (förhinder, proposals, the minutes page), its calendar file's name, the zip's
 * name, the mails sent while a move was unpublished (proposal answered, förhinder, the
 * deadline reminder) and a § carried over to the moved meeting naming the secretary's new day.
 *
 * One situation: a SVOM meeting (public records) noticed for 2026-12-10 at 09:00 in
 * Östersund, then moved by the secretary to 2026-12-09, 13:00, a canary place, an item retitled
 * with a canary and an item added, nothing published. Each surface is asked as a member who is
 * not the secretary and, where it is open to them, as someone outside the body; the secretary
 * sees the meeting as it stands.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { eq, like } from "drizzle-orm";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { agendaItems, bodies, files, mailOutbox, meetings, users } from "../../db/schema";
import { createSession } from "~/auth/sessions.server";
import { todayInStockholm } from "~/domain/format";
import { proposalDeadline } from "~/domain/meetings";
import { can } from "~/domain/policy";
import { fileAccessAllowed } from "~/models/file-access.server";
import { checkUploads, withStagedFiles } from "~/models/files.server";
import { addAgendaItem, updateAgendaItem } from "~/models/meeting-agenda.server";
import { queueAbsenceMail } from "~/models/meeting-mail.server";
import { startMinutes } from "~/models/meeting-minutes.server";
import { publishNotice } from "~/models/meeting-notice.server";
import { paragraphDetailsOf } from "~/models/meeting-paragraphs.server";
import { createProposal, declineProposal } from "~/models/meeting-proposals.server";
import { meetingToldTo, updateMeeting } from "~/models/meetings.server";
import { queueReminders } from "~/models/reminders.server";
import { loadActor } from "~/models/users.server";
import * as absencePage from "~/routes/moten.$meetingId.forhinder";
import * as meetingCalendar from "~/routes/moten.$meetingId.kalender[.ics]";
import * as zipRoute from "~/routes/moten.$meetingId.handlingar[.zip]";
import * as minutesPage from "~/routes/moten.$meetingId.protokoll";
import * as proposalPage from "~/routes/moten.$meetingId.forslag";
import { write } from "~/utils/db.server";
import { makePdf } from "../fixtures/pdf";
import { decisionItem, secretaryMeeting } from "../support/meetings";
import { seatedTestUser } from "../support/browser";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
let meetingId = 0;
/** An item of an earlier meeting (minutes begun) carried over to the moved meeting. */
let carriedItemId = 0;
let earlierMeetingId = 0;
const cookies = new Map<string, string>();
const personOf = new Map<string, number>();

const TOLD = { date: "2026-12-10", startTime: "09:00", place: "Östersund" };
const MOVED = { date: "2026-12-09", startTime: "13:00", place: "KANARIEPLATS ej publicerad" };
const DRAFT = "Budget 2027 KANARIERUBRIK ej publicerad";
const ADDED = "Tillagd KANARIEPUNKT ej publicerad";
const DRAFT_FILE = "KANARIEBILAGA-ej-publicerad.pdf";
/** Anything of the unpublished change, in the forms a surface writes a day or a text in. */
const CANARIES = [MOVED.date, "20261209", "9 december", "KANARIE"];

/** A user who sits in SVOM with `role` (a fresh person, so nothing else of the demo changes). */
function seatedUser(id: string, role: "sekreterare" | "ledamot" | "ersättare") {
  const { personId } = seatedTestUser(db, { id, role: "member", name: `Anmälantest ${role}` }, [
    [world.bodyIds.svom, role],
  ]);
  personOf.set(id, personId);
}

async function pdfNamed(name: string) {
  const form = new FormData();
  form.append("files", new File([new Uint8Array(makePdf([name]))], name));
  const checked = await checkUploads(form);
  if (!checked.ok) throw new Error(checked.error);
  return checked.files;
}

/** A meeting document's id by its name. */
const fileNamed = (name: string) => db.select().from(files).where(eq(files.originalName, name)).get()!.id;

const actorOf = (id: string) => loadActor(db.select().from(users).where(eq(users.id, id)).get()!, todayInStockholm());
const MEMBER = "test-ledamot";
const OUTSIDER = "demo-ifochef";
const SECRETARY = "test-sekreterare";

beforeAll(async () => {
  process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "as-told-uploads-"));
  ({ db, world } = await demoDatabase("2026-11-23"));
  seatedUser(SECRETARY, "sekreterare");
  seatedUser(MEMBER, "ledamot");
  seatedUser("test-ersattare", "ersättare");
  const meeting = secretaryMeeting(world.bodyIds.svom, TOLD.date);
  meetingId = meeting.id;
  // The item is noticed with a document, so the meeting has a zip of documents.
  const item = withStagedFiles(await pdfNamed("budget.pdf"), (staged) =>
    addAgendaItem("demo-samordnare", meetingId, decisionItem("Budget 2027 (som kallad)"), staged),
  );
  publishNotice("demo-samordnare", meetingId);
  const saved = db.select().from(agendaItems).where(eq(agendaItems.id, item.id)).get()!;
  // Retitled, and a document attached, after the notice.
  const edit = withStagedFiles(await pdfNamed(DRAFT_FILE), (staged) =>
    updateAgendaItem("demo-samordnare", item.id, saved.version, decisionItem(DRAFT), staged),
  );
  expect(edit.ok).toBe(true);
  addAgendaItem("demo-samordnare", meetingId, decisionItem(ADDED), null);
  const noticed = db.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
  const moved = updateMeeting("demo-samordnare", meetingId, noticed.version, {
    date: MOVED.date,
    startTime: MOVED.startTime,
    endTime: "16:00",
    place: MOVED.place,
    videoUrl: noticed.videoUrl,
  });
  expect(moved.ok).toBe(true);
  // An earlier meeting whose minutes carried an item over to this one.
  earlierMeetingId = secretaryMeeting(world.bodyIds.svom, "2026-11-20").id;
  carriedItemId = addAgendaItem("demo-samordnare", earlierMeetingId, decisionItem("Bordlagd punkt"), null).id;
  startMinutes("demo-samordnare", earlierMeetingId);
  const copy = addAgendaItem("demo-samordnare", meetingId, decisionItem("Bordlagd punkt"), null);
  db.update(agendaItems).set({ carriedFromItemId: carriedItemId }).where(eq(agendaItems.id, copy.id)).run();
  for (const id of [MEMBER, OUTSIDER, SECRETARY]) cookies.set(id, (await createSession(id)).split(";")[0]);
  // The outsider sits in another body; the member is not SVOM's secretary.
  expect(actorOf(OUTSIDER).bodyRoles.has(world.bodyIds.svom)).toBe(false);
  expect(actorOf(MEMBER).bodyRoles.get(world.bodyIds.svom)?.has("sekreterare")).toBe(false);
});

function args(viewer: string, path: string) {
  return {
    request: new Request(`http://localhost/moten/${meetingId}${path}`, { headers: { Cookie: cookies.get(viewer)! } }),
    params: { meetingId: String(meetingId) },
    context: {},
  };
}

/** The canaries a text holds (none for what the viewer was told). */
const canariesIn = (text: string) => CANARIES.filter((c) => text.includes(c));

describe("the meeting as the viewer was told it", () => {
  it("is the one meeting every meeting route loads: the notice's for all but the secretary", () => {
    for (const viewer of [MEMBER, OUTSIDER])
      expect(meetingToldTo(actorOf(viewer), meetingId)).toMatchObject({ ...TOLD, endTime: "12:00" });
    expect(meetingToldTo(actorOf(SECRETARY), meetingId)).toMatchObject({ ...MOVED, endTime: "16:00" });
  });

  it("is on the förhinder page, whose window follows the told day", async () => {
    const member = await absencePage.loader(args(MEMBER, "/forhinder"));
    expect(member.meeting).toMatchObject(TOLD);
    expect(canariesIn(JSON.stringify(member))).toEqual([]);
    expect((await absencePage.loader(args(SECRETARY, "/forhinder"))).meeting).toMatchObject(MOVED);
  });

  it("is on the proposal page, with the deadline of the told day", async () => {
    const member = await proposalPage.loader(args(MEMBER, "/forslag"));
    expect(member.meeting).toMatchObject(TOLD);
    expect(member.deadline).toBe(proposalDeadline(TOLD.date, member.meeting.proposalDeadlineDays));
    expect(canariesIn(JSON.stringify(member))).toEqual([]);
    expect((await proposalPage.loader(args(SECRETARY, "/forslag"))).meeting).toMatchObject(MOVED);
  });

  it("is on the minutes page before minutes are begun", async () => {
    const member = await minutesPage.loader(args(MEMBER, "/protokoll"));
    expect(member.meeting).toMatchObject(TOLD);
    expect(canariesIn(JSON.stringify(member))).toEqual([]);
    expect((await minutesPage.loader(args(SECRETARY, "/protokoll"))).meeting).toMatchObject(MOVED);
  });

  it("is in the meeting's calendar file, its name included", async () => {
    for (const viewer of [MEMBER, OUTSIDER]) {
      const ics = await (await meetingCalendar.loader(args(viewer, "/kalender.ics"))).text();
      expect(ics).toContain("20261210");
      expect(canariesIn(ics)).toEqual([]);
    }
    const secretary = await (await meetingCalendar.loader(args(SECRETARY, "/kalender.ics"))).text();
    expect(secretary).toContain(`SVOM ${MOVED.date}`);
  });

  it("names the documents' zip, whose folders are the told agenda", async () => {
    for (const viewer of [MEMBER, OUTSIDER]) {
      const zip = await zipRoute.loader(args(viewer, "/handlingar.zip"));
      expect(zip.headers.get("Content-Disposition")).toContain(TOLD.date);
      const entries = Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer())));
      expect(entries).toEqual([expect.stringMatching(/^\d\d\. Budget 2027 \(som kallad\)\/budget\.pdf$/)]);
    }
    const secretary = await zipRoute.loader(args(SECRETARY, "/handlingar.zip"));
    expect(secretary.headers.get("Content-Disposition")).toContain(MOVED.date);
  });

  it("gives the told documents only: not one attached since the notice", () => {
    const allowed = (viewer: string, name: string) => fileAccessAllowed(fileNamed(name), actorOf(viewer), can, viewer);
    for (const viewer of [MEMBER, OUTSIDER]) {
      expect(allowed(viewer, "budget.pdf")).toBe(true);
      expect(allowed(viewer, DRAFT_FILE)).toBe(false);
    }
    expect(allowed(SECRETARY, DRAFT_FILE)).toBe(true);
  });

  it("names the meeting a § was carried over to", () => {
    const carriedTo = (viewer: string) =>
      paragraphDetailsOf(actorOf(viewer), earlierMeetingId).get(carriedItemId)!.carriedTo;
    expect(carriedTo(MEMBER)).toEqual({ meetingId, date: TOLD.date });
    expect(carriedTo(SECRETARY)).toEqual({ meetingId, date: MOVED.date });
  });
});

describe("mail sent while a move is unpublished", () => {
  const mailsOf = (eventKeyPrefix: string) =>
    db
      .select()
      .from(mailOutbox)
      .where(like(mailOutbox.eventKey, `${eventKeyPrefix}%`))
      .all();

  it("reminds of the proposal deadline of the told day", () => {
    const days = db.select().from(bodies).where(eq(bodies.id, world.bodyIds.svom)).get()!.proposalDeadlineDays;
    // Three days before the told deadline: also within three days of the moved one.
    const today = proposalDeadline(proposalDeadline(TOLD.date, days), 3);
    queueReminders(today, "https://portal.example");
    const sent = mailsOf(`reminder:proposal:${meetingId}:`);
    expect(sent.length).toBeGreaterThan(0);
    for (const m of sent) {
      expect(m.eventKey).toContain(proposalDeadline(TOLD.date, days));
      expect(m.textBody).toContain(TOLD.date);
      expect(canariesIn(m.subject + m.textBody + m.htmlBody)).toEqual([]);
    }
  });

  it("answers a proposal with the told day", () => {
    const proposal = createProposal(
      MEMBER,
      meetingId,
      { title: "Förslag", kind: "information", description: "", proposedDecision: "" },
      null,
    );
    declineProposal("demo-samordnare", proposal.id, "Inte nu.");
    const [sent] = mailsOf(`proposal:${proposal.id}:`);
    expect(sent.textBody).toContain(TOLD.date);
    expect(canariesIn(sent.subject + sent.textBody + sent.htmlBody)).toEqual([]);
  });

  it("tells the deputies of a förhinder with the told day", () => {
    write((tx) => queueAbsenceMail(tx, meetingId, personOf.get(MEMBER)!, 999_001));
    const sent = mailsOf(`absence:${meetingId}:${personOf.get(MEMBER)}:`);
    expect(sent.map((m) => m.personId)).toContain(personOf.get("test-ersattare"));
    for (const m of sent) {
      expect(m.subject + m.textBody).toContain(TOLD.date);
      expect(canariesIn(m.subject + m.textBody + m.htmlBody)).toEqual([]);
    }
  });
});
