/**
 * A closed recommendation ("avslutad") asks no party for an answer any more: its follow-up is
 * over, the start page and the reminders leave it out. The recommendation's page, the matrix's
 * cells and its "Inte svarat" list, and the follow-up report still marked every party without
 * a decision "försenat" and chased it. The rule is the withdrawal's (`asksForAnswers`): from the
 * day the recommendation is closed nobody is late or chased, on any surface, for any viewer. But
 * unlike a withdrawal, closing does not undo the question: the record says truthfully who never
 * answered ("Svarade inte"), on the page, in the matrix and in the report. Before closing, the
 * same surfaces must say who is late (the test cannot pass by showing nothing).
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { createDecision } from "~/models/decisions.server";
import {
  closeRecommendation,
  createDraft,
  decideRecommendation,
  getPartyAnswer,
  recordAnswer,
  sendRecommendation,
} from "~/models/recommendations.server";
import * as recommendationPage from "~/routes/rekommendationer.$recommendationId._index";
import * as followUpPage from "~/routes/rekommendationer.$recommendationId.uppfoljning";
import * as matrixPage from "~/routes/rekommendationer._index";
import * as startPage from "~/routes/_index";
import { loadAs } from "../support/loaders";
import { demoDatabase } from "../support/test-db";

let db: Db;
let world: DemoWorld;

beforeEach(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
});

/** The public, a politician of Krokom (reader), Östersund's IFO chief (member), the coordinator. */
const VIEWERS = [null, "demo-politiker", "demo-ifochef", "demo-samordnare"] as const;

const load = <T>(page: { loader: (a: never) => Promise<T> }, url: string, userId: string | null, params = {}) =>
  loadAs(db, page, url, userId, params);

/** Past its deadline, sent to every party; Berg has adopted it, the others have not answered. */
function lateRecommendation() {
  const decision = createDecision("demo-samordnare", {
    bodyId: world.bodyIds.svom,
    meetingId: null,
    paragraph: 66,
    decidedOn: "2026-09-01",
    matterId: null,
    title: "Rekommendation om gemensam rutin",
    text: "SVOM rekommenderar parterna att anta rutinen.",
    kind: "rekommendation",
    isPublic: true,
  });
  const draft = createDraft("demo-samordnare", world.collaborationId, {
    title: "Gemensam rutin AVSLUTAS",
    ask: "Att anta rutinen.",
    summary: "",
    answerDeadline: "2026-10-15",
    costYear: null,
    isPublic: true,
    matterId: null,
    agreementVersionId: null,
    organisationIds: [...new Set(Object.values(world.organisationIds))],
    partyDeadlines: new Map(),
  });
  const decided = decideRecommendation("demo-samordnare", draft.id, 1, decision.id, null);
  if (!decided.ok) throw new Error("not decided");
  const sent = sendRecommendation("demo-samordnare", draft.id, decided.row.version, "2026-09-02");
  if (!sent.ok) throw new Error("not sent");
  const berg = getPartyAnswer(draft.id, world.organisationIds.Berg)!;
  const adopted = {
    status: "antagen" as const,
    decisionDate: "2026-10-01",
    decidingBody: "Kommunfullmäktige",
    paragraph: 9,
    registryNumber: "",
    changes: "",
    note: "",
  };
  expect(recordAnswer("demo-samordnare", berg.id, berg.version, adopted, "bekräftat", null).ok).toBe(true);
  return sent.row;
}

