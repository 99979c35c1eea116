/**
 * Choosing by searching (app/models/choices.server.ts, app/components/search-choice.tsx): a
 * choice field offers a page of its objects at most, a search reaches the oldest, the chosen
 * one is always offered, and what the actor may not open is neither offered nor accepted.
 * Run through the routes' own loaders and actions, with more rows than a page (and more than
 * the old caps of 60 meetings and 100 decisions).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { decisions, documentLinks, meetings } from "../../db/schema";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { createSession } from "~/auth/sessions.server";
import { CHOICE_LIMIT, choiceNote } from "~/domain/choices";
import { createDocument } from "~/models/documents.server";
import * as documentPage from "~/routes/dokument.$documentId._index";
import { demoDatabase } from "../support/test-db";

/** More than the old cap of decisions (100) and of meetings (60). */
const SEEDED = 130;

let db: Db;
let world: DemoWorld;
const cookies: Record<string, string> = {};
let documentId = 0;
let oldestDecision = 0;
let oldestMeeting = 0;
let hiddenDecision = 0;

function request(user: string, path: string, form?: Record<string, string>) {
  const headers = { Cookie: cookies[user] };
  if (!form) return new Request(`http://localhost${path}`, { headers });
  const body = new FormData();
  for (const [k, v] of Object.entries(form)) body.append(k, v);
  return new Request(`http://localhost${path}`, { method: "POST", headers, body });
}

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  for (const user of ["demo-samordnare", "demo-ifochef"]) cookies[user] = (await createSession(user)).split(";")[0];
  db.$client.transaction(() => {
    // The steering group's decisions and meetings, one a month from 2010 on.
    for (let i = 0; i < SEEDED; i++) {
      const date = `${2010 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, "0")}-15`;
      const d = db
        .insert(decisions)
        .values({
          bodyId: world.bodyIds.styrgrupp,
          year: 2010 + Math.floor(i / 12),
          paragraph: 1 + (i % 12),
          decidedOn: date,
          title: `Valprovbeslut nr ${String(i).padStart(3, "0")}`,
          text: "Beslut för att prova val.",
          isPublic: true,
          approval: "justerat",
          approvedAt: `${date}T12:00:00Z`,
        })
        .returning()
        .get();
      const m = db
        .insert(meetings)
        .values({ bodyId: world.bodyIds.styrgrupp, date, startTime: "09:00", endTime: "11:00", place: `Vallokal ${i}` })
        .returning()
        .get();
      if (i === 0) [oldestDecision, oldestMeeting] = [d.id, m.id];
    }
    db.insert(decisions)
      .values({
        bodyId: world.bodyIds.styrgrupp,
        year: 2012,
        decidedOn: "2012-06-20",
        title: "Årlig Översyn av valprovet",
        text: "Översyn.",
        isPublic: true,
        approval: "justerat",
        approvedAt: "2012-06-20T12:00:00Z",
      })
      .run();
    // A draft decision of SVOM, where the IFO chief does not sit: not theirs to open or link to.
    hiddenDecision = db
      .insert(decisions)
      .values({
        bodyId: world.bodyIds.svom,
        year: 2011,
        decidedOn: "2011-03-03",
        title: "Valprovbeslut dolt utkast",
        text: "Utkast.",
        isPublic: false,
      })
      .returning()
      .get().id;
  })();
  documentId = createDocument(
    "demo-ifochef",
    world.collaborationId,
    {
      title: "Valprovrapport",
      kind: "rapport",
      bodyId: world.bodyIds.styrgrupp,
      date: "2026-01-01",
      visibility: "members",
      bodyIds: [],
    },
    { markdown: "Text", searchText: "Text", comment: "" },
    null,
  ).id;
});

const load = async (user: string, search = "") => {
  const data = await documentPage.loader({
    request: request(user, `/dokument/${documentId}${search}`),
    params: { documentId: String(documentId) },
    context: {},
  });
  return data.linkOptions!;
};
const post = (user: string, target: string) =>
  documentPage.action({
    request: request(user, `/dokument/${documentId}`, { intent: "link", target }),
    params: { documentId: String(documentId) },
    context: {},
  });
