/**
 * The authorization matrix: every route in the built route manifest × GET/POST × six roles,
 * with real ids of objects in other bodies, against the one policy. A route that is missing
 * here fails the test, so a new route cannot ship unreviewed. Target: 0 unexpected 2xx,
 * 0 writes by a refused request.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agendaItemFiles,
  agendaVersions,
  agendaItems,
  agreementVersions,
  auditLog,
  documents,
  files,
  mailOutbox,
  meetings,
  memberships,
  parties,
  users,
} from "../../db/schema";
import { bodyRolesOf, can, type Action, type Actor, type BodyRole, type Resource } from "~/domain/policy";
import { seatedTestUser, sessionCookie, startApp, type TestApp } from "../support/browser";

const sha256Of = (text: string) => createHash("sha256").update(text).digest("hex");

type Role = "anonymous" | "reader" | "readerAllSeats" | "memberA" | "memberB" | "memberSeveral" | "secretary" | "admin";
const ROLES: Role[] = [
  "anonymous",
  "reader",
  "readerAllSeats",
  "memberA",
  "memberB",
  "memberSeveral",
  "secretary",
  "admin",
];

let app: TestApp;
const cookies: Partial<Record<Role, string>> = {};
const actors: Record<Role, Actor | null> = {
  anonymous: null,
  reader: null,
  readerAllSeats: null,
  memberA: null,
  memberB: null,
  memberSeveral: null,
  secretary: null,
  admin: null,
};
const ids: Record<string, number | string> = {};
const figures = { checks: 0, unexpected2xx: 0, unexpectedDenials: 0, writesByRefused: 0 };

function actor(userId: string, role: Actor["role"], seats: [number, BodyRole][]): Actor {
  return {
    userId,
    role,
    personId: null,
    bodyRoles: bodyRolesOf(seats),
    organisationId: null,
    collaborationIds: new Set<number>(),
  };
}

/**
 * A test user with the given seats, stored as the app stores them (one membership row per
 * seat, in the order given), and the policy's view of the same person.
 */
function seatedUser(id: string, role: Actor["role"], seats: [number, BodyRole][]): Actor {
  seatedTestUser(app.db, { id, role, name: `Test ${id}` }, seats);
  return actor(id, role, seats);
}

