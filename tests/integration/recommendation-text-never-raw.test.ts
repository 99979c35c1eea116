/**
 * A recommendation's "what is proposed and why" (summary) is written in Markdown: the reading
 * page renders it, search indexes its plain text. The letters to each party's registrar (the
 * recommendation, a correction, the reminders) carried it as typed, so a council's registry
 * and its politicians read `**`, `[text](url)` and `##` in the letter, and a raw tag's
 * content as text. Here a summary with every kind of Markdown and a raw tag is sent, corrected
 * and reminded to every party, and every surface that carries it outside the page (each
 * letter's text and HTML part, the search snippet for the public and a reader) must hold its
 * words and none of its Markdown.
 */
import { eq, like } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { mailOutbox, parties } from "../../db/schema";
import { createDecision } from "~/models/decisions.server";
import {
  correctRecommendation,
  createDraft,
  decideRecommendation,
  sendDueReminders,
  sendRecommendation,
} from "~/models/recommendations.server";
import { search } from "~/models/search.server";
import { demoDatabase } from "../support/test-db";
import { demoViewers } from "../support/viewers";

let db: Db;
let world: DemoWorld;

beforeEach(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
});

const SUMMARY = [
  "Bakgrund med **FETTORD** och _KURSIVORD_ samt `KODORD`.",
  "## RUBRIKORD",
  "- PUNKTETT\n- PUNKTTVÅ",
  "Se [LÄNKTEXT](https://exempel.se/underlag) och > CITATORD.",
  "<script>SKRIPTORD()</script><b>TAGGORD</b>",
].join("\n\n");

/** Words of the summary that every surface must carry (the text is not lost). */
const WORDS = ["FETTORD", "KURSIVORD", "KODORD", "RUBRIKORD", "PUNKTETT", "PUNKTTVÅ", "LÄNKTEXT", "TAGGORD"];
/** Markdown and markup that no surface outside the page may show as typed. */
const RAW = ["**", "_KURSIVORD_", "`", "## ", "](", "<script", "&lt;script", "SKRIPTORD", "<b>", "&lt;b&gt;"];

describe("a recommendation's summary outside its page", () => {
  it("reaches the parties' registrars and search as text, never as Markdown", async () => {
    db.update(parties).set({ registrarEmail: "registrator@part.example" }).run();
    const decision = createDecision("demo-samordnare", {
      bodyId: world.bodyIds.svom,
      meetingId: null,
      paragraph: 77,
      decidedOn: "2026-11-20",
      matterId: null,
      title: "Rekommendation om verksamhetsplan 2027",
      text: "SVOM rekommenderar parterna att godkänna verksamhetsplanen 2027.",
      kind: "rekommendation",
      isPublic: true,
    });
    const draft = createDraft("demo-samordnare", world.collaborationId, {
      title: "Verksamhetsplan 2027",
      summary: SUMMARY,
      ask: "Att godkänna verksamhetsplanen 2027.",
      answerDeadline: "2027-01-31",
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
    const corrected = correctRecommendation(
      "demo-samordnare",
      draft.id,
      sent.row.version,
      { title: sent.row.title, ask: sent.row.ask, summary: SUMMARY, answerDeadline: "2027-02-15", costYear: null },
      "Sista svarsdag förlängd",
      "2026-11-24",
    );
    expect(corrected.ok).toBe(true);
    expect(sendDueReminders("demo-samordnare", draft.id, "2027-02-01").length).toBeGreaterThan(0);

    const letters = db
      .select()
      .from(mailOutbox)
      .where(like(mailOutbox.eventKey, "recommendation-letter:%"))
      .all()
      .filter((m) => m.subject.endsWith("Verksamhetsplan 2027"));
    const kinds = new Set(letters.map((m) => m.subject.split(":")[0]));
    // The demo's parties have contact persons (the IFO chiefs): each is reminded too, without the summary.
    expect([...kinds].sort()).toEqual([
      "Påminnelse om svar",
      "Påminnelse om svar på rekommendation",
      "Rekommendation",
      "Rättad rekommendation",
    ]);
    const withSummary = letters.filter((m) => m.kind === "recommendation" || m.toName.startsWith("Registrator"));
    expect(withSummary.length).toBeGreaterThanOrEqual(3 * 9);
    const problems: string[] = [];
    for (const m of withSummary)
      for (const [part, body] of [
        ["text", m.textBody],
        ["html", m.htmlBody],
      ] as const) {
        const where = `${m.subject} to ${m.toName} (${part})`;
        for (const word of WORDS) if (!body.includes(word)) problems.push(`${where}: lacks ${word}`);
        for (const raw of RAW) if (body.includes(raw)) problems.push(`${where}: shows ${raw}`);
      }
    expect(problems).toEqual([]);

    // The search snippet, for the public and for a signed-in reader.
    for (const [who, actor] of demoViewers(world, "2026-11-23").slice(0, 2)) {
      const hit = (await search(actor, "FETTORD PUNKTTVÅ", { kind: "recommendation" })).items.find(
        (i) => i.refId === draft.id,
      );
      expect(hit, who).toBeDefined();
      for (const raw of RAW) expect(hit!.snippetHtml, `${who}: ${raw}`).not.toContain(raw);
    }
    expect(db.select().from(mailOutbox).where(eq(mailOutbox.status, "skickat")).all()).toEqual([]);
  });
});
