/**
 * The demo world, built from ../shared/domain.md: the nine parties of Mini-Maria Jämtland
 * Härjedalen, their bodies, fictional role-named people (never the officials named in the
 * source documents), the real SVOM and Barnarenan meeting dates 2021–2023 and upcoming
 * meetings. Idempotent: every row is found by its natural key before it is inserted, so
 * running the seed twice changes nothing. Tests build their worlds with the same functions.
 */
import { and, eq, isNull, not, sql } from "drizzle-orm";
import { STANDARD_ITEMS } from "../app/domain/meetings";
import type { Db } from "./connection";
import {
  auditLog,
  bodies,
  bodyCollaborations,
  bodyStandardItems,
  collaborations,
  meetings,
  memberships,
  organisations,
  parties,
  people,
  users,
} from "./schema";
import type { BodyRole, UserRole } from "../app/domain/policy";
import { markExample } from "../app/models/example-facts.server";

export function ensureCollaboration(
  db: Db,
  v: { slug: string; name: string; description?: string; isExample?: boolean },
) {
  const found = db.select().from(collaborations).where(eq(collaborations.slug, v.slug)).get();
  return found ?? db.insert(collaborations).values(v).returning().get();
}

function ensureOrganisation(db: Db, v: { name: string; kind: "region" | "kommun" | "annan" }) {
  const found = db.select().from(organisations).where(eq(organisations.name, v.name)).get();
  return found ?? db.insert(organisations).values(v).returning().get();
}

export function ensureParty(
  db: Db,
  v: {
    collaborationId: number;
    organisationId: number;
    memberSince?: string;
    branchClinic?: string;
    role?: (typeof parties.$inferInsert)["role"];
  },
) {
  const found = db
    .select()
    .from(parties)
    .where(and(eq(parties.collaborationId, v.collaborationId), eq(parties.organisationId, v.organisationId)))
    .get();
  return found ?? db.insert(parties).values(v).returning().get();
}

/**
 * The party's contact person, unless the coordinator has already chosen one: a person, or none
 * (the party page's "Ingen kontaktperson" leaves the column empty, so an empty column alone does
 * not tell the demo it may fill it; an audited change of the contact person does).
 */
function ensureContactPerson(db: Db, collaborationId: number, organisationId: number, personId: number) {
  const chosen = sql`EXISTS (SELECT 1 FROM ${auditLog} WHERE ${auditLog.entityType} = 'party'
    AND ${auditLog.entityId} = CAST(${parties.id} AS TEXT) AND ${auditLog.action} = 'update'
    AND json_extract(${auditLog.before}, '$.contactPersonId') IS NOT json_extract(${auditLog.after}, '$.contactPersonId'))`;
  db.update(parties)
    .set({ contactPersonId: personId })
    .where(
      and(
        eq(parties.collaborationId, collaborationId),
        eq(parties.organisationId, organisationId),
        isNull(parties.contactPersonId),
        not(chosen),
      ),
    )
    .run();
}

export function ensureBody(
  db: Db,
  v: {
    collaborationId: number;
    slug: string;
    name: string;
    shortName: string;
    kind: string;
    description?: string;
    publicRecords?: boolean;
    proposalDeadlineDays?: number;
  },
) {
  const { collaborationId, ...values } = v;
  const body =
    db.select().from(bodies).where(eq(bodies.slug, v.slug)).get() ?? db.insert(bodies).values(values).returning().get();
  ensureBodyServes(db, body.id, collaborationId);
  const hasItems = db.select().from(bodyStandardItems).where(eq(bodyStandardItems.bodyId, body.id)).get();
  if (!hasItems)
    STANDARD_ITEMS.forEach((item, i) =>
      db
        .insert(bodyStandardItems)
        .values({ bodyId: body.id, position: i + 1, key: item.key, title: item.title, kind: item.kind })
        .run(),
    );
  return body;
}

