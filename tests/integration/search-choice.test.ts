/**
 * Choosing by searching (app/models/choices.server.ts, app/components/search-choice.tsx): a
 * choice field offers a page of its objects at most, a search reaches the oldest, the chosen
 * one is always offered, and what the actor may not open is neither offered nor accepted.
 * Run through the routes' own loaders and actions, with more rows than a page (and more than
 * the old caps of 60 meetings and 100 decisions).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { assignments, collaborations, decisions, documentLinks, matters, meetings, people } from "../../db/schema";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { createSession } from "~/auth/sessions.server";
import { CHOICE_LIMIT, choiceNote } from "~/domain/choices";
import { createDocument } from "~/models/documents.server";
import * as documentPage from "~/routes/dokument.$documentId._index";
import * as newDecisionPage from "~/routes/beslut.ny";
import * as newMembershipPage from "~/routes/organ.$bodyId.ledamoter.ny";
import * as assignmentsPage from "~/routes/uppdrag";
import * as newItemPage from "~/routes/moten.$meetingId.punkter.ny";
import * as newRecommendationPage from "~/routes/rekommendationer.ny";
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
let oldestMatter = 0;
let otherMatter = 0;
let oldestPerson = 0;
let meetingId = 0;

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
  db.$client.transaction(() => {
    // Ten years of matters and of people in the register, the oldest first.
    for (let i = 0; i < SEEDED; i++) {
      const createdAt = `${2010 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, "0")}-01 08:00:00`;
      const m = db
        .insert(matters)
        .values({
          collaborationId: world.collaborationId,
          registryNumber: `VP ${2010 + Math.floor(i / 12)}/${String(i).padStart(3, "0")}`,
          title: `Valprovärende ${i}`,
          createdAt,
        })
        .returning()
        .get();
      const p = db
        .insert(people)
        .values({ name: `Valprovperson ${String(i).padStart(3, "0")}`, createdAt })
        .returning()
        .get();
      if (i === 0) [oldestMatter, oldestPerson] = [m.id, p.id];
    }
    // A matter of another collaboration: never offered here, refused when posted.
    const other = db
      .insert(collaborations)
      .values({ slug: "annan-valprov", name: "Annan samverkan" })
      .returning()
      .get();
    otherMatter = db
      .insert(matters)
      .values({ collaborationId: other.id, registryNumber: "VP 2011/999", title: "Valprovärende i annan samverkan" })
      .returning()
      .get().id;
    meetingId = db
      .insert(meetings)
      .values({
        bodyId: world.bodyIds.styrgrupp,
        date: "2027-03-01",
        startTime: "09:00",
        endTime: "11:00",
        place: "Valrum",
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
    const dates = options.decision.options.map((o) => /\d{4}-\d\d-\d\d/.exec(o.label)?.[0]);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("find an old decision and meeting beyond the old caps by a search", async () => {
    const byTitle = await load("demo-samordnare", "?sok-koppling=valprovbeslut+nr+000");
    expect(byTitle.decision.options).toEqual([
      { id: oldestDecision, label: "Styrgruppen 2010-01-15 § 1 Valprovbeslut nr 000" },
    ]);
    expect(byTitle.decision.total).toBe(1);
    // A date finds the meeting of that day (its label is the body and the date).
    const byDate = await load("demo-samordnare", "?sok-koppling=2010-01-15");
    expect(ids(byDate.meeting)).toEqual([oldestMeeting]);
    expect(ids(byDate.decision)).toEqual([oldestDecision]);
    // Words in any order and case, Å, Ä and Ö folded like A–Z; every word must occur.
    const folded = await load("demo-samordnare", "?sok-koppling=ÅRLIG+valprov+översyn");
    expect(folded.decision.options.map((o) => o.label)).toEqual(["Styrgruppen 2012-06-20 Årlig Översyn av valprovet"]);
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

/** A route's loader as the coordinator, at `path`. */
const loadAs = <T>(route: { loader: (args: never) => Promise<T> }, path: string, params: Record<string, string> = {}) =>
  route.loader({ request: request("demo-samordnare", path), params, context: {} } as never);
const submit = (
  route: { action: (args: never) => Promise<unknown> },
  path: string,
  form: Record<string, string>,
  params: Record<string, string> = {},
) =>
  route
    .action({ request: request("demo-samordnare", path, form), params, context: {} } as never)
    .catch((e: unknown) => e);
/** A rejected form's status and messages per field. */
function rejection(answer: unknown) {
  const r = answer as { init?: { status?: number }; data?: { error?: Record<string, string[]> } };
  return { status: r.init?.status, errors: r.data?.error ?? {} };
}

