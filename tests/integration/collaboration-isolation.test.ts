/**
 * Two collaborations in one database (the demo's Mini-Maria and the example one, both governed
 * by SVOM): every model query asked for one collaboration returns only that collaboration's
 * rows, and what is open to "members" is open only to those who take part.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { ExampleCollaboration } from "../../db/demo-collaboration";
import type { DemoWorld } from "../../db/demo-world";
import {
  agendaItems,
  agreements,
  agreementVersions,
  assignments,
  bodyCollaborations,
  decisions,
  documents,
  matters,
  meetings,
  recommendations,
  users,
} from "../../db/schema";
import type { PageRequest } from "~/domain/pagination";
import { can, type Actor } from "~/domain/policy";
import { agreementOf, partiesOf } from "~/models/agreements.server";
import { pageOfAssignments } from "~/models/assignments.server";
import { listBodies } from "~/models/bodies.server";
import { pageOfDecisions } from "~/models/decisions.server";
import { linkOptions, mayPlaceOn } from "~/models/document-links.server";
import { canReadDocument, pageOfDocuments } from "~/models/documents.server";
import { definitionsOf, keyFigureYears } from "~/models/key-figures.server";
import { matterChoices, pageOfMatters } from "~/models/matters.server";
import { pageOfRecommendations } from "~/models/recommendations.server";
import { search } from "~/models/search.server";
import { loadActor } from "~/models/users.server";
import { demoDatabase } from "../support/test-db";

const TODAY = "2026-11-23";
const ALL: PageRequest = { page: 1, size: 1000 };

let db: Db;
let world: DemoWorld;
let example: ExampleCollaboration;
const actorOf = (userId: string): Actor => {
  const user = db.select().from(users).where(eq(users.id, userId)).get()!;
  return loadActor(user, TODAY);
};

beforeAll(async () => {
  const built = await demoDatabase(TODAY, { exampleCollaboration: true });
  ({ db, world } = built);
  example = built.example!;
});

describe("one collaboration's queries never return another's rows", () => {
  const ids = () => [world.collaborationId, example.collaborationId] as const;

  it("matters, assignments, documents and key figures", async () => {
    const admin = actorOf("demo-samordnare");
    for (const [own, other] of [ids(), [...ids()].reverse()]) {
      const matterIds = new Set(
        db
          .select({ id: matters.id })
          .from(matters)
          .where(eq(matters.collaborationId, other))
          .all()
          .map((m) => m.id),
      );
      expect(matterIds.size).toBeGreaterThan(0);
      const page = (await pageOfMatters(own, ALL)).items;
      expect(page.length).toBeGreaterThan(0);
      expect(page.filter((m) => matterIds.has(m.id))).toEqual([]);
      expect(
        matterChoices([own], { param: "sok-arende", search: "" }).options.filter((m) => matterIds.has(m.id)),
      ).toEqual([]);

      const otherAssignments = new Set(
        db
          .select({ id: assignments.id })
          .from(assignments)
          .where(eq(assignments.collaborationId, other))
          .all()
          .map((a) => a.id),
      );
      const mine = (await pageOfAssignments(admin, own, "alla", TODAY, ALL)).items;
      expect(mine.filter((a) => otherAssignments.has(a.id))).toEqual([]);

      const otherDocuments = new Set(
        db
          .select({ id: documents.id })
          .from(documents)
          .where(eq(documents.collaborationId, other))
          .all()
          .map((d) => d.id),
      );
      expect(otherDocuments.size).toBeGreaterThan(0);
      const docs = (await pageOfDocuments(admin, { collaborationId: own }, ALL)).items;
      expect(docs.length).toBeGreaterThan(0);
      expect(docs.filter((d) => otherDocuments.has(d.id))).toEqual([]);

      const otherLabels = new Set(definitionsOf(other).map((d) => d.label));
      expect(definitionsOf(own).filter((d) => otherLabels.has(d.label))).toEqual([]);
      expect(keyFigureYears(own).length).toBeGreaterThan(0);
    }
  });

  it("parties, agreement, bodies and recommendations", async () => {
    const [mini, ex] = ids();
    expect(partiesOf(ex).map((p) => p.name)).toEqual([
      "Region Jämtland Härjedalen",
      "Krokoms kommun",
      "Åre kommun",
      "Östersunds kommun",
    ]);
    expect(partiesOf(mini)).toHaveLength(9);
    expect(agreementOf(ex)!.id).not.toBe(agreementOf(mini)!.id);
    // SVOM serves both; each collaboration's own steering group serves only it.
    const exampleBodies = listBodies(ex).map((b) => b.id);
    expect(exampleBodies).toEqual(expect.arrayContaining([world.bodyIds.svom, example.steeringGroupId]));
    expect(exampleBodies).not.toContain(world.bodyIds.styrgrupp);
    expect(listBodies(mini).map((b) => b.id)).not.toContain(example.steeringGroupId);
    expect((await pageOfRecommendations(null, ex, null, ALL)).items).toEqual([]);
    expect((await pageOfRecommendations(null, mini, null, ALL)).items.length).toBeGreaterThan(0);
  });

  it("the register splits one body's § series by the matters it handled", async () => {
    const [mini, ex] = ids();
    const svomOf = async (collaborationId: number) =>
      (await pageOfDecisions(null, { collaborationId, bodyId: world.bodyIds.svom }, ALL)).items.map((d) => d.title);
    expect(await svomOf(ex)).toEqual(["Spelprevention: uppföljning av första avtalsåret (exempel)"]);
    expect(await svomOf(mini)).toContain("Mini-Maria: verksamhetsberättelse 2025");
    expect(await svomOf(mini)).not.toContain("Spelprevention: uppföljning av första avtalsåret (exempel)");
    // One continuous series: the shared meeting's two register § follow each other.
    const paragraphs = db
      .select({ paragraph: decisions.paragraph, matterId: decisions.matterId })
      .from(decisions)
      .where(eq(decisions.meetingId, example.svomMeetingId))
      .all();
    const p = (matterId: number) => paragraphs.find((d) => d.matterId === matterId)!.paragraph!;
    expect(p(example.matterIds.example)).toBe(p(example.matterIds.miniMaria) + 1);
  });
});

describe("what is open to members is open to those who take part", () => {
  it("a member of only the example collaboration reads none of Mini-Maria's matters, assignments or members' documents", async () => {
    const sigrid = actorOf("demo-spel");
    const ingrid = actorOf("demo-ifochef");
    expect([...sigrid.collaborationIds]).toEqual([example.collaborationId]);
    expect([...ingrid.collaborationIds]).toEqual([world.collaborationId]);
    expect(can(sigrid, "read:matters", { collaborationId: world.collaborationId })).toBe(false);
    expect(can(sigrid, "read:assignments", { collaborationId: world.collaborationId })).toBe(false);
    expect(can(sigrid, "read:matters", { collaborationId: example.collaborationId })).toBe(true);
    expect(can(ingrid, "read:matters", { collaborationId: example.collaborationId })).toBe(false);

    const membersDocs = db.select().from(documents).where(eq(documents.visibility, "members")).all();
    for (const doc of membersDocs) {
      expect(canReadDocument(sigrid, doc), doc.title).toBe(doc.collaborationId === example.collaborationId);
      expect(canReadDocument(ingrid, doc), doc.title).toBe(doc.collaborationId === world.collaborationId);
    }
    // The list applies the same rule in its query, whatever collaboration is asked for.
    const listed = (await pageOfDocuments(sigrid, { collaborationId: world.collaborationId }, ALL)).items;
    expect(listed.filter((d) => d.visibility !== "public")).toEqual([]);
  });

  it("a politician in SVOM takes part in both", () => {
    const per = actorOf("demo-politiker");
    expect([...per.collaborationIds].sort()).toEqual([world.collaborationId, example.collaborationId].sort());
  });
});

/** The collaborations a search hit concerns, from the object itself (its href names it). */
function collaborationsOfHit(href: string): number[] {
  const id = Number(href.match(/(\d+)(?!.*\d)/)![1]);
  const viaMatterOrBody = (matterId: number | null, bodyId: number) =>
    matterId !== null
      ? [db.select().from(matters).where(eq(matters.id, matterId)).get()!.collaborationId]
      : db
          .select()
          .from(bodyCollaborations)
          .where(eq(bodyCollaborations.bodyId, bodyId))
          .all()
          .map((b) => b.collaborationId);
  if (href.startsWith("/dokument/"))
    return [db.select().from(documents).where(eq(documents.id, id)).get()!.collaborationId];
  if (href.startsWith("/arenden/")) return [db.select().from(matters).where(eq(matters.id, id)).get()!.collaborationId];
  if (href.startsWith("/rekommendationer/"))
    return [db.select().from(recommendations).where(eq(recommendations.id, id)).get()!.collaborationId];
  if (href.startsWith("/avtal/versioner/")) {
    const version = db.select().from(agreementVersions).where(eq(agreementVersions.id, id)).get()!;
    return [db.select().from(agreements).where(eq(agreements.id, version.agreementId)).get()!.collaborationId];
  }
  if (href.startsWith("/beslut/")) {
    const decision = db.select().from(decisions).where(eq(decisions.id, id)).get()!;
    return viaMatterOrBody(decision.matterId, decision.bodyId);
  }
  if (href.startsWith("/moten/")) {
    const item = db.select().from(agendaItems).where(eq(agendaItems.id, id)).get()!;
    const meeting = db.select().from(meetings).where(eq(meetings.id, item.meetingId)).get()!;
    return viaMatterOrBody(item.matterId, meeting.bodyId);
  }
  throw new Error(`unknown hit ${href}`);
}

