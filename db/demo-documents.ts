/**
 * Demo library: the 2025 annual report (summarised from seed 000) with its key figures, the
 * agreement as a public document, a steering-group-only routine with two versions, and a
 * follow-up plan for all members. Idempotent: documents are found by title.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "./connection";
import { AGREEMENT_TEXT } from "./demo-agreement";
import type { DemoWorld } from "./demo-world";
import type { KeyFigureUnit } from "../app/domain/key-figures";
import {
  documentBodies,
  documents,
  documentVersions,
  keyFigureDefinitions,
  keyFigures,
  keyFigureValues,
} from "./schema";

const ANNUAL_REPORT_2025 = `# Verksamhetsberättelse Mini-Maria Jämtland Härjedalen 2025

Mini-Maria är en mottagning för ungdomar upp till 21 år med problem rörande alkohol, droger eller spel om pengar, och för deras närstående. Verksamheten följs upp av en arbetsgrupp, styrgrupp och politisk ledningsgrupp.

## Personal
Under 2025 har det varit stora omsättningar i personalgruppen och under större delen av året har det funnits vakanta tjänster. Under året har en sjuksköterska och två behandlare rekryterats.

## Drift och tillgänglighet
Det har varit ett konstant inflöde av ungdomar och närstående. Till följd av personalomsättningen byggdes en kö upp; kötiden var under hösten som mest cirka fyra månader. Överskottet från 2024 och 2025 används för en visstidsanställning som ska minska kön.

## Statistik
- 59 ungdomar, närstående eller professionella kontaktade Mini-Maria gällande en ungdom.
- Av ungdomarna i behandling var 60 % pojkar och 40 % flickor.
- Primär problematik: cannabis 41 %, alkohol 25 %, spel om pengar 23 %, övrigt 11 %.

## Framåtblick 2026
Verksamheten ser fram emot en fulltalig personalgrupp, fortsatt arbete med appen och utbildning i spel om pengar.
`;

const ROUTINE_V1 = `# Rutin för samverkan vid ungdomskontrakt

1. Socialtjänsten kontaktar Mini-Maria när tingsrätten har dömt till ungdomskontrakt med Mini-Maria som påföljd.
2. Mini-Maria bokar ett första samtal inom två veckor.
`;
const ROUTINE_V2 = `${ROUTINE_V1}3. Mini-Maria återrapporterar till socialtjänsten efter avslutad behandling.
`;

function ensureDocument(
  db: Db,
  world: DemoWorld,
  v: {
    title: string;
    kind: (typeof documents.$inferInsert)["kind"];
    bodyId: number | null;
    date: string;
    visibility: "public" | "members" | "bodies";
    bodyIds?: number[];
    versions: { markdown: string; comment: string }[];
  },
) {
  const found = db
    .select()
    .from(documents)
    .where(and(eq(documents.collaborationId, world.collaborationId), eq(documents.title, v.title)))
    .get();
  if (found) return found;
  const doc = db
    .insert(documents)
    .values({
      collaborationId: world.collaborationId,
      title: v.title,
      kind: v.kind,
      bodyId: v.bodyId,
      date: v.date,
      visibility: v.visibility,
      createdBy: "demo-samordnare",
    })
    .returning()
    .get();
  for (const bodyId of v.bodyIds ?? []) db.insert(documentBodies).values({ documentId: doc.id, bodyId }).run();
  v.versions.forEach((version, i) => {
    const row = db
      .insert(documentVersions)
      .values({
        documentId: doc.id,
        versionNo: i + 1,
        markdown: version.markdown,
        searchText: version.markdown.replace(/[#*_>-]/g, " "),
        comment: version.comment,
        authorId: "demo-samordnare",
      })
      .returning()
      .get();
    db.update(documents).set({ currentVersionId: row.id }).where(eq(documents.id, doc.id)).run();
  });
  return doc;
}

export function buildDemoDocuments(db: Db, world: DemoWorld): void {
  const report = ensureDocument(db, world, {
    title: "Verksamhetsberättelse 2025",
    kind: "verksamhetsberättelse",
    bodyId: world.bodyIds.styrgrupp,
    date: "2026-02-13",
    visibility: "public",
    versions: [{ markdown: ANNUAL_REPORT_2025, comment: "Redovisad för styrgruppen och SVOM" }],
  });
  ensureDocument(db, world, {
    title: "Samarbetsavtal MiniMaria Jämtland Härjedalen",
    kind: "avtal",
    bodyId: world.bodyIds.svom,
    date: "2023-03-31",
    visibility: "public",
    versions: [{ markdown: AGREEMENT_TEXT, comment: "Antaget av samtliga parter" }],
  });
  ensureDocument(db, world, {
    title: "Rutin för samverkan vid ungdomskontrakt",
    kind: "rutin",
    bodyId: world.bodyIds.styrgrupp,
    date: "2025-09-12",
    visibility: "bodies",
    bodyIds: [world.bodyIds.styrgrupp],
    versions: [
      { markdown: ROUTINE_V1, comment: "Första versionen" },
      { markdown: ROUTINE_V2, comment: "Återrapportering tillagd" },
    ],
  });
  ensureDocument(db, world, {
    title: "Uppföljningsplan",
    kind: "uppföljningsplan",
    bodyId: world.bodyIds.styrgrupp,
    date: "2023-06-09",
    visibility: "members",
    versions: [
      {
        markdown:
          "# Uppföljningsplan\n\nStatistik i verksamhetsberättelsen: antal kontakter, kön, primär problematik, kötider och bemanning.\n",
        comment: "",
      },
    ],
  });
  ensureKeyFigures(db, world.collaborationId, 2025, report.id, "Kötiden var som mest cirka 4 månader under hösten.", [
    ["Antal kontakter", "antal", "", true, 59],
    ["Andel pojkar", "procent", "kön", true, 60],
    ["Andel flickor", "procent", "kön", false, 40],
    ["Primär problematik: cannabis", "procent", "problematik", true, 41],
    ["Primär problematik: alkohol", "procent", "problematik", false, 25],
    ["Primär problematik: spel om pengar", "procent", "problematik", false, 23],
    ["Primär problematik: annat", "procent", "problematik", false, 11],
    ["Längsta kötid", "dagar", "", true, 120],
    ["Bemanning", "text", "", false, "Vakanser större delen av året; 1 sjuksköterska och 2 behandlare rekryterade"],
  ]);
}

/**
 * The key figures a collaboration follows (its own definitions: Mini-Maria's are from its
 * annual report) and one year's values. Idempotent: definitions are found by label, the year
 * by collaboration and year.
 */
function ensureKeyFigures(
  db: Db,
  collaborationId: number,
  year: number,
  documentId: number | null,
  note: string,
  figures: [label: string, unit: KeyFigureUnit, sumGroup: string, chart: boolean, value: number | string][],
) {
  const yearRow =
    db
      .select()
      .from(keyFigures)
      .where(and(eq(keyFigures.collaborationId, collaborationId), eq(keyFigures.year, year)))
      .get() ?? db.insert(keyFigures).values({ collaborationId, year, documentId, note }).returning().get();
  figures.forEach(([label, unit, sumGroup, chart, value], i) => {
    const definition =
      db
        .select()
        .from(keyFigureDefinitions)
        .where(and(eq(keyFigureDefinitions.collaborationId, collaborationId), eq(keyFigureDefinitions.label, label)))
        .get() ??
      db
        .insert(keyFigureDefinitions)
        .values({ collaborationId, position: i + 1, label, unit, sumGroup, chart })
        .returning()
        .get();
    db.insert(keyFigureValues)
      .values({
        keyFigureId: yearRow.id,
        definitionId: definition.id,
        numberValue: typeof value === "number" ? value : null,
        textValue: typeof value === "string" ? value : null,
      })
      .onConflictDoNothing()
      .run();
  });
}
