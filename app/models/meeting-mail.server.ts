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
import { describeNoticeChange, noticeChanges, noticeIsNews, parseNoticeContent } from "~/domain/meetings";
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
import { notifyPeople } from "./notifications.server";
import { meetingDateAsNoticed } from "./read-scope.server";

const ICS_TYPE = "text/calendar; charset=utf-8; method=PUBLISH";

/** Why a withdrawal is sent: the meeting moved off a day the person is called on, or their seat changed. */
type Withdrawal =
  /** The changed notice moved the meeting from `fromDate` (the previous version's day). */
  | { because: "moved"; fromDate: string }
  /** A seat write: `lastDay` is the seat's new last day when it now ends before the meeting. */
  | { because: "seat"; lastDay: string | null };

/** Who is told what by `tellNotice`, each group under its own event key. */
interface Telling {
  /** Sent the notice of the version (with the meeting's .ics). */
  called?: { eventKey: string; personIds: number[] };
  /** Sent its withdrawal (the event cancelled in their calendar, no link). */
  uncalled?: { eventKey: string; personIds: number[]; why: Withdrawal };
}

/**
 * The one way a meeting's notice is told (docs/security.md, class 3): publishing a notice or a
 * changed notice (`queueNoticeMail`) and a seat write that calls or uncalls someone
 * (`queueSeatWriteMail`) both come here. The notice of version `versionNo` goes to `called`,
 * with the meeting as an .ics attachment at the meeting's told SEQUENCE (the caller raised it,
 * `raiseToldSequence`, once per transaction, before this); the withdrawal goes to `uncalled`, with
 * the same event cancelled (same UID, STATUS:CANCELLED, the same SEQUENCE), and links nothing, so
 * it reaches one who may no longer open the meeting. Each message goes only to those who may
 * open what it is about (`notifyPeople`, `mayOpenAbout`: the notice to those called on the
 * meeting day, the withdrawal to those not called). The meeting and its facts are as the called
 * members were told them (`meetingToldTo(null, …)`). Nothing when the meeting or the version is
 * gone, or the meeting was held before today (`noticeIsNews`). Withdrawals are queued first. Returns how many messages were queued.
 */
function tellNotice(tx: Db, meetingId: number, versionNo: number, tell: Telling): number {
  if (!tell.called?.personIds.length && !tell.uncalled?.personIds.length) return 0;
  const meeting = meetingToldTo(null, meetingId);
  if (!meeting) return 0;
  // No mail about a meeting already held (`noticeIsNews`), whichever caller asks.
  const movedFrom = tell.uncalled?.why.because === "moved" ? [tell.uncalled.why.fromDate] : [];
  if (!noticeIsNews([meeting.date, ...movedFrom], todayInStockholm())) return 0;
  const versions = tx
    .select({ versionNo: agendaVersions.versionNo, content: agendaVersions.content })
    .from(agendaVersions)
    .where(eq(agendaVersions.meetingId, meetingId))
    .orderBy(asc(agendaVersions.versionNo))
    .all();
  const first = versions[0];
  const current = versions.find((v) => v.versionNo === versionNo);
  if (!first || !current) return 0;
  const origin = portalOrigin();
  const event = calendarMeetings({ meetingId }, origin, null);
  const calendar = (status?: "CANCELLED") => [
    {
      filename: "mote.ics",
      contentType: ICS_TYPE,
      content: buildCalendar(`${meeting.bodyShortName} ${meeting.date}`, event, new URL(origin).host, status),
    },
  ];
  let queued = 0;
  const { uncalled, called } = tell;
  if (uncalled?.personIds.length) {
    const why = uncalled.why;
    queued += notifyPeople(tx, {
      eventKey: uncalled.eventKey,
      kind: "notice-change",
      personIds: uncalled.personIds,
      origin,
      reason: `du kallades till ${meeting.bodyName}s sammanträde`,
      // For whoever is not called (app/models/mail-about.server.ts): the message links nothing,
      // so it reaches them also after their seat has ended (held for the digest, or retried).
      about: { type: "uncalled", meetingId },
      render: (name, footer) =>
        why.because === "moved"
          ? noLongerCalledMail(
              name,
              { bodyName: meeting.bodyName, fromDate: why.fromDate, toDate: meeting.date },
              footer,
            )
          : seatNoLongerCalledMail(
              name,
              { bodyName: meeting.bodyName, meetingDate: meeting.date, lastDay: why.lastDay },
              footer,
            ),
      // The event their notice put in their calendar, cancelled there.
      attachments: calendar("CANCELLED"),
    });
  }
  if (called?.personIds.length) {
    const notice = parseNoticeContent(current.content);
    // What changed since the first notice: time, place and items.
    const changes =
      versionNo > 1 ? noticeChanges(parseNoticeContent(first.content), notice).map(describeNoticeChange) : [];
    const meetingUrl = `${origin}/moten/${meetingId}`;
    queued += notifyPeople(tx, {
      eventKey: called.eventKey,
      kind: versionNo > 1 ? "notice-change" : "notice",
      personIds: called.personIds,
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
            items: notice.items.map((i) => i.title),
            versionNo,
            changes,
            meetingUrl,
            noticeUrl: `${meetingUrl}/kallelse`,
            absenceUrl: `${meetingUrl}/forhinder`,
          },
          footer,
        ),
      attachments: calendar(),
    });
  }
  return queued;
}

/**
 * Queues the notice (version 1) or the changed notice (later versions) to everyone called,
 * with the meeting as an .ics attachment. Key `notice:<meeting>:v<version>`. A move to a day
 * some of the previous notice's members are not called on (past the end of their seat: a
 * December meeting moved into the new term) is told to them, not left unsaid: key
 * `notice-uncalled:<meeting>:v<version>`.
 */
export function queueNoticeMail(tx: Db, meetingId: number, versionNo: number): number {
  const meeting = meetingToldTo(null, meetingId);
  if (!meeting) return 0;
  const called = calledTo(meeting).map((m) => m.personId);
  const previous = tx
    .select({ content: agendaVersions.content })
    .from(agendaVersions)
    .where(and(eq(agendaVersions.meetingId, meetingId), eq(agendaVersions.versionNo, versionNo - 1)))
    .get();
  const previousDate = previous ? parseNoticeContent(previous.content).meeting?.date : undefined;
  const uncalled =
    previousDate && previousDate !== meeting.date
      ? calledTo({ bodyId: meeting.bodyId, date: previousDate })
          .map((m) => m.personId)
          .filter((id) => !called.includes(id))
      : [];
  return tellNotice(tx, meetingId, versionNo, {
    uncalled: previousDate
      ? {
          eventKey: `notice-uncalled:${meetingId}:v${versionNo}`,
          personIds: uncalled,
          why: { because: "moved", fromDate: previousDate },
        }
      : undefined,
    called: { eventKey: `notice:${meetingId}:v${versionNo}`, personIds: called },
  });
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
  for (const m of change.called)
    queued += tellNotice(tx, m.id, m.versionNo, {
      called: { eventKey: `notice-seat:${key(m)}`, personIds: [personId] },
    });
  for (const m of change.uncalled)
    queued += tellNotice(tx, m.id, m.versionNo, {
      uncalled: {
        eventKey: `notice-unseat:${key(m)}`,
        personIds: [personId],
        why: { because: "seat", lastDay: m.lastDay },
      },
    });
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
