/**
 * Every surface numbers an item the same way for the same viewer: the meeting's page, the
 * notice PDF and the documents zip (its folder names). Before minutes are begun an item is
 * numbered by its place in the agenda the viewer is shown; once they are begun, by its § for
 * whoever is shown the draft minutes, and still by its place for whoever is shown the
 * published agenda. The zip named folders by position ("05 Budget") while the page and the
 * PDF said "§ 14 Budget".
 *
 * One SVOM meeting (public; an earlier meeting's minutes took the year's first §§), its notice published with two items that have documents, then an
 * item with a document added and not published; asked before and after the minutes are begun,
 * as each demo viewer and the body's secretary.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { DemoWorld } from "../../db/demo-world";
import { createSession } from "~/auth/sessions.server";
import { checkUploads, withStagedFiles } from "~/models/files.server";
import { addAgendaItem } from "~/models/meeting-agenda.server";
import { startMinutes } from "~/models/meeting-minutes.server";
import { publishNotice } from "~/models/meeting-notice.server";
import * as meetingPage from "~/routes/moten.$meetingId._index";
import * as noticePdf from "~/routes/moten.$meetingId.kallelse[.pdf]";
import * as zipRoute from "~/routes/moten.$meetingId.handlingar[.zip]";
import { decisionItem, secretaryMeeting } from "../support/meetings";
import { pdfText } from "../support/pdf-text";
import { demoDatabase } from "../support/test-db";
import { demoViewers } from "../support/viewers";

let world: DemoWorld;
let meetingId = 0;
/** Each viewer's label and session cookie ("" for the public). */
const viewers: [string, string][] = [];

async function attach(title: string, fileName: string) {
  const form = new FormData();
  form.append("files", new File([new TextEncoder().encode(`Handling till ${title}.`)], fileName));
  const checked = await checkUploads(form);
  if (!checked.ok) throw new Error(checked.error);
  withStagedFiles(checked.files, (staged) => addAgendaItem("demo-samordnare", meetingId, decisionItem(title), staged));
}

beforeAll(async () => {
  process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "numbering-uploads-"));
  ({ world } = await demoDatabase("2026-11-23"));
  // An earlier meeting's minutes number SVOM's first §§ of the year, so a § is not the item's place.
  startMinutes("demo-samordnare", secretaryMeeting(world.bodyIds.svom, "2026-11-20").id);
  meetingId = secretaryMeeting(world.bodyIds.svom, "2026-12-10", { isPublic: true }).id;
  await attach("Budget 2027", "budget.md");
  await attach("Verksamhetsplan", "plan.md");
  publishNotice("demo-samordnare", meetingId);
  await attach("Tillagd punkt", "tillagd.md");
  for (const [label, actor] of demoViewers(world, "2026-11-23"))
    viewers.push([label, actor ? (await createSession(actor.userId)).split(";")[0] : ""]);
});

const args = (url: string, cookie: string) => ({
  request: new Request(`http://localhost/moten/${meetingId}/${url}`, { headers: cookie ? { Cookie: cookie } : {} }),
  params: { meetingId: String(meetingId) },
  context: {},
});

/** "§ 14" or "5": the number alone, as each surface writes it. */
const numberOf = (label: string) => label.replace(/\.$/, "").replace(/^0+(?=\d)/, "");

/** The page's numbering: the § the viewer is shown, else the place in the list (its <ol>). */
async function pageNumbers(cookie: string): Promise<Map<string, string> | null> {
  let data;
  try {
    data = await meetingPage.loader(args("", cookie));
  } catch (e) {
    if (e instanceof Response) return null;
    throw e;
  }
  return new Map(
    (data as Awaited<ReturnType<typeof meetingPage.loader>>).items.map((item, index) => [
      item.title,
      item.paragraph ? `§ ${item.paragraph}` : String(index + 1),
    ]),
  );
}

/** The zip's numbering: each item's folder, "05 Budget 2027" or "§ 14 Budget 2027", by title. */
async function zipNumbers(cookie: string): Promise<Map<string, string>> {
  const response = await zipRoute.loader(args("handlingar.zip", cookie));
  const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
  const found = new Map<string, string>();
  for (const name of Object.keys(entries)) {
    const folder = name.slice(0, name.indexOf("/"));
    const match = /^(§ \d+|\d+\.?) (.*)$/.exec(folder);
    expect(match, folder).not.toBeNull();
    found.set(match![2], numberOf(match![1]));
  }
  return found;
}

async function pdfOf(cookie: string): Promise<string> {
  const response = await noticePdf.loader(args("kallelse.pdf", cookie));
  return (await pdfText(new Uint8Array(await response.arrayBuffer()))).text;
}

/** For every viewer who may open the meeting, the zip and the PDF number each item as the page does. */
async function expectSameNumbering(): Promise<Map<string, Map<string, string>>> {
  const seen = new Map<string, Map<string, string>>();
  for (const [label, cookie] of viewers) {
    const page = await pageNumbers(cookie);
    if (!page) continue;
    seen.set(label, page);
    const zip = await zipNumbers(cookie);
    expect(zip.size, label).toBeGreaterThan(0);
    for (const [title, number] of zip) expect([label, title, number]).toEqual([label, title, page.get(title)]);
    const pdf = await pdfOf(cookie);
    for (const [title, number] of page) {
      const heading = number.startsWith("§") ? `${number} ${title}` : `${number}. ${title}`;
      expect([label, pdf.includes(heading)]).toEqual([label, true]);
    }
  }
  return seen;
}

describe("an item's number is the same on the page, in the notice PDF and in the zip", () => {
  it("before the minutes are begun: the place in the agenda each viewer is shown", async () => {
    const seen = await expectSameNumbering();
    expect(seen.has("the public")).toBe(true);
    expect([...seen.get("the coordinator (admin)")!.values()].some((n) => n.startsWith("§"))).toBe(false);
  });

  it("once they are begun: the § for whoever is shown the minutes, the place for whoever is shown the published agenda", async () => {
    startMinutes("demo-samordnare", meetingId);
    const seen = await expectSameNumbering();
    // The hunt only bites if the § differs from the place: SVOM's numbering runs on from the earlier meeting.
    const admin = seen.get("the coordinator (admin)")!;
    expect(admin.get("Budget 2027")).toMatch(/^§ \d+$/);
    expect([...admin.values()].indexOf(admin.get("Budget 2027")!) + 1).not.toBe(
      Number(admin.get("Budget 2027")!.slice(2)),
    );
    // The public is shown the published agenda until the minutes are approved: no §, no added item.
    const publicView = seen.get("the public")!;
    expect([...publicView.values()].some((n) => n.startsWith("§"))).toBe(false);
    expect(publicView.has("Tillagd punkt")).toBe(false);
  });
});
