/**
 * The e-mail a meeting causes: the notice and changed notices (with the meeting's .ics), the
 * answer to a proposer, and the word to the deputies when a member reports förhinder. Each
 * function runs inside the transaction of the event that causes it (called by the meeting
 * models), so the messages exist exactly when the event does. Each names the meeting as the
 * called members were told it (`meetingToldTo(null, …)`): a move the secretary has not
 * published is in no mail until the notice of it is.
 */
import { and, asc, eq, gte, inArray, max, sql } from "drizzle-orm";
import { agendaVersions, itemProposals, meetings, users } from "../../db/schema";
import { todayInStockholm } from "~/domain/format";
import { buildCalendar } from "~/domain/ics";
import { isDeputy } from "~/domain/meeting-absence";
import { readScopeOf } from "~/domain/read-scope";
import { describeNoticeChange, noticeChanges, parseNoticeContent } from "~/domain/meetings";
import { calledChanges } from "~/domain/seat-notices";
import {
  absenceMail,
  absenceWithdrawnMail,
  minutesApprovedMail,
  minutesForSigningMail,
  noLongerCalledMail,
  noticeMail,
  proposalDecidedMail,
  seatNoLongerCalledMail,
} from "~/domain/mail-templates";
import type { Db } from "~/utils/db.server";
import { portalOrigin } from "~/utils/origin.server";
import { calendarMeetings, raiseToldSequence } from "./calendar.server";
import { calledTo } from "./meeting-attendance.server";
import { meetingToldTo } from "./meetings.server";
import { seatsOfPerson } from "./memberships.server";
import { notifyPeople, type Notification } from "./notifications.server";
import { meetingDateAsNoticed } from "./read-scope.server";

/**
 * The notice (or changed notice) of version `versionNo` as everyone called is sent it: the
 * message, the meeting as an .ics attachment (`calendar("CANCELLED")` to withdraw it), and
 * `notification` to queue it to some people under an event key. Null when the meeting or the
 * version is gone. The one builder of the notice: publishing and a seat change both use it.
 */
function noticeOf(tx: Db, meetingId: number, versionNo: number) {
  const meeting = meetingToldTo(null, meetingId);
  if (!meeting) return null;
  const origin = portalOrigin();
  const versions = tx
    .select({ versionNo: agendaVersions.versionNo, content: agendaVersions.content })
    .from(agendaVersions)
    .where(eq(agendaVersions.meetingId, meetingId))
    .orderBy(asc(agendaVersions.versionNo))
    .all();
  const first = versions[0];
  const current = versions.find((v) => v.versionNo === versionNo);
  if (!first || !current) return null;
  const notice = parseNoticeContent(current.content);
  const items = notice.items;
  // What changed since the first notice: time, place and items.
  const changes =
    versionNo > 1 ? noticeChanges(parseNoticeContent(first.content), notice).map(describeNoticeChange) : [];
  const event = calendarMeetings({ meetingId }, origin, null);
  const calendar = (status?: "CANCELLED") =>
    buildCalendar(`${meeting.bodyShortName} ${meeting.date}`, event, new URL(origin).host, status);
  const meetingUrl = `${origin}/moten/${meetingId}`;
  const notification = (eventKey: string, personIds: number[]): Notification => ({
    eventKey,
    kind: versionNo > 1 ? "notice-change" : "notice",
    personIds,
    origin,
    reason: `du är kallad till ${meeting.bodyName}s sammanträden`,
    // The summons: to everyone called on the meeting day (app/models/mail-about.server.ts).
    about: { type: "notice", meetingId },
    render: (name, footer) =>
      noticeMail(
        name,
        {
          bodyName: meeting.bodyName,
          date: meeting.date,
          startTime: meeting.startTime,
          endTime: meeting.endTime,
          place: meeting.place,
          videoUrl: meeting.videoUrl,
          items: items.map((i) => i.title),
          versionNo,
          changes,
          meetingUrl,
          noticeUrl: `${meetingUrl}/kallelse`,
          absenceUrl: `${meetingUrl}/forhinder`,
        },
        footer,
      ),
    attachments: [{ filename: "mote.ics", contentType: ICS_TYPE, content: calendar() }],
  });
  return { meeting, origin, versions, meetingUrl, calendar, notification };
}

const ICS_TYPE = "text/calendar; charset=utf-8; method=PUBLISH";

/**
 * Queues the notice (version 1) or the changed notice (later versions) to everyone called,
 * with the meeting as an .ics attachment. Key `notice:<meeting>:v<version>`.
 */
