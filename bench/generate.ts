/**
 * Deterministic data for `npm run bench`: the demo world plus N realistic years (per year 36
 * meetings, 360 agenda items, 300 decisions, 80 documents of 5–50 kB text, 4 000 audit rows)
 * and optionally a corpus of short documents of Swedish-like text. Same seed, same database.
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import { migrateDatabase, openDatabase, writeTransaction } from "../db/connection";
import { buildDemoAgreement } from "../db/demo-agreement";
import { buildDemoDecisions } from "../db/demo-decisions";
import { buildDemoDocuments } from "../db/demo-documents";
import { buildDemoMeetings } from "../db/demo-meetings";
import { buildDemoWorld, type DemoWorld } from "../db/demo-world";
import { sessionIdOf } from "../app/auth/sessions.server";

/** mulberry32: a small, fast, seeded generator (the same numbers on every machine). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STEMS = (
  "avtal samarbete uppsägning budget verksamhet uppföljning kommun region ungdom behandling mottagning " +
  "socialtjänst beroende missbruk rutin protokoll beslut kostnad styrgrupp ledning insats anhörig skola " +
  "polis vård plan rapport nämnd ärende förvaltning handläggning samordning öppenvård familj stöd " +
  "utredning placering prevention metod kompetens utbildning personal lokal ekonomi statistik mål"
).split(" ");
const ENDINGS = ["", "", "", "en", "et", "ar", "arna", "er", "erna", "s", "ens"];
const GLUE = (
  "och att i på för med som av till om är det inte har de den ska kan vid under efter mellan " +
  "inom samt enligt också även när där så vilket"
).split(" ");
/** Rare words: a "rare term" search finds a handful of documents. */
const RARE = ["tandvårdsbesök", "vattenskoter", "renskötsel", "fjällräddning"];

function swedishText(rnd: () => number, bytes: number): string {
  const words: string[] = [];
  let length = 0;
  while (length < bytes) {
    const r = rnd();
    let word: string;
    if (r < 0.45) word = GLUE[Math.floor(rnd() * GLUE.length)];
    else if (r < 0.7)
      // Compounds: samarbets|avtal|et, ungdoms|mottagning|en.
      word =
        STEMS[Math.floor(rnd() * rnd() * STEMS.length)] +
        (rnd() < 0.5 ? "s" : "") +
        STEMS[Math.floor(rnd() * STEMS.length)] +
        ENDINGS[Math.floor(rnd() * ENDINGS.length)];
    else if (r < 0.9995)
      word = STEMS[Math.floor(rnd() * rnd() * STEMS.length)] + ENDINGS[Math.floor(rnd() * ENDINGS.length)];
    else word = RARE[Math.floor(rnd() * RARE.length)];
    words.push(word);
    length += word.length + 1;
  }
  // Sentences of about twelve words.
  return words
    .map((w, i) => (i % 12 === 0 ? w[0].toUpperCase() + w.slice(1) : w) + (i % 12 === 11 ? "." : ""))
    .join(" ");
}

export interface Generated {
  world: DemoWorld;
  tokens: { admin: string; member: string; reader: string };
  meetingId: number;
  futureMeetingId: number;
  minutesMeetingId: number;
  recommendationId: number;
}

const TODAY = "2026-11-23";

