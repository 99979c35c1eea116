/**
 * Prepared statements reused across requests (preparedQuery in app/utils/db.server.ts): one
 * statement per connection, built once; inside a write it sees the transaction's own rows and
 * nothing after a rollback; and the hot reads that use it return the same rows as the query
 * built afresh, after the data changes as well as before.
 */
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  agendaItemFiles,
  agendaItems,
  agendaVersions,
  agreementPrincipals,
  agreements,
  agreementVersions,
  bodies,
  budgetYears,
  decisions,
  documentLinks,
  documents,
  files,
  meetings,
  minutes,
  organisations,
  parties,
  people,
  recommendationFiles,
  recommendations,
  recommendationVersions,
} from "../../db/schema";
import { writeTransaction } from "../../db/connection";
import { buildDemoMeetings } from "../../db/demo-meetings";
import { demoDatabase } from "../support/test-db";
import { createSession, validateSession } from "~/auth/sessions.server";
import { budgetYearsOf } from "~/models/agreement-money.server";
import { agreementOf, partiesOf, principalsOf, versionsOf } from "~/models/agreements.server";
import { listBodies } from "~/models/bodies.server";
import { pageOfDocumentsLinkedTo } from "~/models/document-links.server";
import { agendaOf } from "~/models/meeting-agenda.server";
import { agendaVersionsOf, publishedMeetingIds } from "~/models/meeting-notice.server";
import { getMeeting } from "~/models/meetings.server";
import {
  filesOf as recommendationFilesOf,
  getRecommendation,
  versionsOf as recommendationVersionsOf,
} from "~/models/recommendations.server";
import { personOfUser } from "~/models/users.server";
import { db, preparedQuery, write, type Db } from "~/utils/db.server";
import type { DemoWorld } from "../../db/demo-world";

let conn: Db;
let world: DemoWorld;

beforeEach(async () => {
  ({ db: conn, world } = await demoDatabase());
  writeTransaction(conn, (tx) => buildDemoMeetings(tx, world, "2026-11-23"));
});

