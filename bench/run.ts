/**
 * `npm run bench`: measures the operations users wait for, on a database built like the demo
 * plus volume (2 000 documents, 5 000 agenda items), and writes docs/benchmarks.md.
 * Timings are medians of repeated runs on this machine; they are for trends, not assertions.
 */
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { migrateDatabase, openDatabase, writeTransaction } from "../db/connection";
import { buildDemoAgreement } from "../db/demo-agreement";
import { buildDemoDecisions } from "../db/demo-decisions";
import { buildDemoDocuments } from "../db/demo-documents";
import { buildDemoWorld } from "../db/demo-world";
import { agendaItems, documents, documentVersions, meetings } from "../db/schema";
import { currentTerm, noticeDeadlineForTermEnd } from "../app/domain/agreement-terms";
import { allocateLargestRemainder } from "../app/domain/cost-allocation";
import { renderMarkdown } from "../app/utils/markdown.server";

const db = openDatabase(":memory:");
migrateDatabase(db);
globalThis.__portalDb = db;
const today = "2026-11-23";
const world = writeTransaction(db, (tx) => {
  const w = buildDemoWorld(tx, "x", today);
  buildDemoAgreement(tx, w, today);
  buildDemoDocuments(tx, w);
  buildDemoDecisions(tx, w, today);
  return w;
});
const words = [
  "avtal",
  "budget",
  "uppsägning",
  "närmottagning",
  "rutin",
  "ungdomar",
  "cannabis",
  "spel",
  "styrgrupp",
  "förlängning",
  "kostnad",
  "Östersund",
  "Härjedalen",
];
const text = (n: number) => Array.from({ length: 120 }, (_, i) => words[(n * 7 + i * 13) % words.length]).join(" ");
writeTransaction(db, (tx) => {
  for (let i = 0; i < 2000; i++) {
    const doc = tx
      .insert(documents)
      .values({
        collaborationId: world.collaborationId,
        title: `Rapport ${i}`,
        kind: "rapport",
        bodyId: world.bodyIds.styrgrupp,
        date: "2025-01-01",
        visibility: "members",
      })
      .returning()
      .get();
    const v = tx
      .insert(documentVersions)
      .values({ documentId: doc.id, versionNo: 1, markdown: text(i), searchText: text(i) })
      .returning()
      .get();
    tx.update(documents).set({ currentVersionId: v.id }).where(eq(documents.id, doc.id)).run();
  }
  const meeting = tx
    .insert(meetings)
    .values({ bodyId: world.bodyIds.styrgrupp, date: "2025-05-05", startTime: "09:00", endTime: "10:00", place: "X" })
    .returning()
    .get();
  for (let i = 0; i < 5000; i++)
    tx.insert(agendaItems)
      .values({ meetingId: meeting.id, position: i + 1, title: `Punkt ${i}`, description: text(i + 3) })
      .run();
});

function median(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const { search } = await import("../app/models/search.server");
const { currentVersion, agreementOf } = await import("../app/models/agreements.server");
const { costTable } = await import("../app/models/agreement-money.server");
const admin = {
  userId: "demo-samordnare",
  role: "admin" as const,
  personId: null,
  bodyRoles: new Map(),
  organisationId: null,
  collaborationIds: new Set<number>(),
};
const version = currentVersion(agreementOf(world.collaborationId)!.id)!;

const rows: [string, number, string][] = [
  [
    "Search “uppsägning” (7 000+ indexed rows, access-checked)",
    median(() => search(admin, "uppsägning", {}), 50),
    "ms",
  ],
  [
    "Search prefix “närmott” with body filter",
    median(() => search(admin, "närmott", { bodyId: world.bodyIds.styrgrupp }), 50),
    "ms",
  ],
  [
    "Cost table for a year (9 parties, from the database)",
    median(() => costTable(world.collaborationId, version, 2027), 200),
    "ms",
  ],
  [
    "Largest remainder, 50 parties",
    median(
      () =>
        allocateLargestRemainder(
          50_000_000,
          Array.from({ length: 50 }, (_, i) => ({ key: `p${i}`, weight: 1000 + i * 37 })),
        ),
      2000,
    ),
    "ms",
  ],
  [
    "Term engine: current term + deadline in 2080",
    median(
      () =>
        noticeDeadlineForTermEnd(
          currentTerm(
            { firstTermStart: "2023-01-01", firstTermEnd: "2023-12-31", noticeMonths: 12, renewalMonths: 12 },
            "2080-06-15",
          ).end,
          12,
        ),
      2000,
    ),
    "ms",
  ],
  ["Render and sanitize 10 kB Markdown", median(() => renderMarkdown(text(1).repeat(10)), 200), "ms"],
];

const lines = [
  "# Benchmarks",
  "",
  `Run with \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${process.platform}/${process.arch}).`,
  "Database: the demo world plus 2 000 documents and 5 000 agenda items, in memory. Medians.",
  "",
  "| Operation | Median |",
  "| --- | --- |",
  ...rows.map(([name, value, unit]) => `| ${name} | ${value.toFixed(3)} ${unit} |`),
  "",
];
fs.writeFileSync(new URL("../docs/benchmarks.md", import.meta.url), lines.join("\n"));
console.log(lines.join("\n"));