beforeAll(async () => {
  app = await startApp({ env: { WRITE_LIMIT_PER_MINUTE: "100000" } });
  const w = app.world;
  const db = app.db;
  // A secretary of the working group only (not an administrator).
  actors.secretary = seatedUser("test-sekreterare", "member", [[w.bodyIds.arbetsgrupp, "sekreterare"]]);

  actors.reader = actor("demo-politiker", "reader", [[w.bodyIds.svom, "ledamot"]]);
  // Class 5: a reader (politician) holding every seat, secretary included, in every body; and
  // a member of several bodies with two seats in the steering group, the secretary's stored
  // first (a later seat must not replace it).
  const allBodies = Object.values(w.bodyIds);
  actors.readerAllSeats = seatedUser(
    "test-reader-all-seats",
    "reader",
    allBodies.flatMap((b) =>
      (["sekreterare", "ordförande", "ledamot"] as BodyRole[]).map((r) => [b, r] as [number, BodyRole]),
    ),
  );
  actors.memberSeveral = seatedUser("test-member-several", "member", [
    [w.bodyIds.styrgrupp, "sekreterare"],
    [w.bodyIds.styrgrupp, "ledamot"],
    [w.bodyIds.arbetsgrupp, "ersättare"],
    [w.bodyIds.svom, "ledamot"],
  ]);
  actors.memberA = actor("demo-ifochef", "member", [
    [w.bodyIds.styrgrupp, "ordförande"],
    [w.bodyIds.referensgrupp, "ledamot"],
  ]);
  actors.memberB = actor("demo-chef", "member", [
    [w.bodyIds.referensgrupp, "adjungerad"],
    [w.bodyIds.arbetsgrupp, "ledamot"],
  ]);
  actors.admin = actor("demo-samordnare", "admin", [
    [w.bodyIds.svom, "sekreterare"],
    [w.bodyIds.styrgrupp, "sekreterare"],
    [w.bodyIds.referensgrupp, "sekreterare"],
  ]);
  for (const role of ROLES) if (actors[role]) cookies[role] = sessionCookie(app.db, actors[role]!.userId);

  // Objects of body A (the steering group): its next meeting (published notice) with a document.
  const meeting = db
    .select()
    .from(meetings)
    .where(eq(meetings.bodyId, w.bodyIds.styrgrupp))
    .all()
    .find((m) => m.status === "kallelse skickad")!;
  const item = db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.title, "Verksamhetsplan 2027")))
    .get()!;
  fs.mkdirSync(path.join(app.dir, "uploads"), { recursive: true });
  const pdf = "%PDF-1.4\n%%EOF\n";
  fs.writeFileSync(path.join(app.dir, "uploads", "authz.bin"), pdf);
  const file = db
    .insert(files)
    .values({
      storageName: "authz.bin",
      originalName: "plan.pdf",
      mime: "application/pdf",
      size: 15,
      sha256: sha256Of(pdf),
    })
    .returning()
    .get();
  db.insert(agendaItemFiles).values({ agendaItemId: item.id, fileId: file.id }).run();
  // The notice names the document (as if published after it was attached): members other than
  // the secretary are told the published agenda, with only the documents it names.
  const notice = db
    .select()
    .from(agendaVersions)
    .where(eq(agendaVersions.meetingId, meeting.id))
    .orderBy(desc(agendaVersions.versionNo))
    .get()!;
  const told = JSON.parse(notice.content) as { items: { id: number; fileNames: string[] }[] };
  told.items.find((i) => i.id === item.id)!.fileNames.push("plan.pdf");
  db.update(agendaVersions)
    .set({ content: JSON.stringify(told) })
    .where(eq(agendaVersions.id, notice.id))
    .run();
  // A second steering-group meeting with minutes started (for extracts).
  const held = db
    .insert(meetings)
    .values({
      bodyId: w.bodyIds.styrgrupp,
      date: "2026-10-01",
      startTime: "09:00",
      endTime: "10:00",
      place: "X",
      status: "genomfört",
    })
    .returning()
    .get();
  const heldItem = db
    .insert(agendaItems)
    .values({ meetingId: held.id, position: 1, title: "Budget" })
    .returning()
    .get();
  db.$client.prepare("insert into minutes (meeting_id) values (?)").run(held.id);
  db.$client
    .prepare(
      "insert into decisions (body_id, meeting_id, agenda_item_id, paragraph, year, decided_on, title, text) values (?, ?, ?, 1, 2026, '2026-10-01', 'Budget', '')",
    )
    .run(w.bodyIds.styrgrupp, held.id, heldItem.id);
  const membership = db.select().from(memberships).where(eq(memberships.bodyId, w.bodyIds.styrgrupp)).get()!;
  const routine = db
    .select()
    .from(documents)
    .where(eq(documents.title, "Rutin för samverkan vid ungdomskontrakt"))
    .get()!;
  const version = db.select().from(agreementVersions).get()!;
  const party = db.select().from(parties).get()!;
  db.update(users).set({ calendarToken: "authz-token-abcdefghijklmnop" }).where(eq(users.id, "demo-ifochef")).run();
  const internalDecision = db.$client.prepare("select id from decisions where meeting_id = ?").get(held.id) as {
    id: number;
  };
  const recommendation = db.$client.prepare("select id from recommendations order by id limit 1").get() as {
    id: number;
  };
  const matter = db.$client.prepare("select id from matters limit 1").get() as { id: number };
  // One of Mini-Maria's assignments, which every seated test user takes part in.
  const assignment = db.$client
    .prepare("select id from assignments where collaboration_id = ? order by id limit 1")
    .get(w.collaborationId) as { id: number };
  const mail = db
    .insert(mailOutbox)
    .values({
      eventKey: "authz:mail",
      kind: "notice",
      toAddress: "ifochef.berg@demo.example",
      subject: "Kallelse",
      textBody: "Hej",
      htmlBody: "<p>Hej</p>",
      messageId: "<authz@demo.example>",
      nextAttemptAt: "2099-01-01T00:00:00.000Z",
    })
    .returning()
    .get();
  Object.assign(ids, {
    mail: mail.id,
    internalDecision: internalDecision.id,
    recommendation: recommendation.id,
    matter: matter.id,
    assignment: assignment.id,
    berg: w.organisationIds.Berg,
    person: w.personIds["IFO-chef Berg"],
    documentVersion: (
      db.$client
        .prepare("select id from document_versions where document_id = ? order by version_no limit 1")
        .get(routine.id) as { id: number }
    ).id,
    meeting: meeting.id,
    item: item.id,
    file: file.id,
    held: held.id,
    heldItem: heldItem.id,
    membership: membership.id,
    document: routine.id,
    version: version.id,
    party: party.id,
    organisation: party.organisationId,
    body: w.bodyIds.styrgrupp,
  });
});

