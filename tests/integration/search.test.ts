/**
 * Search (app/models/search.server.ts over migration 0017): access and filters inside the
 * query, so every permitted match is counted and reachable page by page; a write touches only
 * its own row of the index; Swedish words found the way people mean them.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import type { DemoWorld } from "../../db/demo-world";
import {
  agendaItems,
  agendaVersions,
  agreementVersions,
  decisions,
  documentBodies,
  documents,
  documentVersions,
  matters,
  meetings,
  minutes,
  recommendations,
} from "../../db/schema";
import { canReadDecision } from "~/domain/decisions";
import { SNIPPET_MARGIN } from "~/domain/search";
import { can, type Actor } from "~/domain/policy";
import { readScopeOf } from "~/domain/read-scope";
import { recommendationResource } from "~/domain/recommendations";
import { canReadDocument } from "~/models/documents.server";
import { getMeeting, meetingToldTo } from "~/models/meetings.server";
import { meetingResource } from "~/domain/meetings";
import { visibleAgendaOf } from "~/models/agenda-view.server";
import { agendaOf } from "~/models/meeting-agenda.server";
import { publishedMeetingIds, snapshotOf } from "~/models/meeting-notice.server";
import { pageTextsOf, search, type SearchFilter } from "~/models/search.server";
import { SEARCH_ENTRY_READABLE, searchScopeParams } from "~/models/read-scope.server";
import { demoDatabase } from "../support/test-db";
import { demoViewers } from "../support/viewers";

let db: Db;
let world: DemoWorld;
let actors: [string, Actor | null][];

const verdicts = new Map<string, boolean>();
/** The policy, asked object by object: what search must admit (the rule the SQL mirrors). */
function mayRead(actor: Actor | null, kind: string, refId: number): boolean {
  const key = `${actor?.userId ?? "-"} ${kind} ${refId}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) verdicts.set(key, (verdict = policyAdmits(actor, kind, refId)));
  return verdict;
}

function policyAdmits(actor: Actor | null, kind: string, refId: number): boolean {
  switch (kind) {
    case "document": {
      const doc = db.select().from(documents).where(eq(documents.id, refId)).get();
      return !!doc && canReadDocument(actor, doc);
    }
    case "agenda_item": {
      const item = db.select().from(agendaItems).where(eq(agendaItems.id, refId)).get();
      // The meeting as the viewer was told it (its day decides whom a seat not yet begun calls).
      const meeting = item ? meetingToldTo(actor, item.meetingId) : undefined;
      if (!item || !meeting) return false;
      const published = publishedMeetingIds([meeting.id]).has(meeting.id);
      if (!can(actor, "read:meeting", meetingResource(meeting, published))) return false;
      // The hit's texts must be what the viewer sees of the item (drafts, unpublished changes, sekretess).
      const seen = visibleAgendaOf(actor, meeting).find((i) => i.id === item.id);
      return (
        !!seen &&
        (["title", "description", "proposedDecision", "minutesNote", "decisionText"] as const).every(
          (f) => seen[f] === item[f],
        )
      );
    }
    case "decision": {
      const d = db.select().from(decisions).where(eq(decisions.id, refId)).get();
      return !!d && d.inRegister && canReadDecision(actor, d);
    }
    case "matter": {
      // As /arenden/:id asks it: those who take part in the matter's collaboration.
      const m = db.select().from(matters).where(eq(matters.id, refId)).get();
      return !!m && can(actor, "read:matters", { collaborationId: m.collaborationId });
    }
    case "agreement_version":
      return can(actor, "read:agreement");
    case "recommendation": {
      const r = db.select().from(recommendations).where(eq(recommendations.id, refId)).get();
      return !!r && can(actor, "read:recommendation", recommendationResource(r));
    }
    default:
      return false;
  }
}

interface Entry {
  id: number;
  kind: string;
  ref_id: number;
  title: string;
  body: string;
  body_id: number | null;
  year: number | null;
}
const entries = () => db.$client.prepare("SELECT * FROM search_entries ORDER BY id").all() as Entry[];

/**
 * How an unquoted word is looked up (search's `wordsMax`): among the indexed words, then in the
 * word index (every word here: the demo's words are few), or as a substring in the trigram
 * index. Both must give the same matches.
 */
const ROUTES = [
  ["by indexed words", 100_000],
  ["by trigrams", 0],
] as const;

/** Every result of a search, page by page, as links (ranked, or newest first past `rankedMax`). */
async function allResults(actor: Actor | null, q: string, filter: SearchFilter, rankedMax?: number, wordsMax?: number) {
  // Walk the pages as a reader would: a long list is counted only up to the page asked for
  // (page.open), so the last page linked to must always lead on to every further match.
  const keys: string[] = [];
  let first: Awaited<ReturnType<typeof search>> | undefined;
  for (let page = 1; ; page++) {
    const result = await search(actor, q, filter, { page, size: 50 }, rankedMax, wordsMax);
    first ??= result;
    expect(result.page.page).toBe(page);
    keys.push(...result.items.map((r) => r.href));
    if (!result.page.open && page >= result.page.pageCount)
      return { total: result.page.total, keys, order: first.order };
  }
}

const TERM = "kvalitetsuppföljning";
/** The fixture's meeting whose agenda changed after its notice was published. */
let unpublished: { meetingId: number; unchanged: number[]; changed: number; added: number };

/**
 * Queries of every source (trigram words, word-index phrases, both) with what each must
 * match in an entry's folded text: a word anywhere as a substring, a quoted phrase as words in
 * that order from a word's beginning, the last word free to continue.
 */
const QUERIES: [string, (text: string) => boolean][] = [
  [TERM, (text) => text.includes(TERM)],
  // A word alone and inside compounds ("kvalitetsuppföljning"): several indexed words contain it.
  ["uppföljning", (text) => text.includes("uppföljning")],
  [`"${TERM}"`, (text) => new RegExp(`(?<![\\p{L}\\p{N}])${TERM}`, "u").test(text)],
  [
    `"om ${TERM}" beslut`,
    (text) => new RegExp(`(?<![\\p{L}\\p{N}])om[^\\p{L}\\p{N}]+${TERM}`, "u").test(text) && text.includes("beslut"),
  ],
];
const textOf = (e: { title: string; body: string }) => `${e.title} ${e.body}`.toLocaleLowerCase("sv");

beforeAll(async () => {
  ({ db, world } = await demoDatabase("2026-11-23"));
  actors = demoViewers(world, "2026-11-23");
  // A member-to-be of the steering group: her seat, not yet begun, covers the fixture's noticed
  // meeting (2026-10-01) and the demo's coming ones, not the earlier (policy.ts, calledAhead).
  actors.push([
    "a member-to-be (a seat not yet begun)",
    {
      ...actors[1][1]!,
      userId: "member-to-be",
      role: "member",
      bodyRoles: new Map(),
      collaborationIds: new Set(),
      seatsAhead: [{ bodyId: world.bodyIds.styrgrupp, startDate: "2026-09-15", endDate: null }],
    },
  ]);
  // More than 200 matches of one word, of every kind and visibility, across bodies and years.
  const b = world.bodyIds;
  const bodyList = [b.svom, b.styrgrupp, b.referensgrupp, b.arbetsgrupp];
  db.$client.transaction(() => {
    for (let i = 0; i < 120; i++) {
      const visibility = (["public", "members", "bodies"] as const)[i % 3];
      const doc = db
        .insert(documents)
        .values({
          collaborationId: world.collaborationId,
          title: `Rapport ${i}`,
          kind: "rapport",
          bodyId: bodyList[i % 4],
          date: `${2020 + (i % 5)}-05-01`,
          visibility,
        })
        .returning()
        .get();
      if (visibility === "bodies")
        db.insert(documentBodies)
          .values({ documentId: doc.id, bodyId: bodyList[(i + 1) % 4] })
          .run();
      const version = db
        .insert(documentVersions)
        .values({ documentId: doc.id, versionNo: 1, searchText: `Årets ${TERM} av verksamheten, del ${i}.` })
        .returning()
        .get();
      db.update(documents).set({ currentVersionId: version.id }).where(eq(documents.id, doc.id)).run();
    }
    for (let i = 0; i < 120; i++)
      db.insert(decisions)
        .values({
          bodyId: bodyList[i % 4],
          year: 2020 + (i % 5),
          decidedOn: `${2020 + (i % 5)}-03-01`,
          title: `Beslut ${i}`,
          text: `Beslut om ${TERM} nummer ${i}.`,
          isPublic: i % 2 === 0,
          approval: i % 3 === 0 ? "utkast" : "justerat",
          approvedAt: i % 3 === 0 ? null : "2025-03-02T10:00:00Z",
          inRegister: i % 10 !== 0,
        })
        .run();
    for (let m = 0; m < 8; m++) {
      const meeting = db
        .insert(meetings)
        .values({ bodyId: bodyList[m % 4], date: `202${m % 5}-09-01`, startTime: "09:00", endTime: "10:00" })
        .returning()
        .get();
      if (m % 2 === 0) db.insert(agendaVersions).values({ meetingId: meeting.id, versionNo: 1, content: "[]" }).run();
      if (m % 4 === 0) db.insert(minutes).values({ meetingId: meeting.id, status: "justerat" }).run();
      for (let i = 0; i < 5; i++)
        db.insert(agendaItems)
          .values({
            meetingId: meeting.id,
            position: i + 1,
            title: `Punkt ${i}`,
            description: `**Underlag** om ${TERM}.`,
            minutesNote: i % 2 === 0 ? "Diskuterades." : "",
          })
          .run();
    }
    // A notice published with its items; then one item is changed and one added, unpublished.
    // Members other than the secretary are told the published agenda until minutes are begun.
    const notice = db
      .insert(meetings)
      .values({ bodyId: b.styrgrupp, date: "2026-10-01", startTime: "09:00", endTime: "10:00" })
      .returning()
      .get();
    const noticed = [0, 1, 2].map((i) =>
      db
        .insert(agendaItems)
        .values({ meetingId: notice.id, position: i + 1, title: `Kallad punkt ${i}`, description: `Om ${TERM}.` })
        .returning()
        .get(),
    );
    db.insert(agendaVersions)
      .values({
        meetingId: notice.id,
        versionNo: 1,
        // As the portal publishes it: the meeting's time and place, and its agenda.
        content: JSON.stringify({
          meeting: { date: notice.date, startTime: notice.startTime, endTime: notice.endTime, place: "", videoUrl: "" },
          items: snapshotOf(agendaOf(notice.id)),
        }),
      })
      .run();
    db.update(agendaItems).set({ title: "Ändrad, ännu inte kallad" }).where(eq(agendaItems.id, noticed[1].id)).run();
    const added = db
      .insert(agendaItems)
      .values({ meetingId: notice.id, position: 4, title: "Tillagd, ännu inte kallad", description: `Om ${TERM}.` })
      .returning()
      .get();
    unpublished = {
      meetingId: notice.id,
      unchanged: [noticed[0].id, noticed[2].id],
      changed: noticed[1].id,
      added: added.id,
    };
    // SVOM meetings of the paper era: no notice in the portal. Approved minutes make them public
    // records (migration 0029); draft minutes or none keep them the body's, and a confidential
    // item keeps its texts from everyone outside the body either way.
    for (const [m, status] of (["justerat", "utkast", null, "justerat"] as const).entries()) {
      const meeting = db
        .insert(meetings)
        .values({ bodyId: b.svom, date: `202${m}-10-01`, startTime: "09:00", endTime: "10:00" })
        .returning()
        .get();
      // One meeting's minutes are approved after its items exist: the minutes trigger recomputes them.
      if (status && m !== 3) db.insert(minutes).values({ meetingId: meeting.id, status }).run();
      for (let i = 0; i < 3; i++)
        db.insert(agendaItems)
          .values({
            meetingId: meeting.id,
            position: i + 1,
            title: `Papperspunkt ${m}.${i}`,
            description: `Protokollfört om ${TERM} i pappersprotokollet.`,
            decisionText: i === 1 ? "Beslutet fattades på papper." : "",
            confidential: i === 2,
            confidentialReason: i === 2 ? "OSL 26 kap. 1 §" : "",
          })
          .run();
      if (status && m === 3) db.insert(minutes).values({ meetingId: meeting.id, status }).run();
    }
    for (let i = 0; i < 4; i++)
      db.insert(recommendations)
        .values({
          collaborationId: world.collaborationId,
          title: `Rekommendation ${i}`,
          ask: `Anta ${TERM}.`,
          answerDeadline: "2027-01-01",
          isPublic: i % 2 === 0,
          status: i < 2 ? "skickad" : "utkast",
          sentAt: i < 2 ? "2026-11-01T10:00:00.000Z" : null,
        })
        .run();
    db.insert(matters)
      .values({ collaborationId: world.collaborationId, registryNumber: "MM 2026/99", title: TERM })
      .run();
  })();
}, 60_000); // building the demo database takes seconds when the machine is shared

describe("search applies access and filters inside the query", () => {
  it("admits, entry by entry and viewer by viewer, exactly what the policy admits", { timeout: 60_000 }, async () => {
    const all = entries();
    expect(new Set(all.map((e) => e.kind)).size).toBe(6);
    for (const [q, matches] of QUERIES)
      for (const [who, actor] of actors)
        for (const [route, wordsMax] of ROUTES) {
          const { keys } = await allResults(actor, q, {}, undefined, wordsMax);
          const expected = all.filter((e) => matches(textOf(e)) && mayRead(actor, e.kind, e.ref_id)).map((e) => e.id);
          expect(expected.length, `${q} ${who} ${route}`).toBeGreaterThan(0);
          expect(keys.length, `${q} ${who} ${route}`).toBe(expected.length);
          expect(new Set(keys).size, `${q} ${who} ${route}`).toBe(keys.length);
        }
  });

  it("makes every agenda item readable exactly to those who may open it as it stands, historic minutes included", () => {
    const items = db.select({ id: agendaItems.id }).from(agendaItems).all();
    const readable = db.$client.prepare(
      `SELECT e.ref_id AS id FROM search_entries e WHERE e.kind = 'agenda_item' AND ${SEARCH_ENTRY_READABLE}`,
    );
    for (const [who, actor] of actors) {
      const found = (readable.all(searchScopeParams(readScopeOf(actor))) as { id: number }[]).map((r) => r.id);
      const admitted = items.filter((i) => mayRead(actor, "agenda_item", i.id)).map((i) => i.id);
      expect(
        found.sort((x, y) => x - y),
        who,
      ).toEqual(admitted.sort((x, y) => x - y));
    }
    // The seeded history makes it matter: SVOM's paper-era meetings have approved minutes and no
    // notice, and the public may open them, so their items are in the public's search.
    const historic = db.$client
      .prepare(
        `SELECT i.id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
         WHERE m.body_id = ? AND m.date < '2024-01-01' AND i.confidential = 0
           AND EXISTS (SELECT 1 FROM minutes mi WHERE mi.meeting_id = m.id AND mi.status = 'justerat')
           AND NOT EXISTS (SELECT 1 FROM agenda_versions av WHERE av.meeting_id = m.id)
           AND i.title NOT LIKE 'Papperspunkt%'`,
      )
      .all(world.bodyIds.svom) as { id: number }[];
    expect(historic.length).toBeGreaterThan(10);
    const publicFinds = new Set(
      (readable.all(searchScopeParams(readScopeOf(null))) as { id: number }[]).map((r) => r.id),
    );
    for (const { id } of historic) expect(publicFinds.has(id), `item ${id}`).toBe(true);
  });

  it("keeps an agenda change not yet published out of the hits of every member but the secretary", async () => {
    const member = actors.find(([who]) => who === "an IFO chief (member)")![1]!;
    const body = world.bodyIds.styrgrupp;
    expect(member.bodyRoles.get(body)?.has("sekreterare")).toBe(false);
    const secretary: Actor = {
      ...member,
      bodyRoles: new Map(
        [...member.bodyRoles].map(([id, roles]) => [
          id,
          id === body ? new Set([...roles, "sekreterare" as const]) : roles,
        ]),
      ),
    };
    const itemsFound = async (actor: Actor) => {
      const { keys } = await allResults(actor, TERM, { kind: "agenda_item", bodyId: body });
      const prefix = `/moten/${unpublished.meetingId}#punkt-`;
      return keys.filter((k) => k.startsWith(prefix)).map((k) => Number(k.slice(prefix.length)));
    };
    const { unchanged, changed, added } = unpublished;
    expect((await itemsFound(member)).sort()).toEqual([...unchanged].sort());
    expect((await itemsFound(secretary)).sort()).toEqual([...unchanged, changed, added].sort());
    // The same rule as every other surface (the zip, extracts): the member is told the notice.
    const told = visibleAgendaOf(member, { id: unpublished.meetingId, bodyId: body });
    expect(told.map((i) => i.title)).toEqual(["Kallad punkt 0", "Kallad punkt 1", "Kallad punkt 2"]);
    expect(visibleAgendaOf(secretary, { id: unpublished.meetingId, bodyId: body }).map((i) => i.title)).toEqual([
      "Kallad punkt 0",
      "Ändrad, ännu inte kallad",
      "Kallad punkt 2",
      "Tillagd, ännu inte kallad",
    ]);
  });

  it("tells a member the year of the published notice, not of a move across New Year not yet published", async () => {
    const member = actors.find(([who]) => who === "an IFO chief (member)")![1]!;
    const body = world.bodyIds.styrgrupp;
    const secretary: Actor = {
      ...member,
      bodyRoles: new Map([
        ...member.bodyRoles,
        [body, new Set([...member.bodyRoles.get(body)!, "sekreterare" as const])],
      ]),
    };
    const { meetingId, unchanged } = unpublished;
    const hitsOf = async (actor: Actor, year?: number) =>
      (await search(actor, TERM, { kind: "agenda_item", bodyId: body, year }, { page: 1, size: 200 })).items.filter(
        (r) => r.href.startsWith(`/moten/${meetingId}#`),
      );
    const before = db.select({ date: meetings.date }).from(meetings).where(eq(meetings.id, meetingId)).get()!.date;
    // The secretary moves the noticed meeting (2026-10-01) into the next year, unpublished.
    db.update(meetings).set({ date: "2027-01-14" }).where(eq(meetings.id, meetingId)).run();
    try {
      const told = await hitsOf(member);
      expect(told.map((r) => r.refId).sort()).toEqual([...unchanged].sort());
      expect(told.map((r) => r.year)).toEqual(unchanged.map(() => 2026));
      expect(await hitsOf(member, 2027)).toEqual([]);
      expect((await hitsOf(member, 2026)).length).toBe(unchanged.length);
      // The secretary sees the meeting as it stands.
      expect(new Set((await hitsOf(secretary)).map((r) => r.year))).toEqual(new Set([2027]));
      expect((await hitsOf(secretary, 2026)).length).toBe(0);
    } finally {
      db.update(meetings).set({ date: before }).where(eq(meetings.id, meetingId)).run();
    }
  });

  it.each(QUERIES)(
    "returns every permitted match of %s, for every filter",
    async (q, matches) => {
      const all = entries().filter((e) => matches(textOf(e)));
      expect(all.length).toBeGreaterThan(q.includes("beslut") ? 60 : 200);
      const filters: SearchFilter[] = [
        {},
        { kind: "document" },
        { kind: "decision" },
        { kind: "agenda_item" },
        { bodyId: world.bodyIds.styrgrupp },
        { bodyId: world.bodyIds.svom, kind: "decision" },
        { year: 2022 },
        { year: 2021, bodyId: world.bodyIds.referensgrupp },
      ];
      const totals = new Set<number>();
      for (const [who, actor] of actors)
        for (const filter of filters)
          for (const [route, wordsMax] of ROUTES)
            for (const rankedMax of [undefined, 10]) {
              const expected = all.filter(
                (e) =>
                  (!filter.kind || e.kind === filter.kind) &&
                  (!filter.bodyId || e.body_id === filter.bodyId) &&
                  (!filter.year || e.year === filter.year) &&
                  mayRead(actor, e.kind, e.ref_id),
              );
              // Past `rankedMax` matches the newest come first: a different query, the same matches.
              const { total, keys, order } = await allResults(actor, q, filter, rankedMax, wordsMax);
              const what = `${who} ${JSON.stringify(filter)} ${order} ${route}`;
              expect(total, what).toBe(expected.length);
              expect(new Set(keys).size, what).toBe(expected.length);
              expect(order, what).toBe(rankedMax !== undefined && total > rankedMax ? "newest" : "rank");
              totals.add(total);
            }
      // The fixtures make the rules matter: viewers and filters see different counts.
      expect(totals.size).toBeGreaterThan(10);
      const admin = (await allResults(actors[4][1], q, {})).total;
      const anonymous = (await allResults(null, q, {})).total;
      expect(admin).toBeGreaterThan(q.includes("beslut") ? 60 : 200);
      expect(anonymous).toBeLessThan(admin);
    },
    60_000,
  );
});

