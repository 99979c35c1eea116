/**
 * Class 3 of the audit: one rule decides who sees a record, on every surface. The test seeds
 * a unique canary string into every non-public field of every kind of record (draft and
 * confidential minutes and decisions, historic approved minutes without a notice, unpublished
 * agenda changes and meetings, another body's meetings and decisions, restricted documents,
 * draft recommendations, proposals, the mail outbox), then requests every route of the built
 * app (parameters filled from the seeded ids) and every export (CSV, zip, ICS, search with
 * snippets, the calendar feeds, /admin/e-post) as every role, and fails when a canary appears
 * in an answer to a role that may not read its object. Who may read what is the policy's
 * answer (`can`), and each object's own page is held to the same answer.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agendaItemFiles,
  agendaItems,
  agendaVersions,
  assignments,
  decisions,
  documentBodies,
  documentLinks,
  documents,
  documentVersions,
  files,
  itemProposals,
  mailOutbox,
  matters,
  meetings,
  minutes,
  recommendations,
} from "../../db/schema";
import { canReadDecision } from "~/domain/decisions";
import { bodyRolesOf, can, type Actor, type BodyRole } from "~/domain/policy";
import { seatedTestUser, sessionCookie, startApp, type TestApp } from "../support/browser";

type Role = "anonymous" | "reader" | "readerSeated" | "memberOther" | "member" | "admin";
const ROLES: Role[] = ["anonymous", "reader", "readerSeated", "memberOther", "member", "admin"];

/** A word every canary text carries, so one search finds them all and shows them in snippets. */
const BAIT = "kanariefagel";

interface Canary {
  name: string;
  value: string;
  /** May the role read the object the canary is in? (the policy's answer) */
  readable: (actor: Actor | null) => boolean;
  /** The object's own page, held to the same answer (when it has one of its own). */
  ownPage?: () => string;
}

let app: TestApp;
const actors: Record<Role, Actor | null> = {
  anonymous: null,
  reader: null,
  readerSeated: null,
  memberOther: null,
  member: null,
  admin: null,
};
const cookies: Partial<Record<Role, string>> = {};
const tokens: Partial<Record<Role, string>> = {};
const canaries: Canary[] = [];
/** Values for route parameters: every seeded id of each kind. */
const params: Record<string, (number | string)[]> = {};
/** Pairs for routes with a meeting and one of its items. */
const meetingItems: [number, number][] = [];
const documentVersionPairs: [number, number][] = [];
const figures = { routes: 0, urls: 0, requests: 0, canaries: 0, roles: ROLES.length, leaks: 0, ms: 0 };

function canary(name: string, readable: Canary["readable"], ownPage?: () => string): string {
  const value = `kanarie${name}${crypto.randomBytes(5).toString("hex")}`;
  canaries.push({ name, value, readable, ownPage });
  return value;
}

/** A text holding the canary and the bait word. */
const text = (value: string) => `${BAIT} ${value} ${BAIT}`;

function seatedUser(id: string, role: Actor["role"], seats: [number, BodyRole][]): Actor {
  const person = seatedTestUser(app.db, { id, role, name: `Kanarietest ${id}` }, seats);
  // The collaborations served by the bodies the person sits in (as the server derives them).
  const served = seats.length
    ? (app.db.$client
        .prepare(
          `select distinct collaboration_id as id from body_collaborations where body_id in (${seats.map(() => "?").join(",")})`,
        )
        .all(...seats.map(([bodyId]) => bodyId)) as { id: number }[])
    : [];
  return {
    userId: id,
    role,
    personId: person.personId,
    bodyRoles: bodyRolesOf(seats),
    organisationId: null,
    collaborationIds: new Set(served.map((c) => c.id)),
  };
}