afterAll(async () => {
  console.log(`AUTHZ-FIGURES ${JSON.stringify(figures)}`);
  await app?.stop();
});

/** `resource`: one resource; `someOf`: allowed when the action is allowed on any of them. */
type Rule = { action: Action; resource?: () => Resource; someOf?: () => Resource[] } | "anyone" | "signed-in" | "none";
interface RouteCase {
  path: () => string;
  get: Rule;
  post?: Rule;
  /** Allowed GET answers that are not 200 (e.g. a redirect for a signed-in user). */
  getAllowed?: number[];
}

const bodyA = () => ({ bodyId: Number(ids.body), publicRecords: false, published: true });
const heldA = () => ({ bodyId: Number(ids.body), publicRecords: false, published: false });
const routineRes = () => ({ visibility: "bodies" as const, bodyIds: [Number(ids.body)], bodyId: Number(ids.body) });

const ROUTES: Record<string, RouteCase> = {
  "routes/_index": { path: () => "/", get: "anyone" },
  "routes/healthz": { path: () => "/healthz", get: "anyone" },
  // The print style sheet: the same for everyone.
  "routes/utskrift[.css]": { path: () => "/utskrift.css", get: "anyone" },
  "routes/logga-in": { path: () => "/logga-in", get: "anyone", post: "anyone", getAllowed: [302] },
  "routes/logga-ut": { path: () => "/logga-ut", get: "anyone", getAllowed: [302] },
  "routes/konto": {
    path: () => "/konto",
    get: { action: "change:own-password" },
    post: { action: "change:own-password" },
  },
  // Mail preferences are the account's own, like its password.
  "routes/konto_.e-post": {
    path: () => "/konto/e-post",
    get: { action: "change:own-password" },
    post: { action: "change:own-password" },
  },
  // A capability URL (RFC 8058 one-click unsubscribe): an unknown key opens nothing for anyone.
  "routes/e-post.avsluta.$token": {
    path: () => "/e-post/avsluta/authz-token-abcdefghijklmnop",
    get: "none",
    post: "none",
  },
  // Asking for a reset link, and the link's page: for everyone (an unknown key opens nothing but the form's refusal).
  "routes/glomt-losenord": { path: () => "/glomt-losenord", get: "anyone", post: "anyone" },
  "routes/losenord.$token": {
    path: () => "/losenord/authz-token-abcdefghijklmnopqrstuvwxyz0123456",
    get: "anyone",
    post: "anyone",
  },
  "routes/admin.logg": { path: () => "/admin/logg", get: { action: "read:audit" } },
  "routes/admin.personnummer": {
    path: () => "/admin/personnummer",
    get: { action: "redact:personal-numbers" },
    post: { action: "redact:personal-numbers" },
  },
  "routes/admin.e-post._index": { path: () => "/admin/e-post", get: { action: "manage:mail" } },
  "routes/admin.e-post.$messageId._index": {
    path: () => `/admin/e-post/${ids.mail}`,
    get: { action: "manage:mail" },
    post: { action: "manage:mail" },
  },
  "routes/admin.e-post.$messageId.meddelande[.eml]": {
    path: () => `/admin/e-post/${ids.mail}/meddelande.eml`,
    get: { action: "manage:mail" },
  },
  "routes/personer._index": {
    path: () => "/personer",
    get: { action: "manage:people" },
    post: { action: "manage:people" },
  },
  "routes/personer.$personId.konto": {
    path: () => `/personer/${ids.person}/konto`,
    get: { action: "manage:people" },
    post: { action: "manage:people" },
  },
  "routes/organ._index": { path: () => "/organ", get: { action: "read:bodies" } },
  "routes/organ.$bodyId._index": { path: () => `/organ/${ids.body}`, get: { action: "read:body" } },
  // The public feed of a body: its public decisions and published notices, for everyone.
  "routes/organ.$bodyId.flode[.atom]": { path: () => `/organ/${ids.body}/flode.atom`, get: "anyone" },
  "routes/organ.$bodyId.ledamoter.ny": {
    path: () => `/organ/${ids.body}/ledamoter/ny`,
    get: { action: "manage:memberships" },
    post: { action: "manage:memberships" },
  },
  "routes/organ.$bodyId.ledamoter.$membershipId": {
    path: () => `/organ/${ids.body}/ledamoter/${ids.membership}`,
    get: { action: "manage:memberships" },
    post: { action: "manage:memberships" },
  },
  "routes/organ.$bodyId.mandatperiod": {
    path: () => `/organ/${ids.body}/mandatperiod`,
    get: { action: "manage:memberships" },
    post: { action: "manage:memberships" },
  },
  "routes/parter._index": { path: () => "/parter", get: { action: "read:parties" } },
  "routes/parter.$organisationId": {
    path: () => `/parter/${ids.organisation}`,
    get: { action: "read:parties" },
    post: { action: "manage:collaborations" },
  },
  "routes/parter.ny": {
    path: () => "/parter/ny",
    get: { action: "manage:collaborations" },
    post: { action: "manage:collaborations" },
  },
  "routes/organ.nytt": {
    path: () => "/organ/nytt",
    get: { action: "manage:collaborations" },
    post: { action: "manage:collaborations" },
  },
  "routes/organ.$bodyId.redigera": {
    path: () => `/organ/${ids.body}/redigera`,
    get: { action: "manage:collaborations" },
    post: { action: "manage:collaborations" },
  },
  "routes/moten._index": { path: () => "/moten", get: "anyone" },
  // The form offers the bodies the person may create meetings for: open if there is one.
  "routes/moten.nytt": {
    path: () => "/moten/nytt",
    get: { action: "create:meeting", someOf: () => Object.values(app.world.bodyIds).map((bodyId) => ({ bodyId })) },
    post: { action: "create:meeting", someOf: () => Object.values(app.world.bodyIds).map((bodyId) => ({ bodyId })) },
  },
  "routes/moten.$meetingId._index": {
    path: () => `/moten/${ids.meeting}`,
    get: { action: "read:meeting", resource: bodyA },
    post: { action: "manage:meeting", resource: bodyA },
  },
  "routes/moten.$meetingId.redigera": {
    path: () => `/moten/${ids.meeting}/redigera`,
    get: { action: "manage:meeting", resource: bodyA },
    post: { action: "manage:meeting", resource: bodyA },
  },
  "routes/moten.$meetingId.punkter.ny": {
    path: () => `/moten/${ids.meeting}/punkter/ny`,
    get: { action: "manage:meeting", resource: bodyA },
    post: { action: "manage:meeting", resource: bodyA },
  },
  "routes/moten.$meetingId.punkter.$itemId": {
    path: () => `/moten/${ids.meeting}/punkter/${ids.item}`,
    get: { action: "manage:meeting", resource: bodyA },
    post: { action: "manage:meeting", resource: bodyA },
  },
  "routes/moten.$meetingId.forslag": {
    path: () => `/moten/${ids.meeting}/forslag`,
    get: { action: "propose:item", resource: bodyA },
    post: { action: "propose:item", resource: bodyA },
  },
  "routes/moten.$meetingId.kallelse": {
    path: () => `/moten/${ids.meeting}/kallelse`,
    get: { action: "read:meeting", resource: bodyA },
  },
  "routes/moten.$meetingId.handlingar[.zip]": {
    path: () => `/moten/${ids.meeting}/handlingar.zip`,
    get: { action: "read:meeting", resource: bodyA },
  },
  "routes/moten.$meetingId.kallelse[.pdf]": {
    path: () => `/moten/${ids.meeting}/kallelse.pdf`,
    get: { action: "read:meeting", resource: bodyA },
  },
  "routes/moten.$meetingId.kalender[.ics]": {
    path: () => `/moten/${ids.meeting}/kalender.ics`,
    get: { action: "read:meeting", resource: bodyA },
  },
  // Draft minutes: the body's members (read:meeting of an unpublished record) and administrators.
  "routes/moten.$meetingId.protokoll": {
    path: () => `/moten/${ids.held}/protokoll`,
    get: { action: "read:meeting", resource: heldA },
    post: { action: "manage:meeting", resource: heldA },
  },
  // What a § records (votes, reservations, carry-over): the secretary.
  "routes/moten.$meetingId.paragrafer.$itemId": {
    path: () => `/moten/${ids.held}/paragrafer/${ids.heldItem}`,
    get: { action: "manage:meeting", resource: heldA },
    post: { action: "manage:meeting", resource: heldA },
  },
  "routes/moten.$meetingId.utdrag.$itemId": {
    path: () => `/moten/${ids.held}/utdrag/${ids.heldItem}`,
    get: { action: "read:meeting", resource: heldA },
  },
  // Förhinder and substitutes: whoever may read the meeting sees it; only those called may
  // answer (the action refuses others with a form error, never a write).
  "routes/moten.$meetingId.forhinder": {
    path: () => `/moten/${ids.meeting}/forhinder`,
    get: { action: "read:meeting", resource: bodyA },
    post: { action: "read:meeting", resource: bodyA },
  },
  "routes/filer.$fileId": { path: () => `/filer/${ids.file}`, get: { action: "read:meeting", resource: bodyA } },
  // A capability URL: the key in the address is the credential, not the cookie.
  "routes/kalender.$token[.ics]": { path: () => "/kalender/authz-token-abcdefghijklmnop.ics", get: "anyone" },
  // Without a key the feed is what the public may see; the steering group has no public meetings.
  "routes/kalender.organ.$bodyId[.ics]": { path: () => `/kalender/organ/${ids.body}.ics`, get: "none" },
  "routes/avtal._index": { path: () => "/avtal", get: { action: "read:agreement" } },
  "routes/avtal.jamfor": { path: () => "/avtal/jamfor", get: { action: "read:agreement" } },
  "routes/avtal.tank-om": { path: () => `/avtal/tank-om?part=${ids.party}`, get: { action: "read:agreement" } },
  "routes/avtal.kostnader._index": { path: () => "/avtal/kostnader?ar=2026", get: { action: "read:agreement" } },
  "routes/avtal.budget": {
    path: () => "/avtal/budget?ar=2026",
    get: { action: "read:agreement" },
    post: { action: "manage:agreement" },
  },
  "routes/avtal.fakturaunderlag._index": {
    path: () => "/avtal/fakturaunderlag?ar=2026",
    get: { action: "read:agreement" },
  },
  "routes/avtal.fakturaunderlag[.csv]": {
    path: () => "/avtal/fakturaunderlag.csv?ar=2026",
    get: { action: "read:agreement" },
  },
  "routes/avtal.kostnader[.csv]": { path: () => "/avtal/kostnader.csv?ar=2026", get: { action: "read:agreement" } },
  "routes/avtal.folkmangd": {
    path: () => "/avtal/folkmangd?ar=2027",
    get: { action: "read:agreement" },
    post: { action: "manage:agreement" },
  },
  "routes/avtal.parter.$partyId": {
    path: () => `/avtal/parter/${ids.party}`,
    get: { action: "read:agreement" },
    post: { action: "manage:agreement" },
  },
  "routes/avtal.versioner.$versionId._index": {
    path: () => `/avtal/versioner/${ids.version}`,
    get: { action: "read:agreement" },
  },
  "routes/avtal.versioner.$versionId.redigera": {
    path: () => `/avtal/versioner/${ids.version}/redigera`,
    get: { action: "manage:agreement" },
    post: { action: "manage:agreement" },
  },
  // The collaboration has an agreement: the coordinator is sent to it (the form is for a new collaboration's first).
  "routes/avtal.nytt": {
    path: () => "/avtal/nytt",
    get: { action: "manage:agreement" },
    post: { action: "manage:agreement" },
    getAllowed: [302],
  },
  "routes/avtal.versioner.ny": {
    path: () => "/avtal/versioner/ny",
    get: { action: "manage:agreement" },
    post: { action: "manage:agreement" },
  },
  "routes/dokument._index": { path: () => "/dokument", get: "anyone" },
  "routes/dokument.nytt": {
    path: () => "/dokument/nytt",
    get: { action: "create:document" },
    post: { action: "create:document" },
  },
  "routes/dokument.$documentId._index": {
    path: () => `/dokument/${ids.document}`,
    get: { action: "read:document", resource: routineRes },
    post: { action: "edit:document", resource: routineRes },
  },
  "routes/dokument.$documentId.versioner.$versionId": {
    path: () => `/dokument/${ids.document}/versioner/${ids.documentVersion}`,
    get: { action: "read:document", resource: routineRes },
  },
  "routes/sok": { path: () => "/sok?q=rutin", get: "anyone" },
  "routes/tillganglighet": { path: () => "/tillganglighet", get: "anyone" },
  "routes/beslut._index": { path: () => "/beslut", get: { action: "read:decisions" } },
  "routes/beslut[.csv]": { path: () => "/beslut.csv", get: { action: "read:decisions" } },
  "routes/beslut.ny": {
    path: () => "/beslut/ny",
    get: { action: "manage:decisions" },
    post: { action: "manage:decisions" },
  },
  // An internal decision of the steering group (not public).
  "routes/beslut.$decisionId": {
    path: () => `/beslut/${ids.internalDecision}`,
    get: { action: "read:meeting", resource: heldA },
    post: { action: "manage:decisions" },
  },
  "routes/rekommendationer._index": { path: () => "/rekommendationer", get: "anyone" },
  "routes/rekommendationer.ny": {
    path: () => "/rekommendationer/ny",
    get: { action: "manage:decisions" },
    post: { action: "manage:decisions" },
  },
  "routes/rekommendationer.$recommendationId._index": {
    path: () => `/rekommendationer/${ids.recommendation}`,
    get: { action: "read:recommendation", resource: () => ({ published: true, publicRecords: true }) },
  },
  "routes/rekommendationer.$recommendationId.uppfoljning": {
    path: () => `/rekommendationer/${ids.recommendation}/uppfoljning`,
    get: { action: "read:recommendation", resource: () => ({ published: true, publicRecords: true }) },
    post: { action: "manage:decisions" },
  },
  ...Object.fromEntries(
    ["redigera", "beslut", "skicka", "ratta", "aterkalla"].map((step) => [
      `routes/rekommendationer.$recommendationId.${step}`,
      {
        path: () => `/rekommendationer/${ids.recommendation}/${step}`,
        get: { action: "manage:decisions" as const },
        post: { action: "manage:decisions" as const },
      },
    ]),
  ),
  // Reporting Berg's answer: Berg's own representative (none among the roles) or the coordinator.
  "routes/rekommendationer.$recommendationId.svar.$organisationId": {
    path: () => `/rekommendationer/${ids.recommendation}/svar/${ids.berg}`,
    get: { action: "manage:decisions" },
    post: { action: "manage:decisions" },
  },
  "routes/arenden._index": {
    path: () => "/arenden",
    get: { action: "read:matters" },
    post: { action: "manage:decisions" },
  },
  "routes/arenden.$matterId": {
    path: () => `/arenden/${ids.matter}`,
    get: { action: "read:matters" },
    post: { action: "manage:decisions" },
  },
  // An empty POST means "create", which is the coordinator's; status changes are checked per assignment.
  "routes/uppdrag": {
    path: () => "/uppdrag",
    get: { action: "read:assignments" },
    post: { action: "manage:decisions" },
  },
  // A status change is the assignee's (checked per assignment); an empty POST means an edit, the coordinator's.
  "routes/uppdrag_.$assignmentId": {
    path: () => `/uppdrag/${ids.assignment}`,
    get: { action: "read:assignments" },
    post: { action: "manage:decisions" },
  },
  "routes/uppfoljning._index": {
    path: () => "/uppfoljning",
    get: { action: "read:agreement" },
    post: { action: "manage:key-figures" },
  },
  "routes/uppfoljning.nyckeltal": {
    path: () => "/uppfoljning/nyckeltal",
    get: { action: "manage:key-figures" },
    post: { action: "manage:key-figures" },
  },
  "routes/samverkan._index": {
    path: () => "/samverkan",
    get: { action: "read:parties" },
    post: { action: "manage:collaborations" },
  },
  "routes/samverkan.$collaborationId._index": {
    path: () => `/samverkan/${app.world.collaborationId}`,
    get: { action: "read:parties" },
    post: { action: "manage:collaborations" },
  },
  "routes/samverkan.$collaborationId.parter.ny": {
    path: () => `/samverkan/${app.world.collaborationId}/parter/ny`,
    get: { action: "manage:collaborations" },
    post: { action: "manage:collaborations" },
  },
  "routes/samverkan.$collaborationId.parter.$partyId": {
    path: () => `/samverkan/${app.world.collaborationId}/parter/${ids.party}`,
    get: { action: "manage:collaborations" },
    post: { action: "manage:collaborations" },
  },
};

