/**
 * The e-mail a meeting causes: the notice and changed notices (with the meeting's .ics), the
 * answer to a proposer, and the word to the deputies when a member reports förhinder. Each
 * function runs inside the transaction of the event that causes it (called by the meeting
 * models), so the messages exist exactly when the event does. Each names the meeting as the
 * called members were told it (`meetingToldTo(null, …)`): a move the secretary has not
 * published is in no mail until the notice of it is.
 */
import { asc, eq } from "drizzle-orm";
import { agendaVersions, itemProposals, users } from "../../db/schema";
import { buildCalendar } from "~/domain/ics";
import { isDeputy } from "~/domain/meeting-absence";
import { describeNoticeChange, noticeChanges, parseNoticeContent } from "~/domain/meetings";
import {
  absenceMail,
  absenceWithdrawnMail,
  minutesApprovedMail,
  minutesForSigningMail,
  noLongerCalledMail,
  noticeMail,
  proposalDecidedMail,
} from "~/domain/mail-templates";
import type { Db } from "~/utils/db.server";
import { portalOrigin } from "~/utils/origin.server";
import { calendarMeetings } from "./calendar.server";
import { calledTo } from "./meeting-attendance.server";
import { meetingToldTo } from "./meetings.server";
import { notifyPeople } from "./notifications.server";

/**
 * Queues the notice (version 1) or the changed notice (later versions) to everyone called,
 * with the meeting as an .ics attachment. Key `notice:<meeting>:v<version>`.
 */
export function queueNoticeMail(tx: Db, meetingId: number, versionNo: number): number {
  const meeting = meetingToldTo(null, meetingId);
  if (!meeting) return 0;
  const origin = portalOrigin();
  const versions = tx
    .select({ versionNo: agendaVersions.versionNo, content: agendaVersions.content })
    .from(agendaVersions)
    .where(eq(agendaVersions.meetingId, meetingId))
    .orderBy(asc(agendaVersions.versionNo))
    .all();
  const first = versions[0];
  const current = versions.find((v) => v.versionNo === versionNo);
  if (!first || !current) return 0;
  const notice = parseNoticeContent(current.content);
  const items = notice.items;
  // What changed since the first notice: time, place and items.
  const changes =
    versionNo > 1 ? noticeChanges(parseNoticeContent(first.content), notice).map(describeNoticeChange) : [];
  const event = calendarMeetings({ meetingId }, origin, null);
  const ics = buildCalendar(`${meeting.bodyShortName} ${meeting.date}`, event, new URL(origin).host);
  const meetingUrl = `${origin}/moten/${meetingId}`;
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
        // They may open the meeting while their seat lasts; afterwards the message is not sent.
        about: { type: "meeting", meetingId },
        render: (name, footer) =>
          noLongerCalledMail(
            name,
            { bodyName: meeting.bodyName, fromDate: previousDate!, toDate: meeting.date, meetingUrl },
            footer,
          ),
        // The event their earlier notice put in their calendar, cancelled there.
        attachments: [
          {
            filename: "mote.ics",
            contentType: "text/calendar; charset=utf-8; method=PUBLISH",
            content: buildCalendar(
              `${meeting.bodyShortName} ${meeting.date}`,
              event,
              new URL(origin).host,
              "CANCELLED",
            ),
          },
        ],
      })
    : 0;
  return (
    toldUncalled +
    notifyPeople(tx, {
      eventKey: `notice:${meetingId}:v${versionNo}`,
      kind: versionNo > 1 ? "notice-change" : "notice",
      personIds: called,
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
      attachments: [
        { filename: "mote.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: ics },
      ],
    })
  );
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
