/**
 * The Mini-Maria collaboration agreement (February 2023, from seed 002) with its terms, its
 * principals (the region and Östersund), the 2023 budget and the amounts recorded in the
 * proposal, the 4 000 000 kr of joint funds for 2023, and population figures per year.
 *
 * Marked as examples (flags shown on every page and export that uses them), since the sources
 * do not state them: the population figures (replace them with SCB's for 1 November), and the
 * outcomes 2023–2025 (the annual report 2025 mentions surpluses in 2024 and 2025, not amounts).
 * That the 2023 joint funds are shared by the model is our assumption. Idempotent.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "./connection";
import { markExample } from "../app/models/example-facts.server";
import { MUNICIPALITIES, type DemoWorld } from "./demo-world";
import {
  agreementPrincipals,
  agreements,
  agreementVersions,
  budgetItems,
  budgetYears,
  parties,
  populations,
  recordedAllocations,
} from "./schema";

const POPULATION_2023: Record<(typeof MUNICIPALITIES)[number], number> = {
  Berg: 6959,
  Bräcke: 6117,
  Härjedalen: 9960,
  Krokom: 15362,
  Ragunda: 5102,
  Strömsund: 11313,
  Åre: 12180,
  Östersund: 64560,
};
/** Illustrative yearly change per municipality (persons), so the split moves a little. */
const CHANGE: Record<(typeof MUNICIPALITIES)[number], number> = {
  Berg: -40,
  Bräcke: -35,
  Härjedalen: -60,
  Krokom: 90,
  Ragunda: -30,
  Strömsund: -70,
  Åre: 110,
  Östersund: 350,
};

const RECORDED_2023: Record<string, number> = {
  region: 2_675_000,
  Berg: 165_240,
  Bräcke: 140_070,
  Härjedalen: 234_465,
  Krokom: 356_365,
  Ragunda: 118_755,
  Strömsund: 261_870,
  Åre: 283_185,
  Östersund: 1_462_480,
};

export const AGREEMENT_TEXT = `# Samarbetsavtal MiniMaria Jämtland Härjedalen

## 1. Parter
Region Jämtland Härjedalen och kommunerna Berg, Bräcke, Härjedalen, Krokom, Ragunda, Strömsund, Åre och Östersund.

## 2. Syfte och målgrupp
MiniMaria är en öppenvårdsmottagning för ungdomar upp till 21 år med riskbruk, missbruk eller beroende av alkohol, narkotika eller spel om pengar, och för deras närstående. Det finns ingen nedre åldersgräns.

## 3. Styrning och ledning
En **styrgrupp** med IFO-chefer och verksamhetsansvariga från regionen och samtliga kommuner beslutar i verksamhetsnära frågor: prioriteringar inom budget, rutiner och årlig verksamhetsplan.
**SVOM** är politisk ledningsgrupp och ger rekommendationsbeslut till parterna i frågor om avtal och finansiering, övergripande styrdokument, uppföljningsplan och verksamhetsberättelse.
Styrgruppen utser en operativ **arbetsgrupp**.

## 4. Ekonomi och kostnadsfördelning
Kommunerna bekostar gemensamt 3,0 socionom och 0,20 enhetschef. Regionen bekostar 2,0 sjuksköterska, 0,20 enhetschef, 0,20 läkare och 0,20 psykolog.
Kostnader för lokaler, städning, parkering, tele- och larmdrift, digitala lösningar och övriga driftskostnader delas lika, 50 % regionen och 50 % kommunerna.
Budgeten för 2023 är 5 720 000 kronor, varav regionen 46,75 % (2 675 000 kr) och kommunerna gemensamt 53,25 % (3 045 000 kr). Kommunernas del fördelas efter **befolkningsmängd den 1 november föregående år**.
Kostnaderna räknas upp med **3 % per år**. Ett underskott täcks av parterna enligt beräkningsmodellen; ett överskott stannar i verksamheten och förs över till nästa räkenskapsår.

## 5. Uppföljning
MiniMaria sammanställer årligen en verksamhetsberättelse som redovisas för styrgruppen och SVOM.

## 6. Avtalstid och uppsägning
Avtalet gäller 1 januari 2023–31 december 2023. **Uppsägning** ska ske skriftligen minst 12 månader före avtalstidens utgång; i annat fall förlängs avtalet varje gång med ett år.

## 7. Utträde och avveckling
Om den gemensamma verksamheten avvecklas eller någon part begär utträde förhandlas fördelningen av avvecklingskostnaderna i särskild ordning.
`;

const STAFFING = JSON.stringify([
  { principal: "Kommunerna", profession: "Socionom", fte: 3.0 },
  { principal: "Kommunerna", profession: "Enhetschef", fte: 0.2 },
  { principal: "Regionen", profession: "Sjuksköterska", fte: 2.0 },
  { principal: "Regionen", profession: "Enhetschef", fte: 0.2 },
  { principal: "Regionen", profession: "Läkare", fte: 0.2 },
  { principal: "Regionen", profession: "Psykolog", fte: 0.2 },
]);

