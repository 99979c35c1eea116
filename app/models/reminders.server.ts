/**
 * Reminders of deadlines, queued by the scheduled job (app/jobs/schedule.server.ts): the last
 * day to propose agenda items, assignments due and overdue, and the agreement's last day for
 * notice of termination. Idempotent: each reminder's event key names the deadline and the
 * step (app/domain/mail.ts `dueReminderStep`), so running the job twice, or on every minute
 * of the day, sends each reminder once per person.
 */
import { and, eq, gte, inArray, isNotNull } from "drizzle-orm";
import { agreements, assignments, bodies, meetings, parties, recommendations, users } from "../../db/schema";
import { daysBetween } from "~/domain/calendar-dates";
import { ASKING_STATUSES } from "~/domain/recommendations";
import { earliestExit } from "~/domain/agreement-terms";
import { remindOfNoticeDeadline } from "~/domain/party-notice";
import { dueReminderStep, REMINDER_STEPS } from "~/domain/mail";
import { agreementNoticeMail, assignmentDueMail, proposalDeadlineMail } from "~/domain/mail-templates";
import { withCollaboration } from "~/domain/collaboration";
import { proposalDeadline } from "~/domain/meetings";
import { db, write, type Db } from "~/utils/db.server";
import { partyRepresentative } from "./organisations.server";
import { currentVersion, termsOf } from "./agreements.server";
import { getCollaboration } from "./collaborations.server";
import { calledTo, membersOnDate } from "./meeting-attendance.server";
import { asNoticedBy } from "./meeting-notice.server";
import { notifyPeople } from "./notifications.server";
import { sendDueReminders } from "./recommendations.server";

function proposalDeadlineReminders(tx: Db, today: string, origin: string): number {
  const upcoming = tx
    .select({
      id: meetings.id,
      date: meetings.date,
      bodyId: meetings.bodyId,
      publicRecords: bodies.publicRecords,
      bodyName: bodies.name,
      days: bodies.proposalDeadlineDays,
    })
    .from(meetings)
    .innerJoin(bodies, eq(meetings.bodyId, bodies.id))
    .where(and(gte(meetings.date, today), inArray(meetings.status, ["planerat", "kallelse skickad"])))
    .all();
  let queued = 0;
  // The deadline of the day the members were told: a move not yet published moves no reminder.
  for (const m of asNoticedBy(null, upcoming)) {
    const deadline = proposalDeadline(m.date, m.days);
    const daysLeft = daysBetween(today, deadline);
    const { steps, floor } = REMINDER_STEPS.proposalDeadline;
    const step = dueReminderStep(daysLeft, steps, floor);
    if (step === null) continue;
    queued += notifyPeople(tx, {
      eventKey: `reminder:proposal:${m.id}:${deadline}:${step}`,
      kind: "proposal-deadline",
      personIds: calledTo(m).map((p) => p.personId),
      origin,
      reason: `du är kallad till ${m.bodyName}s sammanträden`,
      // The link is the page to propose on: those who may propose there.
      about: { type: "meeting", meetingId: m.id, needs: ["propose:item"] },
      render: (name, footer) =>
        proposalDeadlineMail(
          name,
          {
            bodyName: m.bodyName,
            meetingDate: m.date,
            deadline,
            daysLeft,
            proposeUrl: `${origin}/moten/${m.id}/forslag`,
          },
          footer,
        ),
    });
  }
  return queued;
}

/** The people an assignment's reminder goes to: the person, the body's chair, or the party's contact. */
/** The body's chair on a day (person ids). */
function chairsOn(tx: Db, bodyId: number, date: string): number[] {
  return membersOnDate(bodyId, date, tx)
    .filter((m) => m.role === "ordförande")
    .map((m) => m.personId);
}

function assigneesOf(tx: Db, a: { assigneeType: string; assigneeId: number; collaborationId: number }, today: string) {
  if (a.assigneeType === "person") return [a.assigneeId];
  if (a.assigneeType === "body") return chairsOn(tx, a.assigneeId, today);
  const party = tx
    .select({ contact: partyRepresentative })
    .from(parties)
    .where(and(eq(parties.organisationId, a.assigneeId), eq(parties.collaborationId, a.collaborationId)))
    .get();
  return party?.contact ? [party.contact] : [];
}

