/// <reference types="vite/client" />
/**
 * Class 3, existence: an object a viewer may not open must answer exactly as one that does not
 * exist. A 403 for a hidden meeting and a 404 for a missing one tell an outsider, by counting
 * ids, which meetings, draft recommendations, confidential documents and other collaborations'
 * matters exist. This test hunts the class on every route with an id in its address: each route
 * module's loader and action is called as each kind of viewer with every id of its kind in the
 * database, and with the same address where one id is replaced by one that no row has. Every
 * answer (a refusal, a redirect, data or a download) must be identical, status, headers (a
 * Location, a Set-Cookie) and body, to the answer for some missing id, unless the viewer may
 * open the object's own page: then a refusal to act on it (a 403 to edit a meeting one may
 * read) tells nothing new. Not only refusals: a route that redirected a hidden object, or
 * served it, where a missing one answers 404 would tell as much.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import {
  agendaItems,
  assignments,
  agreementVersions,
  bodies,
  collaborations,
  decisions,
  documents,
  documentVersions,
  files,
  mailOutbox,
  matters,
  meetings,
  memberships,
  organisations,
  parties,
  people,
  recommendationParties,
  recommendations,
} from "../../db/schema";
import { createSession } from "~/auth/sessions.server";
import { createDraft } from "~/models/recommendations.server";
import { demoDatabase } from "../support/test-db";

type RouteModule = {
  loader?: (a: unknown) => Promise<unknown>;
  action?: (a: unknown) => Promise<unknown>;
};

const modules = import.meta.glob<RouteModule>("../../app/routes/*.tsx", { eager: true });

/** No row of any table has this id. */
const MISSING = 987_654;

const VIEWERS = ["anonymous", "demo-politiker", "demo-ifochef", "demo-chef", "demo-spel"] as const;
type Viewer = (typeof VIEWERS)[number];
const cookies = new Map<Viewer, string>();

let db: Db;

beforeAll(async () => {
  const built = await demoDatabase("2026-11-23", { exampleCollaboration: true });
  db = built.db;
  // A draft recommendation: the coordinator's alone until it is decided.
  createDraft("demo-samordnare", built.world.collaborationId, {
    title: "Verksamhetsplan 2027 (utkast)",
    summary: "Planen beskriver prioriteringarna.",
    ask: "Att godkänna verksamhetsplanen 2027.",
    answerDeadline: "2027-01-31",
    costYear: null,
    isPublic: true,
    matterId: null,
    agreementVersionId: null,
    organisationIds: [built.world.organisationIds.Östersund],
    partyDeadlines: new Map(),
  });
  for (const viewer of VIEWERS) {
    if (viewer === "anonymous") continue;
    cookies.set(viewer, (await createSession(viewer)).split(";")[0]);
  }
});

/** Route file name → its address pattern and parameter names (Remix flat routes). */
function addressOf(file: string): { pattern: string; params: string[] } {
  const name = file.replace(/^.*\/routes\//, "").replace(/\.tsx$/, "");
  const segments = name
    .replace(/\[\.([a-z]+)\]/g, "\u0000$1")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, ""));
  const path = "/" + segments.join("/").replace(/\u0000/g, ".");
  const params = [...path.matchAll(/\$([A-Za-z]+)/g)].map((m) => m[1]);
  return { pattern: path, params };
}

/** Every real combination of ids for a route's parameters (each child with its own parent). */
function idTuples(params: string[], pattern: string): Record<string, number>[] {
  const ids = <T extends { id: number }>(rows: T[]) => rows.map((r) => r.id);
  const one = (key: string, values: number[]) => values.map((v) => ({ [key]: v }));
  const key = params.join(",");
  switch (key) {
    case "meetingId":
      return one("meetingId", ids(db.select({ id: meetings.id }).from(meetings).all()));
    case "meetingId,itemId":
      return db.select({ meetingId: agendaItems.meetingId, itemId: agendaItems.id }).from(agendaItems).all();
    case "documentId":
      return one("documentId", ids(db.select({ id: documents.id }).from(documents).all()));
    case "documentId,versionId":
      return db
        .select({ documentId: documentVersions.documentId, versionId: documentVersions.id })
        .from(documentVersions)
        .all();
    case "versionId":
      return one("versionId", ids(db.select({ id: agreementVersions.id }).from(agreementVersions).all()));
    case "decisionId":
      return one("decisionId", ids(db.select({ id: decisions.id }).from(decisions).all()));
    case "matterId":
      return one("matterId", ids(db.select({ id: matters.id }).from(matters).all()));
    case "assignmentId":
      return one("assignmentId", ids(db.select({ id: assignments.id }).from(assignments).all()));
    case "recommendationId":
      return one("recommendationId", ids(db.select({ id: recommendations.id }).from(recommendations).all()));
    case "recommendationId,organisationId":
      return db
        .select({
          recommendationId: recommendationParties.recommendationId,
          organisationId: recommendationParties.organisationId,
        })
        .from(recommendationParties)
        .all();
    case "organisationId":
      return one("organisationId", ids(db.select({ id: organisations.id }).from(organisations).all()));
    case "bodyId":
      return one("bodyId", ids(db.select({ id: bodies.id }).from(bodies).all()));
    case "bodyId,membershipId":
      return db.select({ bodyId: memberships.bodyId, membershipId: memberships.id }).from(memberships).all();
    case "partyId":
      return one("partyId", ids(db.select({ id: parties.id }).from(parties).all()));
    case "collaborationId":
      return one("collaborationId", ids(db.select({ id: collaborations.id }).from(collaborations).all()));
    case "collaborationId,partyId":
      return db.select({ collaborationId: parties.collaborationId, partyId: parties.id }).from(parties).all();
    case "fileId":
      return one("fileId", ids(db.select({ id: files.id }).from(files).all()));
    case "personId":
      return one("personId", ids(db.select({ id: people.id }).from(people).all()));
    case "messageId":
      return one("messageId", ids(db.select({ id: mailOutbox.id }).from(mailOutbox).all()));
    default:
      throw new Error(`${pattern}: no ids for the parameters ${key}; teach the hunt its kind`);
  }
}

