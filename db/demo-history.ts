/**
 * Minutes of the held 2021–2023 meetings (SVOM and Barnarenan) from the source documents
 * (../shared/seeds/001 and 002, ../shared/domain.md): what was presented and what was
 * decided, in the sources' words. What the sources do not state is marked as an example
 * (exempeluppgift, `example_facts`): the § numbers, who attended and signed, the place and
 * day of the justering, the anslag, the procedural §§' wording, and the February 2023
 * decision (the sources hold the proposal to SVOM, not its minutes).
 *
 * Each meeting gets the body's standard items around its matter items, numbered (§ per body
 * and year) the way the portal numbers them, approved by the signers the rules require (the
 * acting chair, the secretary and an elected justerare, recorded from paper by the
 * coordinator), and its decisions enter the register as approved.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "./connection";
import { HISTORY_MEETINGS, SVOM_FEBRUARY_2023, type DemoWorld } from "./demo-world";
import {
  agendaItems,
  attendance,
  bodies as bodiesTable,
  bodyStandardItems,
  decisions,
  meetings,
  minutes,
  minutesSignatures,
} from "./schema";
import type { AgendaItemKind } from "../app/domain/meetings";
import { defaultActingChair, defaultSecretary, requiredSignersOf } from "../app/domain/minutes";
import { addDays } from "../app/domain/calendar-dates";
import { markExample } from "../app/models/example-facts.server";
import { numberItems, participantsOf } from "../app/models/meeting-minutes.server";

export interface HistoricItem {
  key: string;
  title: string;
  kind: AgendaItemKind;
  minutesNote: string;
  decisionText: string;
  proposedDecision?: string;
  decisionKind?: "beslut" | "uppdrag" | "rekommendation";
  dispatchTo?: string;
  /** The decision's wording is not in the sources. */
  textIsExample?: boolean;
}

const INVENTORY_PRESENTED =
  "Behovskartläggningen gällande Mini-Maria i Jämtlands län redovisas. Uppskattat resursbehov: 2 sjuksköterskor, 0,2 psykolog, 0,2 läkare, 3 socionomer (varav en samordnare) samt 0,2 enhetschef från respektive huvudman. Total uppskattad budget 5 000 000 kronor.";