describe("the public finds the §§ of approved public minutes, historic ones included", () => {
  const svomMeeting = (date: string) =>
    db
      .select()
      .from(meetings)
      .where(and(eq(meetings.bodyId, world.bodyIds.svom), eq(meetings.date, date)))
      .get()!;

  it("finds a § of SVOM's paper-era minutes, approved and without a notice, and its link opens for the public", async () => {
    const m = svomMeeting("2022-06-03");
    expect(db.select().from(agendaVersions).where(eq(agendaVersions.meetingId, m.id)).all()).toEqual([]);
    expect(db.select().from(minutes).where(eq(minutes.meetingId, m.id)).get()?.status).toBe("justerat");
    const item = db
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, m.id), eq(agendaItems.title, "Rekommendation om inriktningsbeslut")))
      .get()!;
    const found = await search(null, "inriktningsbeslut", { kind: "agenda_item" });
    expect(found.items.map((r) => r.href)).toContain(`/moten/${m.id}#punkt-${item.id}`);
    // The link's page is the meeting's, which the policy opens to the public.
    const meeting = getMeeting(m.id)!;
    const published = publishedMeetingIds([m.id]).has(m.id);
    expect(can(null, "read:meeting", { bodyId: meeting.bodyId, publicRecords: meeting.publicRecords, published })).toBe(
      true,
    );
  });

  it("still finds no confidential item, and nothing of a meeting with draft minutes or none, for the public", async () => {
    const hits = (await allResults(null, "pappersprotokollet", {})).keys;
    const hrefOf = (title: string) => {
      const i = db.select().from(agendaItems).where(eq(agendaItems.title, title)).get()!;
      return `/moten/${i.meetingId}#punkt-${i.id}`;
    };
    // Approved (0 and 3): the two open items; the confidential one (x.2) never.
    expect(hits.sort()).toEqual(
      ["Papperspunkt 0.0", "Papperspunkt 0.1", "Papperspunkt 3.0", "Papperspunkt 3.1"].map(hrefOf).sort(),
    );
    // The coordinator finds them all, the confidential items and the drafts too.
    expect((await allResults(actors[4][1], "pappersprotokollet", {})).keys).toHaveLength(12);
  });
});