/** The page that shows the object a route is about: a 403 there is only a refusal to act. */
function ownPageOf(pattern: string): string {
  const own: [RegExp, string][] = [
    [/^\/moten\/\$meetingId/, "/moten/$meetingId"],
    [/^\/rekommendationer\/\$recommendationId/, "/rekommendationer/$recommendationId"],
    [/^\/dokument\/\$documentId/, "/dokument/$documentId"],
    [/^\/organ\/\$bodyId/, "/organ/$bodyId"],
    [/^\/kalender\/organ\/\$bodyId/, "/organ/$bodyId"],
    [/^\/avtal\/versioner\/\$versionId/, "/avtal/versioner/$versionId"],
    [/^\/samverkan\/\$collaborationId/, "/samverkan/$collaborationId"],
  ];
  for (const [prefix, page] of own) if (prefix.test(pattern)) return page;
  return pattern;
}

const moduleByPattern = new Map<string, RouteModule>();
for (const [file, mod] of Object.entries(modules)) moduleByPattern.set(addressOf(file).pattern, mod);

const TOKEN_ROUTES = /\$token/;

function fill(pattern: string, values: Record<string, number>): string {
  return pattern.replace(/\$([A-Za-z]+)/g, (_, name: string) => String(values[name]));
}

type Answer = { refused: boolean; status: number; text: string };

/** What the route answers the viewer at the address, with the address itself masked out. */
async function answer(
  fn: (a: unknown) => Promise<unknown>,
  viewer: Viewer,
  pattern: string,
  values: Record<string, number>,
  method: "GET" | "POST",
): Promise<Answer> {
  const path = fill(pattern, values);
  const cookie = cookies.get(viewer);
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  const init: RequestInit = { method, headers };
  if (method === "POST") {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    init.body = "";
  }
  const request = new Request(`http://localhost${path}`, init);
  const params = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
  const mask = (text: string) => text.split(encodeURIComponent(path)).join("{path}").split(path).join("{path}");
  let result: unknown;
  try {
    result = await fn({ request, params, context: {} });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  // Data, a redirect elsewhere or a download is compared too: a hidden object must not answer
  // 200 or 302 where a missing one answers 404.
  if (!(result instanceof Response)) return { refused: false, status: 200, text: mask(JSON.stringify(result) ?? "") };
  const location = result.headers.get("Location") ?? "";
  const toSignIn = location.startsWith("/logga-in");
  const refused = [401, 403, 404].includes(result.status) || toSignIn;
  // Every header but the clock's: a Set-Cookie or a Cache-Control only on hidden ones would tell.
  const sent = [...result.headers]
    .filter(([name]) => name !== "date")
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n");
  const text = mask(`${sent}\n${location}\n${(await result.clone().text()).slice(0, 2000)}`);
  return { refused, status: result.status, text };
}

const same = (a: Answer, b: Answer) => a.status === b.status && a.text === b.text;

describe("an object the viewer may not open answers as a missing one", () => {
  it("on every route with an id in its address, loader and action, as every viewer", async () => {
    const leaks: string[] = [];
    const hiddenSeen = new Map<string, number>();
    for (const [file, mod] of Object.entries(modules)) {
      const { pattern, params } = addressOf(file);
      if (params.length === 0 || TOKEN_ROUTES.test(pattern)) continue;
      const own = moduleByPattern.get(ownPageOf(pattern));
      if (!own?.loader) throw new Error(`${pattern}: no page of its own found`);
      const tuples = idTuples(params, pattern);
      for (const viewer of VIEWERS)
        for (const values of tuples) {
          const missingVariants = params.map((p) => ({ ...values, [p]: MISSING }));
          for (const method of ["GET", "POST"] as const) {
            const fn = method === "GET" ? mod.loader : mod.action;
            if (!fn) continue;
            const got = await answer(fn, viewer, pattern, values, method);
            const missing = await Promise.all(missingVariants.map((v) => answer(fn, viewer, pattern, v, method)));
            if (missing.some((m) => same(m, got))) {
              if (got.refused) hiddenSeen.set(pattern, (hiddenSeen.get(pattern) ?? 0) + 1);
              continue;
            }
            // The viewer may open the object's own page: a refusal to act, or an answer at all, tells nothing new.
            const ownPattern = ownPageOf(pattern);
            const ownValues = Object.fromEntries(
              [...ownPattern.matchAll(/\$([A-Za-z]+)/g)].map((m) => [m[1], values[m[1]]]),
            );
            if (!(await answer(own.loader, viewer, ownPattern, ownValues, "GET")).refused) continue;
            leaks.push(`${viewer} ${method} ${fill(pattern, values)}: ${got.status} ${got.text.slice(0, 60)}`);
          }
        }
    }
    expect(leaks).toEqual([]);
    // The hunt met hidden objects of the kinds that have them.
    for (const pattern of ["/moten/$meetingId", "/rekommendationer/$recommendationId", "/dokument/$documentId"])
      expect(hiddenSeen.get(pattern) ?? 0, pattern).toBeGreaterThan(0);
  }, 300_000);
});