describe("search narrowed to one collaboration", () => {
  const WIDE = { page: 1, size: 500 };
  it("returns only hits that concern it, and together the collaborations cover every hit", async () => {
    for (const userId of ["demo-samordnare", "demo-politiker", "demo-spel"]) {
      const actor = actorOf(userId);
      for (const term of ["uppföljning", "spelprevention", "Mini-Maria", "avtal", "protokoll"]) {
        const all = (await search(actor, term, {}, WIDE)).items.map((h) => h.href);
        const union = new Set<string>();
        for (const collaborationId of [world.collaborationId, example.collaborationId]) {
          const hits = (await search(actor, term, { collaborationId }, WIDE)).items;
          for (const hit of hits) {
            expect(collaborationsOfHit(hit.href), `${userId} "${term}" ${hit.href}`).toContain(collaborationId);
            union.add(hit.href);
          }
        }
        expect([...union].sort(), `${userId} "${term}"`).toEqual([...new Set(all)].sort());
      }
    }
    // The filter is not vacuous: each collaboration has hits of its own for its own name.
    const admin = actorOf("demo-samordnare");
    expect(
      (await search(admin, "spelprevention", { collaborationId: example.collaborationId })).page.total,
    ).toBeGreaterThan(0);
    expect((await search(admin, "spelprevention", { collaborationId: world.collaborationId })).page.total).toBeLessThan(
      (await search(admin, "spelprevention", {})).page.total,
    );
  });
});

