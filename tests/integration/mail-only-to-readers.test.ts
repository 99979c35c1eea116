/**
 * Every e-mail shows an object only to those who may open the object's own page (docs/security.md,
 * class 3). For each kind of mail that names an object, the fixture calls people whose rights
 * differ: a member whose seat begins after today (called to the meetings it covers, which she
 * may open, but she may not propose), a reader with a seat (who may not propose), a member
 * who has left the body, a person who takes part in no collaboration, a
 * party's representative from no party (who may read the recommendation, not report). Each
 * object carries a canary in its title. Then, for every queued message: every link into the
 * portal opens for its recipient (the route's own loader, signed in as them, answers), and a
 * canary reaches only a recipient whom the object's page (or, for an assignment, the policy's
 * rule for the collaboration's assignments) admits.
 */
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DemoWorld } from "../../db/demo-world";
import type { Db } from "../../db/connection";
import {
  agreements,
  assignments,
  bodies,
  bodyCollaborations,
  collaborations,
  itemProposals,
  mailOutbox,
  memberships,
  parties,
  people,
  users,
} from "../../db/schema";
import { createSession } from "~/auth/sessions.server";
import { earliestExit } from "~/domain/agreement-terms";
import { addDays } from "~/domain/calendar-dates";
import { todayInStockholm } from "~/domain/format";
import { goesWithoutAbout, MAIL_KINDS } from "~/domain/mail";
import { can } from "~/domain/policy";
import { addAgendaItem } from "~/models/meeting-agenda.server";
import { queueAbsenceMail, queueMinutesApprovedMail, queueProposalDecidedMail } from "~/models/meeting-mail.server";
import { publishNotice } from "~/models/meeting-notice.server";
import { queueRecommendationReminders, queueReminders } from "~/models/reminders.server";
import { createDecision } from "~/models/decisions.server";
import { addMembership, updateMembership } from "~/models/memberships.server";
import { createDraft, decideRecommendation, sendRecommendation } from "~/models/recommendations.server";
import { actorOfPerson } from "~/models/users.server";
import { currentVersion, termsOf } from "~/models/agreements.server";
import { portalOrigin } from "~/utils/origin.server";
import { write } from "~/utils/db.server";
import * as meetingPage from "~/routes/moten.$meetingId._index";
import * as noticePage from "~/routes/moten.$meetingId.kallelse";
import * as absencePage from "~/routes/moten.$meetingId.forhinder";
import * as proposePage from "~/routes/moten.$meetingId.forslag";
import * as minutesPage from "~/routes/moten.$meetingId.protokoll";
import * as assignmentsPage from "~/routes/uppdrag";
import * as agreementPage from "~/routes/avtal._index";
import * as recommendationPage from "~/routes/rekommendationer.$recommendationId._index";
import * as answerPage from "~/routes/rekommendationer.$recommendationId.svar.$organisationId";
import * as assignmentPage from "~/routes/uppdrag_.$assignmentId";
import { seesAssignment } from "~/domain/assignments";
import { expectBackfillReproducesAbout } from "../support/mail-about-backfill";
import { decisionItem, secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => unknown;

/** Each page a mail links to, by its path, with the route whose loader answers it. */
const PAGES: [RegExp, string[], Loader][] = [
  [/^\/moten\/(\d+)$/, ["meetingId"], meetingPage.loader as Loader],
  [/^\/moten\/(\d+)\/kallelse$/, ["meetingId"], noticePage.loader as Loader],
  [/^\/moten\/(\d+)\/forhinder$/, ["meetingId"], absencePage.loader as Loader],
  [/^\/moten\/(\d+)\/forslag$/, ["meetingId"], proposePage.loader as Loader],
  [/^\/moten\/(\d+)\/protokoll$/, ["meetingId"], minutesPage.loader as Loader],
  [/^\/uppdrag$/, [], assignmentsPage.loader as Loader],
  [/^\/uppdrag\/(\d+)$/, ["assignmentId"], assignmentPage.loader as Loader],
  [/^\/avtal$/, [], agreementPage.loader as Loader],
  [/^\/rekommendationer\/(\d+)$/, ["recommendationId"], recommendationPage.loader as Loader],
  [/^\/rekommendationer\/(\d+)\/svar\/(\d+)$/, ["recommendationId", "organisationId"], answerPage.loader as Loader],
];
/** The recipient's own account pages (preferences, unsubscribe): about no object. */
const OWN_PAGES = [/^\/konto\/e-post$/, /^\/e-post\/avsluta\//];

let db: Db;
let world: DemoWorld;
let bodyId: number;
const today = todayInStockholm();
const person: Record<string, number> = {};
const cookies = new Map<number, string>();
/** Canary → who may read the object that carries it. */
const canaries = new Map<string, (personId: number) => Promise<boolean>>();

const slugs = () =>
  db
    .select({ slug: collaborations.slug })
    .from(collaborations)
    .all()
    .map((c) => c.slug);

/** Opens `path` as the person, with the route's own loader: true when it answers with the page. */
async function opens(personId: number, path: string): Promise<boolean> {
  const url = new URL(path, "http://localhost");
  const page = PAGES.find(([re]) => re.test(url.pathname));
  if (!page) throw new Error(`A mail links to a page this test does not know: ${url.pathname}`);
  const [re, names, loader] = page;
  const match = re.exec(url.pathname)!;
  const params = Object.fromEntries(names.map((n, i) => [n, match[i + 1]]));
  const request = new Request(url, { headers: { Cookie: cookies.get(personId) ?? "" } });
  try {
    const result = await loader({ request, params, context: {} });
    return !(result instanceof Response) || result.status < 300;
  } catch (thrown) {
    if (thrown instanceof Response) return false;
    throw thrown;
  }
}

/**
 * Every message queued (of `kind`, when given: the scheduled job queues every reminder due),
 * checked link by link and canary by canary; returns who got which canary.
 */
async function checkOutbox(kind?: string): Promise<Map<string, number[]>> {
  const origin = portalOrigin();
  const reached = new Map<string, number[]>();
  const rows = db
    .select()
    .from(mailOutbox)
    .all()
    .filter((r) => kind === undefined || r.kind === kind);
  for (const row of rows) {
    // A letter to a party's registrar is addressed to the party itself, not to a person.
    if (row.personId === null && row.kind.startsWith("recommendation")) continue;
    expect(row.personId, `${row.kind} to ${row.toAddress} is to a person`).not.toBeNull();
    const personId = row.personId!;
    const body = `${row.subject}\n${row.textBody}\n${row.htmlBody}`;
    const links = new Set([...row.textBody.matchAll(/https?:\/\/[^\s"<>)]+/g)].map((m) => m[0]));
    for (const link of links) {
      if (!link.startsWith(origin)) continue;
      const path = link.slice(origin.length);
      if (OWN_PAGES.some((re) => re.test(path))) continue;
      expect(await opens(personId, path), `${row.kind} to ${row.toName} links to ${path}`).toBe(true);
      // A page about a whole collection (no object id in its path) shows the reader's first
      // collaboration unless the link names one: a mail's link must name the one it is about.
      const url = new URL(link);
      if (!url.pathname.split("/").some((segment) => /^\d+$/.test(segment)))
        expect(slugs(), `${row.kind} links to ${path}`).toContain(url.searchParams.get("samverkan"));
    }
    for (const [canary, mayRead] of canaries) {
      if (!body.includes(canary)) continue;
      expect(await mayRead(personId), `${row.kind} to ${row.toName} names ${canary}`).toBe(true);
      reached.set(canary, [...(reached.get(canary) ?? []), personId]);
    }
  }
  return reached;
}

function personWithAccount(name: string, role: "member" | "reader" = "member", organisationId?: number) {
  const p = db
    .insert(people)
    .values({ name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@mail.example`, organisationId })
    .returning()
    .get();
  person[name] = p.id;
  db.insert(users)
    .values({ id: `mail-${p.id}`, email: `konto.${p.id}@mail.example`, passwordHash: "x", role, personId: p.id })
    .run();
  return p.id;
}

function seat(name: string, role: (typeof memberships.$inferInsert)["role"], from: string, until: string | null) {
  db.insert(memberships).values({ bodyId, personId: person[name], role, startDate: from, endDate: until }).run();
}

beforeAll(async () => {
  ({ db, world } = await demoDatabase());
  bodyId = db
    .insert(bodies)
    .values({
      slug: "mejlgruppen",
      name: "Mejlgruppen",
      shortName: "Mejlgruppen",
      kind: "Styrgrupp",
      proposalDeadlineDays: 10,
    })
    .returning()
    .get().id;
  db.insert(bodyCollaborations).values({ bodyId, collaborationId: world.collaborationId }).run();
  personWithAccount("Olle Ordförande");
  personWithAccount("Lena Ledamot");
  personWithAccount("Erik Ersättare");
  personWithAccount("Rut Läsare", "reader");
  personWithAccount("Fanny Framtida");
  personWithAccount("Albin Avgången");
  personWithAccount("Ulla Utanför");
  seat("Olle Ordförande", "ordförande", "2026-01-01", null);
  seat("Lena Ledamot", "ledamot", "2026-01-01", null);
  seat("Erik Ersättare", "ersättare", "2026-01-01", null);
  seat("Rut Läsare", "ledamot", "2026-01-01", null);
  // Her seat begins after today, before the meeting: she is called to it and may open it.
  seat("Fanny Framtida", "ledamot", addDays(today, 5), null);
  seat("Albin Avgången", "ledamot", "2026-01-01", addDays(today, -1));
  for (const id of Object.values(person)) cookies.set(id, (await createSession(`mail-${id}`)).split(";")[0]);
});
// Every message each test queued: migration 0036 derives from its event key the `about` the
// code gave it (for rows queued before the column was kept), for every kind this file triggers.
const backfilled = new Set<string>();
afterEach(() => {
  for (const kind of expectBackfillReproducesAbout(db)) backfilled.add(kind);
});
afterAll(() => {
  // Not queued here: the request to sign (mail-about-null.test.ts) and a recommendation's first
  // letter (cleared before its reminder; the same key and about).
  const elsewhere = ["minutes-for-signing", "recommendation"];
  expect([...backfilled].sort()).toEqual(
    MAIL_KINDS.filter((k) => !goesWithoutAbout(k) && !elsewhere.includes(k)).sort(),
  );
});
beforeEach(() => {
  db.delete(mailOutbox).run();
});

/** A meeting of Mejlgruppen in `days` days with an item titled with the canary. */
function meetingWithCanary(days: number, canary: string) {
  const meeting = secretaryMeeting(bodyId, addDays(today, days));
  addAgendaItem("demo-samordnare", meeting.id, decisionItem(`Punkt ${canary}`), null);
  canaries.set(canary, (personId) => opens(personId, `/moten/${meeting.id}`));
  return meeting;
}

describe("mail about a meeting goes only to those who may open the meeting", () => {
  it("the notice: to everyone called, a member whose seat begins before the meeting included", async () => {
    const meeting = meetingWithCanary(20, "KANARIE-KALLELSE");
    publishNotice("demo-samordnare", meeting.id);
    // Called by a seat not yet begun, she is summoned, and every link of the notice (the
    // meeting, the notice, förhinder) opens for her today: checked with everyone else's.
    const hers = db.select().from(mailOutbox).where(eq(mailOutbox.personId, person["Fanny Framtida"])).all();
    expect(hers.map((row) => row.kind)).toEqual(["notice"]);
    const reached = await checkOutbox();
    expect(reached.get("KANARIE-KALLELSE")).toContain(person["Lena Ledamot"]);
    expect(reached.get("KANARIE-KALLELSE")).toContain(person["Fanny Framtida"]);
    expect(reached.get("KANARIE-KALLELSE")).not.toContain(person["Albin Avgången"]);
  });

  it("the proposal's answer: not to a proposer who has left the body", async () => {
    const meeting = meetingWithCanary(20, "KANARIE-MÖTE-FÖRSLAG");
    const proposal = (by: string, title: string) =>
      db
        .insert(itemProposals)
        .values({
          meetingId: meeting.id,
          proposedBy: `mail-${person[by]}`,
          title,
          status: "avslaget",
          declineReason: "Nej",
        })
        .returning()
        .get();
    const stays = proposal("Lena Ledamot", "Förslag KANARIE-FÖRSLAG-KVAR");
    const left = proposal("Albin Avgången", "Förslag KANARIE-FÖRSLAG-AVGÅNGEN");
    canaries.set("KANARIE-FÖRSLAG-KVAR", (p) => opens(p, `/moten/${meeting.id}`));
    canaries.set("KANARIE-FÖRSLAG-AVGÅNGEN", (p) => opens(p, `/moten/${meeting.id}`));
    write((tx) => {
      queueProposalDecidedMail(tx, stays.id);
      queueProposalDecidedMail(tx, left.id);
    });
    const reached = await checkOutbox();
    expect(reached.get("KANARIE-FÖRSLAG-KVAR")).toEqual([person["Lena Ledamot"]]);
    expect(reached.get("KANARIE-FÖRSLAG-AVGÅNGEN")).toBeUndefined();
  });

  it("förhinder to the deputies, and approved minutes to the body: only to those who may open the meeting", async () => {
    const meeting = meetingWithCanary(20, "KANARIE-FÖRHINDER");
    publishNotice("demo-samordnare", meeting.id);
    db.delete(mailOutbox).run();
    write((tx) => {
      queueAbsenceMail(tx, meeting.id, person["Lena Ledamot"], 1);
      queueMinutesApprovedMail(tx, meeting.id, today);
    });
    const kinds = db.select({ kind: mailOutbox.kind, personId: mailOutbox.personId }).from(mailOutbox).all();
    expect(kinds).toContainEqual({ kind: "absence", personId: person["Erik Ersättare"] });
    expect(kinds).toContainEqual({ kind: "minutes-approved", personId: person["Olle Ordförande"] });
    await checkOutbox();
  });

  it("the reminder to propose items: only to those who may propose on the page it links to", async () => {
    // The proposal deadline (10 days before) is in three days: the first reminder is due today.
    const meeting = meetingWithCanary(13, "KANARIE-FÖRSLAGSTID");
    publishNotice("demo-samordnare", meeting.id);
    db.delete(mailOutbox).run();
    queueReminders(today, portalOrigin());
    const reminded = db
      .select({ personId: mailOutbox.personId })
      .from(mailOutbox)
      .where(eq(mailOutbox.kind, "proposal-deadline"))
      .all()
      .map((r) => r.personId);
    expect(reminded).toContain(person["Lena Ledamot"]);
    expect(reminded).not.toContain(person["Rut Läsare"]);
    await checkOutbox();
  });
});

describe("a seat changed after the notice", () => {
  it("the notice to the newly called opens for them; the withdrawal reaches one who may no longer open the meeting, and links nothing", async () => {
    const meeting = meetingWithCanary(20, "KANARIE-SÄTE");
    publishNotice("demo-samordnare", meeting.id);
    const leaving = personWithAccount("Sara Slutar");
    const joining = personWithAccount("Nils Ny");
    for (const id of [leaving, joining]) cookies.set(id, (await createSession(`mail-${id}`)).split(";")[0]);
    const leavingSeat = addMembership("demo-samordnare", bodyId, {
      personId: leaving,
      organisationId: null,
      role: "ledamot",
      startDate: "2026-01-01",
      endDate: null,
      note: "",
    });
    db.delete(mailOutbox).run();
    // Her seat is recorded as ended yesterday: she may no longer open the meeting.
    const ended = updateMembership("demo-samordnare", leavingSeat.id, leavingSeat.version, {
      personId: leaving,
      organisationId: null,
      role: "ledamot",
      startDate: "2026-01-01",
      endDate: addDays(today, -1),
      note: "",
    });
    expect(ended.ok).toBe(true);
    addMembership("demo-samordnare", bodyId, {
      personId: joining,
      organisationId: null,
      role: "ledamot",
      startDate: addDays(today, 10),
      endDate: null,
      note: "",
    });
    // One message each per noticed meeting of the body (the earlier tests noticed some too).
    const rows = db.select({ kind: mailOutbox.kind, personId: mailOutbox.personId }).from(mailOutbox).all();
    expect(new Set(rows.filter((r) => r.personId === leaving).map((r) => r.kind))).toEqual(new Set(["notice-change"]));
    expect(new Set(rows.filter((r) => r.personId === joining).map((r) => r.kind))).toEqual(new Set(["notice"]));
    expect(rows.every((r) => r.personId === leaving || r.personId === joining)).toBe(true);
    expect(await opens(leaving, `/moten/${meeting.id}`)).toBe(false);
    const reached = await checkOutbox();
    expect(reached.get("KANARIE-SÄTE")).toEqual([joining]);
  });
});

describe("reminders about the collaboration's records", () => {
  it("an assignment's reminder reaches whoever holds it, from outside the collaboration too, and opens its own page", async () => {
    const assignment = (name: string, canary: string) =>
      db
        .insert(assignments)
        .values({
          collaborationId: world.collaborationId,
          title: `Uppdrag ${canary}`,
          assigneeType: "person",
          assigneeId: person[name],
          dueDate: addDays(today, 7),
        })
        .returning()
        .get();
    const lena = assignment("Lena Ledamot", "KANARIE-UPPDRAG-LEDAMOT");
    const ulla = assignment("Ulla Utanför", "KANARIE-UPPDRAG-UTANFÖR");
    // The assignment's page opens for the collaboration's participants and for whoever holds it.
    const sees = (a: typeof lena) => async (personId: number) => seesAssignment(actorOfPerson(personId, today), a);
    canaries.set("KANARIE-UPPDRAG-LEDAMOT", sees(lena));
    canaries.set("KANARIE-UPPDRAG-UTANFÖR", sees(ulla));
    queueReminders(today, portalOrigin());
    const reached = await checkOutbox("assignment-due");
    expect(reached.get("KANARIE-UPPDRAG-LEDAMOT")).toEqual([person["Lena Ledamot"]]);
    // Ulla takes part in no collaboration: the list of assignments is not hers, her own assignment is.
    expect(
      can(actorOfPerson(person["Ulla Utanför"], today), "read:assignments", { collaborationId: world.collaborationId }),
    ).toBe(false);
    expect(reached.get("KANARIE-UPPDRAG-UTANFÖR")).toEqual([person["Ulla Utanför"]]);
    expect(await opens(person["Ulla Utanför"], `/uppdrag/${ulla.id}`)).toBe(true);
    expect(await opens(person["Ulla Utanför"], `/uppdrag/${lena.id}`)).toBe(false);
  });

  it("a recommendation's reminder to a party's representative names only what the representative may open", async () => {
    const berg = world.organisationIds.Berg;
    const bracke = world.organisationIds.Bräcke;
    // Berg's representative is from Berg and reports its answer; Bräcke's is one of its politicians
    // (a reader's account) and may only read. (A contact person of another organisation is not a
    // representative and is not reminded at all: notifications.test.ts.)
    const contact = personWithAccount("Rolf Representant", "member", berg);
    const reader = personWithAccount("Ivar Inbjuden", "reader", bracke);
    for (const id of [contact, reader]) cookies.set(id, (await createSession(`mail-${id}`)).split(";")[0]);
    db.update(parties).set({ contactPersonId: contact }).where(eq(parties.organisationId, berg)).run();
    db.update(parties).set({ contactPersonId: reader }).where(eq(parties.organisationId, bracke)).run();
    const decision = createDecision("demo-samordnare", {
      bodyId: world.bodyIds.svom,
      meetingId: null,
      paragraph: 32,
      decidedOn: today,
      matterId: null,
      title: "Rekommendation om intern rutin",
      text: "SVOM rekommenderar parterna att anta rutinen.",
      kind: "rekommendation",
      isPublic: false,
    });
    const draft = createDraft("demo-samordnare", world.collaborationId, {
      title: "Rutin KANARIE-REKOMMENDATION",
      summary: "Rutinen.",
      ask: "Att anta rutinen.",
      answerDeadline: addDays(today, 3),
      costYear: null,
      isPublic: false,
      matterId: null,
      agreementVersionId: null,
      organisationIds: [berg, bracke],
      partyDeadlines: new Map(),
    });
    canaries.set("KANARIE-REKOMMENDATION", (p) => opens(p, `/rekommendationer/${draft.id}`));
    const decided = decideRecommendation("demo-samordnare", draft.id, 1, decision.id, null);
    if (!decided.ok) throw new Error("not decided");
    const sent = sendRecommendation("demo-samordnare", draft.id, decided.row.version, addDays(today, -20));
    if (!sent.ok) throw new Error("not sent");
    db.delete(mailOutbox).run();
    queueRecommendationReminders(today);
    const reached = await checkOutbox();
    expect(reached.get("KANARIE-REKOMMENDATION")?.sort()).toEqual([contact, reader].sort());
    const answerLinks = db
      .select()
      .from(mailOutbox)
      .all()
      .filter((r) => r.personId !== null && r.textBody.includes("/svar/"))
      .map((r) => r.personId);
    expect(answerLinks).toEqual([contact]);
  });

  it("the agreement's notice deadline: every recipient opens the agreement", async () => {
    // The day a month before the agreement's last day for notice: its reminder is due.
    const agreement = db.select().from(agreements).all()[0];
    const exit = earliestExit(termsOf(currentVersion(agreement.id, today)!), today);
    queueReminders(addDays(exit.noticeDeadline, -30), portalOrigin());
    expect(db.select().from(mailOutbox).where(eq(mailOutbox.kind, "agreement-notice-deadline")).all()).not.toEqual([]);
    await checkOutbox("agreement-notice-deadline");
  });
});
