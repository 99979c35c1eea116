/**
 * Class 3, existence, where an id travels outside the address: in a form field posted to an
 * action, or in the query string of a page. hidden-answers-as-missing.test.ts hunts the ids in
 * route parameters; here each field or parameter that names an object is sent, as each kind of
 * viewer, with the id of every object of its kind the viewer may not open, and with an id no
 * row has. The two answers (status, headers, body or the loader's data, the id itself masked)
 * must be identical: a 403 for a hidden one beside a 404 for a missing one tells, id by id,
 * which assignments, meetings or matters other bodies and collaborations have.
 *
 * Every case also shows that the request reached the check (the missing id's answer is the
 * route's own refusal, not a form error before it), so no case passes by never asking.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import { eq } from "drizzle-orm";
import { assignments, decisions, itemProposals, matters, meetings, users } from "../../db/schema";
import { createSession } from "~/auth/sessions.server";
import { isAssignee } from "~/domain/assignments";
import { takesPartIn, type Actor } from "~/domain/policy";
import { createDocument } from "~/models/documents.server";
import { createProposal } from "~/models/meeting-proposals.server";
import { loadActor } from "~/models/users.server";
import * as assignmentsPage from "~/routes/uppdrag";
import * as decisionPage from "~/routes/beslut.$decisionId";
import * as documentPage from "~/routes/dokument.$documentId._index";
import * as matterPage from "~/routes/arenden.$matterId";
import * as meetingPage from "~/routes/moten.$meetingId._index";
import * as newItemPage from "~/routes/moten.$meetingId.punkter.ny";
import { seatedTestUser } from "../support/browser";
import { secretaryMeeting } from "../support/meetings";
import { demoDatabase } from "../support/test-db";

/** No row of any table has this id. */
const MISSING = 987_654;

const TODAY = "2026-11-23";
/** A secretary who is not the coordinator: the demo's secretaries are all the coordinator. */
const SECRETARY = "test-sekreterare";
const VIEWERS = ["demo-politiker", "demo-ifochef", "demo-chef", "demo-spel", SECRETARY] as const;
type Viewer = (typeof VIEWERS)[number];

type RouteFn = (a: unknown) => Promise<unknown>;
type Answer = { status: number; text: string };

let db: Db;
let world: DemoWorld;
const cookies = new Map<Viewer, string>();
const actors = new Map<Viewer, Actor>();
/** The secretary's own meeting and own document (a document of the body she sits in). */
let ownMeetingId: number;
let ownDocumentId: number;

beforeAll(async () => {
  const built = await demoDatabase(TODAY, { exampleCollaboration: true });
  db = built.db;
  world = built.world;
  seatedTestUser(db, { id: SECRETARY, role: "member", name: "Sekreterare Arbetsgrupp" }, [
    [world.bodyIds.arbetsgrupp, "sekreterare"],
  ]);
  ownMeetingId = secretaryMeeting(world.bodyIds.arbetsgrupp, "2026-12-15").id;
  ownDocumentId = createDocument(
    SECRETARY,
    world.collaborationId,
    {
      title: "Arbetsgruppens rutin",
      kind: "rutin",
      date: TODAY,
      visibility: "members",
      bodyId: world.bodyIds.arbetsgrupp,
      bodyIds: [],
    },
    { markdown: "Rutinen.", searchText: "Rutinen.", comment: "Första versionen" },
    null,
  ).id;
  // Proposals on other bodies' meetings (some of them hidden from the secretary).
  for (const m of db.select({ id: meetings.id }).from(meetings).all().slice(0, 40))
    if (m.id !== ownMeetingId)
      createProposal(
        "demo-samordnare",
        m.id,
        { title: "Förslag", kind: "information", description: "", proposedDecision: "" },
        null,
      );
  for (const viewer of VIEWERS) {
    cookies.set(viewer, (await createSession(viewer)).split(";")[0]);
    const user = db.select().from(users).where(eq(users.id, viewer)).get()!;
    actors.set(viewer, loadActor({ id: user.id, role: user.role, personId: user.personId }, TODAY));
  }
});