describe("the index follows the data, one row at a time", () => {
  /** One FTS index itself, posting by posting: (term, entry, column, offset). */
  function postingsOf(index: "search_fts" | "search_words"): Map<number, string> {
    db.$client.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${index}_vocab USING fts5vocab(main, ${index}, instance)`);
    const byDoc = new Map<number, string[]>();
    for (const r of db.$client.prepare(`SELECT term, doc, col, offset FROM temp.${index}_vocab`).iterate() as Iterable<{
      term: string;
      doc: number;
      col: string;
      offset: number;
    }>) {
      const list = byDoc.get(r.doc) ?? [];
      list.push(`${r.term}/${r.col}/${r.offset}`);
      byDoc.set(r.doc, list);
    }
    return new Map([...byDoc].map(([doc, list]) => [doc, list.join(" ")]));
  }
  /** Both indexes (trigrams and words), entry by entry. */
  function postings(): Map<number, string> {
    const [trigrams, words] = [postingsOf("search_fts"), postingsOf("search_words")];
    const ids = new Set([...trigrams.keys(), ...words.keys()]);
    return new Map([...ids].map((id) => [id, `${trigrams.get(id) ?? ""} | ${words.get(id) ?? ""}`]));
  }
  function changed<T>(before: Map<number, T>, after: Map<number, T>): number[] {
    const ids = new Set([...before.keys(), ...after.keys()]);
    return [...ids].filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id)));
  }
  const entryRows = () => new Map(entries().map((e) => [e.id, e]));
  const entryOf = (kind: string, refId: number) => entries().find((e) => e.kind === kind && e.ref_id === refId)!;

  it("changes exactly one row of each index when one row's text changes", async () => {
    const item = db.select().from(agendaItems).limit(1).get()!;
    const [rowsBefore, trigramsBefore, wordsBefore] = [
      entryRows(),
      postingsOf("search_fts"),
      postingsOf("search_words"),
    ];
    db.update(agendaItems).set({ title: "Ny rubrik om läkemedelsgenomgång" }).where(eq(agendaItems.id, item.id)).run();
    const id = entryOf("agenda_item", item.id).id;
    expect(changed(rowsBefore, entryRows())).toEqual([id]);
    expect(changed(trigramsBefore, postingsOf("search_fts"))).toEqual([id]);
    expect(changed(wordsBefore, postingsOf("search_words"))).toEqual([id]);
    expect(postingsOf("search_words").get(id)).toContain("läkemedelsgenomgång/title/");
    expect((await search(actors[4][1], "läkemedelsgenomgång", {})).items.map((r) => r.title)).toEqual([
      "Ny rubrik om läkemedelsgenomgång",
    ]);
    expect((await search(actors[4][1], '"rubrik om läkemedel"', {})).items.map((r) => r.title)).toEqual([
      "Ny rubrik om läkemedelsgenomgång",
    ]);
    // The new word is among the indexed words at once, so a part of it is found by words too.
    for (const [route, wordsMax] of ROUTES)
      expect(
        (await search(actors[4][1], "medelsgenomgån", {}, undefined, undefined, wordsMax)).items.map((r) => r.title),
        route,
      ).toEqual(["Ny rubrik om läkemedelsgenomgång"]);
  });

  it("takes a new word into the indexed words with the write that brings it, and nothing from a write rolled back", () => {
    const termsLike = (part: string) =>
      (
        db.$client.prepare("SELECT term FROM search_terms WHERE term LIKE ? ORDER BY term").all(`%${part}%`) as {
          term: string;
        }[]
      ).map((r) => r.term);
    const countOf = () => (db.$client.prepare("SELECT count(*) AS n FROM search_terms").get() as { n: number }).n;
    const before = countOf();
    const decision = db.select().from(decisions).limit(1).get()!;
    expect(() =>
      db.$client.transaction(() => {
        db.update(decisions).set({ text: "Om snöskottningsplanen." }).where(eq(decisions.id, decision.id)).run();
        expect(termsLike("snöskottning")).toEqual(["snöskottningsplanen"]);
        throw new Error("rolled back");
      })(),
    ).toThrow("rolled back");
    expect(countOf()).toBe(before);
    db.update(decisions)
      .set({ text: `${decision.text} Om SNÖSKOTTNINGSPLANEN och snöskottningen.` })
      .where(eq(decisions.id, decision.id))
      .run();
    // Folded as the word index folds (å, ä, ö kept), each word once.
    expect(termsLike("snöskottning")).toEqual(["snöskottningen", "snöskottningsplanen"]);
    expect(countOf()).toBe(before + 2);
    // The tokenizing table is left empty for the next write.
    db.$client.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.entry_words_vocab USING fts5vocab(main, search_entry_words, row)",
    );
    expect(db.$client.prepare("SELECT count(*) AS n FROM temp.entry_words_vocab").get()).toEqual({ n: 0 });
  });

  it("removes a deleted row from both indexes, and only that row", async () => {
    const meeting = db.select().from(meetings).limit(1).get()!;
    const item = db
      .insert(agendaItems)
      .values({ meetingId: meeting.id, position: 98, title: "Tillfällig punkt om snöröjningsavtal" })
      .returning()
      .get();
    const id = entryOf("agenda_item", item.id).id;
    const [trigramsBefore, wordsBefore] = [postingsOf("search_fts"), postingsOf("search_words")];
    expect(wordsBefore.get(id)).toContain("snöröjningsavtal/title/");
    db.delete(agendaItems).where(eq(agendaItems.id, item.id)).run();
    expect(changed(trigramsBefore, postingsOf("search_fts"))).toEqual([id]);
    expect(changed(wordsBefore, postingsOf("search_words"))).toEqual([id]);
    expect(postingsOf("search_words").has(id)).toBe(false);
    expect((await search(actors[4][1], '"snöröjningsavtal"', {})).page.total).toBe(0);
  });

  it("leaves the index alone when nothing searchable changed, and follows one document's new version", async () => {
    const item = db.select().from(agendaItems).limit(1).get()!;
    const [rowsBefore, indexBefore] = [entryRows(), postings()];
    db.update(agendaItems)
      .set({ position: item.position + 100 })
      .where(eq(agendaItems.id, item.id))
      .run();
    expect(changed(rowsBefore, entryRows())).toEqual([]);
    expect(changed(indexBefore, postings())).toEqual([]);

    const doc = db.select().from(documents).where(eq(documents.title, "Rapport 7")).get()!;
    const version = db
      .insert(documentVersions)
      .values({ documentId: doc.id, versionNo: 2, searchText: "Helt ny text om tolkstöd." })
      .returning()
      .get();
    db.update(documents).set({ currentVersionId: version.id }).where(eq(documents.id, doc.id)).run();
    expect(changed(indexBefore, postings())).toEqual([entryOf("document", doc.id).id]);
  });

  it("publishing an agenda changes who may read that meeting's items, and nothing else", async () => {
    const meeting = db
      .insert(meetings)
      .values({ bodyId: world.bodyIds.svom, date: "2026-12-01", startTime: "09:00", endTime: "10:00" })
      .returning()
      .get();
    db.insert(agendaItems).values({ meetingId: meeting.id, position: 1, title: "Öppen punkt om tandvårdsstöd" }).run();
    expect((await search(null, "tandvårdsstöd", {})).page.total).toBe(0);
    const [rowsBefore, indexBefore] = [entryRows(), postings()];
    const item = db.select().from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).get()!;
    const published = [
      {
        id: item.id,
        title: item.title,
        kind: item.kind,
        presenter: "",
        proposedDecision: "",
        description: "",
        fileNames: [],
      },
    ];
    db.insert(agendaVersions)
      .values({ meetingId: meeting.id, versionNo: 1, content: JSON.stringify(published) })
      .run();
    expect(changed(rowsBefore, entryRows())).toEqual([entryOf("agenda_item", item.id).id]);
    expect(changed(indexBefore, postings())).toEqual([]);
    // SVOM keeps public records: a published agenda is everyone's.
    expect((await search(null, "tandvårdsstöd", {})).page.total).toBe(1);
  });

  it("approving the minutes of a meeting without a notice makes its items public, and nothing else", async () => {
    const meeting = db
      .insert(meetings)
      .values({ bodyId: world.bodyIds.svom, date: "2026-11-02", startTime: "09:00", endTime: "10:00" })
      .returning()
      .get();
    const item = db
      .insert(agendaItems)
      .values({
        meetingId: meeting.id,
        position: 1,
        title: "Punkt om färdtjänstavgift",
        decisionText: "Avgiften höjs.",
      })
      .returning()
      .get();
    db.insert(minutes).values({ meetingId: meeting.id, status: "utkast" }).run();
    expect((await search(null, "färdtjänstavgift", {})).page.total).toBe(0);
    const [rowsBefore, indexBefore] = [entryRows(), postings()];
    db.update(minutes).set({ status: "justerat" }).where(eq(minutes.meetingId, meeting.id)).run();
    expect(changed(rowsBefore, entryRows())).toEqual([entryOf("agenda_item", item.id).id]);
    expect(changed(indexBefore, postings())).toEqual([]);
    const found = await search(null, "färdtjänstavgift", {});
    expect(found.items.map((r) => r.href)).toEqual([`/moten/${meeting.id}#punkt-${item.id}`]);
  });

  it("keeps every trigger that keeps it in step (a table rebuild in a later migration must re-create them)", async () => {
    const triggers = (
      db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    const expected = [
      ...["agenda_items", "decisions", "matters", "agreement_versions", "documents", "recommendations"].flatMap((t) =>
        ["insert", "update", "delete"].map((op) => `search_${t}_${op}`),
      ),
      ...["insert", "update", "delete"].map((op) => `search_entries_${op}`),
      "search_meetings_update",
      "search_bodies_update",
      "search_agenda_versions_insert",
      "search_agenda_versions_delete",
      "search_document_versions_update",
      "search_minutes_insert",
      "search_minutes_update",
      "search_minutes_delete",
      "search_terms_insert",
    ];
    expect(triggers.sort()).toEqual(expected.sort());
    expect(() => db.$client.exec("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")).not.toThrow();
    expect(() => db.$client.exec("INSERT INTO search_words (search_words) VALUES ('integrity-check')")).not.toThrow();
    expect(() =>
      db.$client.exec("INSERT INTO search_terms_fts (search_terms_fts) VALUES ('integrity-check')"),
    ).not.toThrow();
  });
});

