/**
 * The notice and its PDF documents as one PDF (issue 10, item 8): the notice's text first,
 * then every PDF document the viewer may open, and never one of a confidential item to a
 * viewer without the right to read it. Read back with pdf.js, as a reader would.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "@pdfme/pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { agendaItemFiles, agendaItems, files } from "../../db/schema";
import { eq } from "drizzle-orm";
import { createSession } from "~/auth/sessions.server";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { addAgendaItem } from "~/models/meeting-agenda.server";
import { publishNotice } from "~/models/meeting-notice.server";
import { loader } from "~/routes/moten.$meetingId.kallelse[.pdf]";
import { makePdf } from "../fixtures/pdf";
import { secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "notice-pdf-"));
process.env.UPLOAD_DIR = uploads;

let db: Db;
let world: DemoWorld;
let meetingId = 0;

async function pagesText(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    out.push(content.items.map((i) => ("str" in i ? i.str : "")).join(" "));
  }
  return out;
}

function attach(itemId: number, name: string, bytes: Buffer) {
  const storageName = `${name}.bin`;
  fs.writeFileSync(path.join(uploads, storageName), bytes);
  const file = db
    .insert(files)
    .values({
      storageName,
      originalName: name,
      mime: "application/pdf",
      size: bytes.length,
      sha256: "0".repeat(64),
      uploadedBy: "demo-samordnare",
    })
    .returning()
    .get();
  db.insert(agendaItemFiles).values({ agendaItemId: itemId, fileId: file.id }).run();
}

async function fetchPdf(cookie?: string) {
  const res = await loader({
    request: new Request(`http://localhost/moten/${meetingId}/kallelse.pdf`, {
      headers: cookie ? { Cookie: cookie } : {},
    }),
    params: { meetingId: String(meetingId) },
    context: {},
  });
  expect(res.headers.get("Content-Type")).toBe("application/pdf");
  return new Uint8Array(await res.arrayBuffer());
}

const item = (title: string) => ({
  title,
  kind: "beslut" as const,
  presenter: "Sara Samordnare",
  minutesEstimate: 20,
  description: "Underlaget bifogas.",
  proposedDecision: `SVOM godkänner ${title.toLowerCase()}.`,
  matterId: null,
  confidential: false,
  confidentialReason: "",
});

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  const meeting = secretaryMeeting(world.bodyIds.svom, "2026-12-18", {
    place: "Regionens hus, Östersund",
    isPublic: true,
  });
  meetingId = meeting.id;
  const open = addAgendaItem("demo-samordnare", meetingId, item("Årsredovisning för Mini-Maria"), null);
  const secret = addAgendaItem("demo-samordnare", meetingId, item("Förhandling om lokaler"), null);
  db.update(agendaItems)
    .set({ confidential: true, confidentialReason: "Affärsförhållanden, 31 kap. 16 § OSL" })
    .where(eq(agendaItems.id, secret.id))
    .run();
  attach(open.id, "arsredovisning.pdf", makePdf(["Årsredovisningens första sida: överskott i år."]));
  attach(secret.id, "lokaler.pdf", makePdf(["Hyresnivån i anbudet är hemlig."]));
  publishNotice("demo-samordnare", meetingId);
});

// pdf.js reading the files back is slow on a loaded machine: a generous per-test limit, not a timed assertion.
describe("the notice as one PDF", { timeout: 30_000 }, () => {
  it("gives the public the notice's text and the open document's pages, never the confidential one", async () => {
    const bytes = await fetchPdf();
    const pages = await pagesText(bytes);
    const all = pages.join("\n");
    expect(pages[0]).toContain("Kallelse: Sociala vård- och omsorgsgruppen (SVOM)");
    expect(pages[0]).toContain("Regionens hus, Östersund");
    expect(all).toContain("Anmäl förhinder till sekreteraren Sara Samordnare");
    expect(all).toContain("Årsredovisning för Mini-Maria");
    // The document's own page follows the notice.
    expect(pages.at(-1)).toContain("Årsredovisningens första sida: överskott i år.");
    // The confidential item keeps its title and reason; its document is not in the file.
    expect(all).toContain("Förhandling om lokaler");
    expect(all).toContain("Sekretess: Affärsförhållanden");
    expect(all).not.toContain("Hyresnivån");
    expect(all).not.toContain("lokaler.pdf");
  });

  it("gives a member of the body both documents, one page more", async () => {
    const publicPages = (await PDFDocument.load(await fetchPdf())).getPageCount();
    const cookie = (await createSession("demo-politiker")).split(";")[0];
    const bytes = await fetchPdf(cookie);
    const pages = await pagesText(bytes);
    expect(pages.length).toBe(publicPages + 1);
    expect(pages.join("\n")).toContain("Hyresnivån i anbudet är hemlig.");
    expect(pages.join("\n")).toContain("lokaler.pdf");
  });

  it("refuses a meeting the viewer may not read, as every meeting route does", async () => {
    const steering = secretaryMeeting(world.bodyIds.styrgrupp, "2026-12-19", {
      startTime: "13:00",
      endTime: "15:00",
      place: "",
    });
    await expect(
      loader({
        request: new Request(`http://localhost/moten/${steering.id}/kallelse.pdf`),
        params: { meetingId: String(steering.id) },
        context: {},
      }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("a document pdf-lib cannot open", { timeout: 30_000 }, () => {
  it("is named on the notice as left out, and the rest still comes", async () => {
    const extra = addAgendaItem("demo-samordnare", meetingId, item("Trasig bilaga"), null);
    attach(extra.id, "trasig.pdf", Buffer.from("%PDF-1.4\n%%EOF\n"));
    publishNotice("demo-samordnare", meetingId);
    const all = (await pagesText(await fetchPdf())).join("\n");
    expect(all).toContain("Kunde inte läggas till");
    expect(all).toContain("trasig.pdf");
    expect(all).toContain("Årsredovisningens första sida");
  });
});