const HISTORY: Record<string, HistoricItem[]> = {
  "barnarenan 2021-11-29": [
    {
      key: "inventory",
      title: "Behovsinventering Mini-Maria",
      kind: "information",
      minutesNote: INVENTORY_PRESENTED,
      decisionText: "",
    },
  ],
  "svom 2021-12-03": [
    {
      key: "inventory",
      title: "Behovsinventering Mini-Maria",
      kind: "information",
      minutesNote: `${INVENTORY_PRESENTED}\n\nÖnskemål framförs om att behovskartläggningen ska gå ut på remiss till kommunerna och Region Jämtland Härjedalen; inget beslut fattas om detta. Vidare framförs att avtal, i det fall en mottagning kommer till stånd, ska skrivas mellan Region Jämtland Härjedalen och samtliga kommuner.`,
      decisionText: "",
    },
  ],
  "svom 2022-02-25": [
    {
      key: "continued",
      title: "Fortsatt utredningsuppdrag",
      kind: "beslut",
      decisionKind: "uppdrag",
      minutesNote: "Ett förslag på fortsatt process gällande Mini-Maria presenteras.",
      decisionText:
        "SVOM beslutar att godkänna ”Uppdrag att arbeta för ett MiniMaria – integrerad verksamhet för unga med missbruksproblem och psykisk ohälsa” och därmed uppdra till Region Jämtland Härjedalen och Östersunds kommun att, i nära samarbete med länets övriga kommuner, ansvara för den fortsatta utrednings-/arbetsprocessen.\n\nSVOM beslutar även att avsätta 200 000 kronor av statliga länsgemensamma stimulansmedel inom område psykisk hälsa för att finansiera processledare för det fortsatta arbetet 2022.",
      dispatchTo: "Region Jämtland Härjedalen, Östersunds kommun",
    },
  ],
  "barnarenan 2022-05-30": [
    {
      key: "supplementary",
      title: "Kompletterande utredning Mini-Maria",
      kind: "information",
      minutesNote: "Kompletterande utredning gällande Mini-Maria presenteras.",
      decisionText: "",
    },
  ],
  "svom 2022-06-03": [
    {
      key: "direction",
      title: "Rekommendation om inriktningsbeslut",
      kind: "rekommendation till parterna",
      decisionKind: "rekommendation",
      minutesNote:
        "Kompletterande utredning gällande Mini-Maria presenteras: hur långt arbetsgruppen kommit avseende tillgänglighet, huvudmannaskap, organisatorisk tillhörighet, personal- och budgetansvar. SVOM ställer sig positiv till genomförd utredning.",
      decisionText:
        "SVOM beslutar att\n1. rekommendera kommunerna i Jämtlands län och Region Jämtland Härjedalen att fatta ett inriktningsbeslut om att i samverkan verka för att etablera en verksamhet av typ MiniMaria. Budget för verksamheten uppskattas till ca 5 000 000 kr, varav länets kommuner föreslås finansiera 50,75 procent (fördelning enligt befolkningsandel) och Region Jämtland Härjedalen 49,25 procent;\n2. uppdra till befintlig partssammansatt arbetsgrupp att ge förslag till former för uppstart av MiniMaria, inklusive förslag till samarbetsavtal. Förslagen ska presenteras för SVOM i oktober 2022.\n\nParternas beslut skickas till Region Jämtland Härjedalen senast 30 september 2022.",
      dispatchTo: "Länets åtta kommuner, Region Jämtland Härjedalen, arbetsgruppen",
    },
  ],
  "svom 2022-10-07": [
    {
      key: "followUp",
      title: "Uppföljning av rekommendationen",
      kind: "beslut",
      decisionKind: "uppdrag",
      minutesNote:
        "SVOM följer upp rekommendationsbeslutet. Ett färdigt utkast på samverkansavtal finns men presenteras inte, då Hälso- och sjukvårdsnämnden och en kommun ännu inte fattat något inriktningsbeslut och en kommun fattat beslut om att inte delta. Önskemål framförs om förtydliganden som komplettering till befintligt beslutsunderlag innan beslut kan tas.",
      decisionText:
        "SVOM ger länssamordnaren i uppdrag att formalisera ett antal frågor för återrapportering vid sammanträdet 2022-12-02.",
      dispatchTo: "Länssamordnaren",
    },
  ],
  "svom 2022-12-02": [
    {
      key: "start",
      title: "Start 2023",
      kind: "beslut",
      minutesNote: "Svar på de formulerade frågeställningarna redovisas.",
      decisionText:
        "SVOM beslutar att arbeta för att MiniMaria ska startas upp under 2023 i samverkan mellan de parter som senast 31 december 2022 meddelat huruvida de vill ingå i samverkansformen. Avtal MiniMaria ska beredas för rekommendationsbeslut vid SVOM:s sammanträde i februari 2023. Eventuella samverkansmedel psykisk hälsa 2023 ska användas för att finansiera uppstart av verksamheten.",
      dispatchTo: "Länets åtta kommuner, Region Jämtland Härjedalen",
    },
  ],
  [`svom ${SVOM_FEBRUARY_2023}`]: [
    {
      key: "agreement",
      title: "Rekommendation om samarbetsavtal",
      kind: "rekommendation till parterna",
      decisionKind: "rekommendation",
      minutesNote:
        "Samarbetsavtal MiniMaria Jämtland Härjedalen presenteras. Fredagsgruppen och SamReKo HSI föreslår att SVOM beslutar enligt förslaget.",
      proposedDecision:
        "Fredagsgruppen och SamReKo HSI föreslår att SVOM beslutar att\n- rekommendera kommunerna i Jämtlands län och Region Jämtland Härjedalen att godkänna samarbetsavtal gällande MiniMaria Jämtland Härjedalen\n- Östersund ges i uppdrag att i samarbete med Region Jämtland Härjedalen och ingående kommuner förbereda för uppstart av verksamheten 2023.",
      decisionText:
        "SVOM beslutar att\n1. rekommendera kommunerna i Jämtlands län och Region Jämtland Härjedalen att godkänna samarbetsavtal gällande MiniMaria Jämtland Härjedalen;\n2. ge Östersunds kommun i uppdrag att i samarbete med Region Jämtland Härjedalen och ingående kommuner förbereda för uppstart av verksamheten 2023.",
      dispatchTo: "Länets åtta kommuner, Region Jämtland Härjedalen",
      // The sources hold the proposal; that SVOM decided as proposed is the demo's assumption.
      textIsExample: true,
    },
  ],
};

/** The procedural §§' texts (standard items); their wording is the demo's. */
function proceduralText(key: string | null, adjusters: string[]): string {
  switch (key) {
    case "opening":
      return "Ordföranden förklarar mötet öppnat.";
    case "adjusters":
      return `${adjusters.join(" och ")} utses att jämte ordföranden justera protokollet.`;
    case "agenda":
      return "Dagordningen godkänns.";
    case "closing":
      return "Ordföranden förklarar mötet avslutat.";
    default:
      return "";
  }
}

/**
 * Builds the minutes of every held history meeting that has none yet. Returns the register
 * decision of each matter item by its key (`continued`, `direction`, `agreement` …).
 */
export function buildDemoHistory(
  db: Db,
  world: DemoWorld,
  matterId: number,
): Record<string, { id: number; decidedOn: string }> {
  const out: Record<string, { id: number; decidedOn: string }> = {};
  const bodies = [
    ["svom", world.bodyIds.svom],
    ["barnarenan", world.bodyIds.barnarenan],
  ] as const;
  let turn = 0;
  for (const [bodyKey, bodyId] of bodies)
    for (const date of HISTORY_MEETINGS[bodyKey]) {
      const meeting = db
        .select()
        .from(meetings)
        .where(and(eq(meetings.bodyId, bodyId), eq(meetings.date, date)))
        .get();
      if (!meeting) continue;
      const items = HISTORY[`${bodyKey} ${date}`].map((i) => ({ ...i, matterId }));
      Object.assign(out, buildApprovedMinutes(db, meeting.id, items, bodyKey === "svom" ? turn++ : 0));
    }
  return out;
}

