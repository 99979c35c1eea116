/** Extracts of minutes (protokollsutdrag): one § with the header, attendance and signatures. */
import { agendaOf } from "./meeting-agenda.server";
import { attendanceOf, membersOnDate } from "./meeting-attendance.server";
import { minutesOf, signaturesOf } from "./meeting-minutes.server";

/** The extract of one § of a meeting's minutes, or null when there are no minutes or no such item. */
export function extractOf(meeting: { id: number; bodyId: number; date: string }, itemId: number) {
  const record = minutesOf(meeting.id);
  const item = agendaOf(meeting.id).find((i) => i.id === itemId);
  if (!record || !item) return null;
  const members = membersOnDate(meeting.bodyId, meeting.date);
  return {
    record,
    item: {
      title: item.title,
      paragraph: item.paragraph,
      decisionText: item.decisionText,
      minutesNote: item.minutesNote,
      proposedDecision: item.proposedDecision,
    },
    present: attendanceOf(meeting.id)
      .filter((a) => a.status !== "frånvarande")
      .map((a) => ({
        name: a.name,
        role: members.find((m) => m.personId === a.personId)?.role ?? "",
        substitute: a.status === "ersättare tjänstgör",
      })),
    signatures: signaturesOf(meeting.id),
  };
}
