/**
 * Lists filter by access in SQL (app/models/read-scope.server.ts). These tests hold that SQL
 * to the policy: for every row of every kind and every kind of viewer, the query admits
 * exactly the rows `can` admits, no more (a leak) and no fewer (a lost result).
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import {
  agendaVersions,
  bodies,
  decisions,
  documentBodies,
  documents,
  meetings,
  recommendations,
} from "../../db/schema";
import { canReadDecision } from "~/domain/decisions";
import { can, type Actor } from "~/domain/policy";
import { readScopeOf } from "~/domain/read-scope";
import { recommendationResource } from "~/domain/recommendations";
import { canReadDocument } from "~/models/documents.server";
import { asNoticedBy, publishedMeetingIds } from "~/models/meeting-notice.server";
import { meetingResource } from "~/domain/meetings";
import {
  decisionsReadableBy,
  documentsReadableBy,
  meetingsReadableBy,
  recommendationsReadableBy,
} from "~/models/read-scope.server";
import { demoDatabase } from "../support/test-db";
import { demoViewers } from "../support/viewers";

let db: Db;
let world: DemoWorld;
let actors: [string, Actor | null][];

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  actors = [
    ...demoViewers(world, "2026-11-23"),
    [
      "a member of no body",
      {
        userId: "x",
        role: "member",
        personId: null,
        bodyRoles: new Map(),
        organisationId: null,
        collaborationIds: new Set(),
      },
    ],
  ];
  // Seats not yet begun: the meetings each covers are open (policy.ts, calledAhead).
  const b0 = world.bodyIds;
  actors.push(
    [
      "a member-to-be of two bodies, one seat open-ended and one ending",
      {
        userId: "y",
        role: "member",
        personId: null,
        bodyRoles: new Map(),
        organisationId: null,
        collaborationIds: new Set(),
        seatsAhead: [
          { bodyId: b0.styrgrupp, startDate: "2026-12-01", endDate: null },
          { bodyId: b0.svom, startDate: "2025-03-01", endDate: "2025-03-01" },
        ],
      },
    ],
    [
      "an IFO chief with a seat ahead in another body",
      {
        ...demoViewers(world, "2026-11-23")[2][1]!,
        seatsAhead: [{ bodyId: b0.referensgrupp, startDate: "2026-12-28", endDate: "2026-12-28" }],
      },
    ],
  );
  // Rows of every visibility in bodies with and without public records, beside the demo's own.
  const b = world.bodyIds;
  const signedMeetings: number[] = [];
  for (const bodyId of [b.svom, b.styrgrupp, b.referensgrupp])
    for (const isPublic of [true, false]) {
      for (const approval of ["utkast", "justerat"] as const)
        db.insert(decisions)
          .values({
            bodyId,
            year: 2025,
            decidedOn: "2025-03-01",
            title: "T",
            text: "T",
            isPublic,
            approval,
            approvedAt: approval === "justerat" ? "2025-03-02T10:00:00Z" : null,
          })
          .run();
      const meeting = db
        .insert(meetings)
        .values({ bodyId, date: "2025-03-01", startTime: "09:00", endTime: "10:00", isPublic })
        .returning()
        .get();
      if (isPublic) db.insert(agendaVersions).values({ meetingId: meeting.id, versionNo: 1, content: "[]" }).run();
      signedMeetings.push(meeting.id);
    }
  // A former member who signs the open minutes of two of them (policy.ts, signsOpenMinutes).
  actors.push([
    "a former member who signs two meetings' open minutes",
    {
      userId: "z",
      role: "member",
      personId: null,
      bodyRoles: new Map(),
      organisationId: null,
      collaborationIds: new Set(),
      signsMinutesOf: [signedMeetings[1], signedMeetings[2]],
    },
  ]);
  for (const visibility of ["public", "members", "bodies"] as const)
    for (const linked of [[], [b.styrgrupp], [b.referensgrupp, b.svom]]) {
      const doc = db
        .insert(documents)
        .values({ collaborationId: world.collaborationId, title: "D", kind: "rapport", date: "2025-01-01", visibility })
        .returning()
        .get();
      for (const bodyId of linked) db.insert(documentBodies).values({ documentId: doc.id, bodyId }).run();
    }
  for (const isPublic of [true, false])
    for (const sent of [true, false])
      db.insert(recommendations)
        .values({
          collaborationId: world.collaborationId,
          title: "R",
          ask: "A",
          answerDeadline: "2027-01-01",
          isPublic,
          // A draft is the coordinator's alone; a sent one is read as the policy says.
          status: sent ? "skickad" : "utkast",
          sentAt: sent ? "2026-11-01T10:00:00.000Z" : null,
        })
        .run();
});

const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((x, y) => x - y);

describe("access in SQL admits exactly what the policy admits", () => {
  it("for decisions", () => {
    const all = db.select().from(decisions).all();
    expect(all.some((d) => !d.isPublic)).toBe(true);
    expect(all.some((d) => d.isPublic && d.approval === "utkast")).toBe(true);
    for (const [who, actor] of actors) {
      const sql = db
        .select({ id: decisions.id })
        .from(decisions)
        .where(decisionsReadableBy(readScopeOf(actor)))
        .all();
      expect(ids(sql), who).toEqual(ids(all.filter((d) => canReadDecision(actor, d))));
    }
  });

  it("for meetings", () => {
    const all = db
      .select({ id: meetings.id, bodyId: meetings.bodyId, publicRecords: bodies.publicRecords, date: meetings.date })
      .from(meetings)
      .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
      .all();
    const published = publishedMeetingIds(all.map((m) => m.id));
    expect(published.size).toBeGreaterThan(0);
    expect(published.size).toBeLessThan(all.length);
    for (const [who, actor] of actors) {
      const sql = db
        .select({ id: meetings.id })
        .from(meetings)
        .where(meetingsReadableBy(readScopeOf(actor)))
        .all();
      // Each meeting as the viewer was told it: its day decides whom a seat ahead calls.
      const allowed = asNoticedBy(actor, all).filter((m) =>
        can(actor, "read:meeting", meetingResource(m, published.has(m.id))),
      );
      expect(ids(sql), who).toEqual(ids(allowed));
    }
    // The fixture makes the seats ahead matter: a member-to-be is called to some of a body's
    // meetings (drafts included), not to those before the seat begins.
    const toBe = actors.find(([who]) => who.startsWith("a member-to-be"))![1];
    const called = all.filter((m) => can(toBe, "read:meeting", meetingResource(m, false)));
    const styrgrupp = all.filter((m) => m.bodyId === world.bodyIds.styrgrupp);
    expect(called.filter((m) => m.bodyId === world.bodyIds.styrgrupp).length).toBeGreaterThan(0);
    expect(called.length).toBeLessThan(styrgrupp.length + all.filter((m) => m.date === "2025-03-01").length);
    expect(styrgrupp.some((m) => m.date < "2026-12-01" && !called.includes(m))).toBe(true);
  });

  it("for documents", () => {
    const all = db.select().from(documents).all();
    for (const [who, actor] of actors) {
      const sql = db
        .select({ id: documents.id })
        .from(documents)
        .where(documentsReadableBy(readScopeOf(actor)))
        .all();
      expect(ids(sql), who).toEqual(ids(all.filter((d) => canReadDocument(actor, d))));
    }
  });

  it("for recommendations", () => {
    const all = db.select().from(recommendations).all();
    for (const [who, actor] of actors) {
      const sql = db
        .select({ id: recommendations.id })
        .from(recommendations)
        .where(recommendationsReadableBy(readScopeOf(actor)))
        .all();
      const allowed = all.filter((r) => can(actor, "read:recommendation", recommendationResource(r)));
      expect(ids(sql), who).toEqual(ids(allowed));
    }
  });

  it("differs between viewers (the fixtures exercise the rules)", () => {
    const counts = actors.map(
      ([, actor]) =>
        db
          .select({ id: documents.id })
          .from(documents)
          .where(documentsReadableBy(readScopeOf(actor)))
          .all().length,
    );
    expect(new Set(counts).size).toBeGreaterThanOrEqual(3);
  });
});