export function queueNoticeMail(tx: Db, meetingId: number, versionNo: number): number {
  const notice = noticeOf(tx, meetingId, versionNo);
  if (!notice) return 0;
  const { meeting, origin, versions, calendar } = notice;
  const called = calledTo(meeting).map((m) => m.personId);
  // A move to a day some of the previous notice's members are not called on (past the end of
  // their seat: a December meeting moved into the new term) is told to them, not left unsaid.
  const previous = versions.find((v) => v.versionNo === versionNo - 1);
  const previousDate = previous ? parseNoticeContent(previous.content).meeting?.date : undefined;
  const uncalled =
    previousDate && previousDate !== meeting.date
      ? calledTo({ bodyId: meeting.bodyId, date: previousDate })
          .map((m) => m.personId)
          .filter((id) => !called.includes(id))
      : [];
  const toldUncalled = uncalled.length
    ? notifyPeople(tx, {
        eventKey: `notice-uncalled:${meetingId}:v${versionNo}`,
        kind: "notice-change",
        personIds: uncalled,
        origin,
        reason: `du kallades till ${meeting.bodyName}s sammanträde`,
        // For whoever is not called, as a seat change tells it: the message links nothing, so it
        // reaches them also after their seat has ended (held for the digest, or retried).
        about: { type: "uncalled", meetingId },
        render: (name, footer) =>
          noLongerCalledMail(
            name,
            { bodyName: meeting.bodyName, fromDate: previousDate!, toDate: meeting.date },
            footer,
          ),
        // The event their earlier notice put in their calendar, cancelled there.
        attachments: [{ filename: "mote.ics", contentType: ICS_TYPE, content: calendar("CANCELLED") }],
      })
    : 0;
  return toldUncalled + notifyPeople(tx, notice.notification(`notice:${meetingId}:v${versionNo}`, called));
}

/**
 * After a seat write (`personId`'s seat `seat`, now at `seatVersion`): the notice of each noticed
 * meeting the write newly calls them to, and the notice withdrawn, with the event cancelled in
 * their calendar, from each it no longer calls them to (`calledChanges` in
 * app/domain/seat-notices.ts picks the meetings). Keys
 * `notice-seat:<meeting>:v<version>:<person>:<seat>.<seat version>` and `notice-unseat:…`: a
 * save that changes nothing changes no calledness, and a seat ended, reopened and ended again
 * is told each time. `lastDay`: the seat's last day when it now ends before the meeting.
 */
function queueSeatChangeMail(
  tx: Db,
  change: {
    personId: number;
    seat: { id: number; version: number };
    called: { id: number; versionNo: number }[];
    uncalled: { id: number; versionNo: number; lastDay: string | null }[];
  },
): number {
  const { personId, seat } = change;
  const key = (m: { id: number; versionNo: number }) =>
    `${m.id}:v${m.versionNo}:${personId}:${seat.id}.${seat.version}`;
  let queued = 0;
  for (const m of change.called) {
    const notice = noticeOf(tx, m.id, m.versionNo);
    if (notice) queued += notifyPeople(tx, notice.notification(`notice-seat:${key(m)}`, [personId]));
  }
  for (const m of change.uncalled) {
    const notice = noticeOf(tx, m.id, m.versionNo);
    if (!notice) continue;
    const { meeting, origin, calendar } = notice;
    queued += notifyPeople(tx, {
      eventKey: `notice-unseat:${key(m)}`,
      kind: "notice-change",
      personIds: [personId],
      origin,
      reason: `du kallades till ${meeting.bodyName}s sammanträde`,
      // They may no longer open the meeting: the message links nothing (mail-about.server.ts).
      about: { type: "uncalled", meetingId: m.id },
      render: (name, footer) =>
        seatNoLongerCalledMail(
          name,
          { bodyName: meeting.bodyName, meetingDate: meeting.date, lastDay: m.lastDay },
          footer,
        ),
      // The event their notice put in their calendar, cancelled there.
      attachments: [{ filename: "mote.ics", contentType: ICS_TYPE, content: calendar("CANCELLED") }],
    });
  }
  return queued;
}

/** A seat as stored, what a seat write changes. */
interface SeatRow {
  id: number;
  version: number;
  personId: number;
  bodyId: number;
  role: string;
  startDate: string;
  endDate: string | null;
}

/**
 * Called inside the transaction of every seat write (memberships.server.ts: added, edited,
 * ended; `before` null when added): each person whose calledness to a noticed meeting from
 * today on changes is told (`queueSeatChangeMail`), the person before and after the write
 * when the seat changed hands. A meeting not yet held with a published notice is noticed; its
 * day is the one the called members were told.
 */
