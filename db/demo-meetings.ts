/**
 * Demo agenda for the steering group's next meeting, so the portal shows a real notice:
 * standard items, three matters with Markdown descriptions and proposed decisions, and a
 * published notice. Idempotent: skipped when the meeting already has more than the standard items.
 */
import { and, asc, eq, gte } from "drizzle-orm";
import type { Db } from "./connection";
import type { DemoWorld } from "./demo-world";
import { agendaItems, agendaVersions, bodyStandardItems, meetings } from "./schema";

const ITEMS = [
  {
    title: "Verksamhetsplan 2027",
    kind: "beslut" as const,
    presenter: "Maja Mini-Maria-chef",
    minutesEstimate: 30,
    description:
      "Mini-Marias förslag till verksamhetsplan för 2027.\n\n- Fortsatt fokus på **tidig upptäckt** och samverkan med skola och elevhälsa\n- Närmottagningar i alla kommuner vid behov\n- Uppföljning enligt uppföljningsplanen",
    proposedDecision: "Styrgruppen fastställer verksamhetsplanen för 2027.",
  },
  {
    title: "Budgetuppföljning per oktober",
    kind: "information" as const,
    presenter: "Sara Samordnare",
    minutesEstimate: 15,
    description:
      "Utfall januari–oktober jämfört med budget. Prognosen visar ett litet överskott som enligt avtalet förs över till nästa år.",
    proposedDecision: "",
  },
  {
    title: "Återrapportering: rutin för samverkan med socialtjänsten",
    kind: "återrapportering" as const,
    presenter: "Ingrid IFO-chef Östersund",
    minutesEstimate: 20,
    description: "Arbetsgruppen återrapporterar uppdraget från föregående möte.",
    proposedDecision: "Styrgruppen lägger återrapporteringen till handlingarna.",
  },
];

export function buildDemoMeetings(db: Db, world: DemoWorld, today: string): void {
  const next = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.bodyId, world.bodyIds.styrgrupp), gte(meetings.date, today)))
    .orderBy(asc(meetings.date))
    .get();
  if (!next) return;
  const existing = db.select().from(agendaItems).where(eq(agendaItems.meetingId, next.id)).all();
  if (existing.length > 0) return;
  // The body's own standard items (kept on its edit page), the matters before the closing one.
  const standard = db
    .select()
    .from(bodyStandardItems)
    .where(eq(bodyStandardItems.bodyId, world.bodyIds.styrgrupp))
    .orderBy(asc(bodyStandardItems.position))
    .all();
  const closing = standard.filter((i) => i.key === "closing");
  let position = 1;
  const insertStandard = (items: typeof standard) => {
    for (const { key, title, kind } of items)
      db.insert(agendaItems).values({ meetingId: next.id, position: position++, title, kind, standard: key }).run();
  };
  insertStandard(standard.filter((i) => i.key !== "closing"));
  for (const item of ITEMS)
    db.insert(agendaItems)
      .values({ meetingId: next.id, position: position++, ...item })
      .run();
  insertStandard(closing);
  const items = db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, next.id))
    .orderBy(asc(agendaItems.position))
    .all();
  const snapshot = items.map((i) => ({
    id: i.id,
    title: i.title,
    kind: i.kind,
    presenter: i.presenter,
    proposedDecision: i.proposedDecision,
    description: i.description,
    fileNames: [],
  }));
  db.insert(agendaVersions)
    .values({
      meetingId: next.id,
      versionNo: 1,
      content: JSON.stringify({
        meeting: {
          date: next.date,
          startTime: next.startTime,
          endTime: next.endTime,
          place: next.place,
          videoUrl: next.videoUrl,
        },
        items: snapshot,
      }),
      publishedBy: "demo-samordnare",
    })
    .run();
  // Published as publishNotice does: told to the called, the calendar SEQUENCE raised with it.
  db.update(meetings)
    .set({ status: "kallelse skickad", calendarSequence: 1, toldSequence: 1 })
    .where(eq(meetings.id, next.id))
    .run();
}