describe("a matter chosen by searching (a decision entered afterwards, a draft recommendation, an agenda item)", () => {
  const pages = [
    ["/beslut/ny", newDecisionPage, {}],
    ["/rekommendationer/ny", newRecommendationPage, {}],
    [`/moten/{meeting}/punkter/ny`, newItemPage, { meetingId: "{meeting}" }],
  ] as const;
  const at = (path: string) => path.replace("{meeting}", String(meetingId));
  const paramsOf = (params: Record<string, string>) =>
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, at(v)]));
  const mattersOn = async (index: number, search = "") => {
    const [path, route, params] = pages[index];
    const data = (await loadAs(
      route as { loader: (args: never) => Promise<unknown> },
      `${at(path)}${search}`,
      paramsOf(params),
    )) as {
      matters?: { options: { id: number }[]; total: number };
      options?: { matters: { options: { id: number }[]; total: number } };
    };
    return data.matters ?? data.options!.matters;
  };

  it.each([0, 1, 2])(
    "offers a page at most, finds the oldest, keeps the chosen one, never another collaboration's (%i)",
    async (index) => {
      const latest = await mattersOn(index);
      expect(latest.options).toHaveLength(CHOICE_LIMIT);
      expect(latest.total).toBeGreaterThanOrEqual(SEEDED);
      expect(ids(latest)).not.toContain(oldestMatter);
      expect(ids(await mattersOn(index, "?sok-arende=vp+2010%2F000"))).toEqual([oldestMatter]);
      expect(ids(await mattersOn(index, `?sok-arende=&matterId=${oldestMatter}`))[0]).toBe(oldestMatter);
      expect(ids(await mattersOn(index, "?sok-arende=valprovärende+i+annan"))).toEqual([]);
      expect(ids(await mattersOn(index, `?sok-arende=&matterId=${otherMatter}`))).not.toContain(otherMatter);
    },
  );

  it("gives back what was typed before the search", async () => {
    const data = await loadAs(
      newDecisionPage,
      "/beslut/ny?title=Skrivet+f%C3%B6re+s%C3%B6kningen&text=Text&sok-arende=vp",
    );
    expect(data.carried?.initialValue).toMatchObject({
      title: "Skrivet före sökningen",
      text: "Text",
      "sok-arende": "vp",
    });
    expect((await loadAs(newDecisionPage, "/beslut/ny")).carried).toBeNull();
  });

  const decision = (matterId: number) => ({
    bodyId: String(world.bodyIds.styrgrupp),
    decidedOn: "2012-02-02",
    title: "Valprov med ärende",
    text: "Beslut.",
    kind: "beslut",
    isPublic: "on",
    matterId: String(matterId),
  });

  it("saves a decision on an old matter, and refuses another collaboration's matter at the field", async () => {
    const refused = rejection(await submit(newDecisionPage, "/beslut/ny", decision(otherMatter)));
    expect(refused).toEqual({ status: 400, errors: { matterId: ["Välj ett ärende i listan."] } });
    expect(db.select().from(decisions).where(eq(decisions.matterId, otherMatter)).all()).toEqual([]);
    const saved = await submit(newDecisionPage, "/beslut/ny", decision(oldestMatter));
    expect((saved as Response).status).toBe(302);
    expect(db.select().from(decisions).where(eq(decisions.matterId, oldestMatter)).all()).toHaveLength(1);
  });

  it("refuses another collaboration's matter on an agenda item", async () => {
    const path = `/moten/${meetingId}/punkter/ny`;
    const form = { title: "Valprovpunkt", kind: "information", matterId: String(otherMatter) };
    const refused = rejection(await submit(newItemPage, path, form, { meetingId: String(meetingId) }));
    expect(refused).toEqual({ status: 400, errors: { matterId: ["Välj ärende i listan."] } });
  });
});

describe("a person chosen by searching (a new seat in a body, an assignment)", () => {
  const seatPeople = async (search = "") =>
    (
      await loadAs(newMembershipPage, `/organ/${world.bodyIds.styrgrupp}/ledamoter/ny${search}`, {
        bodyId: String(world.bodyIds.styrgrupp),
      })
    ).people;
  const assignmentPeople = async (search = "") => (await loadAs(assignmentsPage, `/uppdrag${search}`)).options!.people;

  it.each([
    ["a new seat", seatPeople, "personId"],
    ["an assignment", assignmentPeople, "assignee"],
  ] as const)("%s: a page at most, the oldest found, the chosen one kept", async (_, peopleOf, field) => {
    const latest = await peopleOf();
    expect(latest.options).toHaveLength(CHOICE_LIMIT);
    expect(latest.total).toBeGreaterThanOrEqual(SEEDED);
    expect(ids(latest)).not.toContain(oldestPerson);
    expect(ids(await peopleOf("?sok-person=valprovperson+000"))).toEqual([oldestPerson]);
    const chosen = field === "assignee" ? `person:${oldestPerson}` : String(oldestPerson);
    expect(ids(await peopleOf(`?sok-person=&${field}=${encodeURIComponent(chosen)}`))[0]).toBe(oldestPerson);
  });

  it("refuses an assignee who does not exist, and saves one found by a search", async () => {
    const form = (assignee: string) => ({ intent: "create", title: "Valprovuppdrag", assignee });
    expect(rejection(await submit(assignmentsPage, "/uppdrag", form("person:999999")))).toEqual({
      status: 400,
      errors: { assignee: ["Välj vem som har uppdraget i listan."] },
    });
    expect(rejection(await submit(assignmentsPage, "/uppdrag", form("body:999999"))).status).toBe(400);
    expect(db.select().from(assignments).where(eq(assignments.title, "Valprovuppdrag")).all()).toEqual([]);
    const saved = await submit(assignmentsPage, "/uppdrag", form(`person:${oldestPerson}`));
    expect((saved as Response).status).toBe(302);
    expect(db.select().from(assignments).where(eq(assignments.title, "Valprovuppdrag")).get()).toMatchObject({
      assigneeType: "person",
      assigneeId: oldestPerson,
    });
  });
});