describe("linking a document", () => {
  it("offers and accepts only matters and agreement versions of a collaboration the person takes part in", () => {
    const ofCollaboration = (collaborationId: number) => ({
      matters: db
        .select({ id: matters.id })
        .from(matters)
        .where(eq(matters.collaborationId, collaborationId))
        .all()
        .map((m) => m.id),
      versions: db
        .select({ id: agreementVersions.id })
        .from(agreementVersions)
        .innerJoin(agreements, eq(agreementVersions.agreementId, agreements.id))
        .where(eq(agreements.collaborationId, collaborationId))
        .all()
        .map((v) => v.id),
    });
    const miniMaria = ofCollaboration(world.collaborationId);
    const own = ofCollaboration(example.collaborationId);
    expect(miniMaria.matters.length).toBeGreaterThan(0);
    expect(miniMaria.versions.length).toBeGreaterThan(0);
    const idsOf = (choices: { options: { id: number }[] }) => choices.options.map((o) => o.id);

    const sigrid = actorOf("demo-spel");
    const offered = linkOptions(sigrid, "");
    expect(idsOf(offered.matter).filter((id) => miniMaria.matters.includes(id))).toEqual([]);
    expect(idsOf(offered.agreement).filter((id) => miniMaria.versions.includes(id))).toEqual([]);
    for (const id of miniMaria.matters) expect(mayPlaceOn(sigrid, "matter", id)).toBe(false);
    for (const id of miniMaria.versions) expect(mayPlaceOn(sigrid, "agreement", id)).toBe(false);
    for (const id of own.matters) expect(mayPlaceOn(sigrid, "matter", id)).toBe(true);

    // The coordinator still links across every collaboration.
    const admin = linkOptions(actorOf("demo-samordnare"), "");
    expect(idsOf(admin.matter)).toEqual(expect.arrayContaining([...miniMaria.matters, ...own.matters]));
  });
});
