/**
 * The stale-publish check sees every change to what the notice would publish, whatever wrote
 * it. For each kind of change made after the secretary's page was shown, publishing from that
 * page is refused (409) with nothing written (no agenda version, status and told sequence as
 * they were) and nobody told; published from the page as it is now, it goes out. The agenda's
 * own writes raise the meeting's version; the redaction of stored personal identity numbers
 * rewrites item titles, document names and the place in place, in every table, and did not:
 * a notice went out with texts the secretary never saw.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { agendaItemFiles, agendaItems, agendaVersions, files, mailOutbox, meetings } from "../../db/schema";
import { createSession } from "~/auth/sessions.server";
import { addDays } from "~/domain/calendar-dates";
import { todayInStockholm } from "~/domain/format";
import { checkUploads, withStagedFiles } from "~/models/files.server";
import {
  addAgendaItem,
  agendaOf,
  moveAgendaItem,
  removeAgendaItem,
  updateAgendaItem,
} from "~/models/meeting-agenda.server";
import { getMeeting, updateMeeting } from "~/models/meetings.server";
import { redactStoredPersonalNumbers } from "~/models/redaction.server";
import * as meetingPage from "~/routes/moten.$meetingId._index";
import { makePdf } from "../fixtures/pdf";
import { pastTheGuard } from "../support/past-the-guard";
import { decisionItem, secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;
let cookie = "";
const today = todayInStockholm();
const SECRETARY = "demo-samordnare";
const NUMBER = "19121212-1212";

const pageRequest = (meetingId: number, init: RequestInit = {}) =>
  new Request(`http://localhost/moten/${meetingId}`, {
    ...init,
    headers: { Cookie: cookie, ...(init.headers ?? {}) },
  });

/** The publish form's hidden fields as the secretary's page shows them. */
async function publishFormShown(meetingId: number): Promise<Record<string, string>> {
  const data = await meetingPage.loader({
    request: pageRequest(meetingId),
    params: { meetingId: String(meetingId) },
    context: {},
  });
  return { intent: "publish", version: String(data.meeting.version), notice: data.noticeShown ?? "" };
}

async function publish(meetingId: number, fields: Record<string, string>) {
  const result = await meetingPage.action({
    request: pageRequest(meetingId, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    }),
    params: { meetingId: String(meetingId) },
    context: {},
  });
  if (result instanceof Response) return { status: result.status, errors: [] as string[] };
  const r = result as { init?: { status?: number }; data?: { error?: Record<string, string[]> } };
  return { status: r.init?.status ?? 200, errors: r.data?.error?.[""] ?? [] };
}

async function pdfNamed(name: string) {
  const form = new FormData();
  form.append("files", new File([new Uint8Array(makePdf([name]))], name));
  const checked = await checkUploads(form);
  if (!checked.ok) throw new Error(checked.error);
  return checked.files;
}

const itemsOf = (meetingId: number) => agendaOf(meetingId);
/** The meeting's first item that is not a standard item (the one the case works on). */
const ownItem = (meetingId: number) => itemsOf(meetingId).find((i) => i.standard === null)!;

interface Case {
  kind: string;
  /** Before the page is shown (a text stored before the guard, to be redacted). */
  before?: (meetingId: number) => unknown;
  /** A colleague's change after the page was shown. */
  change: (meetingId: number) => void | Promise<void>;
}