export function queueSeatWriteMail(tx: Db, before: SeatRow | null, after: SeatRow): number {
  const bodyIds = [...new Set([before?.bodyId ?? after.bodyId, after.bodyId])];
  const today = todayInStockholm();
  // One query for all the bodies' noticed meetings not yet held, each with the day the called
  // members were told (`meetingDateAsNoticed` for the public: `meetingToldTo(null, …)` in SQL)
  // and the day as it stands: `calledChanges` leaves a meeting alone when either is past, so the
  // query reads only the others. A meeting without a notice summoned nobody: not read either.
  const told = meetingDateAsNoticed(readScopeOf(null));
  const noticed = tx
    .select({
      id: meetings.id,
      bodyId: meetings.bodyId,
      date: told,
      dateAsItStands: meetings.date,
      versionNo: max(agendaVersions.versionNo),
    })
    .from(meetings)
    .innerJoin(agendaVersions, eq(agendaVersions.meetingId, meetings.id))
    .where(
      and(
        inArray(meetings.bodyId, bodyIds),
        inArray(meetings.status, ["planerat", "kallelse skickad"]),
        sql`${told} >= ${today}`,
        gte(meetings.date, today),
      ),
    )
    .groupBy(meetings.id)
    .orderBy(meetings.id)
    .all()
    .map((r) => ({ ...r, noticed: true, versionNo: r.versionNo ?? 0 }));
  if (noticed.length === 0) return 0;
  const changes = [];
  for (const personId of new Set([before?.personId ?? after.personId, after.personId])) {
    // The write's own connection (`write` runs the transaction on it): the seats as just written.
    const seatsNow = seatsOfPerson(personId).map(({ membershipId, ...seat }) => ({ id: membershipId, ...seat }));
    // Before the write: the same seats with the written one as it was (or without it).
    const seatsBefore = [
      ...seatsNow.filter((s) => s.id !== after.id),
      ...(before && before.personId === personId ? [before] : []),
    ];
    const { called, uncalled } = calledChanges(seatsBefore, seatsNow, noticed, today);
    const endsBefore = (m: { bodyId: number; date: string }) =>
      after.personId === personId && after.bodyId === m.bodyId && after.endDate !== null && after.endDate < m.date
        ? after.endDate
        : null;
    changes.push({
      personId,
      seat: { id: after.id, version: after.version },
      called,
      uncalled: uncalled.map((m) => ({ ...m, lastDay: endsBefore(m) })),
    });
  }
  // Each meeting told about goes one SEQUENCE up, once, before its messages are built.
  for (const id of new Set(changes.flatMap((c) => [...c.called, ...c.uncalled].map((m) => m.id))))
    raiseToldSequence(tx, id);
  return changes.reduce((queued, change) => queued + queueSeatChangeMail(tx, change), 0);
}

/** Tells the proposer that their proposal was accepted or declined. Key `proposal:<id>:<status>`. */
export function queueProposalDecidedMail(tx: Db, proposalId: number): number {
  const proposal = tx.select().from(itemProposals).where(eq(itemProposals.id, proposalId)).get();
  if (!proposal || proposal.status === "inkommet") return 0;
  const meeting = meetingToldTo(null, proposal.meetingId);
  const proposer = tx.select({ personId: users.personId }).from(users).where(eq(users.id, proposal.proposedBy)).get();
  if (!meeting || !proposer?.personId) return 0;
  const origin = portalOrigin();
  return notifyPeople(tx, {
    eventKey: `proposal:${proposalId}:${proposal.status}`,
    kind: "proposal-decided",
    personIds: [proposer.personId],
    origin,
    reason: "du har föreslagit en punkt till dagordningen",
    about: { type: "meeting", meetingId: meeting.id },
    render: (name, footer) =>
      proposalDecidedMail(
        name,
        {
          title: proposal.title,
          bodyName: meeting.bodyName,
          meetingDate: meeting.date,
          accepted: proposal.status === "accepterat",
          reason: proposal.declineReason ?? "",
          meetingUrl: `${origin}/moten/${meeting.id}`,
        },
        footer,
      ),
  });
}

/**
 * Tells the body's deputies that a member reported förhinder. Key `absence:<meeting>:<person>:<answer>`
 * (the answer's id: a förhinder withdrawn and reported again is news again).
 */
