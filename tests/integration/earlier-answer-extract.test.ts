/**
 * A party's extract that its answer no longer carries. Östersund's IFO chief uploads the wrong
 * file with the council's answer, then reports again with the right extract (or the coordinator
 * sets the answer back as reported in error). The page links only the extract the answer
 * carries now, but the file route let everyone who may read the recommendation, the public
 * included, download every extract ever attached to an answer step: the wrong file stayed
 * public for good at its /filer id. An earlier extract is now the answer's record, kept for the
 * party's representative and the coordinator (mayOpenRecommendationFile); the current one stays
 * public with the recommendation.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { createDecision } from "~/models/decisions.server";
import { createDraft, decideRecommendation, getPartyAnswer, sendRecommendation } from "~/models/recommendations.server";
import * as filePage from "~/routes/filer.$fileId";
import * as answerForm from "~/routes/rekommendationer.$recommendationId.svar.$organisationId";
import * as recommendationPage from "~/routes/rekommendationer.$recommendationId._index";
import { makePdf } from "../fixtures/pdf";
import { sessionCookie } from "../support/browser";
import { loadAs } from "../support/loaders";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;

beforeEach(async () => {
  process.env.UPLOAD_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "uploads-"));
  ({ db, world } = await demoDatabase("2026-11-23"));
});

function sentRecommendation() {
  const decision = createDecision("demo-samordnare", {
    bodyId: world.bodyIds.svom,
    meetingId: null,
    paragraph: 12,
    decidedOn: "2026-11-20",
    matterId: null,
    title: "Rekommendation om verksamhetsplan 2027",
    text: "SVOM rekommenderar parterna att godkänna verksamhetsplanen.",
    kind: "rekommendation",
    isPublic: true,
  });
  const draft = createDraft("demo-samordnare", world.collaborationId, {
    title: "Verksamhetsplan 2027",
    ask: "Godkänna verksamhetsplanen 2027.",
    summary: "",
    answerDeadline: "2027-03-31",
    costYear: null,
    isPublic: true,
    matterId: null,
    agreementVersionId: null,
    organisationIds: [...new Set(Object.values(world.organisationIds))],
    partyDeadlines: new Map(),
  });
  const decided = decideRecommendation("demo-samordnare", draft.id, 1, decision.id, null);
  if (!decided.ok) throw new Error("not decided");
  const sent = sendRecommendation("demo-samordnare", draft.id, decided.row.version, "2026-11-23");
  if (!sent.ok) throw new Error("not sent");
  return sent.row.id;
}

async function report(userId: string, recId: number, fields: Record<string, string>, pdf?: string) {
  const organisationId = world.organisationIds.Östersund;
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  if (pdf)
    body.append("extract", new File([new Uint8Array(makePdf([pdf]))], `${pdf}.pdf`, { type: "application/pdf" }));
  const request = new Request(`http://localhost/rekommendationer/${recId}/svar/${organisationId}`, {
    method: "POST",
    body,
    headers: { Cookie: sessionCookie(db, userId) },
  });
  const params = { recommendationId: String(recId), organisationId: String(organisationId) };
  const reply = await answerForm.action({ request, params, context: {} } as never);
  expect(reply instanceof Response && reply.status, JSON.stringify(reply)).toBe(302);
}

async function downloads(userId: string | null, fileId: number): Promise<boolean> {
  try {
    const res = await loadAs(db, filePage, `/filer/${fileId}`, userId, { fileId: String(fileId) });
    return res.status === 200;
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 404) return false;
    throw thrown;
  }
}

const adopted = {
  intent: "report",
  status: "antagen",
  decisionDate: "2026-11-23",
  decidingBody: "Kommunfullmäktige",
  paragraph: "48",
  registryNumber: "KS 2026/112",
};

/** The public, a politician of Krokom, Östersund's IFO chief and Mini-Maria's manager (members of Östersund), the coordinator. */
const VIEWERS = [null, "demo-politiker", "demo-ifochef", "demo-chef", "demo-samordnare"] as const;
/** Those who may report Östersund's answer (report:party-answer: its contact person), and the coordinator. */
const KEEPERS = new Set<string | null>(["demo-ifochef", "demo-samordnare"]);

describe("an extract the party's answer no longer carries", () => {
  it("is downloadable only by the party's representative and the coordinator; the current one by everyone", async () => {
    const recId = sentRecommendation();
    const partyId = getPartyAnswer(recId, world.organisationIds.Östersund)!.id;
    await report("demo-ifochef", recId, { ...adopted, version: "1" }, "FELFIL");
    const wrong = getPartyAnswer(recId, world.organisationIds.Östersund)!.fileId!;
    await report("demo-ifochef", recId, { ...adopted, version: "2" }, "RATTUTDRAG");
    const right = getPartyAnswer(recId, world.organisationIds.Östersund)!.fileId!;
    expect(partyId).toBeGreaterThan(0);
    expect(right).not.toBe(wrong);
    for (const viewer of VIEWERS) {
      const page = await loadAs(db, recommendationPage, `/rekommendationer/${recId}`, viewer, {
        recommendationId: String(recId),
      });
      // The page links the current extract only.
      const linked = page.answers.flatMap((a) => (a.file ? [a.file.id] : []));
      expect(linked, String(viewer)).toEqual([right]);
      expect(await downloads(viewer, right), `${viewer}: the current extract`).toBe(true);
      expect(await downloads(viewer, wrong), `${viewer}: the replaced extract`).toBe(KEEPERS.has(viewer));
    }
  });

  it("is not public once the coordinator sets the answer back as reported in error", async () => {
    const recId = sentRecommendation();
    await report("demo-ifochef", recId, { ...adopted, version: "1" }, "FELFIL");
    const wrong = getPartyAnswer(recId, world.organisationIds.Östersund)!.fileId!;
    await report("demo-samordnare", recId, { intent: "correct", status: "väntar", version: "2" });
    expect(getPartyAnswer(recId, world.organisationIds.Östersund)!.fileId).toBeNull();
    for (const viewer of VIEWERS)
      expect(await downloads(viewer, wrong), `${viewer}: the voided extract`).toBe(KEEPERS.has(viewer));
  });
});