/** The demo world, a meeting to propose to, a meeting whose minutes are being written, sessions. */
export function createBase(dbPath: string): Generated {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbPath + suffix, { force: true });
  const db = openDatabase(dbPath);
  migrateDatabase(db);
  const world = writeTransaction(db, (tx) => {
    const built = buildDemoWorld(tx, "bench-no-password", TODAY);
    buildDemoMeetings(tx, built, TODAY);
    buildDemoAgreement(tx, built, TODAY);
    buildDemoDocuments(tx, built);
    buildDemoDecisions(tx, built, TODAY);
    return built;
  });
  db.$client.close();
  const sql = bulk(dbPath);
  const s = statements(sql, world);
  const rnd = random(1);
  const b = world.bodyIds;
  const future = Number(s.insertMeeting.run(b.styrgrupp, "2027-03-01", "planerat", 0).lastInsertRowid);
  const writing = Number(s.insertMeeting.run(b.styrgrupp, TODAY, "planerat", 0).lastInsertRowid);
  for (let i = 0; i < 10; i++) s.insertItem.run(writing, i + 1, `Punkt ${i + 1}`, swedishText(rnd, 400), "", "", "");
  // A held meeting every viewer may open (SVOM keeps public records): published agenda, ten
  // items, approved minutes. The "one meeting" page of every scale.
  const held = Number(s.insertMeeting.run(b.svom, "2026-10-05", "genomfört", 1).lastInsertRowid);
  s.publish.run(held);
  s.approveMinutes.run(held, "2026-10-05T15:00:00.000Z");
  for (let i = 0; i < 10; i++)
    s.insertItem.run(held, i + 1, s.title(rnd, i + 1), swedishText(rnd, 400), "", "", swedishText(rnd, 120));
  sql.prepare("INSERT INTO minutes (meeting_id, status) VALUES (?, 'utkast')").run(writing);
  const now = Math.floor(Date.now() / 1000);
  const session = (userId: string) => {
    const token = Array.from({ length: 40 }, () => "0123456789abcdef"[Math.floor(Math.random() * 16)]).join("");
    sql
      .prepare("INSERT INTO sessions (id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)")
      .run(sessionIdOf(token), userId, now + 24 * 3600, now);
    return token;
  };
  const pick = (q: string) => (sql.prepare(q).get() as { id: number } | undefined)?.id ?? 0;
  const generated: Generated = {
    world,
    tokens: { admin: session("demo-samordnare"), member: session("demo-chef"), reader: session("demo-politiker") },
    meetingId: held,
    futureMeetingId: future,
    minutesMeetingId: writing,
    recommendationId: pick("SELECT id FROM recommendations WHERE status <> 'utkast' ORDER BY id LIMIT 1"),
  };
  finish(sql);
  return generated;
}

function bulk(dbPath: string) {
  // A plain connection: the app's connection adds the personal-number guard's triggers
  // (generated text has no personnummer) and syncs every commit.
  const sql = new Database(dbPath);
  sql.pragma("journal_mode = WAL");
  sql.pragma("synchronous = OFF");
  sql.pragma("foreign_keys = ON");
  return sql;
}

function finish(sql: Database.Database) {
  sql.pragma("wal_checkpoint(TRUNCATE)");
  sql.exec("ANALYZE");
  sql.close();
}

function statements(sql: Database.Database, world: DemoWorld) {
  const b = world.bodyIds;
  const bodies = [b.svom, b.styrgrupp, b.referensgrupp, b.arbetsgrupp];
  const s = {
    bodies,
    insertMeeting: sql.prepare(
      "INSERT INTO meetings (body_id, date, start_time, end_time, place, status, is_public) VALUES (?, ?, '09:00', '12:00', 'Östersund', ?, ?)",
    ),
    publish: sql.prepare("INSERT INTO agenda_versions (meeting_id, version_no, content) VALUES (?, 1, '[]')"),
    approveMinutes: sql.prepare("INSERT INTO minutes (meeting_id, status, approved_at) VALUES (?, 'justerat', ?)"),
    insertItem: sql.prepare(
      `INSERT INTO agenda_items (meeting_id, position, title, kind, description, proposed_decision, minutes_note, decision_text)
       VALUES (?, ?, ?, 'beslut', ?, ?, ?, ?)`,
    ),
    insertDecision: sql.prepare(
      `INSERT INTO decisions (body_id, meeting_id, year, paragraph, decided_on, title, text, is_public, approval, approved_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'justerat', ?)`,
    ),
    insertDocument: sql.prepare(
      "INSERT INTO documents (collaboration_id, title, kind, body_id, date, visibility) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    insertVersion: sql.prepare(
      "INSERT INTO document_versions (document_id, version_no, search_text, comment) VALUES (?, 1, ?, '')",
    ),
    setVersion: sql.prepare("UPDATE documents SET current_version_id = ? WHERE id = ?"),
    linkBody: sql.prepare("INSERT INTO document_bodies (document_id, body_id) VALUES (?, ?)"),
    insertAudit: sql.prepare(
      "INSERT INTO audit_log (created_at, user_id, action, entity_type, entity_id, before, after) VALUES (?, 'demo-samordnare', 'update', ?, ?, ?, ?)",
    ),
  };
  const kinds = ["protokoll", "rapport", "rutin", "beslutsunderlag", "verksamhetsberättelse"];
  const visibilities = ["public", "members", "members", "bodies"];
  const title = (rnd: () => number, n: number) => {
    const t = swedishText(rnd, 30).replace(/\./g, "");
    return `${t[0].toUpperCase()}${t.slice(1)} ${n}`;
  };
  const addDocument = (rnd: () => number, date: string, text: string, n: number) => {
    const visibility = visibilities[n % visibilities.length];
    const doc = s.insertDocument.run(
      world.collaborationId,
      title(rnd, n),
      kinds[n % kinds.length],
      bodies[n % bodies.length],
      date,
      visibility,
    );
    const docId = Number(doc.lastInsertRowid);
    if (visibility === "bodies") s.linkBody.run(docId, bodies[(n + 1) % bodies.length]);
    const version = s.insertVersion.run(docId, text);
    s.setVersion.run(Number(version.lastInsertRowid), docId);
  };
  return { ...s, title, addDocument };
}