const ids = (list: { options: { id: number }[] }) => list.options.map((o) => o.id);
const linked = (type: "decision", id: number) =>
  db
    .select()
    .from(documentLinks)
    .where(
      and(eq(documentLinks.documentId, documentId), eq(documentLinks.targetType, type), eq(documentLinks.targetId, id)),
    )
    .get() !== undefined;

describe("a document's link choices", () => {
  it("offer at most a page of each kind, the latest first, and say how many there are", async () => {
    const options = await load("demo-samordnare");
    for (const kind of ["meeting", "decision"] as const) {
      expect(options[kind].options).toHaveLength(CHOICE_LIMIT);
      expect(options[kind].total).toBeGreaterThanOrEqual(SEEDED);
      expect(choiceNote(options[kind])).toBe(
        `Visar ${CHOICE_LIMIT} av ${options[kind].total} — sök för att hitta äldre.`,
      );
    }
    expect(ids(options.decision)).not.toContain(oldestDecision);
    expect(ids(options.meeting)).not.toContain(oldestMeeting);
    const dates = options.decision.options.map((o) => o.label.slice(0, 10));
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("find an old decision and meeting beyond the old caps by a search", async () => {
    const byTitle = await load("demo-samordnare", "?sok-koppling=valprovbeslut+nr+000");
    expect(byTitle.decision.options).toEqual([{ id: oldestDecision, label: "2010-01-15 § 1 Valprovbeslut nr 000" }]);
    expect(byTitle.decision.total).toBe(1);
    // A date finds the meeting of that day (its label is the body and the date).
    const byDate = await load("demo-samordnare", "?sok-koppling=2010-01-15");
    expect(ids(byDate.meeting)).toEqual([oldestMeeting]);
    expect(ids(byDate.decision)).toEqual([oldestDecision]);
    // Words in any order and case, Å, Ä and Ö folded like A–Z; every word must occur.
    const folded = await load("demo-samordnare", "?sok-koppling=ÅRLIG+valprov+översyn");
    expect(folded.decision.options.map((o) => o.label)).toEqual(["2012-06-20 Årlig Översyn av valprovet"]);
    expect((await load("demo-samordnare", "?sok-koppling=VALPROVBESLUT+NR+000")).decision.total).toBe(1);
    // % and _ are letters, not wildcards.
    expect((await load("demo-samordnare", "?sok-koppling=%25")).decision.total).toBe(0);
  });

  it("always offer the chosen one, however old", async () => {
    const options = await load("demo-samordnare", `?sok-koppling=&target=decision:${oldestDecision}`);
    expect(ids(options.decision)[0]).toBe(oldestDecision);
    // In the place of the last of the latest: never more than a page.
    expect(options.decision.options).toHaveLength(CHOICE_LIMIT);
    expect(options.decision.shown).toBe(CHOICE_LIMIT - 1);
    expect(choiceNote(options.decision)).toBe(
      `Visar ${CHOICE_LIMIT - 1} av ${options.decision.total} — sök för att hitta äldre.`,
    );
  });

  it("link an old decision found by a search", async () => {
    const answer = await post("demo-samordnare", `decision:${oldestDecision}`);
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(302);
    expect(linked("decision", oldestDecision)).toBe(true);
  });

  it("never offer what the actor may not open, even when searched for or chosen, and refuse it when posted", async () => {
    const admin = await load("demo-samordnare", "?sok-koppling=dolt+utkast");
    expect(ids(admin.decision)).toEqual([hiddenDecision]);
    const member = await load("demo-ifochef", `?sok-koppling=dolt+utkast&target=decision:${hiddenDecision}`);
    expect(ids(member.decision)).toEqual([]);
    expect(member.decision.total).toBe(0);
    // Their own body's old decisions they do find.
    expect(ids((await load("demo-ifochef", "?sok-koppling=nr+000")).decision)).toEqual([oldestDecision]);
    const refused = await post("demo-ifochef", `decision:${hiddenDecision}`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);
    expect(linked("decision", hiddenDecision)).toBe(false);
  });
});