function storeFile(name: string, content: string): number {
  const storageName = `kanarie-${crypto.randomBytes(6).toString("hex")}.bin`;
  fs.mkdirSync(path.join(app.dir, "uploads"), { recursive: true });
  fs.writeFileSync(path.join(app.dir, "uploads", storageName), content);
  return app.db
    .insert(files)
    .values({
      storageName,
      originalName: name,
      mime: "application/pdf",
      size: Buffer.byteLength(content),
      sha256: crypto.createHash("sha256").update(content).digest("hex"),
    })
    .returning()
    .get().id;
}

function snapshotItem(i: typeof agendaItems.$inferSelect, fileNames: string[] = []) {
  return {
    id: i.id,
    title: i.title,
    kind: i.kind,
    presenter: i.presenter,
    proposedDecision: i.proposedDecision,
    description: i.description,
    fileNames,
  };
}

beforeAll(async () => {
  app = await startApp({ env: { WRITE_LIMIT_PER_MINUTE: "100000" } });
  const w = app.world;
  const db = app.db;
  const SVOM = w.bodyIds.svom; // keeps public records
  const STYR = w.bodyIds.styrgrupp; // internal

  actors.reader = seatedUser("test-kanarie-reader", "reader", []);
  actors.readerSeated = seatedUser("test-kanarie-reader-seat", "reader", [[SVOM, "ordförande"]]);
  actors.memberOther = seatedUser("test-kanarie-other", "member", [[w.bodyIds.arbetsgrupp, "ledamot"]]);
  actors.member = seatedUser("test-kanarie-member", "member", [
    [SVOM, "ledamot"],
    [STYR, "ledamot"],
  ]);
  actors.admin = seatedUser("test-kanarie-admin", "admin", []);
  for (const role of ROLES) {
    const a = actors[role];
    if (!a) continue;
    cookies[role] = sessionCookie(db, a.userId);
    tokens[role] = `kanarie-token-${role}-${crypto.randomBytes(8).toString("hex")}`;
    db.$client.prepare("update users set calendar_token = ? where id = ?").run(tokens[role], a.userId);
  }

  const meetingOf = (bodyId: number, date: string, place: string, status: typeof meetings.$inferInsert.status) =>
    db
      .insert(meetings)
      .values({ bodyId, date, startTime: "09:00", endTime: "12:00", place, status, isPublic: bodyId === SVOM })
      .returning()
      .get();
  const itemOf = (meetingId: number, position: number, value: Partial<typeof agendaItems.$inferInsert>) =>
    db
      .insert(agendaItems)
      .values({ meetingId, position, title: "Punkt", kind: "beslut", ...value })
      .returning()
      .get();
  const publish = (meetingId: number, items: ReturnType<typeof snapshotItem>[], versionNo = 1) =>
    db
      .insert(agendaVersions)
      .values({ meetingId, versionNo, content: JSON.stringify(items) })
      .run();
  const matter = db
    .insert(matters)
    .values({ collaborationId: w.collaborationId, registryNumber: "KAN-2026-1", title: "Kanarieärendet" })
    .returning()
    .get();
  let paragraph = 900;
  const decisionOf = (
    bodyId: number,
    meetingId: number,
    itemId: number,
    value: { title: string; text: string; isPublic: boolean; approved: boolean },
  ) =>
    db
      .insert(decisions)
      .values({
        bodyId,
        meetingId,
        agendaItemId: itemId,
        paragraph: ++paragraph,
        year: 2026,
        decidedOn: "2026-12-10",
        matterId: matter.id,
        title: value.title,
        text: value.text,
        isPublic: value.isPublic,
        approval: value.approved ? "justerat" : "utkast",
        approvedAt: value.approved ? "2026-12-11T10:00:00.000Z" : null,
      })
      .returning()
      .get();

  // The rules, as the policy states them.
  const svomMember = (a: Actor | null) =>
    can(a, "read:meeting", { bodyId: SVOM, publicRecords: true, published: false });
  const svomConfidential = (a: Actor | null) => can(a, "read:confidential", { bodyId: SVOM });
  const styrMember = (a: Actor | null) =>
    can(a, "read:meeting", { bodyId: STYR, publicRecords: false, published: true });

  // 1. SVOM, published, minutes approved: a confidential item (sekretess) with its decision.
  const m1 = meetingOf(SVOM, "2026-12-10", "Regionens hus, sal Storsjön", "protokoll justerat");
  const open1 = itemOf(m1.id, 1, { title: "Budget 2027", description: "Offentlig beskrivning." });
  const confFile = storeFile(
    `${canary("konffilnamn", svomConfidential)}.pdf`,
    `%PDF-1.4\n${text(canary("konffilinnehall", svomConfidential))}\n%%EOF\n`,
  );
  const conf1 = itemOf(m1.id, 2, {
    title: "Ärende enligt OSL",
    confidential: true,
    confidentialReason: "26 kap. 1 § OSL",
    description: text(canary("konfbeskrivning", svomConfidential)),
    proposedDecision: text(canary("konfforslag", svomConfidential)),
    minutesNote: text(canary("konfanteckning", svomConfidential)),
    decisionText: text(canary("konfbeslutstext", svomConfidential)),
  });
  db.insert(agendaItemFiles).values({ agendaItemId: conf1.id, fileId: confFile }).run();
  publish(m1.id, [snapshotItem(open1), snapshotItem(conf1, ["x.pdf"])]);
  db.insert(minutes).values({ meetingId: m1.id, status: "justerat", approvedAt: "2026-12-11T10:00:00.000Z" }).run();
  decisionOf(SVOM, m1.id, open1.id, { title: "Budget 2027", text: "Beslutad budget.", isPublic: true, approved: true });
  const confDecision = decisionOf(SVOM, m1.id, conf1.id, {
    title: "Ärende enligt OSL",
    text: text(
      canary("konfregister", (a) => canReadDecision(a, { bodyId: SVOM, isPublic: false, approval: "justerat" })),
    ),
    isPublic: false,
    approved: true,
  });
  // A member's proposal: the proposer and the secretary read it.
  db.insert(itemProposals)
    .values({
      meetingId: m1.id,
      proposedBy: "demo-samordnare",
      title: text(canary("forslag", (a) => can(a, "manage:meeting", { bodyId: SVOM }))),
      description: text(canary("forslagtext", (a) => can(a, "manage:meeting", { bodyId: SVOM }))),
    })
    .run();

  // 2. SVOM, published, then changed without publishing; minutes started (a draft).
  const m2 = meetingOf(SVOM, "2026-12-17", "Regionens hus, sal Frösön", "genomfört");
  // Its items belong to the matter: the matter's timeline names them (as published, outside SVOM).
  const changed = itemOf(m2.id, 1, { title: "Verksamhetsplan", description: "Som i kallelsen.", matterId: matter.id });
  publish(m2.id, [snapshotItem(changed)]);
  db.update(agendaItems)
    .set({
      title: text(canary("opubliceradrubrik", svomMember)),
      description: text(canary("opubliceradandring", svomMember)),
      proposedDecision: text(canary("opubliceratforslag", svomMember)),
      minutesNote: text(canary("utkastanteckning", svomMember)),
      decisionText: text(canary("utkastbeslutstext", svomMember)),
    })
    .where(eq(agendaItems.id, changed.id))
    .run();
  const added = itemOf(m2.id, 2, { title: text(canary("opubliceradpunkt", svomMember)), matterId: matter.id });
  db.insert(minutes).values({ meetingId: m2.id, status: "utkast" }).run();
  const draftDecision = decisionOf(SVOM, m2.id, changed.id, {
    title: canary("utkastbeslutsrubrik", svomMember),
    text: text(canary("utkastbeslut", svomMember)),
    isPublic: true,
    approved: false,
  });

  // 3. SVOM, not published at all.
  const m3 = meetingOf(SVOM, "2027-01-14", canary("opubliceradplats", svomMember), "planerat");
  const hidden = itemOf(m3.id, 1, {
    matterId: matter.id,
    title: text(canary("opubliceratmote", svomMember)),
    description: text(canary("opubliceratmotetext", svomMember)),
  });

  // 3b. SVOM of the paper era: minutes approved, no notice in the portal. Its items are public
  // records, in public search too (migration 0029); a confidential item's texts are not.
  const m5 = meetingOf(SVOM, "2022-03-04", "Regionens hus, sal Oviken", "protokoll justerat");
  const historic = itemOf(m5.id, 1, { title: "Historisk punkt", decisionText: text("Historiskt beslut.") });
  const historicConf = itemOf(m5.id, 2, {
    title: "Historiskt ärende enligt OSL",
    confidential: true,
    confidentialReason: "26 kap. 1 § OSL",
    description: text(canary("historiskkonf", svomConfidential)),
    minutesNote: text(canary("historiskkonfanteckning", svomConfidential)),
    decisionText: text(canary("historiskkonfbeslut", svomConfidential)),
  });
  db.insert(minutes).values({ meetingId: m5.id, status: "justerat", approvedAt: "2022-03-11T10:00:00.000Z" }).run();

  // 4. The steering group (internal): a published meeting with approved minutes and a decision.
  const m4 = meetingOf(STYR, "2026-12-03", canary("internplats", styrMember), "protokoll justerat");
  const internal = itemOf(m4.id, 1, {
    title: text(canary("internpunkt", styrMember)),
    description: text(canary("interntext", styrMember)),
    minutesNote: text(canary("internanteckning", styrMember)),
    decisionText: text(canary("internprotokolltext", styrMember)),
  });
  const internalFile = storeFile(
    `${canary("internfilnamn", styrMember)}.pdf`,
    `%PDF-1.4\n${text(canary("internfilinnehall", styrMember))}\n%%EOF\n`,
  );
  db.insert(agendaItemFiles).values({ agendaItemId: internal.id, fileId: internalFile }).run();
  publish(m4.id, [snapshotItem(internal, ["x.pdf"])]);
  db.insert(minutes).values({ meetingId: m4.id, status: "justerat", approvedAt: "2026-12-04T10:00:00.000Z" }).run();
  const internalDecision = decisionOf(STYR, m4.id, internal.id, {
    title: canary("internbeslutsrubrik", styrMember),
    text: text(canary("internbeslut", styrMember)),
    isPublic: false,
    approved: true,
  });

  // 5. Documents: for the steering group only, for signed-in users, and a public one linked
  // to the decisions above (a link must not show a title its reader may not see).
  const documentOf = (
    title: string,
    visibility: "public" | "members" | "bodies",
    markdown: string,
    bodyIds: number[],
  ) => {
    const doc = db
      .insert(documents)
      .values({
        collaborationId: w.collaborationId,
        title,
        kind: "rapport",
        date: "2026-11-20",
        visibility,
        bodyId: bodyIds[0] ?? null,
      })
      .returning()
      .get();
    for (const bodyId of bodyIds) db.insert(documentBodies).values({ documentId: doc.id, bodyId }).run();
    const version = db
      .insert(documentVersions)
      .values({ documentId: doc.id, versionNo: 1, markdown, searchText: markdown })
      .returning()
      .get();
    db.$client.prepare("update documents set current_version_id = ? where id = ?").run(version.id, doc.id);
    documentVersionPairs.push([doc.id, version.id]);
    return doc;
  };
  const collaborationId = w.collaborationId;
  const bodiesDoc = (a: Actor | null) =>
    can(a, "read:document", { visibility: "bodies", bodyIds: [STYR], collaborationId });
  const membersDoc = (a: Actor | null) => can(a, "read:document", { visibility: "members", collaborationId });
  const restricted = documentOf(
    text(canary("dokumentrubrik", bodiesDoc)),
    "bodies",
    text(canary("dokumenttext", bodiesDoc)),
    [STYR],
  );
  const forMembers = documentOf(
    text(canary("medlemsdokument", membersDoc)),
    "members",
    text(canary("medlemsdokumenttext", membersDoc)),
    [],
  );
  const open = documentOf("Offentlig rapport", "public", "Offentlig text.", []);
  for (const [targetType, targetId] of [
    ["decision", internalDecision.id],
    ["decision", draftDecision.id],
    ["decision", confDecision.id],
    ["meeting", m3.id],
    ["meeting", m4.id],
  ] as const)
    db.insert(documentLinks).values({ documentId: open.id, targetType, targetId }).run();
  // Restricted documents linked to public meetings and decisions.
  for (const doc of [restricted, forMembers]) {
    db.insert(documentLinks).values({ documentId: doc.id, targetType: "meeting", targetId: m1.id }).run();
    db.insert(documentLinks).values({ documentId: doc.id, targetType: "matter", targetId: matter.id }).run();
  }

  // 6. A draft recommendation (the coordinator's until it is sent).
  const draftRec = (a: Actor | null) => can(a, "read:recommendation", { published: false, publicRecords: true });
  const rec = db
    .insert(recommendations)
    .values({
      collaborationId: w.collaborationId,
      matterId: matter.id,
      title: text(canary("rekommendationsutkast", draftRec)),
      summary: text(canary("rekommendationssammanfattning", draftRec)),
      ask: text(canary("rekommendationsfraga", draftRec)),
      answerDeadline: "2027-06-30",
    })
    .returning()
    .get();

  // 7. The mail outbox (every recipient's address and every message: the coordinator's).
  const mailOnly = (a: Actor | null) => can(a, "manage:mail");
  const mail = db
    .insert(mailOutbox)
    .values({
      eventKey: "kanarie:mail",
      kind: "notice",
      toAddress: `${canary("epostadress", mailOnly)}@demo.example`,
      subject: text(canary("epostamne", mailOnly)),
      textBody: text(canary("eposttext", mailOnly)),
      htmlBody: `<p>${text(canary("eposthtml", mailOnly))}</p>`,
      messageId: "<kanarie@demo.example>",
      nextAttemptAt: "2099-01-01T00:00:00.000Z",
    })
    .returning()
    .get();

  // Own pages of the objects (checked against the same rule).
  for (const c of canaries) {
    if (c.name.startsWith("internbeslut")) c.ownPage = () => `/beslut/${internalDecision.id}`;
    if (c.name === "utkastbeslut" || c.name === "utkastbeslutsrubrik") c.ownPage = () => `/beslut/${draftDecision.id}`;
    if (c.name === "konfregister") c.ownPage = () => `/beslut/${confDecision.id}`;
    if (c.name.startsWith("intern") && !c.name.startsWith("internbeslut")) c.ownPage = () => `/moten/${m4.id}`;
    if (c.name.startsWith("opubliceratmote") || c.name === "opubliceradplats") c.ownPage = () => `/moten/${m3.id}`;
    if (c.name.startsWith("dokument")) c.ownPage = () => `/dokument/${restricted.id}`;
    if (c.name.startsWith("medlemsdokument")) c.ownPage = () => `/dokument/${forMembers.id}`;
    if (c.name.startsWith("rekommendation")) c.ownPage = () => `/rekommendationer/${rec.id}`;
    if (c.name.startsWith("epost")) c.ownPage = () => `/admin/e-post/${mail.id}`;
  }

  const sent = db.$client
    .prepare("select id from recommendations where status <> 'utkast' order by id limit 1")
    .get() as { id: number } | undefined;
  const anyMembership = db.$client.prepare("select id from memberships where body_id = ? limit 1").get(SVOM) as {
    id: number;
  };
  const anyParty = db.$client.prepare("select id from parties limit 1").get() as { id: number };
  const anyVersion = db.$client.prepare("select id from agreement_versions limit 1").get() as { id: number };
  // An assignment given by each hidden decision: its page and the matter's timeline name the
  // decision (whose title is a canary) only to those who may read it.
  const givenBy = [confDecision, draftDecision, internalDecision].map(
    (d, i) =>
      db
        .insert(assignments)
        .values({
          collaborationId: w.collaborationId,
          decisionId: d.id,
          title: `Uppdrag ${i + 1} från ett beslut`,
          assigneeType: "body",
          assigneeId: STYR,
          createdBy: "demo-samordnare",
        })
        .returning()
        .get().id,
  );
  Object.assign(params, {
    assignmentId: givenBy,
    meetingId: [m1.id, m2.id, m3.id, m4.id, m5.id],
    decisionId: [confDecision.id, draftDecision.id, internalDecision.id],
    documentId: [restricted.id, forMembers.id, open.id],
    recommendationId: [rec.id, ...(sent ? [sent.id] : [])],
    organisationId: [w.organisationIds.Berg],
    matterId: [matter.id],
    bodyId: [SVOM, STYR],
    membershipId: [anyMembership.id],
    personId: [actors.member!.personId!],
    partyId: [anyParty.id],
    collaborationId: [w.collaborationId],
    fileId: [confFile, internalFile],
    messageId: [mail.id],
    versionId: [anyVersion.id],
  });
  for (const [meetingId, itemId] of [
    [m1.id, open1.id],
    [m1.id, conf1.id],
    [m2.id, changed.id],
    [m2.id, added.id],
    [m3.id, hidden.id],
    [m4.id, internal.id],
    [m5.id, historic.id],
    [m5.id, historicConf.id],
  ] as const)
    meetingItems.push([meetingId, itemId]);
  figures.canaries = canaries.length;
}, 120_000);

