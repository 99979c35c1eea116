/**
 * A public recommendation may be decided in a § that is not public (a confidential item). Every
 * surface shows an object only to those who may open the object's own page: whoever may not
 * open the § (`canReadDecision`) may read the recommendation and its own text, never the §'s
 * title, text or number, nor the extract of the minutes and the documents attached with it.
 *
 * Before the fix the reading page listed the extract and the documents to the public, the file
 * route let the public download them (readable "where the recommendation is"), the follow-up
 * report named the § ("SVOM … § n") to everyone, and each letter to a party's registrar carried
 * the §'s full text by e-mail. The register, its CSV, the Atom feed, search and the start page
 * already held (this test would catch them too): the canaries are hunted on every surface, as
 * every viewer, and must be seen exactly by those who may open the §.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { like } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { files, mailOutbox, parties } from "../../db/schema";
import { getViewer } from "~/auth/session.server";
import { canReadDecision } from "~/domain/decisions";
import type { Actor } from "~/domain/policy";
import { createDecision, getDecision } from "~/models/decisions.server";
import { createDraft, decideRecommendation, sendRecommendation } from "~/models/recommendations.server";
import { search } from "~/models/search.server";
import * as startPage from "~/routes/_index";
import * as registerCsv from "~/routes/beslut[.csv]";
import * as filePage from "~/routes/filer.$fileId";
import * as feed from "~/routes/organ.$bodyId.flode[.atom]";
import * as recommendationPage from "~/routes/rekommendationer.$recommendationId._index";
import * as followUp from "~/routes/rekommendationer.$recommendationId.uppfoljning";
import * as matrix from "~/routes/rekommendationer._index";
import * as answerForm from "~/routes/rekommendationer.$recommendationId.svar.$organisationId";
import { sessionCookie } from "../support/browser";
import { loadAs } from "../support/loaders";
import { demoDatabase } from "../support/test-db";

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "rec-paragraph-"));
process.env.UPLOAD_DIR = uploads;

let db: Db;
let world: DemoWorld;

beforeEach(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  db.update(parties).set({ registrarEmail: "registrator@part.example" }).run();
});

/** The public, a politician of Krokom (reader), Östersund's IFO chief (member), the coordinator. */
const VIEWERS = [null, "demo-politiker", "demo-ifochef", "demo-samordnare"] as const;

/** What of the § no one who may not open it may meet anywhere. */
const CANARIES = ["KANARIEPARAGRAFRUBRIK", "KANARIEPARAGRAFTEXT", "9797", "kanarieutdrag.pdf", "kanarieunderlag.pdf"];
/** What of it the reading page shows (its text is on the decision's own page). */
const ON_PAGE = CANARIES.filter((c) => c !== "KANARIEPARAGRAFTEXT");
/** The recommendation's own public text: everyone who reads it sees it. */
const OWN_TEXT = "PUBLIKREKOMMENDATION";

async function actorOf(userId: string | null): Promise<Actor | null> {
  const headers: Record<string, string> = userId ? { Cookie: sessionCookie(db, userId) } : {};
  return (await getViewer(new Request("http://localhost/", { headers })))?.actor ?? null;
}

/** A stored file with bytes, as an upload leaves it, for the decide step. */
function storedFile(name: string) {
  return {
    insert: (tx: Db) => {
      const storageName = `${name}-${Math.random().toString(36).slice(2)}.bin`;
      fs.writeFileSync(path.join(uploads, storageName), `%PDF-1.4 ${name}`);
      return [
        tx
          .insert(files)
          .values({
            storageName,
            originalName: name,
            mime: "application/pdf",
            size: 10,
            sha256: "0".repeat(64),
            uploadedBy: "demo-samordnare",
          })
          .returning()
          .get(),
      ];
    },
  };
}