export function queueAbsenceMail(tx: Db, meetingId: number, absentPersonId: number, answerId: number): number {
  const meeting = meetingToldTo(null, meetingId);
  if (!meeting) return 0;
  const called = calledTo(meeting);
  const absent = called.find((m) => m.personId === absentPersonId);
  if (!absent || isDeputy(absent.role)) return 0;
  const origin = portalOrigin();
  return notifyPeople(tx, {
    eventKey: `absence:${meetingId}:${absentPersonId}:${answerId}`,
    kind: "absence",
    personIds: called.filter((m) => isDeputy(m.role)).map((m) => m.personId),
    origin,
    reason: `du är ersättare i ${meeting.bodyName}`,
    about: { type: "meeting", meetingId },
    render: (name, footer) =>
      absenceMail(
        name,
        {
          bodyName: meeting.bodyName,
          meetingDate: meeting.date,
          absentName: absent.name,
          serveUrl: `${origin}/moten/${meetingId}/forhinder`,
        },
        footer,
      ),
  });
}

/**
 * Tells the deputy serving for a member that the member withdrew the förhinder and comes.
 * Key `absence-withdrawn:<meeting>:<answer>` (the withdrawn förhinder's id).
 */
export function queueAbsenceWithdrawnMail(
  tx: Db,
  meetingId: number,
  member: { personId: number; answerId: number },
  deputyPersonIds: number[],
): number {
  const meeting = meetingToldTo(null, meetingId);
  if (!meeting || deputyPersonIds.length === 0) return 0;
  const memberName = calledTo(meeting).find((m) => m.personId === member.personId)?.name;
  if (!memberName) return 0;
  const origin = portalOrigin();
  return notifyPeople(tx, {
    eventKey: `absence-withdrawn:${meetingId}:${member.answerId}`,
    kind: "absence",
    personIds: deputyPersonIds,
    origin,
    reason: `du är ersättare i ${meeting.bodyName}`,
    about: { type: "meeting", meetingId },
    render: (name, footer) =>
      absenceWithdrawnMail(
        name,
        {
          bodyName: meeting.bodyName,
          meetingDate: meeting.date,
          memberName,
          meetingUrl: `${origin}/moten/${meetingId}`,
        },
        footer,
      ),
  });
}

/**
 * Asks each signer who has not signed to justera the minutes. Key
 * `minutes-for-signing:<meeting>:v<minutes version>`: sending again after a change reaches them
 * again, pressing twice does not. Only the meeting's facts and the link: the signers read the
 * minutes in the portal with their own rights.
 */
export function queueMinutesForSigningMail(
  tx: Db,
  meetingId: number,
  minutes: { version: number; adjustmentDate: string | null; adjustmentPlace: string },
  signers: { personId: number; role: string }[],
): number {
  const meeting = meetingToldTo(null, meetingId);
  if (!meeting) return 0;
  const origin = portalOrigin();
  let queued = 0;
  // One call per role, so each message says in which capacity the person signs.
  for (const role of new Set(signers.map((s) => s.role))) {
    queued += notifyPeople(tx, {
      eventKey: `minutes-for-signing:${meetingId}:v${minutes.version}`,
      kind: "minutes-for-signing",
      personIds: signers.filter((s) => s.role === role).map((s) => s.personId),
      origin,
      reason: `du ska justera protokollet från ${meeting.bodyName}s möte`,
      // The minutes are not approved: their page as a draft, and the right to sign them.
      about: { type: "meeting", meetingId, needs: ["sign:minutes"], published: false },
      render: (name, footer) =>
        minutesForSigningMail(
          name,
          {
            bodyName: meeting.bodyName,
            meetingDate: meeting.date,
            minutesUrl: `${origin}/moten/${meetingId}/protokoll`,
            role,
            adjustmentDate: minutes.adjustmentDate,
            adjustmentPlace: minutes.adjustmentPlace,
          },
          footer,
        ),
    });
  }
  return queued;
}

/**
 * Tells the body's members and deputies of today (those who may open the minutes now) that the
 * minutes are approved. Key `minutes-approved:<meeting>`.
 */
export function queueMinutesApprovedMail(tx: Db, meetingId: number, approvedOn: string): number {
  const meeting = meetingToldTo(null, meetingId);
  if (!meeting) return 0;
  const origin = portalOrigin();
  return notifyPeople(tx, {
    eventKey: `minutes-approved:${meetingId}`,
    kind: "minutes-approved",
    personIds: calledTo({ bodyId: meeting.bodyId, date: approvedOn }).map((m) => m.personId),
    origin,
    reason: `du sitter i ${meeting.bodyName}`,
    about: { type: "meeting", meetingId, published: true },
    render: (name, footer) =>
      minutesApprovedMail(
        name,
        {
          bodyName: meeting.bodyName,
          meetingDate: meeting.date,
          minutesUrl: `${origin}/moten/${meetingId}/protokoll`,
          approvedOn,
        },
        footer,
      ),
  });
}