/** A body serves a collaboration (SVOM serves several and keeps one § series). */
export function ensureBodyServes(db: Db, bodyId: number, collaborationId: number) {
  db.insert(bodyCollaborations).values({ bodyId, collaborationId }).onConflictDoNothing().run();
}

/** A demo person's address: their account's, else the name in lower case ASCII at demo.example (mail goes to .eml files in the demo). */
function demoAddress(name: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.person === name);
  if (account) return account.email;
  const local = name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.|\.$/g, "");
  return `${local}@demo.example`;
}

export function ensurePerson(
  db: Db,
  v: { name: string; title?: string; email?: string; organisationId?: number | null },
) {
  const found = db.select().from(people).where(eq(people.name, v.name)).get();
  return found ?? db.insert(people).values(v).returning().get();
}

export function ensureMembership(
  db: Db,
  v: {
    bodyId: number;
    personId: number;
    organisationId?: number | null;
    role: BodyRole;
    startDate: string;
    endDate?: string | null;
  },
) {
  const found = db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.bodyId, v.bodyId),
        eq(memberships.personId, v.personId),
        eq(memberships.startDate, v.startDate),
      ),
    )
    .get();
  return found ?? db.insert(memberships).values(v).returning().get();
}

export function ensureMeeting(
  db: Db,
  v: {
    bodyId: number;
    date: string;
    startTime: string;
    endTime: string;
    place?: string;
    videoUrl?: string;
    status?: (typeof meetings.$inferInsert)["status"];
    isPublic?: boolean;
  },
) {
  const found = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.bodyId, v.bodyId), eq(meetings.date, v.date)))
    .get();
  return found ?? db.insert(meetings).values(v).returning().get();
}

export function ensureUser(
  db: Db,
  v: { id: string; email: string; passwordHash: string; role: UserRole; personId?: number | null },
) {
  const found = db.select().from(users).where(eq(users.email, v.email)).get();
  return found ?? db.insert(users).values(v).returning().get();
}

/** The held meetings of the 2021–2023 history (domain.md); the February 2023 date is a stand-in. */
export const SVOM_FEBRUARY_2023 = "2023-02-10";
export const HISTORY_MEETINGS = {
  svom: ["2021-12-03", "2022-02-25", "2022-06-03", "2022-10-07", "2022-12-02", SVOM_FEBRUARY_2023],
  barnarenan: ["2021-11-29", "2022-05-30"],
} as const;

export const MUNICIPALITIES = [
  "Berg",
  "Bräcke",
  "Härjedalen",
  "Krokom",
  "Ragunda",
  "Strömsund",
  "Åre",
  "Östersund",
] as const;

/** Official names (the genitive s is not regular). */
const MUNICIPALITY_NAMES: Record<(typeof MUNICIPALITIES)[number], string> = {
  Berg: "Bergs kommun",
  Bräcke: "Bräcke kommun",
  Härjedalen: "Härjedalens kommun",
  Krokom: "Krokoms kommun",
  Ragunda: "Ragunda kommun",
  Strömsund: "Strömsunds kommun",
  Åre: "Åre kommun",
  Östersund: "Östersunds kommun",
};

/** Demo accounts: listed in the README. Change the passwords outside a demo. */
export const DEMO_PASSWORD = "Demo-losenord-2026";
export const DEMO_ACCOUNTS = [
  { id: "demo-samordnare", email: "samordnare@demo.example", role: "admin", person: "Sara Samordnare" },
  { id: "demo-ifochef", email: "ifochef.ostersund@demo.example", role: "member", person: "Ingrid IFO-chef Östersund" },
  { id: "demo-politiker", email: "politiker.krokom@demo.example", role: "reader", person: "Per Politiker Krokom" },
  { id: "demo-chef", email: "chef.minimaria@demo.example", role: "member", person: "Maja Mini-Maria-chef" },
] as const;

export interface DemoWorld {
  collaborationId: number;
  organisationIds: Record<string, number>;
  bodyIds: Record<
    "svom" | "styrgrupp" | "referensgrupp" | "arbetsgrupp" | "barnarenan" | "fredagsgruppen" | "samreko",
    number
  >;
  personIds: Record<string, number>;
}