afterAll(async () => {
  console.log(`CANARY-FIGURES ${JSON.stringify(figures)}`);
  await app?.stop();
});

/** Every URL of a route pattern, its parameters filled from the seeded ids. */
function urlsOf(pattern: string): string[] {
  const names = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]);
  if (names.length === 0) return [`/${pattern}`];
  const fill = (values: Record<string, number | string>) =>
    "/" + pattern.replace(/:(\w+)/g, (_, n: string) => String(values[n]));
  if (names.includes("itemId")) return meetingItems.map(([meetingId, itemId]) => fill({ meetingId, itemId }));
  if (pattern.startsWith("dokument/") && names.includes("versionId"))
    return documentVersionPairs.map(([documentId, versionId]) => fill({ documentId, versionId }));
  if (names.includes("token")) return []; // each role's own feed, below
  let combos: Record<string, number | string>[] = [{}];
  for (const name of names) {
    const values = params[name];
    if (!values) throw new Error(`no seeded values for :${name} in ${pattern}`);
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
  }
  return combos.map(fill);
}

/** Exports and query variants that list or search: filters, CSV, search with snippets. */
const EXTRA_URLS = [
  `/sok?q=${BAIT}`,
  `/sok?q=${BAIT}&typ=agenda_item`,
  `/sok?q=${BAIT}&typ=decision`,
  `/sok?q=${BAIT}&typ=document`,
  `/sok?q=${BAIT}&typ=recommendation`,
  `/beslut?q=${BAIT}`,
  "/beslut?ar=2026",
  "/beslut.csv",
  "/beslut.csv?ar=2026",
  `/dokument?q=${BAIT}`,
  "/moten?visa=tidigare",
  "/rekommendationer?per=alla",
  "/uppdrag?visa=alla",
];

