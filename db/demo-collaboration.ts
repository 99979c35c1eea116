/**
 * A second demo collaboration, so the demo shows that the portal serves several: an invented
 * agreement on gambling prevention for young people between the region and three of the
 * municipalities, governed by the same SVOM as Mini-Maria (one body, one § series) and run by
 * its own steering group. None of it is in the sources: the collaboration is flagged as an
 * example (`is_example`), so every page of it says "exempeluppgift".
 *
 * It also gives the demo the people the tests need: Per Politiker Krokom sits in SVOM and so
 * takes part in both collaborations; Sigrid Spelsamordnare Åre sits only in the new steering
 * group and takes part only in the example. An SVOM meeting (approved minutes) handles an
 * item of each collaboration under consecutive §. Idempotent: every row is found by its
 * natural key first.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "./connection";
import { buildApprovedMinutes } from "./demo-history";
import { markExample } from "../app/models/example-facts.server";
import {
  ensureBody,
  ensureBodyServes,
  ensureCollaboration,
  ensureMeeting,
  ensureMembership,
  ensureParty,
  ensurePerson,
  ensureUser,
  type DemoWorld,
} from "./demo-world";
import {
  agreementPrincipals,
  agreements,
  agreementVersions,
  assignments,
  documentBodies,
  documents,
  documentVersions,
  keyFigureDefinitions,
  keyFigures,
  keyFigureValues,
  matters,
} from "./schema";

const EXAMPLE_COLLABORATION = {
  slug: "spelprevention-jh",
  name: "Spelprevention för unga i Jämtland Härjedalen",
  description:
    "Exempeluppgift: en påhittad samverkan som visar att portalen rymmer flera. Regionen, Östersund, Krokom och Åre förebygger spel om pengar bland unga genom utbildning av skolpersonal. Samma SVOM som för Mini-Maria är politisk ledningsgrupp.",
} as const;

/** Demo accounts of the example collaboration (listed in the README with the others). */
export const EXAMPLE_ACCOUNTS = [
  { id: "demo-spel", email: "spel.are@demo.example", role: "member", person: "Sigrid Spelsamordnare Åre" },
] as const;

export interface ExampleCollaboration {
  collaborationId: number;
  steeringGroupId: number;
  /** The matter of each collaboration that the shared SVOM meeting handled. */
  matterIds: { miniMaria: number; example: number };
  svomMeetingId: number;
}

const AGREEMENT_TEXT = `# Samarbetsavtal om spelprevention för unga (exempeluppgift)

Detta avtal är påhittat för demonstrationen. Det finns inte i källorna.

## 1. Parter
Region Jämtland Härjedalen samt Östersunds, Krokoms och Åre kommuner.

## 2. Syfte
Att förebygga spel om pengar bland unga genom utbildning av skolpersonal och gemensamt informationsmaterial.

## 3. Styrning
En **styrgrupp** med en företrädare per part leder arbetet. **SVOM** är politisk ledningsgrupp och ger rekommendationsbeslut till parterna.

## 4. Ekonomi
Budgeten för 2025 är 1 200 000 kronor, varav regionen 50 % och kommunerna 50 % fördelat efter folkmängd den 1 november föregående år. Kostnaderna räknas upp med 2 % per år.

## 5. Avtalstid och uppsägning
Avtalet gäller 2025-01-01–2026-12-31 och förlängs därefter med ett år i taget om ingen part säger upp det skriftligen minst 6 månader före avtalstidens utgång.
`;