export function buildDemoAgreement(db: Db, world: DemoWorld, today: string): void {
  let agreement = db.select().from(agreements).where(eq(agreements.collaborationId, world.collaborationId)).get();
  if (!agreement) {
    agreement = db
      .insert(agreements)
      .values({ collaborationId: world.collaborationId, title: "Samarbetsavtal MiniMaria Jämtland Härjedalen" })
      .returning()
      .get();
    const terms = {
      firstTermStart: "2023-01-01",
      firstTermEnd: "2023-12-31",
      noticeMonths: 12,
      noticeForm: "skriftligen",
      renewalMonths: 12,
      withdrawalRules:
        "Vid avveckling eller utträde förhandlas fördelningen av avvecklingskostnaderna i särskild ordning.",
      baseYear: 2023,
      baseBudget: 5_720_000,
      indexBasisPoints: 300,
      regionShareBasisPoints: 4675,
      regionBaseAmount: 2_675_000,
      staffing: STAFFING,
      createdBy: "demo-samordnare",
    };
    const proposal = db
      .insert(agreementVersions)
      .values({
        agreementId: agreement.id,
        label: "Förslag till SVOM, februari 2023",
        adoptedOn: null,
        text: AGREEMENT_TEXT.replace("Avtalet gäller", "Avtalet föreslås gälla"),
        changeSummary: "Första förslaget.",
        ...terms,
      })
      .returning()
      .get();
    const adopted = db
      .insert(agreementVersions)
      .values({
        agreementId: agreement.id,
        label: "Samarbetsavtal, antaget av samtliga parter",
        adoptedOn: "2023-03-31",
        text: `${AGREEMENT_TEXT}\n## 8. Giltighet\nAvtalet har godkänts av samtliga nio parter efter SVOM:s rekommendation.\n`,
        changeSummary: "Antaget utan ändringar i pengar eller villkor; avsnitt 8 om giltighet tillagt.",
        ...terms,
      })
      .returning()
      .get();
    // The sources do not say when the last party adopted the agreement.
    markExample(db, "agreement-version", adopted.id, ["adoptedOn"]);
    // The principals: the region employs the health-care staff and carries its own costs;
    // Östersund employs the municipal staff and (our stated assumption) invoices the others.
    for (const v of [proposal, adopted]) {
      db.insert(agreementPrincipals)
        .values([
          { agreementVersionId: v.id, organisationId: world.organisationIds.region, side: "region" },
          {
            agreementVersionId: v.id,
            organisationId: world.organisationIds["Östersund"],
            side: "kommunerna",
            invoicesOthers: true,
          },
        ])
        .run();
    }
  }

  // Population on 1 November of the year before each budget year (examples, not SCB's).
  const lastYear = Number(today.slice(0, 4)) + 1;
  for (let year = 2023; year <= lastYear; year++) {
    const asOf = `${year - 1}-11-01`;
    for (const m of MUNICIPALITIES) {
      const organisationId = world.organisationIds[m];
      const exists = db
        .select()
        .from(populations)
        .where(and(eq(populations.organisationId, organisationId), eq(populations.asOf, asOf)))
        .get();
      if (!exists)
        db.insert(populations)
          .values({
            organisationId,
            asOf,
            population: POPULATION_2023[m] + CHANGE[m] * (year - 2023),
            illustrative: true,
            source: "Exempel, inte SCB:s siffra",
          })
          .run();
    }
  }

  const budgetYear = (year: number, values: Partial<typeof budgetYears.$inferInsert>) => {
    const exists = db
      .select()
      .from(budgetYears)
      .where(and(eq(budgetYears.collaborationId, world.collaborationId), eq(budgetYears.year, year)))
      .get();
    if (!exists)
      db.insert(budgetYears)
        .values({ collaborationId: world.collaborationId, year, ...values })
        .run();
  };
  budgetYear(2023, {
    totalByDecision: 5_720_000,
    decisionRef: "Samarbetsavtalet (förslag till SVOM februari 2023)",
    outcome: 5_650_000,
    illustrative: true,
    note: "Utfallet är ett exempel; det står inte i underlaget.",
  });
  budgetYear(2024, {
    outcome: 5_900_000,
    illustrative: true,
    note: "Utfallet är ett exempel. Verksamhetsberättelsen 2025 nämner ett överskott 2024 men inte beloppet.",
  });
  budgetYear(2025, {
    outcome: 6_000_000,
    illustrative: true,
    note: "Utfallet är ett exempel. Verksamhetsberättelsen 2025 nämner ett överskott 2025 men inte beloppet.",
  });

  const grant = db
    .select()
    .from(budgetItems)
    .where(and(eq(budgetItems.collaborationId, world.collaborationId), eq(budgetItems.year, 2023)))
    .get();
  if (!grant)
    db.insert(budgetItems)
      .values({
        collaborationId: world.collaborationId,
        year: 2023,
        kind: "gemensamma medel",
        label: "Länsgemensamma medel psykisk hälsa 2023 (SVOM)",
        amount: 4_000_000,
        rule: "modell",
        note: "SVOM avsätter 4 000 000 kr till uppstart och drift 2023. Att medlen fördelas enligt beräkningsmodellen är ett antagande; underlaget säger inte hur.",
      })
      .run();

  for (const [key, amount] of Object.entries(RECORDED_2023)) {
    const organisationId = world.organisationIds[key];
    const exists = db
      .select()
      .from(recordedAllocations)
      .where(
        and(
          eq(recordedAllocations.collaborationId, world.collaborationId),
          eq(recordedAllocations.year, 2023),
          eq(recordedAllocations.organisationId, organisationId),
        ),
      )
      .get();
    if (!exists)
      db.insert(recordedAllocations)
        .values({
          collaborationId: world.collaborationId,
          year: 2023,
          organisationId,
          amount,
          source: "Förslag till SVOM februari 2023, uppskattad driftskostnad 2023",
        })
        .run();
  }

  // Every party took its direction decision in 2022 and has been a member since 2023-01-01.
  db.update(parties)
    .set({ directionDecisionOn: "2022-12-31" })
    .where(and(eq(parties.collaborationId, world.collaborationId)))
    .run();
}