/** Runs `task` over `items`, a few at a time (one browser's worth of parallel requests). */
async function inParallel<T>(items: T[], task: (item: T) => Promise<void>, width = 6): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

async function bodyOf(res: Response): Promise<string> {
  const type = res.headers.get("content-type") ?? "";
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (type.includes("zip") && res.status === 200) {
    const entries = unzipSync(bytes);
    return Object.entries(entries)
      .map(([name, content]) => `${name}\n${Buffer.from(content).toString("utf8")}`)
      .join("\n");
  }
  return Buffer.from(bytes).toString("utf8");
}

describe("canary crawl (class 3)", () => {
  it("finds no canary where its role may not read the object, on any route or export", async () => {
    const started = Date.now();
    const build = await import(path.resolve(import.meta.dirname, "../../build/index.js"));
    const patterns = Object.entries(build.routes as Record<string, { path?: string }>)
      .filter(([id]) => id !== "root")
      .map(([, r]) => r.path ?? "");
    figures.routes = patterns.length;
    const urls = [...new Set([...patterns.flatMap(urlsOf), ...EXTRA_URLS])];
    figures.urls = urls.length;
    const leaks: string[] = [];
    // The control: every canary shows somewhere to a role that may read it, so the crawl
    // really reaches every seeded field (a canary never seen would prove nothing).
    const seen = new Set<string>();
    for (const role of ROLES) {
      const headers: Record<string, string> = cookies[role] ? { Cookie: cookies[role]! } : {};
      const forbiddenHere = canaries.filter((c) => !c.readable(actors[role]));
      const roleUrls = tokens[role] ? [...urls, `/kalender/${tokens[role]}.ics`] : urls;
      await inParallel(roleUrls, async (url) => {
        const res = await fetch(`${app.baseUrl}${url}`, { headers, redirect: "manual" });
        figures.requests++;
        const body = await bodyOf(res);
        const location = res.headers.get("location") ?? "";
        if (res.status >= 500) leaks.push(`${role} gets ${res.status} on ${url}`);
        for (const c of canaries)
          if (body.includes(c.value) || location.includes(c.value)) {
            if (forbiddenHere.includes(c)) leaks.push(`${role} sees ${c.name} on ${url} (${res.status})`);
            else seen.add(c.name);
          }
      });
    }
    figures.leaks = leaks.length;
    figures.ms = Date.now() - started;
    expect(leaks.sort()).toEqual([]);
    expect(canaries.filter((c) => !seen.has(c.name)).map((c) => c.name)).toEqual([]);
  }, 400_000);

  it("holds each object's own page to the same rule", async () => {
    const problems: string[] = [];
    for (const role of ROLES) {
      const headers: Record<string, string> = cookies[role] ? { Cookie: cookies[role]! } : {};
      for (const c of canaries.filter((x) => x.ownPage)) {
        const res = await fetch(`${app.baseUrl}${c.ownPage!()}`, { headers, redirect: "manual" });
        await res.arrayBuffer();
        const opened = res.status === 200;
        if (opened !== c.readable(actors[role]))
          problems.push(`${role} ${opened ? "opens" : "cannot open"} ${c.ownPage!()} (${c.name}, ${res.status})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("lets a member place a document only on meetings and decisions of their own bodies", async () => {
    const [restrictedId] = params.documentId;
    const own = Number(params.meetingId[3]); // the steering group's meeting: the member sits there
    // A meeting of a body the member does not sit in.
    const other = (
      app.db.$client
        .prepare("select id from meetings where body_id not in (?, ?) limit 1")
        .get(app.world.bodyIds.svom, app.world.bodyIds.styrgrupp) as { id: number }
    ).id;
    const links = () =>
      app.db.$client.prepare("select count(*) as n from document_links where document_id = ?").get(restrictedId) as {
        n: number;
      };
    const link = (role: Role, target: string) =>
      fetch(`${app.baseUrl}/dokument/${restrictedId}`, {
        method: "POST",
        redirect: "manual",
        headers: {
          Cookie: cookies[role]!,
          Origin: app.baseUrl,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ intent: "link", target }).toString(),
      });
    const before = links().n;
    const otherDecision = (
      app.db.$client
        .prepare("select id from decisions where body_id not in (?, ?) and approval = 'justerat' limit 1")
        .get(app.world.bodyIds.svom, app.world.bodyIds.styrgrupp) as { id: number }
    ).id;
    for (const target of [`meeting:${other}`, `decision:${otherDecision}`]) {
      const res = await link("member", target);
      expect(res.status, target).toBe(403);
    }
    expect(links().n).toBe(before);
    const page = await (
      await fetch(`${app.baseUrl}/dokument/${restrictedId}`, { headers: { Cookie: cookies.member! } })
    ).text();
    expect(page).not.toContain(`value="meeting:${other}"`);
    expect(page).toContain(`value="meeting:${own}"`);
    expect((await link("member", `meeting:${own}`)).status).toBe(302);
    expect(links().n).toBe(before + 1);
  });
});

/**
 * Class 6 end to end: the routes use the class-tested helpers (tests/unit/redirect.test.ts,
 * archive.test.ts, ics.test.ts). Hostile redirect targets after sign-in, an item whose title
 * and file names try to leave the zip's folder or overwrite each other, and a meeting place
 * with bare CRs that try to add calendar properties.
 */
describe("redirects, archives and calendars (class 6)", () => {
  it("redirects a signed-in visitor only to paths of our own origin", async () => {
    const targets = [
      "/%09/evil.example",
      "/%0a/evil.example",
      "/%0d%0a/evil.example",
      "//evil.example",
      "/%5Cevil.example",
      "%5C%5Cevil.example",
      "https://evil.example",
      "/./..//evil.example",
      "/%E3%80%80/evil.example",
      "javascript:alert(1)",
    ];
    for (const target of targets) {
      const res = await fetch(`${app.baseUrl}/logga-in?redirectTo=${target}`, {
        headers: { Cookie: cookies.member! },
        redirect: "manual",
      });
      await res.arrayBuffer();
      const location = res.headers.get("location") ?? "";
      expect(res.status, target).toBe(302);
      expect(new URL(location, app.baseUrl).origin, `${target} → ${location}`).toBe(app.baseUrl);
      expect(location.startsWith("/") && !location.startsWith("//"), `${target} → ${location}`).toBe(true);
    }
  });

  it("keeps zip entries inside their folder and unique, and calendar text inside its property", async () => {
    const meeting = app.db
      .insert(meetings)
      .values({
        bodyId: app.world.bodyIds.svom,
        date: "2027-02-01",
        startTime: "09:00",
        endTime: "10:00",
        place: "Sal 1\rATTENDEE:mailto:evil@evil.example\r\nX-EVIL:1\nBEGIN:VEVENT",
      })
      .returning()
      .get();
    const item = app.db
      .insert(agendaItems)
      .values({ meetingId: meeting.id, position: 1, title: "../../../etc/passwd\u202e\r\nC:\\evil" })
      .returning()
      .get();
    for (const name of ["../evil.pdf", "..\\evil.pdf", "EVIL.pdf", "evil.pdf", "evil.pdf"])
      app.db
        .insert(agendaItemFiles)
        .values({ agendaItemId: item.id, fileId: storeFile(name, "%PDF-1.4\n%%EOF\n") })
        .run();

    const zip = await fetch(`${app.baseUrl}/moten/${meeting.id}/handlingar.zip`, {
      headers: { Cookie: cookies.member! },
    });
    expect(zip.status).toBe(200);
    const names = Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer())));
    expect(names).toHaveLength(5);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(5);
    for (const name of names) {
      const parts = name.split("/");
      expect(parts, name).toHaveLength(2);
      for (const part of parts) {
        expect(part, name).not.toMatch(/^\.|[\\:\u0000-\u001f\u202e]/);
        expect(part.length, name).toBeGreaterThan(0);
      }
    }

    const ics = await (
      await fetch(`${app.baseUrl}/moten/${meeting.id}/kalender.ics`, { headers: { Cookie: cookies.member! } })
    ).text();
    expect(ics).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    const lines = ics.split("\r\n");
    expect(lines.filter((l) => /^(ATTENDEE|X-EVIL)/.test(l))).toEqual([]);
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
  });
});