const CASES: Case[] = [
  { kind: "an item added", change: (m) => void addAgendaItem(SECRETARY, m, decisionItem("Tillagd"), null) },
  {
    kind: "an item's title, text and proposed decision edited",
    change: (m) => {
      const item = ownItem(m);
      const saved = updateAgendaItem(
        SECRETARY,
        item.id,
        item.version,
        { ...decisionItem("Ny rubrik"), description: "Ny text", proposedDecision: "Nytt förslag" },
        null,
      );
      expect(saved.ok).toBe(true);
    },
  },
  {
    kind: "a document attached to an item",
    change: async (m) => {
      const item = ownItem(m);
      const saved = withStagedFiles(await pdfNamed("bilaga.pdf"), (staged) =>
        updateAgendaItem(SECRETARY, item.id, item.version, decisionItem(item.title), staged),
      );
      expect(saved.ok).toBe(true);
    },
  },
  {
    kind: "an item marked confidential",
    change: (m) => {
      const item = ownItem(m);
      const value = { ...decisionItem(item.title), confidential: true, confidentialReason: "OSL 21 kap. 1 §" };
      expect(updateAgendaItem(SECRETARY, item.id, item.version, value, null).ok).toBe(true);
    },
  },
  { kind: "items reordered", change: (m) => moveAgendaItem(SECRETARY, m, ownItem(m).id, "up") },
  { kind: "an item removed", change: (m) => removeAgendaItem(SECRETARY, ownItem(m).id) },
  {
    kind: "the meeting moved",
    change: (m) => {
      const meeting = getMeeting(m)!;
      const { date, startTime, endTime, videoUrl } = meeting;
      const moved = updateMeeting(SECRETARY, m, meeting.version, {
        date,
        startTime,
        endTime,
        videoUrl,
        place: "Sveg",
      });
      expect(moved.ok).toBe(true);
    },
  },
  {
    kind: "a personal identity number redacted from an item's title",
    before: (m) =>
      pastTheGuard(db, () =>
        db
          .update(agendaItems)
          .set({ title: `Ärende för ${NUMBER}` })
          .where(eq(agendaItems.id, ownItem(m).id))
          .run(),
      ),
    change: async () => void expect(await redactStoredPersonalNumbers(SECRETARY)).toBe(1),
  },
  {
    kind: "a personal identity number redacted from a document's name",
    before: async (m) => {
      const item = ownItem(m);
      withStagedFiles(await pdfNamed("intyg.pdf"), (staged) =>
        updateAgendaItem(SECRETARY, item.id, item.version, decisionItem(item.title), staged),
      );
      const [link] = db.select().from(agendaItemFiles).where(eq(agendaItemFiles.agendaItemId, item.id)).all();
      pastTheGuard(db, () =>
        db
          .update(files)
          .set({ originalName: `intyg ${NUMBER}.pdf` })
          .where(eq(files.id, link.fileId))
          .run(),
      );
    },
    change: async () => void expect(await redactStoredPersonalNumbers(SECRETARY)).toBe(1),
  },
  {
    kind: "a personal identity number redacted from the place",
    before: (m) =>
      pastTheGuard(db, () =>
        db
          .update(meetings)
          .set({ place: `Hos ${NUMBER}` })
          .where(eq(meetings.id, m))
          .run(),
      ),
    change: async () => void expect(await redactStoredPersonalNumbers(SECRETARY)).toBe(1),
  },
];

const versionsOf = (meetingId: number) =>
  db.select().from(agendaVersions).where(eq(agendaVersions.meetingId, meetingId)).all().length;
const mails = () => db.select().from(mailOutbox).all().length;
const meetingRow = (meetingId: number) => db.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;

beforeAll(async () => {
  process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "publish-every-change-"));
  ({ db, world } = await demoDatabase());
  cookie = (await createSession(SECRETARY)).split(";")[0];
});
beforeEach(() => {
  db.delete(mailOutbox).run();
});

describe("a stale publish is refused for every kind of change to the notice", () => {
  it.each(CASES.map((c, i) => [c.kind, c, i] as const))("%s", async (_kind, c, i) => {
    const m = secretaryMeeting(world.bodyIds.styrgrupp, addDays(today, 50 + i));
    addAgendaItem(SECRETARY, m.id, decisionItem("Budget 2027"), null);
    await c.before?.(m.id);
    const shown = await publishFormShown(m.id);
    await c.change(m.id);
    const row = meetingRow(m.id);
    const refused = await publish(m.id, shown);
    expect(refused).toEqual({
      status: 409,
      errors: ["Mötet eller dagordningen har ändrats sedan sidan visades. Se över ändringarna och publicera igen."],
    });
    expect(versionsOf(m.id)).toBe(0);
    expect(mails()).toBe(0);
    const after = meetingRow(m.id);
    expect([after.status, after.toldSequence, after.version]).toEqual([row.status, row.toldSequence, row.version]);
    // Published from the page as it is now, it goes out.
    expect((await publish(m.id, await publishFormShown(m.id))).status).toBe(302);
    expect(versionsOf(m.id)).toBe(1);
  });

  it("is not refused when nothing changed since the page was shown", async () => {
    const m = secretaryMeeting(world.bodyIds.styrgrupp, addDays(today, 49));
    expect((await publish(m.id, await publishFormShown(m.id))).status).toBe(302);
    expect(versionsOf(m.id)).toBe(1);
    expect(mails()).toBeGreaterThan(0);
  });
});