describe("preparedQuery", () => {
  const builds: Db[] = [];
  const personName = preparedQuery((d) => {
    builds.push(d);
    return d
      .select({ name: people.name })
      .from(people)
      .where(eq(people.id, sql.placeholder("id")))
      .prepare();
  });

  it("builds the statement once per connection and reuses it", async () => {
    const first = personName();
    expect(personName()).toBe(first);
    expect(builds.filter((d) => d === conn)).toHaveLength(1);
    const someone = conn.select().from(people).limit(1).get()!;
    expect(first.get({ id: someone.id })).toEqual({ name: someone.name });
    // A new connection (the next test's database) gets its own statement.
    const previous = conn;
    await demoDatabase();
    expect(db()).not.toBe(previous);
    expect(personName()).not.toBe(first);
    expect(builds.filter((d) => d === db())).toHaveLength(1);
  });

  it("reads the transaction's own rows inside a write, and nothing of a write that rolled back", () => {
    const org = conn.select().from(organisations).limit(1).get()!;
    const inside = write((tx) => {
      const person = tx
        .insert(people)
        .values({ name: "Prepared Person", title: "", email: null, organisationId: org.id })
        .returning()
        .get();
      return { id: person.id, seen: personName().get({ id: person.id }) };
    });
    expect(inside.seen).toEqual({ name: "Prepared Person" });
    expect(personName().get({ id: inside.id })).toEqual({ name: "Prepared Person" });

    let rolledBackId = 0;
    expect(() =>
      write((tx) => {
        rolledBackId = tx
          .insert(people)
          .values({ name: "Rolled Back", title: "", email: null, organisationId: org.id })
          .returning()
          .get().id;
        expect(personName().get({ id: rolledBackId })).toEqual({ name: "Rolled Back" });
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    expect(personName().get({ id: rolledBackId })).toBeUndefined();
  });
});

describe("the hot reads return what the query built afresh returns", () => {
  const meetingIds = () =>
    conn
      .select({ id: meetings.id })
      .from(meetings)
      .all()
      .map((m) => m.id);

  it("a meeting, its agenda, files, § numbers and notice versions", () => {
    // Give one item a file and a §, and publish a version, so every part has rows to compare.
    const item = conn.select().from(agendaItems).limit(1).get()!;
    write((tx) => {
      const file = tx
        .insert(files)
        .values({
          storageName: "prepared-test",
          originalName: "bilaga.pdf",
          mime: "application/pdf",
          size: 10,
          sha256: "0".repeat(64),
          uploadedBy: "demo-samordnare",
        })
        .returning()
        .get();
      tx.insert(agendaItemFiles).values({ agendaItemId: item.id, fileId: file.id }).run();
    });
    for (const id of meetingIds()) {
      const fresh = conn.select().from(meetings).innerJoin(bodies, eq(bodies.id, meetings.bodyId));
      const row = fresh.where(eq(meetings.id, id)).get()!;
      expect(getMeeting(id)).toMatchObject({ id, date: row.meetings.date, bodyName: row.bodies.name });

      const items = conn
        .select()
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, id))
        .orderBy(asc(agendaItems.position))
        .all();
      const paragraphs = conn
        .select({ itemId: decisions.agendaItemId, paragraph: decisions.paragraph })
        .from(decisions)
        .where(and(eq(decisions.meetingId, id), isNotNull(decisions.agendaItemId)))
        .all();
      const agenda = agendaOf(id);
      expect(agenda.map(({ files: _f, paragraph: _p, ...rest }) => rest)).toEqual(items);
      for (const a of agenda) {
        const fileIds = conn
          .select({ id: agendaItemFiles.fileId })
          .from(agendaItemFiles)
          .where(eq(agendaItemFiles.agendaItemId, a.id))
          .orderBy(asc(agendaItemFiles.fileId))
          .all()
          .map((f) => f.id);
        expect(a.files.map((f) => f.id)).toEqual(fileIds);
        expect(a.paragraph).toBe(paragraphs.find((p) => p.itemId === a.id)?.paragraph ?? null);
      }

      const versions = conn
        .select()
        .from(agendaVersions)
        .where(eq(agendaVersions.meetingId, id))
        .orderBy(asc(agendaVersions.versionNo))
        .all();
      expect(agendaVersionsOf(id).map((v) => [v.id, v.versionNo, v.content])).toEqual(
        versions.map((v) => [v.id, v.versionNo, v.content]),
      );
    }
    expect(
      agendaOf(item.meetingId)
        .find((a) => a.id === item.id)!
        .files.map((f) => f.originalName),
    ).toEqual(["bilaga.pdf"]);
  });

  it("one meeting asked whether it is published answers as the list does", () => {
    const ids = meetingIds();
    const all = publishedMeetingIds(ids);
    const noticed = new Set(
      conn
        .select({ id: agendaVersions.meetingId })
        .from(agendaVersions)
        .all()
        .map((r) => r.id),
    );
    const approved = new Set(
      conn
        .select({ id: minutes.meetingId })
        .from(minutes)
        .where(eq(minutes.status, "justerat"))
        .all()
        .map((r) => r.id),
    );
    expect(ids.some((id) => all.has(id))).toBe(true);
    expect(ids.some((id) => !all.has(id))).toBe(true);
    for (const id of ids) {
      expect(publishedMeetingIds([id]).has(id)).toBe(all.has(id));
      expect(all.has(id)).toBe(noticed.has(id) || approved.has(id));
    }
  });

  it("documents linked to an object, the agreement's versions, principals, parties and budget years, the bodies", async () => {
    const doc = conn.select().from(documents).limit(1).get()!;
    const meetingId = meetingIds()[0];
    write((tx) =>
      tx.insert(documentLinks).values({ documentId: doc.id, targetType: "meeting", targetId: meetingId }).run(),
    );
    const linked = async (actor: Parameters<typeof pageOfDocumentsLinkedTo>[0], type: "meeting" | "matter") =>
      (await pageOfDocumentsLinkedTo(actor, type, meetingId, { page: 1, size: 50 })).items.map((d) => d.id);
    expect(await linked(null, "meeting")).toEqual(doc.visibility === "public" ? [doc.id] : []);
    const admin = { userId: "demo-samordnare", role: "admin" as const };
    expect(
      await linked(
        { ...admin, personId: null, bodyRoles: new Map(), organisationId: null, collaborationIds: new Set() },
        "meeting",
      ),
    ).toEqual([doc.id]);
    expect(await linked(null, "matter")).toEqual([]);

    const collaborationId = world.collaborationId;
    const agreement = conn.select().from(agreements).where(eq(agreements.collaborationId, collaborationId)).get()!;
    expect(agreementOf(collaborationId)).toEqual(agreement);
    const versions = conn
      .select()
      .from(agreementVersions)
      .where(eq(agreementVersions.agreementId, agreement.id))
      .orderBy(asc(agreementVersions.id))
      .all();
    expect(versions.length).toBeGreaterThan(0);
    expect(versionsOf(agreement.id)).toEqual(versions);
    for (const v of versions) {
      const principals = conn
        .select({ organisationId: agreementPrincipals.organisationId })
        .from(agreementPrincipals)
        .where(eq(agreementPrincipals.agreementVersionId, v.id))
        .orderBy(desc(agreementPrincipals.side))
        .all();
      expect(principalsOf(v.id).map((p) => p.organisationId)).toEqual(principals.map((p) => p.organisationId));
    }
    const partyRows = conn.select().from(parties).where(eq(parties.collaborationId, collaborationId)).all();
    expect(partyRows.length).toBeGreaterThan(1);
    expect(
      partiesOf(collaborationId)
        .map((p) => p.id)
        .sort((a, b) => a - b),
    ).toEqual(partyRows.map((p) => p.id).sort((a, b) => a - b));
    expect(budgetYearsOf(collaborationId)).toEqual(
      conn
        .select()
        .from(budgetYears)
        .where(eq(budgetYears.collaborationId, collaborationId))
        .orderBy(asc(budgetYears.year))
        .all(),
    );
    expect(listBodies().map((b) => b.id)).toEqual(
      conn
        .select({ id: bodies.id })
        .from(bodies)
        .orderBy(asc(bodies.id))
        .all()
        .map((b) => b.id),
    );
  });

  it("a recommendation, its versions and files", () => {
    const all = conn.select().from(recommendations).all();
    expect(all.length).toBeGreaterThan(0);
    for (const rec of all) {
      expect(getRecommendation(rec.id)).toEqual(rec);
      expect(recommendationVersionsOf(rec.id).map(({ by: _by, ...v }) => v)).toEqual(
        conn
          .select()
          .from(recommendationVersions)
          .where(eq(recommendationVersions.recommendationId, rec.id))
          .orderBy(desc(recommendationVersions.versionNo))
          .all(),
      );
      expect(recommendationFilesOf(rec.id).map((f) => f.id)).toEqual(
        conn
          .select({ id: recommendationFiles.fileId })
          .from(recommendationFiles)
          .where(eq(recommendationFiles.recommendationId, rec.id))
          .all()
          .map((f) => f.id)
          .sort((a, b) => a - b),
      );
    }
    expect(getRecommendation(-1)).toBeUndefined();
  });

  it("a changed row is read afresh by the same prepared statement", () => {
    const meeting = conn.select().from(meetings).limit(1).get()!;
    expect(getMeeting(meeting.id)!.place).toBe(meeting.place);
    write((tx) => tx.update(meetings).set({ place: "Ny plats" }).where(eq(meetings.id, meeting.id)).run());
    expect(getMeeting(meeting.id)!.place).toBe("Ny plats");
    const person = conn.select().from(people).limit(1).get()!;
    expect(personOfUser(person.id)).toEqual(person);
    write((tx) => tx.update(people).set({ name: "Nytt Namn" }).where(eq(people.id, person.id)).run());
    expect(personOfUser(person.id)!.name).toBe("Nytt Namn");
  });

  it("the session and its user in one prepared read, as lucia hands them on", async () => {
    const cookie = await createSession("demo-chef");
    const session = await validateSession(cookie);
    const user = conn.query.users.findFirst({ where: (u, { eq: is }) => is(u.id, "demo-chef") }).sync()!;
    expect(session).toMatchObject({
      user: { id: "demo-chef", email: user.email, role: user.role, personId: user.personId },
    });
    expect(Object.keys(session!.user).sort()).toEqual(["email", "id", "personId", "role"]);
    expect(await validateSession(cookie.replace(/session=[a-f0-9]+/, `session=${"0".repeat(40)}`))).toBeNull();
  });
});