/** A public recommendation, sent, decided by a SVOM § (public or not) with an extract and a supporting document. */
function recommendationDecidedBy(isPublic: boolean) {
  const decision = createDecision("demo-samordnare", {
    bodyId: world.bodyIds.svom,
    meetingId: null,
    paragraph: 9797,
    decidedOn: "2026-09-01",
    matterId: null,
    title: "KANARIEPARAGRAFRUBRIK om en enskild placering",
    text: "KANARIEPARAGRAFTEXT: SVOM rekommenderar parterna att anta rutinen.",
    kind: "rekommendation",
    isPublic,
  });
  const draft = createDraft("demo-samordnare", world.collaborationId, {
    title: "Gemensam rutin för placeringar",
    ask: `Att anta rutinen (${OWN_TEXT}).`,
    summary: `Rutinen gäller alla parter. ${OWN_TEXT}`,
    answerDeadline: "2026-12-15",
    costYear: null,
    isPublic: true,
    matterId: null,
    agreementVersionId: null,
    organisationIds: [...new Set(Object.values(world.organisationIds))],
    partyDeadlines: new Map(),
  });
  const extract = storedFile("kanarieutdrag.pdf");
  const supporting = storedFile("kanarieunderlag.pdf");
  const staged = {
    insert: (tx: Db) => [...extract.insert(tx), ...supporting.insert(tx)],
    discard: () => {},
  } as unknown as Parameters<typeof decideRecommendation>[4];
  const decided = decideRecommendation("demo-samordnare", draft.id, 1, decision.id, staged, ["utdrag", "underlag"]);
  if (!decided.ok) throw new Error("not decided");
  const sent = sendRecommendation("demo-samordnare", draft.id, decided.row.version, "2026-09-02");
  if (!sent.ok) throw new Error("not sent");
  const fileIds = db
    .select({ id: files.id, name: files.originalName })
    .from(files)
    .all()
    .filter((f) => f.name.startsWith("kanarie"))
    .map((f) => f.id);
  return { id: draft.id, decisionId: decision.id, fileIds };
}

async function textOf(run: () => Promise<unknown>): Promise<string> {
  try {
    const out = await run();
    if (out instanceof Response) return `${out.status} ${await out.text()}`;
    return JSON.stringify(out);
  } catch (thrown) {
    if (thrown instanceof Response) return `${thrown.status}`;
    throw thrown;
  }
}

/** Every surface that renders the recommendation, the § or its files, as `userId` meets it. */
async function surfacesFor(userId: string | null, id: number, fileIds: number[]) {
  const actor = await actorOf(userId);
  const rid = { recommendationId: String(id) };
  const surfaces: Record<string, string> = {
    page: await textOf(() => loadAs(db, recommendationPage, `/rekommendationer/${id}`, userId, rid)),
    followUp: await textOf(() => loadAs(db, followUp, `/rekommendationer/${id}/uppfoljning`, userId, rid)),
    matrix: await textOf(() => loadAs(db, matrix, "/rekommendationer", userId)),
    start: await textOf(() => loadAs(db, startPage, "/", userId)),
    registerCsv: await textOf(() => loadAs(db, registerCsv, "/beslut.csv", userId)),
    search: await textOf(async () => [
      ...(await search(actor, "KANARIEPARAGRAFRUBRIK", {})).items,
      ...(await search(actor, "KANARIEPARAGRAFTEXT", {})).items,
      ...(await search(actor, OWN_TEXT, {})).items,
    ]),
  };
  for (const fileId of fileIds)
    surfaces[`file ${fileId}`] = await textOf(() =>
      loadAs(db, filePage, `/filer/${fileId}`, userId, { fileId: String(fileId) }),
    );
  return { actor, surfaces };
}

/** The surfaces no one signs in to: the body's Atom feed and the letters to the registrars. */
async function publicOnlySurfaces() {
  const letters = db.select().from(mailOutbox).where(like(mailOutbox.eventKey, "recommendation-letter:%")).all();
  expect(letters.length, "letters to the registrars").toBeGreaterThan(0);
  return {
    feed: await textOf(() =>
      loadAs(db, feed, `/organ/${world.bodyIds.svom}/flode.atom`, null, { bodyId: String(world.bodyIds.svom) }),
    ),
    letters: letters.map((m) => `${m.subject}\n${m.textBody}\n${m.htmlBody}`).join("\n"),
  };
}