describe("Swedish search", () => {
  let coordinator: Actor | null;
  beforeAll(() => {
    coordinator = actors[4][1];
    const versionId = db.select({ id: agreementVersions.id }).from(agreementVersions).limit(1).get()!.id;
    db.update(agreementVersions)
      .set({
        text: "Samarbetsavtalet gäller tills vidare. Vid uppsägningen av avtalet gäller en uppsägningstid om 12 månader. ÅRSMÖTET hålls i Östersund.",
      })
      .where(eq(agreementVersions.id, versionId))
      .run();
    const meeting = db.select().from(meetings).limit(1).get()!;
    db.insert(agendaItems)
      .values({
        meetingId: meeting.id,
        position: 99,
        title: "Genomgång av rutinen",
        description: "**Viktigt:** läs [rutinen för hembesök](https://example.org/rutin) _före_ mötet.",
      })
      .run();
  });
  const titles = async (q: string, wordsMax?: number) =>
    (await search(coordinator, q, { kind: "agreement_version" }, undefined, undefined, wordsMax)).items.length;

  it.each(ROUTES)("finds compound words and inflected forms (%s)", async (_, wordsMax) => {
    expect(await titles("avtal", wordsMax)).toBeGreaterThan(0);
    const snippets = async (q: string) =>
      (await search(coordinator, q, { kind: "agreement_version" }, undefined, undefined, wordsMax)).items
        .map((r) => r.snippetHtml)
        .join("\n");
    expect(await snippets("samarbetsavtal")).toContain("<mark>Samarbetsavtal</mark>et");
    expect(await snippets("uppsägning")).toContain("<mark>uppsägning</mark>en");
    expect(await snippets("ppsägningsti")).toContain("u<mark>ppsägningsti</mark>d");
  });

  it("matches an exact phrase in quotes, and not the same words in another order", async () => {
    expect(await titles('"uppsägningen av avtalet"')).toBe(1);
    expect(await titles('"avtalet av uppsägningen"')).toBe(0);
    // Without quotes the words may stand anywhere.
    expect(await titles("avtalet uppsägningen")).toBe(1);
  });

  it("matches a phrase's words whole, the last one free to continue, in the word index", async () => {
    // The last word continues: "avtal" → "avtalet", "samarbetsavtal" → "Samarbetsavtalet".
    expect(await titles('"uppsägningen av avtal"')).toBe(1);
    expect(
      (await search(coordinator, '"samarbetsavtal"', { kind: "agreement_version" })).items.map((r) => r.snippetHtml),
    ).toContain(
      "<mark>Samarbetsavtal</mark>et gäller tills vidare. Vid uppsägningen av avtalet gäller en uppsägningstid om 12 månader. ÅRSMÖTET hålls i Östersund.",
    );
    // Earlier words are whole words: "uppsägning" is not "uppsägningen" inside a phrase.
    expect(await titles('"uppsägning av avtalet"')).toBe(0);
    // A phrase starts at a word: the end of a compound is found by an unquoted word only.
    expect(await titles('"avtalet gäller tills"')).toBe(0);
    expect(await titles("avtalet gäller tills")).toBe(1);
    // Punctuation between the words does not break a phrase ("tills vidare. Vid uppsägningen").
    expect(await titles('"vidare vid uppsägningen"')).toBe(1);
    const [hit] = (await search(coordinator, '"uppsägningen av avtal"', { kind: "agreement_version" })).items;
    expect(hit.snippetHtml).toContain("<mark>uppsägningen av avtal</mark>et");
    // A phrase and a word together: both must match.
    expect(await titles('"uppsägningen av" östersund')).toBe(1);
    expect(await titles('"uppsägningen av" malmö')).toBe(0);
  });

  it("folds Å, Ä and Ö in a phrase the way the trigram index does", async () => {
    expect(await titles('"ÅRSMÖTET hålls i Östersund"')).toBe(1);
    expect(await titles('"årsmötet HÅLLS"')).toBe(1);
    expect(await titles('"arsmotet halls"')).toBe(0);
    expect(await titles("arsmotet")).toBe(0);
  });

  it.each(ROUTES)(
    "folds Å, Ä and Ö with their lower case, and keeps them apart from A and O (%s)",
    async (_, wordsMax) => {
      expect(await titles("årsmötet", wordsMax)).toBe(1);
      expect(await titles("RSMÖTE", wordsMax)).toBe(1);
      expect(await titles("ÖSTERSUND", wordsMax)).toBeGreaterThan(0);
      expect(await titles("ÖSTERSUND", wordsMax)).toBe(await titles("östersund", wordsMax));
      expect(await titles("arsmotet", wordsMax)).toBe(0);
      expect(await titles("rsmotet", wordsMax)).toBe(0);
    },
  );

  it("shows rendered text in a snippet, never raw Markdown", async () => {
    const [hit] = (await search(coordinator, "hembesök", {})).items;
    expect(hit.title).toBe("Genomgång av rutinen");
    expect(hit.snippetHtml).toBe("Viktigt: läs rutinen för <mark>hembesök</mark> före mötet.");
  });
});