/** Years `from`..`to`-1 before 2026 (year index 0 is 2025), each from its own seed: adding years 1–9 to a 1× database gives the same data as generating 10× at once. */
export function addYears(dbPath: string, world: DemoWorld, from: number, to: number): void {
  const sql = bulk(dbPath);
  const s = statements(sql, world);
  const b = world.bodyIds;
  for (let y = from; y < to; y++) {
    const rnd = random(1000 + y);
    const year = 2025 - y;
    // The register's § series go on after what the demo already holds for that year (its
    // history reaches back into the generated years).
    const paragraphs = new Map<number, number>(
      (
        sql
          .prepare("SELECT body_id AS bodyId, max(paragraph) AS n FROM decisions WHERE year = ? GROUP BY body_id")
          .all(year) as { bodyId: number; n: number }[]
      ).map((r) => [r.bodyId, r.n]),
    );
    sql.transaction(() => {
      for (let m = 0; m < 36; m++) {
        const bodyId = s.bodies[m % s.bodies.length];
        const date = `${year}-${String(1 + (m % 12)).padStart(2, "0")}-${String(3 + Math.floor(m / 12) * 9).padStart(2, "0")}`;
        const meetingId = Number(
          s.insertMeeting.run(bodyId, date, "genomfört", bodyId === b.svom ? 1 : 0).lastInsertRowid,
        );
        s.publish.run(meetingId);
        s.approveMinutes.run(meetingId, `${date}T15:00:00.000Z`);
        for (let i = 0; i < 10; i++) {
          s.insertItem.run(
            meetingId,
            i + 1,
            s.title(rnd, i + 1),
            swedishText(rnd, 400),
            swedishText(rnd, 120),
            swedishText(rnd, 200),
            swedishText(rnd, 120),
          );
          // 300 decisions a year: the items of 30 of the 36 meetings become register decisions.
          if (m < 30) {
            const paragraph = (paragraphs.get(bodyId) ?? 0) + 1;
            paragraphs.set(bodyId, paragraph);
            s.insertDecision.run(
              bodyId,
              meetingId,
              year,
              paragraph,
              date,
              s.title(rnd, paragraph),
              swedishText(rnd, 300),
              bodyId === b.svom || paragraph % 3 !== 0 ? 1 : 0,
              `${date}T15:00:00.000Z`,
            );
          }
        }
      }
      for (let d = 0; d < 80; d++)
        s.addDocument(
          rnd,
          `${year}-${String(1 + (d % 12)).padStart(2, "0")}-15`,
          swedishText(rnd, 5_000 + Math.floor(rnd() * 45_000)),
          d,
        );
      for (let a = 0; a < 4000; a++)
        s.insertAudit.run(
          `${year}-${String(1 + (a % 12)).padStart(2, "0")}-10T10:00:00.000Z`,
          "agenda_item",
          String(a),
          JSON.stringify({ title: "Före" }),
          JSON.stringify({ title: "Efter" }),
        );
    })();
  }
  finish(sql);
}

/** `count` short documents (0.3–0.9 kB of text each), dated 2010–2025. */
export function addCorpus(dbPath: string, world: DemoWorld, count: number): void {
  const sql = bulk(dbPath);
  const s = statements(sql, world);
  const rnd = random(99);
  for (let start = 0; start < count; start += 5000)
    sql.transaction(() => {
      for (let n = start; n < Math.min(count, start + 5000); n++)
        s.addDocument(
          rnd,
          `${2010 + (n % 16)}-${String(1 + (n % 12)).padStart(2, "0")}-01`,
          swedishText(rnd, 300 + Math.floor(rnd() * 600)),
          n,
        );
    })();
  finish(sql);
}

export function countDocuments(dbPath: string): number {
  const sql = new Database(dbPath, { readonly: true });
  const n = (sql.prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
  sql.close();
  return n;
}
