import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildCalendar } from "~/domain/ics";
import { calendarMeetings, icsResponse } from "~/models/calendar.server";
import { loadMeetingFor } from "~/auth/meeting-access.server";
import { publicOrigin } from "~/utils/origin.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, actor } = await loadMeetingFor(request, params.meetingId);
  const origin = publicOrigin(request);
  const ics = buildCalendar(
    `${meeting.bodyShortName} ${meeting.date}`,
    calendarMeetings({ meetingId: meeting.id }, origin, actor),
    new URL(origin).host,
  );
  return icsResponse(ics, `mote-${meeting.id}.ics`);
}