function allowed(rule: Rule, role: Role): boolean {
  if (rule === "anyone") return true;
  if (rule === "none") return false;
  if (rule === "signed-in") return actors[role] !== null;
  if (rule.someOf) return rule.someOf().some((r) => can(actors[role], rule.action, r));
  return can(actors[role], rule.action, rule.resource?.() ?? {});
}

function auditCount() {
  return app.db.select({ id: auditLog.id }).from(auditLog).all().length;
}

describe("authorization matrix", () => {
  it("covers every route of the built app", async () => {
    const build = await import(path.resolve(import.meta.dirname, "../../build/index.js"));
    const routeIds = Object.keys(build.routes).filter((id) => id !== "root");
    const missing = routeIds.filter((id) => !(id in ROUTES));
    expect(missing, "routes without an entry in the authorization matrix").toEqual([]);
  });

  it.each(ROLES)(
    "gives %s exactly what the policy allows, for GET and POST",
    async (role) => {
      const problems: string[] = [];
      for (const [routeId, route] of Object.entries(ROUTES)) {
        const url = `${app.baseUrl}${route.path()}`;
        const headers: Record<string, string> = cookies[role] ? { Cookie: cookies[role]! } : {};
        const res = await fetch(url, { headers, redirect: "manual" });
        figures.checks++;
        const ok = allowed(route.get, role);
        const loginRedirect = res.status === 302 && (res.headers.get("location") ?? "").startsWith("/logga-in");
        if (ok && res.status !== 200 && !route.getAllowed?.includes(res.status)) {
          figures.unexpectedDenials++;
          problems.push(`GET ${routeId} as ${role}: expected access, got ${res.status}`);
        }
        if (!ok && (res.status < 300 || (res.status === 302 && !loginRedirect))) {
          figures.unexpected2xx++;
          problems.push(`GET ${routeId} as ${role}: expected refusal, got ${res.status}`);
        }
        if (route.post) {
          const before = auditCount();
          const post = await fetch(url, {
            method: "POST",
            redirect: "manual",
            headers: { ...headers, Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
            body: "",
          });
          figures.checks++;
          const postOk = allowed(route.post, role);
          const postLogin = post.status === 302 && (post.headers.get("location") ?? "").startsWith("/logga-in");
          if (!postOk) {
            // 400: the empty form is refused before the permission is known (uppdrag's intent);
            // it is no success, and the write check below still holds.
            if (!(post.status === 403 || post.status === 404 || post.status === 400 || postLogin)) {
              figures.unexpected2xx++;
              problems.push(`POST ${routeId} as ${role}: expected refusal, got ${post.status}`);
            }
            if (auditCount() !== before) {
              figures.writesByRefused++;
              problems.push(`POST ${routeId} as ${role}: a refused request wrote to the database`);
            }
          } else if (post.status === 403 || post.status >= 500) {
            figures.unexpectedDenials++;
            problems.push(`POST ${routeId} as ${role}: expected to be let through validation, got ${post.status}`);
          }
        }
      }
      expect(problems).toEqual([]);
    },
    120_000,
  );
});

/**
 * Classes 2 and 9 on every route with an action, as the coordinator (who passes every
 * permission check, so the body is really read): a chunked form past the limit, a body that
 * is not a form and malformed multipart are refused with 4xx, never 5xx, and write nothing.
 */
describe("request bodies on every route", () => {
  it("are limited and checked before any action sees them", async () => {
    const problems: string[] = [];
    const oversized = "a=" + "x".repeat(3 * 1024 * 1024);
    for (const [routeId, route] of Object.entries(ROUTES)) {
      if (!route.post) continue;
      const url = `${app.baseUrl}${route.path()}`;
      const before = auditCount();
      const cases: [string, RequestInit][] = [
        [
          "3 MB chunked form",
          {
            body: new Blob([oversized]).stream(),
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
            duplex: "half",
          } as RequestInit,
        ],
        ["JSON", { body: '{"__proto__":{"admin":true}}', headers: { "Content-Type": "application/json" } }],
        ["no type", { body: "a=1" }],
        [
          "malformed multipart",
          { body: "--B\r\nbroken", headers: { "Content-Type": "multipart/form-data; boundary=B" } },
        ],
      ];
      for (const [name, init] of cases) {
        const res = await fetch(url, {
          ...init,
          method: "POST",
          redirect: "manual",
          headers: { ...(init.headers as Record<string, string>), Origin: app.baseUrl, Cookie: cookies.admin! },
        }).catch((error: unknown) => {
          throw new Error(`${name} to ${routeId}: ${String(error)}`, { cause: error });
        });
        figures.checks++;
        const text = await res.text();
        if (res.status < 400 || res.status >= 500) problems.push(`${name} to ${routeId}: ${res.status}`);
        if (/\n\s+at .*\(|node_modules|\/work\//.test(text)) problems.push(`${name} to ${routeId}: a stack trace`);
      }
      if (auditCount() !== before) problems.push(`${routeId}: a refused body wrote to the database`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
