/** Extracts of minutes (protokollsutdrag): one § with the header, attendance and signatures. */
import { paragraphApproval } from "~/domain/minutes";
import type { Actor } from "~/domain/policy";
import { visibleAgendaOf } from "./agenda-view.server";
import { decisionOfAgendaItem } from "./meeting-agenda.server";
import { attendanceOf, membersOnDate } from "./meeting-attendance.server";
import { minutesOf, signaturesOf, signerChoiceOf } from "./meeting-minutes.server";
import { paragraphDetailsOf } from "./meeting-paragraphs.server";
import { getMatter } from "./matters.server";

/**
 * The extract of one § of a meeting's minutes, or null when there are no minutes or no such
 * item: the § with its votes, reservations and "expedieras till", the matter's registry
 * number (dnr), whether the § is approved, and the secretary who certifies the extract
 * ("Rätt utdraget intygar").
 */
export function extractOf(actor: Actor | null, meeting: { id: number; bodyId: number; date: string }, itemId: number) {
  const record = minutesOf(meeting.id);
  const item = visibleAgendaOf(actor, meeting).find((i) => i.id === itemId);
  if (!record || !item) return null;
  const members = membersOnDate(meeting.bodyId, meeting.date);
  const present = attendanceOf(meeting.id).filter((a) => a.status !== "frånvarande");
  const secretaryId = signerChoiceOf(meeting.id).secretaryPersonId;
  const secretary =
    present.find((a) => a.personId === secretaryId)?.name ??
    members.find((m) => m.personId === secretaryId)?.name ??
    null;
  return {
    record,
    /** The §'s own approval (`paragraphApproval`): a § approved at the meeting is, before the minutes. */
    approval: paragraphApproval(record, decisionOfAgendaItem(item.id)),
    item: {
      title: item.title,
      paragraph: item.paragraph,
      outcome: item.outcome,
      confidential: item.confidential,
      decisionText: item.decisionText,
      minutesNote: item.minutesNote,
      proposedDecision: item.proposedDecision,
      matterId: item.matterId,
      registryNumber: item.matterId ? (getMatter(item.matterId)?.registryNumber ?? null) : null,
      details: paragraphDetailsOf(actor, meeting.id).get(item.id) ?? null,
    },
    present: present.map((a) => ({
      name: a.name,
      role: members.find((m) => m.personId === a.personId)?.role ?? "",
      substitute: a.status === "ersättare tjänstgör",
    })),
    secretary,
    signatures: signaturesOf(meeting.id),
  };
}
