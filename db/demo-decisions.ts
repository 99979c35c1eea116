/**
 * The real Mini-Maria history 2021–2023 (../shared/domain.md) as one matter: the SVOM and
 * Barnarenan decisions on their real dates, the 2022-06-03 recommendation of a direction
 * decision with every party's answer as it went (one municipality first declined; the
 * region's health committee and one municipality had not decided by 2022-10-07; all nine had
 * approved by 2023-01-01), and the February 2023 recommendation to approve the agreement.
 * Which municipality declined is not in the sources: the demo uses one and says so.
 * Individual answer dates are illustrative. Idempotent.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "./connection";
import type { DemoWorld } from "./demo-world";
import { buildDemoHistory } from "./demo-history";
import { markExample } from "../app/models/example-facts.server";
import {
  agreementVersions,
  assignments,
  matters,
  partyAnswers,
  recommendationLetters,
  recommendationParties,
  recommendations,
  recommendationVersions,
} from "./schema";

type Status = (typeof recommendationParties.$inferSelect)["status"];

export function buildDemoDecisions(db: Db, world: DemoWorld, today: string): void {
  const registryNumber = "SVOM 2021/07";
  if (
    db
      .select()
      .from(matters)
      .where(and(eq(matters.collaborationId, world.collaborationId), eq(matters.registryNumber, registryNumber)))
      .get()
  )
    return;
  const matter = db
    .insert(matters)
    .values({
      collaborationId: world.collaborationId,
      registryNumber,
      title: "Länsgemensam Mini-Maria Jämtland Härjedalen",
      description:
        "Utredning, inriktningsbeslut och samarbetsavtal för en gemensam Mini-Mariamottagning för regionen och länets åtta kommuner.",
      status: "avslutat",
    })
    .returning()
    .get();

  // The decisions come from the minutes of the held meetings (db/demo-history.ts); the
  // registry number is the demo's, not the sources'.
  markExample(db, "matter", matter.id, ["registryNumber"]);
  const history = buildDemoHistory(db, world, matter.id);
  const continued = history.continued;
  const direction = history.direction;
  const agreementDecision = history.agreement;

  // A seeded recommendation went the whole way: decided by SVOM, sent (version 1, a letter to
  // every party on the decision day), answered, and closed when the last party had decided.
  const recommend = (
    decision: { id: number; decidedOn: string },
    title: string,
    ask: string,
    summary: string,
    deadline: string,
    agreementVersionId: number | null,
    costYear: number | null,
    closedOn: string,
  ) => {
    const sentAt = `${decision.decidedOn}T12:00:00.000Z`;
    const rec = db
      .insert(recommendations)
      .values({
        collaborationId: world.collaborationId,
        decisionId: decision.id,
        matterId: matter.id,
        status: "avslutad",
        title,
        ask,
        summary,
        answerDeadline: deadline,
        costYear,
        isPublic: true,
        agreementVersionId,
        sentAt,
        sentBy: "demo-samordnare",
        closedAt: `${closedOn}T12:00:00.000Z`,
        createdBy: "demo-samordnare",
        createdAt: sentAt,
      })
      .returning()
      .get();
    db.insert(recommendationVersions)
      .values({
        recommendationId: rec.id,
        versionNo: 1,
        title,
        summary,
        ask,
        answerDeadline: deadline,
        costYear,
        createdBy: "demo-samordnare",
        createdAt: sentAt,
      })
      .run();
    return rec;
  };

  const letter = (recommendationId: number, organisationId: number, sentOn: string) =>
    db
      .insert(recommendationLetters)
      .values({
        recommendationId,
        organisationId,
        kind: "rekommendation",
        versionNo: 1,
        sentOn,
        createdBy: "demo-samordnare",
        createdAt: `${sentOn}T12:00:00.000Z`,
      })
      .run();

  /** "KS § 151" in the sources' style: the § of the party's minutes. */
  type Step = {
    status: Status;
    date: string;
    body: string;
    paragraph?: number;
    dnr?: string;
    note?: string;
    event?: "rapporterat" | "bekräftat" | "rättat";
  };
  const answer = (recommendation: { id: number; sentAt: string | null }, organisationId: number, history: Step[]) => {
    letter(recommendation.id, organisationId, recommendation.sentAt!.slice(0, 10));
    const last = history.at(-1)!;
    const row = db
      .insert(recommendationParties)
      .values({
        recommendationId: recommendation.id,
        organisationId,
        status: last.status,
        decisionDate: last.date,
        decidingBody: last.body,
        paragraph: last.paragraph ?? null,
        registryNumber: last.dnr ?? "",
        note: last.note ?? "",
        confirmedBy: "demo-samordnare",
        confirmedAt: `${last.date}T12:00:00.000Z`,
        version: history.length + 1,
      })
      .returning()
      .get();
    // Which party answered what, when, in which body and § is the demo's, not the sources'.
    markExample(db, "recommendation-party", row.id, ["answer"]);
    for (const h of history)
      db.insert(partyAnswers)
        .values({
          recommendationPartyId: row.id,
          event: h.event ?? "rapporterat",
          status: h.status,
          decisionDate: h.date,
          decidingBody: h.body,
          paragraph: h.paragraph ?? null,
          registryNumber: h.dnr ?? "",
          note: h.note ?? "",
          byUser: "demo-samordnare",
          at: `${h.date}T12:00:00.000Z`,
        })
        .run();
  };

  const direction2022 = recommend(
    direction,
    "Inriktningsbeslut om en gemensam Mini-Maria",
    "Att fatta inriktningsbeslut om att delta i en länsgemensam Mini-Maria med en budget om cirka 5 000 000 kr per år, fördelad 49,25 % regionen och 50,75 % kommunerna efter befolkning.",
    "Ungdomar i hela länet med alkohol-, drog- eller spelproblem ska få samma stöd. En gemensam mottagning i Östersund med närmottagningar i kommunerna ger kompetens som ingen part har ensam.\n\n**Vad det betyder för er:** ett inriktningsbeslut nu, och ett avtal att godkänna i början av 2023.",
    "2022-09-30",
    null,
    null,
    "2023-01-01",
  );
  const o = world.organisationIds;
  const adopted = (date: string, body = "Kommunstyrelsen"): Step[] => [
    { status: "antagen", date, body, paragraph: Number(date.slice(8)) + 40 },
  ];
  answer(direction2022, o.Berg, adopted("2022-09-13"));
  answer(direction2022, o.Bräcke, adopted("2022-09-20", "Kommunfullmäktige"));
  answer(direction2022, o.Härjedalen, adopted("2022-09-06"));
  answer(direction2022, o.Krokom, adopted("2022-08-30"));
  answer(direction2022, o.Åre, adopted("2022-09-27", "Kommunfullmäktige"));
  answer(direction2022, o.Östersund, adopted("2022-09-08", "Socialnämnden"));
  answer(direction2022, o.Ragunda, [
    {
      status: "avslagen",
      date: "2022-09-26",
      body: "Kommunstyrelsen",
      paragraph: 151,
      note: "Demo: underlaget anger inte vilken kommun som först avstod.",
    },
    {
      status: "antagen",
      date: "2022-12-12",
      body: "Kommunstyrelsen",
      paragraph: 201,
      note: "Nytt beslut efter SVOM:s svar på frågorna 2022-12-02.",
    },
  ]);
  answer(direction2022, o.Strömsund, [
    { status: "behandlas", date: "2022-10-24", body: "Kommunfullmäktige" },
    { status: "antagen", date: "2022-10-24", body: "Kommunfullmäktige", paragraph: 97 },
  ]);
  answer(direction2022, o.region, [
    { status: "behandlas", date: "2022-11-17", body: "Hälso- och sjukvårdsnämnden" },
    { status: "antagen", date: "2022-11-17", body: "Hälso- och sjukvårdsnämnden", paragraph: 187 },
  ]);

  const version = db
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.label, "Samarbetsavtal, antaget av samtliga parter"))
    .get();
  const agreement2023 = recommend(
    agreementDecision,
    "Godkännande av samarbetsavtal för Mini-Maria",
    "Att godkänna samarbetsavtalet för Mini-Maria Jämtland Härjedalen, med avtalstid 2023-01-01–2023-12-31 och automatisk förlängning med ett år i taget.",
    "Avtalet reglerar styrning (styrgrupp och SVOM), bemanning, kostnadsfördelning (regionen 46,75 %, kommunerna 53,25 % efter befolkning 1 november föregående år, uppräkning 3 % per år) och uppsägning (skriftligen minst 12 månader före avtalstidens utgång).",
    "2023-03-31",
    version?.id ?? null,
    // The agreement's first year: each party's cost for 2023 comes from its cost split.
    version ? 2023 : null,
    "2023-03-29",
  );
  for (const [key, date] of [
    ["region", "2023-03-16"],
    ["Berg", "2023-03-14"],
    ["Bräcke", "2023-03-22"],
    ["Härjedalen", "2023-03-07"],
    ["Krokom", "2023-03-28"],
    ["Ragunda", "2023-03-20"],
    ["Strömsund", "2023-03-29"],
    ["Åre", "2023-03-23"],
    ["Östersund", "2023-03-09"],
  ] as const)
    answer(agreement2023, o[key], [
      {
        status: "antagen",
        date,
        body: key === "region" ? "Hälso- och sjukvårdsnämnden" : "Kommunfullmäktige",
        paragraph: Number(date.slice(8)) + 20,
      },
    ]);

  // Assignments: the history's, done, and one of today's running late so the coordinator sees it.
  const add = (values: Omit<typeof assignments.$inferInsert, "collaborationId">) =>
    db
      .insert(assignments)
      .values({ collaborationId: world.collaborationId, createdBy: "demo-samordnare", ...values })
      .run();
  add({
    decisionId: continued.id,
    title: "Utreda en länsgemensam Mini-Maria",
    assigneeType: "party",
    assigneeId: o.Östersund,
    dueDate: "2022-06-03",
    status: "återrapporterad",
  });
  add({
    decisionId: direction.id,
    title: "Föreslå uppstartsformer och avtal",
    assigneeType: "body",
    assigneeId: world.bodyIds.arbetsgrupp,
    dueDate: "2022-10-07",
    status: "återrapporterad",
  });
  add({
    decisionId: agreementDecision.id,
    title: "Förbereda uppstart 2023",
    assigneeType: "party",
    assigneeId: o.Östersund,
    dueDate: "2023-01-31",
    status: "klar",
  });
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 14);
  add({
    title: "Rutin för närmottagningar i alla kommuner",
    description: "Förslag till styrgruppen.",
    assigneeType: "body",
    assigneeId: world.bodyIds.arbetsgrupp,
    dueDate: d.toISOString().slice(0, 10),
    status: "pågår",
  });
}