describe("a public recommendation decided in a § that is not public", () => {
  it("shows the § and its extract on every surface only to those who may open the §", async () => {
    const { id, decisionId, fileIds } = recommendationDecidedBy(false);
    expect(fileIds).toHaveLength(2);
    const decision = getDecision(decisionId)!;
    const leaks: string[] = [];
    const seenBy = new Set<string>();
    for (const userId of VIEWERS) {
      const { actor, surfaces } = await surfacesFor(userId, id, fileIds);
      const mayOpen = canReadDecision(actor, decision);
      if (mayOpen) seenBy.add(String(userId));
      // The recommendation itself is public: its page and its text reach everyone.
      expect(surfaces.page, `${userId}: the recommendation's own text`).toContain(OWN_TEXT);
      for (const [surface, text] of Object.entries(surfaces)) {
        if (mayOpen) continue;
        for (const canary of CANARIES) if (text.includes(canary)) leaks.push(`${userId} ${surface}: ${canary}`);
        if (surface.startsWith("file") && !text.startsWith("404")) leaks.push(`${userId} ${surface}: downloadable`);
      }
      if (mayOpen) {
        // The hunt can see: one who may open the § meets it on the page, the report and the files.
        for (const canary of ON_PAGE) expect(surfaces.page, `${userId} page`).toContain(canary);
        expect(surfaces.followUp, `${userId} follow-up`).toContain("§ 9797");
        for (const fileId of fileIds) expect(surfaces[`file ${fileId}`], `${userId} file`).toMatch(/^200 /);
      }
    }
    for (const [surface, text] of Object.entries(await publicOnlySurfaces()))
      for (const canary of CANARIES) if (text.includes(canary)) leaks.push(`public ${surface}: ${canary}`);
    expect(leaks).toEqual([]);
    // Neither side is empty: the public may not open the §, the coordinator may.
    expect(seenBy.has("null")).toBe(false);
    expect(seenBy.has("demo-samordnare")).toBe(true);
  });

  it("shows a public § with its extract to everyone, the letters included", async () => {
    const { id, fileIds } = recommendationDecidedBy(true);
    for (const userId of VIEWERS) {
      const { surfaces } = await surfacesFor(userId, id, fileIds);
      for (const canary of ON_PAGE) expect(surfaces.page, `${userId} page`).toContain(canary);
      expect(surfaces.followUp, `${userId} follow-up`).toContain("§ 9797");
      for (const fileId of fileIds) expect(surfaces[`file ${fileId}`], `${userId} file`).toMatch(/^200 /);
    }
    const { letters } = await publicOnlySurfaces();
    expect(letters).toContain("KANARIEPARAGRAFTEXT");
    expect(letters).toContain("§ 9797");
  });

  it("refuses an answer dated before the § without naming the date of a § the reporter may not open", async () => {
    const { id, decisionId } = recommendationDecidedBy(false);
    const östersund = world.organisationIds.Östersund;
    const post = async (userId: string, intent: string, version: number) => {
      const body = new FormData();
      const fields = {
        intent,
        status: "antagen",
        decisionDate: "2026-08-15",
        decidingBody: "Kommunfullmäktige",
        paragraph: "48",
        registryNumber: "KS 2026/112",
        version: String(version),
      };
      for (const [k, v] of Object.entries(fields)) body.append(k, v);
      const request = new Request(`http://localhost/rekommendationer/${id}/svar/${östersund}`, {
        method: "POST",
        body,
        headers: { Cookie: sessionCookie(db, userId) },
      });
      const params = { recommendationId: String(id), organisationId: String(östersund) };
      return textOf(() => answerForm.action({ request, params, context: {} } as never));
    };
    // Östersund's IFO chief sits in no SVOM seat: the § is not hers to open, nor its date.
    expect(canReadDecision(await actorOf("demo-ifochef"), getDecision(decisionId)!)).toBe(false);
    const reported = await post("demo-ifochef", "report", 1);
    expect(reported).not.toContain("2026-09-01");
    expect(reported).not.toContain("9797");
    // The coordinator, who may open the §, is stopped by its date when confirming.
    const confirmed = await post("demo-samordnare", "confirm", 2);
    expect(confirmed).toContain("Datumet kan inte ligga före 2026-09-01");
  });
});