/** What a route answers: a Response's status, headers and text, or the loader's data as JSON. */
async function answer(fn: RouteFn, viewer: Viewer, path: string, form?: Record<string, string>): Promise<Answer> {
  const headers: Record<string, string> = { Cookie: cookies.get(viewer)! };
  const init: RequestInit = { method: form ? "POST" : "GET", headers };
  if (form) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    init.body = new URLSearchParams(form).toString();
  }
  const request = new Request(`http://localhost${path}`, init);
  let result: unknown;
  try {
    result = await fn({ request, params: routeParams(path), context: {} });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) {
    // Every header but the clock's (a Location, a Set-Cookie), then the body.
    const sent = [...result.headers].filter(([name]) => name !== "date").map(([name, value]) => `${name}: ${value}`);
    return { status: result.status, text: `${sent.join("\n")}\n${await result.clone().text()}` };
  }
  return { status: 200, text: JSON.stringify(result) ?? "" };
}

/** The route parameters of the addresses this test asks. */
function routeParams(path: string): Record<string, string> {
  const meeting = /^\/moten\/(\d+)/.exec(path);
  const doc = /^\/dokument\/(\d+)/.exec(path);
  return { ...(meeting ? { meetingId: meeting[1] } : {}), ...(doc ? { documentId: doc[1] } : {}) };
}

/** Does the object's own page refuse the viewer (404 or 403)? */
async function ownPageRefuses(fn: RouteFn, viewer: Viewer, path: string, param: string): Promise<boolean> {
  const id = /(\d+)$/.exec(path)![1];
  const request = new Request(`http://localhost${path}`, { headers: { Cookie: cookies.get(viewer)! } });
  try {
    const result = await fn({ request, params: { [param]: id }, context: {} });
    return result instanceof Response && result.status >= 400;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status >= 400;
    throw thrown;
  }
}

interface Case {
  /** What is asked, for the report. */
  name: string;
  viewers: readonly Viewer[];
  /** Every id of the kind. */
  ids: () => number[];
  /** The viewer may not open (nor know of) the object. */
  hidden: (viewer: Viewer, id: number) => Promise<boolean>;
  /** Ask the route with the id as the field or parameter holds it. */
  ask: (viewer: Viewer, id: number) => Promise<Answer>;
  /** The raw value the id travels as (masked in the answer: a form's reply echoes it). */
  raw: (id: number) => string;
  /** The missing id's answer is the route's refusal for that id, not something before it. */
  reached: (missing: Answer) => boolean;
}

const LINK_REFUSAL = "Du kan bara koppla dokument till möten och beslut i organ där du sitter.";