function assignmentReminders(tx: Db, today: string, origin: string): number {
  const open = tx
    .select()
    .from(assignments)
    .where(and(isNotNull(assignments.dueDate), inArray(assignments.status, ["ej påbörjad", "pågår"])))
    .all();
  let queued = 0;
  for (const a of open) {
    const dueDate = a.dueDate!;
    const daysLeft = daysBetween(today, dueDate);
    const { steps, floor } = REMINDER_STEPS.assignmentDue;
    const step = dueReminderStep(daysLeft, steps, floor);
    if (step === null) continue;
    queued += notifyPeople(tx, {
      eventKey: `reminder:assignment:${a.id}:${dueDate}:${step}`,
      kind: "assignment-due",
      personIds: assigneesOf(tx, a, today),
      origin,
      reason: "du är ansvarig för ett uppdrag",
      // The assignment's own page, which opens for whoever holds it, from outside the collaboration too.
      about: { type: "assignment", assignmentId: a.id },
      render: (name, footer) =>
        assignmentDueMail(name, { title: a.title, dueDate, daysLeft, url: `${origin}/uppdrag/${a.id}` }, footer),
    });
  }
  return queued;
}

/**
 * The collaboration a link must name: a page about a whole list (assignments, the agreement)
 * otherwise opens the reader's first collaboration, not the one the message is about.
 */
function slugOf(collaborationId: number): string {
  return getCollaboration(collaborationId)?.slug ?? "";
}

function agreementNoticeReminders(tx: Db, today: string, origin: string): number {
  const coordinators = tx
    .select({ personId: users.personId })
    .from(users)
    .where(and(eq(users.role, "admin"), isNotNull(users.personId)))
    .all()
    .map((u) => u.personId!);
  let queued = 0;
  for (const agreement of tx.select().from(agreements).all()) {
    const version = currentVersion(agreement.id, today);
    if (!version?.adoptedOn) continue;
    const exit = earliestExit(termsOf(version), today);
    const { steps, floor } = REMINDER_STEPS.agreementNotice;
    const step = dueReminderStep(exit.daysLeft, steps, floor);
    if (step === null) continue;
    // Only parties with the choice still to make (remindOfNoticeDeadline); when none has, the
    // agreement ends with the last exit and there is no notice left for anyone to chase.
    const deciding = tx
      .select({
        contact: partyRepresentative,
        status: parties.status,
        memberSince: parties.memberSince,
        noticeReceivedOn: parties.noticeReceivedOn,
        exitDate: parties.exitDate,
      })
      .from(parties)
      .where(eq(parties.collaborationId, agreement.collaborationId))
      .all()
      .filter((p) => remindOfNoticeDeadline(p, exit.termEnd, today));
    if (deciding.length === 0) continue;
    const representatives = deciding.flatMap((p) => (p.contact === null ? [] : [p.contact]));
    queued += notifyPeople(tx, {
      eventKey: `reminder:agreement-notice:${agreement.id}:${exit.noticeDeadline}:${step}`,
      kind: "agreement-notice-deadline",
      personIds: [...coordinators, ...representatives],
      origin,
      reason: "du samordnar avtalet eller företräder en part i det",
      about: { type: "agreement" },
      render: (name, footer) =>
        agreementNoticeMail(
          name,
          {
            agreementName: agreement.title,
            noticeDeadline: exit.noticeDeadline,
            termEnd: exit.termEnd,
            daysLeft: exit.daysLeft,
            url: withCollaboration(`${origin}/avtal`, slugOf(agreement.collaborationId)),
          },
          footer,
        ),
    });
  }
  return queued;
}

/** Queues every reminder due on `today` (Stockholm), in one transaction. Returns how many messages. */
export function queueReminders(today: string, origin: string): number {
  return write(
    (tx) =>
      proposalDeadlineReminders(tx, today, origin) +
      assignmentReminders(tx, today, origin) +
      agreementNoticeReminders(tx, today, origin),
  );
}

/**
 * Reminds the parties of every recommendation awaiting answers (before the deadline and when
 * overdue, app/domain/recommendations.ts `reminderDue`): the letters go to each party's
 * registrar and representative. Idempotent per day: a letter sent today is not due again.
 */
export function queueRecommendationReminders(today: string): number {
  const open = db()
    .select({ id: recommendations.id })
    .from(recommendations)
    .where(inArray(recommendations.status, ASKING_STATUSES))
    .all();
  return open.reduce((n, r) => n + sendDueReminders(null, r.id, today).length, 0);
}