/** `passwordHash` is the hash of DEMO_PASSWORD, as for the other demo accounts. */
export function buildExampleCollaboration(
  db: Db,
  world: DemoWorld,
  passwordHash: string,
  today: string,
): ExampleCollaboration {
  const collab = ensureCollaboration(db, { ...EXAMPLE_COLLABORATION, isExample: true });
  const org = world.organisationIds;
  ensureParty(db, {
    collaborationId: collab.id,
    organisationId: org.region,
    memberSince: "2025-01-01",
    role: "huvudman",
  });
  ensureParty(db, {
    collaborationId: collab.id,
    organisationId: org["Östersund"],
    memberSince: "2025-01-01",
    role: "huvudman",
  });
  for (const m of ["Krokom", "Åre"])
    ensureParty(db, { collaborationId: collab.id, organisationId: org[m], memberSince: "2025-01-01" });

  // SVOM governs this agreement too: one body, one § series for both collaborations.
  ensureBodyServes(db, world.bodyIds.svom, collab.id);
  const steering = ensureBody(db, {
    collaborationId: collab.id,
    slug: "styrgrupp-spelprevention",
    name: "Styrgruppen för spelprevention (exempel)",
    shortName: "Styrgruppen spelprevention",
    kind: "Styrgrupp",
    description: "Exempeluppgift. En företrädare per part. Leder utbildningen av skolpersonal och följer upp den.",
    proposalDeadlineDays: 10,
  });
  const seat = (personId: number, role: "ordförande" | "ledamot" | "sekreterare", orgKey: string) =>
    ensureMembership(db, {
      bodyId: steering.id,
      personId,
      role,
      organisationId: org[orgKey],
      startDate: "2025-01-01",
    });
  seat(world.personIds["Sara Samordnare"], "sekreterare", "region");
  seat(world.personIds["IFO-chef Åre"], "ordförande", "Åre");
  const sigrid = ensurePerson(db, {
    name: "Sigrid Spelsamordnare Åre",
    title: "Folkhälsosamordnare, Åre kommun (exempel)",
    organisationId: org["Åre"],
  });
  seat(sigrid.id, "ledamot", "Åre");
  for (const a of EXAMPLE_ACCOUNTS)
    ensureUser(db, { id: a.id, email: a.email, passwordHash, role: a.role, personId: sigrid.id });

  const inDays = (n: number) => {
    const d = new Date(`${today}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  ensureMeeting(db, {
    bodyId: steering.id,
    date: inDays(28),
    startTime: "10:00",
    endTime: "11:30",
    place: "Digitalt",
  });

  buildAgreement(db, collab.id, world);
  const matterIds = {
    miniMaria: ensureMatter(db, world.collaborationId, {
      registryNumber: "SVOM 2026/04",
      title: "Mini-Maria: verksamhetsberättelse 2025",
      description: "Mini-Marias verksamhetsberättelse för 2025 redovisas för SVOM.",
    }),
    example: ensureMatter(db, collab.id, {
      registryNumber: "SVOM 2026/05",
      title: "Spelprevention: uppföljning av första avtalsåret",
      description: "Exempeluppgift. Styrgruppen redovisar hur många skolor och hur mycket skolpersonal som nåtts 2025.",
    }),
  };
  const svomMeetingId = buildSharedMeeting(db, world, inDays(-21), matterIds);

  if (
    !db
      .select()
      .from(assignments)
      .where(
        and(eq(assignments.collaborationId, collab.id), eq(assignments.title, "Utbildningsplan för skolpersonal 2027")),
      )
      .get()
  )
    db.insert(assignments)
      .values({
        collaborationId: collab.id,
        title: "Utbildningsplan för skolpersonal 2027",
        description: "Exempeluppgift. Styrgruppen tar fram en plan för vilka skolor som utbildas 2027.",
        assigneeType: "body",
        assigneeId: steering.id,
        dueDate: inDays(60),
        createdBy: "demo-samordnare",
      })
      .run();

  ensureDocument(db, collab.id, {
    title: "Handlingsplan spelprevention 2026",
    bodyId: steering.id,
    visibility: "members",
    markdown:
      "# Handlingsplan spelprevention 2026 (exempeluppgift)\n\n- Utbilda skolpersonal i alla högstadieskolor i Östersund, Krokom och Åre\n- Gemensamt informationsmaterial till vårdnadshavare\n",
  });
  ensureDocument(db, collab.id, {
    title: "Styrgruppens arbetsanteckningar om skolbesök",
    bodyId: steering.id,
    visibility: "bodies",
    bodyIds: [steering.id],
    markdown:
      "# Arbetsanteckningar (exempeluppgift)\n\nVilka skolor styrgruppen har besökt och vilka som står på tur.\n",
  });

  // Key figures are the collaboration's own: this one counts trained staff and schools.
  const definition = (position: number, label: string) =>
    db
      .select()
      .from(keyFigureDefinitions)
      .where(and(eq(keyFigureDefinitions.collaborationId, collab.id), eq(keyFigureDefinitions.label, label)))
      .get() ??
    db
      .insert(keyFigureDefinitions)
      .values({ collaborationId: collab.id, position, label, unit: "antal" })
      .returning()
      .get();
  const trained = definition(1, "Utbildad skolpersonal");
  const schools = definition(2, "Skolor som deltar");
  if (
    !db
      .select()
      .from(keyFigures)
      .where(and(eq(keyFigures.collaborationId, collab.id), eq(keyFigures.year, 2025)))
      .get()
  ) {
    const year = db
      .insert(keyFigures)
      .values({ collaborationId: collab.id, year: 2025, note: "Exempeluppgifter." })
      .returning()
      .get();
    db.insert(keyFigureValues)
      .values([
        { keyFigureId: year.id, definitionId: trained.id, numberValue: 146 },
        { keyFigureId: year.id, definitionId: schools.id, numberValue: 11 },
      ])
      .run();
  }

  return { collaborationId: collab.id, steeringGroupId: steering.id, matterIds, svomMeetingId };
}

function ensureMatter(
  db: Db,
  collaborationId: number,
  v: { registryNumber: string; title: string; description: string },
) {
  const found = db
    .select()
    .from(matters)
    .where(and(eq(matters.collaborationId, collaborationId), eq(matters.registryNumber, v.registryNumber)))
    .get();
  return (
    found ??
    db
      .insert(matters)
      .values({ collaborationId, ...v })
      .returning()
      .get()
  ).id;
}

function buildAgreement(db: Db, collaborationId: number, world: DemoWorld) {
  if (db.select().from(agreements).where(eq(agreements.collaborationId, collaborationId)).get()) return;
  const agreement = db
    .insert(agreements)
    .values({ collaborationId, title: "Samarbetsavtal om spelprevention för unga (exempel)" })
    .returning()
    .get();
  const version = db
    .insert(agreementVersions)
    .values({
      agreementId: agreement.id,
      label: "Samarbetsavtal 2025 (exempeluppgift)",
      adoptedOn: "2024-12-13",
      text: AGREEMENT_TEXT,
      changeSummary: "Första versionen.",
      firstTermStart: "2025-01-01",
      firstTermEnd: "2026-12-31",
      noticeMonths: 6,
      renewalMonths: 12,
      withdrawalRules: "Vid utträde förhandlas avvecklingskostnaderna i särskild ordning.",
      baseYear: 2025,
      baseBudget: 1_200_000,
      indexBasisPoints: 200,
      regionShareBasisPoints: 5000,
      staffing: JSON.stringify([
        { principal: "Regionen", profession: "Folkhälsostrateg", fte: 0.5 },
        { principal: "Kommunerna", profession: "Utbildare", fte: 1.0 },
      ]),
      createdBy: "demo-samordnare",
    })
    .returning()
    .get();
  db.insert(agreementPrincipals)
    .values([
      { agreementVersionId: version.id, organisationId: world.organisationIds.region, side: "region" },
      {
        agreementVersionId: version.id,
        organisationId: world.organisationIds["Östersund"],
        side: "kommunerna",
        invoicesOthers: true,
      },
    ])
    .run();
}

/**
 * An SVOM meeting with approved minutes that handled one matter of each collaboration: the §
 * continue the body's series for the year (§ n for Mini-Maria, § n+1 for the example).
 */
function buildSharedMeeting(
  db: Db,
  world: DemoWorld,
  date: string,
  matterIds: ExampleCollaboration["matterIds"],
): number {
  const meeting = ensureMeeting(db, {
    bodyId: world.bodyIds.svom,
    date,
    startTime: "09:00",
    endTime: "12:00",
    place: "Regionens hus, Östersund",
    status: "protokoll justerat",
    isPublic: true,
  });
  // Demo data throughout: the time, the place, who attended and the § numbers are marked.
  markExample(db, "meeting", meeting.id, ["time", "place"]);
  buildApprovedMinutes(
    db,
    meeting.id,
    [
      {
        key: "annualReport",
        title: "Mini-Maria: verksamhetsberättelse 2025",
        kind: "beslut",
        matterId: matterIds.miniMaria,
        minutesNote: "",
        decisionText: "SVOM lägger verksamhetsberättelsen för 2025 till handlingarna.",
      },
      {
        key: "exampleFollowUp",
        title: "Spelprevention: uppföljning av första avtalsåret (exempel)",
        kind: "beslut",
        matterId: matterIds.example,
        minutesNote: "",
        decisionText:
          "SVOM tar del av uppföljningen och ger styrgruppen i uppdrag att ta fram en utbildningsplan för 2027.",
        textIsExample: true,
      },
    ],
    0,
  );
  return meeting.id;
}

function ensureDocument(
  db: Db,
  collaborationId: number,
  v: { title: string; bodyId: number; visibility: "members" | "bodies"; bodyIds?: number[]; markdown: string },
) {
  const found = db
    .select()
    .from(documents)
    .where(and(eq(documents.collaborationId, collaborationId), eq(documents.title, v.title)))
    .get();
  if (found) return;
  const doc = db
    .insert(documents)
    .values({
      collaborationId,
      title: v.title,
      kind: "övrigt",
      bodyId: v.bodyId,
      date: "2026-01-15",
      visibility: v.visibility,
      createdBy: "demo-samordnare",
    })
    .returning()
    .get();
  for (const bodyId of v.bodyIds ?? []) db.insert(documentBodies).values({ documentId: doc.id, bodyId }).run();
  const version = db
    .insert(documentVersions)
    .values({
      documentId: doc.id,
      versionNo: 1,
      markdown: v.markdown,
      searchText: v.markdown.replace(/[#*_>-]/g, " "),
      comment: "Exempeluppgift",
      authorId: "demo-samordnare",
    })
    .returning()
    .get();
  db.update(documents).set({ currentVersionId: version.id }).where(eq(documents.id, doc.id)).run();
}