const CASES: Case[] = [
  {
    name: "POST /uppdrag status id=",
    // A reader may not post here at all (403 before the form is read, whatever the id).
    viewers: VIEWERS.filter((v) => v !== "demo-politiker"),
    ids: () =>
      db
        .select({ id: assignments.id })
        .from(assignments)
        .all()
        .map((r) => r.id),
    hidden: async (viewer, id) => {
      const a = db
        .select()
        .from(assignments)
        .all()
        .find((r) => r.id === id)!;
      const actor = actors.get(viewer)!;
      return !takesPartIn(actor, a.collaborationId) && !isAssignee(a, actor);
    },
    ask: (viewer, id) =>
      answer(assignmentsPage.action as RouteFn, viewer, "/uppdrag", {
        intent: "status",
        id: String(id),
        version: "1",
        status: "pågår",
      }),
    raw: String,
    reached: (m) => m.status === 404 && m.text.includes("Uppdraget finns inte."),
  },
  ...(["meeting", "matter", "decision"] as const).flatMap((type): Case[] => {
    const table = { meeting: meetings, matter: matters, decision: decisions }[type];
    const own = {
      meeting: [meetingPage.loader, "/moten/", "meetingId"],
      matter: [matterPage.loader, "/arenden/", "matterId"],
      decision: [decisionPage.loader, "/beslut/", "decisionId"],
    }[type] as [RouteFn, string, string];
    const hidden = (viewer: Viewer, id: number) => ownPageRefuses(own[0], viewer, `${own[1]}${id}`, own[2]);
    const ids = () =>
      db
        .select({ id: table.id })
        .from(table)
        .all()
        .map((r) => r.id);
    return [
      ...(["link", "unlink"] as const).map((intent): Case => ({
        name: `POST /dokument/:id ${intent} target=${type}:`,
        viewers: [SECRETARY],
        ids,
        hidden,
        ask: (viewer, id) =>
          answer(documentPage.action as RouteFn, viewer, `/dokument/${ownDocumentId}`, {
            intent,
            target: `${type}:${id}`,
          }),
        raw: (id) => `${type}:${id}`,
        reached: (m) => m.status === 403 && m.text.includes(LINK_REFUSAL),
      })),
      {
        name: `GET /dokument/:id?target=${type}:`,
        viewers: [SECRETARY],
        ids,
        hidden,
        ask: (viewer, id) =>
          answer(documentPage.loader as RouteFn, viewer, `/dokument/${ownDocumentId}?target=${type}:${id}`),
        raw: (id) => `${type}:${id}`,
        reached: (m) => m.status === 200 && m.text.includes('"linkOptions":{'),
      },
    ];
  }),
  {
    name: "POST /moten/:id/punkter/ny matterId=",
    viewers: [SECRETARY],
    ids: () =>
      db
        .select({ id: matters.id })
        .from(matters)
        .all()
        .map((r) => r.id),
    hidden: (viewer, id) => ownPageRefuses(matterPage.loader as RouteFn, viewer, `/arenden/${id}`, "matterId"),
    ask: (viewer, id) =>
      answer(newItemPage.action as RouteFn, viewer, `/moten/${ownMeetingId}/punkter/ny`, {
        title: "Ny punkt",
        kind: "information",
        matterId: String(id),
      }),
    raw: String,
    reached: (m) => m.text.includes("Välj ärende i listan."),
  },
  {
    name: "GET /moten/:id/punkter/ny?matterId=",
    viewers: [SECRETARY],
    ids: () =>
      db
        .select({ id: matters.id })
        .from(matters)
        .all()
        .map((r) => r.id),
    hidden: (viewer, id) => ownPageRefuses(matterPage.loader as RouteFn, viewer, `/arenden/${id}`, "matterId"),
    ask: (viewer, id) =>
      answer(newItemPage.loader as RouteFn, viewer, `/moten/${ownMeetingId}/punkter/ny?matterId=${id}`),
    raw: String,
    reached: (m) => m.status === 200 && m.text.includes('"matters":{'),
  },
  {
    name: "POST /moten/:id decline proposalId=",
    viewers: [SECRETARY],
    ids: () =>
      db
        .select({ id: itemProposals.id })
        .from(itemProposals)
        .all()
        .map((r) => r.id),
    hidden: async (viewer, id) => {
      const p = db
        .select()
        .from(itemProposals)
        .all()
        .find((r) => r.id === id)!;
      return ownPageRefuses(meetingPage.loader as RouteFn, viewer, `/moten/${p.meetingId}`, "meetingId");
    },
    ask: (viewer, id) =>
      answer(meetingPage.action as RouteFn, viewer, `/moten/${ownMeetingId}`, {
        intent: "decline",
        proposalId: String(id),
        reason: "Hör inte hit.",
      }),
    raw: String,
    reached: (m) => m.status === 404 && m.text.includes("Förslaget finns inte."),
  },
];

/** The answer with the id's own value masked (a rejected form echoes what was posted). */
function masked(a: Answer, raw: string): Answer {
  return { status: a.status, text: a.text.split(`"${raw}"`).join('"{id}"').split(`=${raw}`).join("={id}") };
}

describe("an id outside the address names a hidden object as it names a missing one", () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    "%s",
    async (_name, c) => {
      const leaks: string[] = [];
      let hiddenSeen = 0;
      for (const viewer of c.viewers) {
        const missing = masked(await c.ask(viewer, MISSING), c.raw(MISSING));
        expect(c.reached(missing), `${viewer}: ${missing.status} ${missing.text.slice(0, 200)}`).toBe(true);
        for (const id of c.ids()) {
          if (!(await c.hidden(viewer, id))) continue;
          hiddenSeen++;
          const got = masked(await c.ask(viewer, id), c.raw(id));
          if (got.status !== missing.status || got.text !== missing.text)
            leaks.push(`${viewer} ${c.raw(id)}: ${got.status} ${got.text.slice(0, 80)}`);
        }
      }
      expect(leaks).toEqual([]);
      expect(hiddenSeen, "the hunt met hidden objects").toBeGreaterThan(0);
    },
    120_000,
  );

  it("still refuses, 403, a status change on an assignment the viewer sees but does not hold", async () => {
    const actor = actors.get("demo-ifochef")!;
    const seen = db
      .select()
      .from(assignments)
      .all()
      .find((a) => takesPartIn(actor, a.collaborationId) && !isAssignee(a, actor))!;
    const got = await CASES[0].ask("demo-ifochef", seen.id);
    expect(got.status).toBe(403);
    expect(got.text).toContain("Bara den som har uppdraget, eller samordnaren, kan ändra status.");
  });
});