/** Every statement of lateness about the recommendation on every surface, for one viewer. */
async function latenessSeenBy(userId: string | null, id: number) {
  const seen: string[] = [];
  const params = { recommendationId: String(id) };
  const page = await load(recommendationPage, `/rekommendationer/${id}`, userId, params);
  if (page.ownAsk?.overdue) seen.push(`page: ${page.ownAsk.name} (ert svar) försenat`);
  for (const a of page.answers) if (a.overdue) seen.push(`page: ${a.organisation} försenat`);
  if (/har inte svarat/.test(page.summary) && !/ och 0 har inte svarat\.$/.test(page.summary))
    seen.push(`page: ${page.summary}`);
  const report = await load(followUpPage, `/rekommendationer/${id}/uppfoljning`, userId, params);
  for (const r of report.rows) if (r.overdue) seen.push(`report: ${r.organisation} försenat`);
  for (const r of report.remaining) seen.push(`report: ${r.organisation} ${r.remains}`);
  if (/har inte svarat/.test(report.summary) && !/ och 0 har inte svarat\.$/.test(report.summary))
    seen.push(`report: ${report.summary}`);
  if (report.coordinator?.remindersDue) seen.push(`report: ${report.coordinator.remindersDue} ska påminnas`);
  const matrix = await load(matrixPage, "/rekommendationer", userId);
  const row = matrix.rows.find((r) => r.id === id)!;
  for (const [org, cell] of Object.entries(row.cells)) if (cell.overdue) seen.push(`matrix: ${org} försenat`);
  for (const r of matrix.notAnswered.filter((n) => n.id === id)) seen.push(`matrix, inte svarat: ${r.names}`);
  const start = await load(startPage, "/", userId);
  if (start.signedIn)
    for (const c of start.collaborations)
      for (const p of c.followUp.pendingAnswers.filter((a) => a.recommendationId === id))
        seen.push(`start: ${p.title}${p.overdue ? " försenat" : ""}`);
  return seen;
}

/** What the record says of the parties that never answered, on every surface, for one viewer. */
async function neverAnsweredSeenBy(userId: string | null, id: number) {
  const params = { recommendationId: String(id) };
  const page = await load(recommendationPage, `/rekommendationer/${id}`, userId, params);
  const report = await load(followUpPage, `/rekommendationer/${id}/uppfoljning`, userId, params);
  const matrix = await load(matrixPage, "/rekommendationer", userId);
  const row = matrix.rows.find((r) => r.id === id)!;
  return {
    page: page.answers.filter((a) => a.didNotAnswer).length,
    summary: page.summary,
    own: page.ownAsk ? { didNotAnswer: page.ownAsk.didNotAnswer, canReport: page.ownAsk.canReport } : null,
    report: report.rows.filter((r) => r.didNotAnswer).length,
    reportSummary: report.summary,
    matrix: Object.values(row.cells).filter((c) => c.didNotAnswer).length,
  };
}

describe("a recommendation closed after its deadline", () => {
  it("tells no viewer on any surface that a party is late, and keeps who never answered", async () => {
    const rec = lateRecommendation();
    for (const viewer of VIEWERS) {
      const seen = await latenessSeenBy(viewer, rec.id);
      const lateOnPage = seen.filter((s) => /^page: .* försenat$/.test(s) && !s.includes("(ert svar)"));
      expect(lateOnPage, String(viewer)).toHaveLength(8);
      expect(
        seen.some((s) => s.startsWith("matrix, inte svarat")),
        String(viewer),
      ).toBe(true);
      expect((await neverAnsweredSeenBy(viewer, rec.id)).page, String(viewer)).toBe(0);
    }
    expect(closeRecommendation("demo-samordnare", rec.id, rec.version).ok).toBe(true);
    for (const viewer of VIEWERS) {
      expect(await latenessSeenBy(viewer, rec.id), String(viewer)).toEqual([]);
      const record = await neverAnsweredSeenBy(viewer, rec.id);
      expect(record, String(viewer)).toMatchObject({
        page: 8,
        summary: "1 av 9 har antagit och 8 svarade inte.",
        report: 8,
        reportSummary: "1 av 9 har antagit och 8 svarade inte.",
        matrix: 8,
      });
    }
    // Östersund's IFO chief reads its own party's record and is not offered a report it cannot make.
    expect((await neverAnsweredSeenBy("demo-ifochef", rec.id)).own).toEqual({ didNotAnswer: true, canReport: false });
  });
});
