/**
 * What a party's council answered, on the matter's timeline, is what the recommendation page
 * says it answered. A party's answer is recorded in steps (the party reports, the coordinator
 * confirms or corrects, an answer reported in error is set back to "väntar"); the timeline
 * listed every recorded step, so a politician following the matter read that the council had
 * adopted twice, on a date since corrected, or had adopted what was set back to "väntar".
 * Here histories of every kind are recorded through `recordAnswer`, and for every viewer who
 * may open the matter each party's answers on the timeline must be the steps that still stand
 * (`standingAnswerSteps`), the last of them the answer the recommendation page shows; the
 * seeded matters are held to the same rule.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { matters, recommendations } from "../../db/schema";
import { can, type Actor } from "~/domain/policy";
import { isSent, standingAnswerSteps, type AnswerEvent, type AnswerStatus } from "~/domain/recommendations";
import { createDecision } from "~/models/decisions.server";
import { pageOfMatterTimeline, pageOfMatters } from "~/models/matters.server";
import {
  answersOf,
  createDraft,
  decideRecommendation,
  getPartyAnswer,
  historyOf,
  recordAnswer,
  sendRecommendation,
} from "~/models/recommendations.server";
import { demoDatabase } from "../support/test-db";
import { demoViewers } from "../support/viewers";

const TODAY = "2026-11-23";
let db: Db;
let world: DemoWorld;

beforeEach(async () => {
  process.env.UPLOAD_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "uploads-"));
  ({ db, world } = await demoDatabase(TODAY));
});

type Step = [AnswerEvent, AnswerStatus, string | null, number?];

/** Each party's history, oldest first: [event, status, decision date, §]. */
const HISTORIES: Record<string, Step[]> = {
  // Reported, then confirmed as reported.
  Berg: [
    ["rapporterat", "antagen", "2026-11-20", 12],
    ["bekräftat", "antagen", "2026-11-20", 12],
  ],
  // Reported with the wrong date; the coordinator corrects it.
  Bräcke: [
    ["rapporterat", "antagen", "2026-11-18"],
    ["rättat", "antagen", "2026-11-19", 7],
  ],
  // On the council's agenda, then adopted: two stages, both facts.
  Härjedalen: [
    ["rapporterat", "behandlas", "2026-11-19"],
    ["rapporterat", "antagen", "2026-11-21", 30],
  ],
  // Reported in error and set back: nothing decided.
  Krokom: [
    ["rapporterat", "antagen", "2026-11-20", 3],
    ["rättat", "väntar", null],
  ],
  // Declined, confirmed; later adopted by a new decision: both decisions stand, once each.
  Ragunda: [
    ["rapporterat", "avslagen", "2026-11-10", 151],
    ["bekräftat", "avslagen", "2026-11-10", 151],
    ["bekräftat", "antagen", "2026-11-22", 201],
  ],
  // Recorded as declined by mistake; the coordinator corrects it to adopted.
  Strömsund: [
    ["rapporterat", "avslagen", "2026-11-10"],
    ["rättat", "antagen", "2026-11-10", 97],
  ],
  // Tabled, set back, on the agenda again, reported twice with the meeting moved.
  Åre: [
    ["rapporterat", "bordlagd", "2026-11-12"],
    ["rättat", "väntar", null],
    ["rapporterat", "behandlas", "2026-11-30"],
    ["rapporterat", "behandlas", "2026-12-07"],
  ],
};

function recommendationWithHistories() {
  const matterId = db
    .insert(matters)
    .values({ collaborationId: world.collaborationId, registryNumber: "SVAR 2026/1", title: "Svarens tidslinje" })
    .returning()
    .get().id;
  const decision = createDecision("demo-samordnare", {
    bodyId: world.bodyIds.svom,
    meetingId: null,
    paragraph: 88,
    decidedOn: "2026-11-02",
    matterId,
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
    matterId,
    agreementVersionId: null,
    organisationIds: [...new Set(Object.values(world.organisationIds))],
    partyDeadlines: new Map(),
  });
  const decided = decideRecommendation("demo-samordnare", draft.id, 1, decision.id, null);
  if (!decided.ok) throw new Error("not decided");
  if (!sendRecommendation("demo-samordnare", draft.id, decided.row.version, TODAY).ok) throw new Error("not sent");
  for (const [party, steps] of Object.entries(HISTORIES)) {
    const organisationId = world.organisationIds[party as keyof typeof world.organisationIds];
    for (const [event, status, decisionDate, paragraph] of steps) {
      const row = getPartyAnswer(draft.id, organisationId)!;
      const answer = {
        status,
        decisionDate,
        decidingBody: status === "väntar" ? "" : "Kommunfullmäktige",
        paragraph: paragraph ?? null,
        registryNumber: "",
        changes: "",
        note: "",
      };
      expect(recordAnswer("demo-samordnare", row.id, row.version, answer, event, null).ok).toBe(true);
    }
  }
  return { matterId, recommendationId: draft.id };
}

