/**
 * A meeting's documents as one zip (moten.$meetingId.handlingar[.zip]) are written as they are
 * read (app/utils/zip-stream.server.ts): every file the viewer may read, whole, under its
 * archive path; text deflated, PDFs stored as they are; and the event loop turns while a large
 * archive is written (built at once, a few 20 MB PDFs held it for seconds).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { DemoWorld } from "../../db/demo-world";
import { createSession } from "~/auth/sessions.server";
import { addAgendaItem } from "~/models/meeting-agenda.server";
import { publishNotice } from "~/models/meeting-notice.server";
import { checkUploads, withStagedFiles } from "~/models/files.server";
import * as meetingZip from "~/routes/moten.$meetingId.handlingar[.zip]";
import { makePdf } from "../fixtures/pdf";
import { decisionItem, secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

let world: DemoWorld;
let coordinator = "";
let meetingId = 0;
/** About 3 MB of text in lines (many pieces of the disk's 64 kB). */
const REPORT = Array.from(
  { length: 40_000 },
  (_, i) => `Rad ${i} i verksamhetsberättelsen för ungdomsmottagningen.`,
).join("\n");
const PLAN = makePdf(["Handlingsplan för styrgruppen"]);

async function attach(title: string, files: [string, Buffer][]) {
  const form = new FormData();
  for (const [name, bytes] of files) form.append("files", new File([new Uint8Array(bytes)], name));
  const checked = await checkUploads(form);
  if (!checked.ok) throw new Error(checked.error);
  withStagedFiles(checked.files, (staged) => addAgendaItem("demo-samordnare", meetingId, decisionItem(title), staged));
}

beforeAll(async () => {
  process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "zip-uploads-"));
  ({ world } = await demoDatabase("2026-11-23"));
  coordinator = (await createSession("demo-samordnare")).split(";")[0];
  meetingId = secretaryMeeting(world.bodyIds.styrgrupp, "2026-12-04").id;
  await attach("Verksamhetsberättelse", [["berättelse.txt", Buffer.from(REPORT)]]);
  await attach("Handlingsplan", [
    ["plan.pdf", PLAN],
    ["bilaga.md", Buffer.from("# Bilaga\n\nKort text.")],
  ]);
});

/** Each entry's compression method, from its local header (0: stored, 8: deflated), by file name. */
function methods(zip: Buffer): Record<string, number> {
  const found: Record<string, number> = {};
  for (
    let at = zip.indexOf("PK\u0003\u0004", 0, "latin1");
    at >= 0;
    at = zip.indexOf("PK\u0003\u0004", at + 4, "latin1")
  ) {
    const name = zip.subarray(at + 30, at + 30 + zip.readUInt16LE(at + 26)).toString();
    found[name.slice(name.lastIndexOf("/") + 1)] = zip.readUInt16LE(at + 8);
  }
  return found;
}

const zipOf = (cookie = coordinator) =>
  meetingZip.loader({
    request: new Request(`http://localhost/moten/${meetingId}/handlingar.zip`, { headers: { Cookie: cookie } }),
    params: { meetingId: String(meetingId) },
    context: {},
  });

/** The file names in a zip, without their folders. */
async function fileNamesIn(response: Response): Promise<string[]> {
  const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
  return Object.keys(entries)
    .map((name) => name.slice(name.lastIndexOf("/") + 1))
    .sort();
}

describe("a meeting's documents as one zip, written as it is read", () => {
  it("holds every file whole under its item's folder, text deflated and PDFs stored", async () => {
    const response = await zipOf();
    expect(response.headers.get("Content-Type")).toBe("application/zip");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const entries = unzipSync(bytes);
    const names = Object.keys(entries).sort();
    expect(names).toHaveLength(3);
    const file = (suffix: string) => entries[names.find((n) => n.endsWith(suffix))!];
    expect(Buffer.from(file("berättelse.txt")).toString()).toBe(REPORT);
    expect(Buffer.from(file("plan.pdf")).equals(PLAN)).toBe(true);
    expect(Buffer.from(file("bilaga.md")).toString()).toBe("# Bilaga\n\nKort text.");
    expect(names.every((n) => /^0\d\. /.test(n))).toBe(true); // a folder per agenda item, in order
    // The 3 MB of repetitive text is deflated; the archive is far smaller than its files.
    expect(bytes.length).toBeLessThan(REPORT.length / 3);
    expect(methods(Buffer.from(bytes))).toEqual({ "berättelse.txt": 8, "bilaga.md": 8, "plan.pdf": 0 });
  });

  it("holds for a member what the notice told them: a document attached since is the secretary's until published", async () => {
    const member = (await createSession("demo-ifochef")).split(";")[0];
    publishNotice("demo-samordnare", meetingId);
    await attach("Tillägg", [["tillagd.md", Buffer.from("Ännu inte kallad.")]]);
    const told = ["berättelse.txt", "bilaga.md", "plan.pdf"];
    expect(await fileNamesIn(await zipOf(member))).toEqual(told);
    expect(await fileNamesIn(await zipOf())).toEqual([...told, "tillagd.md"].sort());
    publishNotice("demo-samordnare", meetingId);
    expect(await fileNamesIn(await zipOf(member))).toEqual([...told, "tillagd.md"].sort());
  });

  it("lets the event loop turn while the archive is written", async () => {
    let turns = 0;
    let writing = true;
    const tick = () => {
      turns++;
      if (writing) setImmediate(tick);
    };
    setImmediate(tick);
    await (await zipOf()).arrayBuffer();
    writing = false;
    // Built at once (every file read whole, then zipSync) the loop would turn once or twice;
    // written a piece at a time it turns at least once per piece of the 3 MB text.
    expect(turns).toBeGreaterThan(10);
  });
});