/**
 * Approved minutes of a demo meeting that has none: every member present, the body's
 * standard items around `items`, numbered as the portal numbers them, signed on paper by the
 * secretary, the acting chair and one elected justerare (the `turn`-th member who may be one)
 * and recorded by the coordinator a week after the meeting; the decisions in the register.
 * What the sources cannot tell (attendance, justering, anslag, § numbers, procedural
 * wording) is marked as an example. Returns the register decision of each item by its key.
 */
export function buildApprovedMinutes(
  db: Db,
  meetingId: number,
  items: (HistoricItem & { matterId: number | null })[],
  turn: number,
): Record<string, { id: number; decidedOn: string }> {
  const out: Record<string, { id: number; decidedOn: string }> = {};
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
  if (db.select().from(minutes).where(eq(minutes.meetingId, meeting.id)).get()) return out;
  const body = db.select().from(bodiesTable).where(eq(bodiesTable.id, meeting.bodyId)).get()!;
  const participants = participantsOf(meeting.id, db);
  const chair = defaultActingChair(participants.map((p) => ({ ...p, status: "närvarande" })));
  const secretary = defaultSecretary(participants);
  const eligible = participants.filter(
    (p) => p.personId !== chair && p.role !== "sekreterare" && p.role !== "adjungerad" && p.role !== "ersättare",
  );
  const adjuster = eligible[turn % eligible.length];
  for (const p of participants)
    if (p.role !== "ersättare")
      db.insert(attendance)
        .values({
          meetingId: meeting.id,
          personId: p.personId,
          status: "närvarande",
          adjuster: p.personId === adjuster.personId,
        })
        .run();

  // The agenda: the body's standard items around the matter items.
  const standard = db
    .select()
    .from(bodyStandardItems)
    .where(eq(bodyStandardItems.bodyId, meeting.bodyId))
    .orderBy(asc(bodyStandardItems.position))
    .all();
  let position = 1;
  const itemIds: { id: number; item: HistoricItem | null }[] = [];
  const insertStandard = (rows: typeof standard) => {
    for (const s of rows) {
      const row = db
        .insert(agendaItems)
        .values({
          meetingId: meeting.id,
          position: position++,
          title: s.title,
          kind: s.kind,
          standard: s.key,
          decisionText: proceduralText(s.key, [adjuster.name]),
        })
        .returning()
        .get();
      itemIds.push({ id: row.id, item: null });
    }
  };
  insertStandard(standard.filter((s) => s.key !== "closing"));
  for (const item of items) {
    const row = db
      .insert(agendaItems)
      .values({
        meetingId: meeting.id,
        position: position++,
        title: item.title,
        kind: item.kind,
        matterId: item.matterId,
        minutesNote: item.minutesNote,
        decisionText: item.decisionText,
        proposedDecision: item.proposedDecision ?? "",
        dispatchTo: item.dispatchTo ?? "",
      })
      .returning()
      .get();
    itemIds.push({ id: row.id, item });
  }
  insertStandard(standard.filter((s) => s.key === "closing"));

  const adjustmentDate = addDays(meeting.date, 7);
  const approvedAt = `${adjustmentDate}T12:00:00.000Z`;
  db.insert(minutes)
    .values({
      meetingId: meeting.id,
      status: "justerat",
      approvedAt,
      actingChairPersonId: chair,
      secretaryPersonId: secretary,
      adjustmentPlace: "Östersund",
      adjustmentDate,
      ...(body.publicRecords
        ? { postedOn: adjustmentDate, keptAt: "Region Jämtland Härjedalen, regional utveckling" }
        : {}),
    })
    .run();
  numberItems(db, "demo-samordnare", meeting.id);
  for (const { id, item } of itemIds) {
    const decision = db.select().from(decisions).where(eq(decisions.agendaItemId, id)).get()!;
    db.update(decisions)
      .set({
        approval: "justerat",
        approvedAt,
        status: decision.inRegister ? "verkställt" : decision.status,
        kind: item?.decisionKind ?? decision.kind,
        createdBy: "demo-samordnare",
      })
      .where(eq(decisions.id, decision.id))
      .run();
    markExample(db, "decision", decision.id, item && !item.textIsExample ? ["paragraph"] : ["paragraph", "text"]);
    if (item && decision.inRegister) out[item.key] = { id: decision.id, decidedOn: decision.decidedOn };
  }
  for (const s of requiredSignersOf({
    actingChairPersonId: chair,
    secretaryPersonId: secretary,
    adjusterPersonIds: [adjuster.personId],
  }))
    db.insert(minutesSignatures)
      .values({
        meetingId: meeting.id,
        personId: s.personId,
        role: s.role,
        signedBy: "demo-samordnare",
        signedAt: approvedAt,
      })
      .run();
  markExample(
    db,
    "minutes",
    meeting.id,
    body.publicRecords ? ["attendance", "adjustment", "posting"] : ["attendance", "adjustment"],
  );
  return out;
}