/** Who may open the matter's page (read:matters): the timeline is theirs. */
function matterReaders(): [string, Actor][] {
  return demoViewers(world, TODAY).filter(
    (v): v is [string, Actor] => v[1] !== null && can(v[1], "read:matters", { collaborationId: world.collaborationId }),
  );
}

/** The timeline's answers to these recommendations as "party: date status", in the timeline's order. */
async function answersOnTimeline(actor: Actor, matterId: number, recommendationIds: number[]) {
  const { items } = await pageOfMatterTimeline(actor, matterId, { page: 1, size: 10_000 });
  return items
    .filter((e) => e.kind === "svar" && recommendationIds.some((id) => e.href === `/rekommendationer/${id}`))
    .map((e) => ({
      href: e.href!,
      party: e.bodyName!,
      line: `${e.date} ${e.text.split(" ")[e.bodyName!.split(" ").length]}`,
    }));
}

/** What the timeline must show per recommendation and party: the standing steps with a date. */
function standing(recommendationIds: number[]) {
  return answersOf(recommendationIds).flatMap((a) =>
    standingAnswerSteps(historyOf(a.id))
      .filter((s) => s.decisionDate !== null)
      .map((s) => ({
        href: `/rekommendationer/${a.recommendationId}`,
        party: a.organisation,
        line: `${s.decisionDate} ${s.status}`,
      })),
  );
}

const byKey = (rows: { href: string; party: string; line: string }[]) =>
  rows.map((r) => `${r.href} ${r.party}: ${r.line}`).sort();

describe("a party's answers on the matter's timeline", () => {
  it("are the steps that stand, the last one the answer the recommendation page shows, for every viewer", async () => {
    const { matterId, recommendationId } = recommendationWithHistories();
    // What the recommendation page says each party answered (answersOf is its loader's read).
    const page = answersOf([recommendationId]);
    const readers = matterReaders();
    expect(readers.length).toBeGreaterThanOrEqual(3);
    for (const [who, actor] of readers) {
      const timeline = await answersOnTimeline(actor, matterId, [recommendationId]);
      expect(byKey(timeline), who).toEqual(byKey(standing([recommendationId])));
      for (const party of Object.keys(HISTORIES)) {
        const shown = page.find((a) => a.organisation.startsWith(party))!;
        const last = timeline.filter((t) => t.party === shown.organisation).at(-1);
        expect(last?.line ?? null, `${who}, ${party}`).toBe(
          shown.decisionDate ? `${shown.decisionDate} ${shown.status}` : null,
        );
      }
    }
  });

  it("hold the seeded matters to the same rule", async () => {
    // Sent ones only: a draft is on no timeline (the coordinator's until sent).
    const seeded = db
      .select({ id: recommendations.id, matterId: recommendations.matterId, status: recommendations.status })
      .from(recommendations)
      .all()
      .filter((r) => isSent(r.status));
    const { items } = await pageOfMatters(world.collaborationId, { page: 1, size: 1000 });
    let checked = 0;
    for (const [who, actor] of matterReaders())
      for (const matter of items) {
        const ids = seeded.filter((r) => r.matterId === matter.id).map((r) => r.id);
        if (ids.length === 0) continue;
        const timeline = await answersOnTimeline(actor, matter.id, ids);
        expect(byKey(timeline), `${who}, ${matter.registryNumber}`).toEqual(byKey(standing(ids)));
        checked += timeline.length;
      }
    expect(checked).toBeGreaterThan(0);
  });
});

describe("standingAnswerSteps", () => {
  const s = (event: AnswerEvent, status: AnswerStatus) => ({ event, status });
  it.each([
    ["a confirmation restates the report", [s("rapporterat", "antagen"), s("bekräftat", "antagen")], [1]],
    ["a correction replaces the step", [s("rapporterat", "avslagen"), s("rättat", "antagen")], [1]],
    ["a new stage keeps the earlier one", [s("rapporterat", "behandlas"), s("rapporterat", "antagen")], [0, 1]],
    ["a new decision keeps the earlier one", [s("bekräftat", "avslagen"), s("bekräftat", "antagen")], [0, 1]],
    [
      "a reset voids what came before",
      [s("rapporterat", "behandlas"), s("rapporterat", "antagen"), s("rättat", "väntar")],
      [2],
    ],
    [
      "after a reset, the new steps",
      [s("rapporterat", "antagen"), s("bekräftat", "väntar"), s("rapporterat", "behandlas")],
      [1, 2],
    ],
    ["nothing recorded", [], []],
  ] as const)("%s", (_, history, kept) => {
    const steps = history.map((h, i) => ({ ...h, i }));
    expect(standingAnswerSteps(steps).map((h) => h.i)).toEqual(kept);
  });
});