/** Builds (or finds) the whole demo world. `passwordHash` is the hash of DEMO_PASSWORD. */
export function buildDemoWorld(db: Db, passwordHash: string, today: string): DemoWorld {
  const collab = ensureCollaboration(db, {
    slug: "mini-maria-jh",
    name: "Mini-Maria Jämtland Härjedalen",
    description:
      "Öppenvårdsmottagning för unga upp till 21 år med alkohol-, drog- eller spelproblem och deras anhöriga. Drivs gemensamt av Region Jämtland Härjedalen och länets åtta kommuner.",
  });
  const organisationIds: Record<string, number> = {};
  const region = ensureOrganisation(db, { name: "Region Jämtland Härjedalen", kind: "region" });
  organisationIds[region.name] = region.id;
  ensureParty(db, {
    collaborationId: collab.id,
    organisationId: region.id,
    memberSince: "2023-01-01",
    branchClinic: "Huvudmottagning Östersund",
  });
  for (const m of MUNICIPALITIES) {
    const org = ensureOrganisation(db, { name: MUNICIPALITY_NAMES[m], kind: "kommun" });
    organisationIds[m] = org.id;
    ensureParty(db, {
      collaborationId: collab.id,
      organisationId: org.id,
      memberSince: "2023-01-01",
      branchClinic:
        m === "Östersund"
          ? "Huvudmottagning Östersund"
          : m === "Krokom"
            ? "Använder mottagningen i Östersund"
            : `Närmottagning ${m}, vid behov`,
    });
  }
  organisationIds.region = region.id;

  const b = (slug: string, name: string, shortName: string, kind: string, description: string, publicRecords = false) =>
    ensureBody(db, { collaborationId: collab.id, slug, name, shortName, kind, description, publicRecords }).id;
  const bodyIds: DemoWorld["bodyIds"] = {
    svom: b(
      "svom",
      "Sociala vård- och omsorgsgruppen (SVOM)",
      "SVOM",
      "Politisk ledningsgrupp",
      "Politisk ledningsgrupp. Ger rekommendationsbeslut till de nio parterna om avtal och finansiering, styrdokument, uppföljningsplan och verksamhetsberättelse.",
      true,
    ),
    styrgrupp: b(
      "styrgrupp",
      "Styrgruppen för Mini-Maria",
      "Styrgruppen",
      "Styrgrupp",
      "IFO-chefer och ansvariga chefer från regionen och varje kommun. Beslutar om prioriteringar inom budget, rutiner och verksamhetsplan.",
    ),
    referensgrupp: b(
      "referensgrupp",
      "Referensgruppen för Mini-Maria",
      "Referensgruppen",
      "Referensgrupp",
      "Verksamhetsnära chefer från varje kommun samt Mini-Marias chefer. Möts tre gånger per termin och förbereder frågor till styrgruppen.",
    ),
    arbetsgrupp: b(
      "arbetsgrupp",
      "Arbetsgruppen (operativ)",
      "Arbetsgruppen",
      "Arbetsgrupp",
      "Verksamhetschefer och utvecklingsledare från huvudmännen. Bereder och genomför.",
    ),
    barnarenan: b(
      "barnarenan",
      "Barnarenan",
      "Barnarenan",
      "Beredande grupp",
      "Beredande forum för tjänstepersoner. Föreslår beslut till SVOM.",
    ),
    fredagsgruppen: b(
      "fredagsgruppen",
      "Fredagsgruppen",
      "Fredagsgruppen",
      "Beredande grupp",
      "Beredande forum för tjänstepersoner. Föreslår beslut till SVOM.",
    ),
    samreko: b(
      "samreko-hsi",
      "SamReKo HSI",
      "SamReKo HSI",
      "Beredande grupp",
      "Beredande forum för tjänstepersoner. Föreslår beslut till SVOM.",
    ),
  };

  const personIds: Record<string, number> = {};
  const person = (name: string, title: string, org: string | null) => {
    const p = ensurePerson(db, {
      name,
      title,
      email: demoAddress(name),
      organisationId: org ? organisationIds[org] : null,
    });
    personIds[name] = p.id;
    return p.id;
  };
  const seat = (
    body: keyof DemoWorld["bodyIds"],
    personId: number,
    role: BodyRole,
    org: string | null,
    startDate = "2023-01-01",
    endDate: string | null = null,
  ) =>
    ensureMembership(db, {
      bodyId: bodyIds[body],
      personId,
      role,
      organisationId: org ? organisationIds[org] : null,
      startDate,
      endDate,
    });

  // The coordinator: secretary of the political group and the steering group.
  const coordinator = person("Sara Samordnare", "Regional samordnare (RSS)", "region");
  seat("svom", coordinator, "sekreterare", "region");
  seat("styrgrupp", coordinator, "sekreterare", "region");
  seat("referensgrupp", coordinator, "sekreterare", "region");

  // Steering group: an IFO chief per municipality and a manager from the region.
  // Each IFO chief is the municipality's contact person: its representative, who reports what
  // the council decided on a recommendation (report:party-answer).
  for (const m of MUNICIPALITIES) {
    const id = person(m === "Östersund" ? "Ingrid IFO-chef Östersund" : `IFO-chef ${m}`, `IFO-chef, ${m}`, m);
    seat("styrgrupp", id, m === "Östersund" ? "ordförande" : "ledamot", m);
    if (m === "Östersund") seat("referensgrupp", id, "ledamot", m);
    ensureContactPerson(db, collab.id, organisationIds[m], id);
  }
  // A deputy, who is told when a member reports förhinder and can confirm to serve.
  seat(
    "styrgrupp",
    person("Ersättare Styrgruppen", "Biträdande IFO-chef, Östersund", "Östersund"),
    "ersättare",
    "Östersund",
  );
  const regionManager = person("Verksamhetschef Regionen", "Verksamhetschef barn- och ungdomspsykiatri", "region");
  seat("styrgrupp", regionManager, "vice ordförande", "region");
  ensureContactPerson(db, collab.id, region.id, regionManager);
  // A former member, so the body page shows history.
  const formerChief = person("Tidigare IFO-chef Bräcke", "IFO-chef, Bräcke (till 2024)", "Bräcke");
  seat("styrgrupp", formerChief, "ledamot", "Bräcke", "2023-01-01", "2024-06-30");

  // A seat that exists only so the history's minutes have members: who sat, and when, is not
  // in the sources, so the body page marks it as an example (exempeluppgift).
  const historySeat = (...args: Parameters<typeof seat>) => markExample(db, "membership", seat(...args).id, ["term"]);

  // SVOM: a politician per party. The same fictional people also sat in the term before
  // (to 2022-12-31), so the minutes of the 2021–2022 meetings have members; who really sat
  // is not in the sources, and the minutes mark their attendance as an example.
  const previousTerm = ["2021-01-01", "2022-12-31"] as const;
  for (const m of MUNICIPALITIES) {
    const id = person(m === "Krokom" ? "Per Politiker Krokom" : `Politiker ${m}`, `Ordförande socialnämnden, ${m}`, m);
    seat("svom", id, m === "Östersund" ? "vice ordförande" : "ledamot", m);
    historySeat("svom", id, m === "Östersund" ? "vice ordförande" : "ledamot", m, ...previousTerm);
  }
  const regionPolitician = person("Politiker Regionen", "Ordförande hälso- och sjukvårdsnämnden", "region");
  seat("svom", regionPolitician, "ordförande", "region");
  historySeat("svom", regionPolitician, "ordförande", "region", ...previousTerm);
  historySeat("svom", coordinator, "sekreterare", "region", ...previousTerm);

  // Reference group: operational managers and Mini-Maria's own managers.
  const manager = person("Maja Mini-Maria-chef", "Enhetschef Mini-Maria (kommunerna)", "Östersund");
  seat("referensgrupp", manager, "adjungerad", null);
  seat("arbetsgrupp", manager, "ledamot", "Östersund");
  for (const m of ["Berg", "Härjedalen", "Strömsund", "Åre"] as const) {
    seat("referensgrupp", person(`Verksamhetsnära chef ${m}`, `Enhetschef öppenvård, ${m}`, m), "ledamot", m);
  }
  seat(
    "arbetsgrupp",
    person("Utvecklingsledare Östersund", "Utvecklingsledare, Östersunds kommun", "Östersund"),
    "ledamot",
    "Östersund",
  );
  seat(
    "arbetsgrupp",
    person("Utvecklingsledare Regionen", "Utvecklingsledare, Region Jämtland Härjedalen", "region"),
    "ledamot",
    "region",
  );
  historySeat(
    "barnarenan",
    person("Samordnare Barnarenan", "Tjänsteperson, regionen", "region"),
    "sekreterare",
    "region",
    "2021-01-01",
  );
  // Barnarenan's members (fictional): the minutes of its 2021–2022 meetings need a chair and a justerare.
  historySeat(
    "barnarenan",
    person("Ordförande Barnarenan", "Förvaltningschef, regionen", "region"),
    "ordförande",
    "region",
    "2021-01-01",
  );
  for (const m of ["Östersund", "Strömsund"] as const)
    historySeat(
      "barnarenan",
      person(`Ledamot Barnarenan ${m}`, `Förvaltningschef, ${m}`, m),
      "ledamot",
      m,
      "2021-01-01",
    );

  // The real SVOM and Barnarenan dates of the Mini-Maria history 2021–2023. The February 2023
  // SVOM date is not in the sources; the 10th is a stand-in. No source gives a time or a
  // place: both are marked as examples (exempeluppgift), and so is the stand-in date. The
  // minutes of these meetings are built by db/demo-history.ts.
  const done = "protokoll justerat" as const;
  for (const date of HISTORY_MEETINGS.svom) {
    const m = ensureMeeting(db, {
      bodyId: bodyIds.svom,
      date,
      startTime: "09:00",
      endTime: "12:00",
      place: "Regionens hus, Östersund",
      status: done,
      // SVOM keeps public records: its approved minutes are public.
      isPublic: true,
    });
    markExample(db, "meeting", m.id, date === SVOM_FEBRUARY_2023 ? ["date", "time", "place"] : ["time", "place"]);
  }
  for (const date of HISTORY_MEETINGS.barnarenan) {
    const m = ensureMeeting(db, {
      bodyId: bodyIds.barnarenan,
      date,
      startTime: "13:00",
      endTime: "15:00",
      place: "Digitalt",
      status: done,
    });
    markExample(db, "meeting", m.id, ["time", "place"]);
  }

  // Upcoming meetings relative to the seed day, so the start page always has a next meeting.
  const inDays = (n: number) => {
    const d = new Date(`${today}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  ensureMeeting(db, {
    bodyId: bodyIds.styrgrupp,
    date: inDays(21),
    startTime: "13:00",
    endTime: "15:30",
    place: "Mini-Maria, Östersund",
    videoUrl: "https://meet.example/styrgrupp",
  });
  ensureMeeting(db, {
    bodyId: bodyIds.referensgrupp,
    date: inDays(35),
    startTime: "09:30",
    endTime: "11:30",
    place: "Digitalt",
  });
  ensureMeeting(db, {
    bodyId: bodyIds.svom,
    date: inDays(49),
    startTime: "09:00",
    endTime: "12:00",
    place: "Regionens hus, Östersund",
  });

  for (const a of DEMO_ACCOUNTS)
    ensureUser(db, { id: a.id, email: a.email, passwordHash, role: a.role, personId: personIds[a.person] });

  return { collaborationId: collab.id, organisationIds, bodyIds, personIds };
}