describe("a page of long documents", () => {
  it("is sent each long text as the stretch around its first hit, and the snippet marks that hit", async () => {
    const doc = db.select().from(documents).where(eq(documents.visibility, "public")).limit(1).get()!;
    // A million characters, the hit near the end: sent whole, a page of twenty such held the
    // event loop 100–190 ms (issue 14).
    const long = `${"inledning ".repeat(90_000)}Här står slutligen Långtextmarkören i texten. ${"bilaga ".repeat(10_000)}`;
    db.update(documentVersions)
      .set({ searchText: long, textIndexed: true })
      .where(eq(documentVersions.id, doc.currentVersionId!))
      .run();
    const { items } = await search(null, "långtextmarkör", {});
    const hit = items.find((i) => i.kind === "document" && i.refId === doc.id)!;
    expect(hit.snippetHtml).toContain("Här står slutligen <mark>Långtextmarkör</mark>en i texten. bilaga");
    expect(hit.snippetHtml.startsWith("…inledning")).toBe(true);
    expect(hit.snippetHtml.endsWith("bilaga…")).toBe(true);

    // Every entry of the index, as a page would be sent it: none longer than the longest text
    // any but a document may have, and a long one cut around its first hit.
    const ids = (db.$client.prepare("SELECT id FROM search_entries").all() as { id: number }[]).map((r) => r.id);
    const texts = await pageTextsOf(ids, ["långtextmarkör"]);
    expect(texts).toHaveLength(ids.length);
    for (const t of texts) expect(t.body.length).toBeLessThanOrEqual(100_000);
    const cut = texts.find((t) => t.chars > 100_000)!;
    expect(cut.chars).toBe(long.length);
    expect(cut.body.length).toBe(2 * SNIPPET_MARGIN);
    expect(long.slice(cut.at - 1, cut.at - 1 + cut.body.length)).toBe(cut.body);
    expect(cut.body).toContain("Långtextmarkören");
    // No hit in a long text (the title matched): its beginning.
    const [untouched] = await pageTextsOf([texts.find((t) => t.chars > 100_000)!.id], ["saknasöverallt"]);
    expect(untouched.at).toBe(1);
    expect(untouched.body).toBe(long.slice(0, 2 * SNIPPET_MARGIN));
  });
});
