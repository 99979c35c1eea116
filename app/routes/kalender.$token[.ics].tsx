import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/session.server";
import { todayInStockholm } from "~/domain/format";
import { meetingResource } from "~/domain/meetings";
import { seatCoversDay } from "~/domain/membership";
import { can } from "~/domain/policy";
import { buildCalendar, calendarFrom } from "~/domain/ics";
import { calendarMeetings, icsResponse, userByCalendarToken } from "~/models/calendar.server";
import { seatsOfPerson } from "~/models/memberships.server";
import { loadActor } from "~/models/users.server";
import { publicOrigin } from "~/utils/origin.server";

/**
 * A person's subscribable feed (token in the URL): "my meetings", those a seat of theirs
 * covers on the meeting's day (as the notice's recipients are chosen), a seat not yet begun
 * included (policy.ts, calledAhead). A member whose seat ends on 31 December has no January
 * meeting in it, although she still sits in the body in December.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = userByCalendarToken(params.token ?? "");
  if (!user) throw notFound("Kalendern finns inte.");
  const today = todayInStockholm();
  const actor = loadActor(user, today);
  const origin = publicOrigin(request);
  const seats = user.personId === null ? [] : seatsOfPerson(user.personId);
  const bodyIds = [...new Set([...actor.bodyRoles.keys(), ...(actor.seatsAhead ?? []).map((s) => s.bodyId)])];
  const events = calendarMeetings({ bodyIds, from: calendarFrom(today) }, origin, actor).filter(
    (m) =>
      seatCoversDay(seats, m.bodyId, m.date) &&
      can(actor, "read:meeting", meetingResource({ ...m, publicRecords: false }, false)),
  );
  return icsResponse(buildCalendar("Mina möten – Samverkansportalen", events, new URL(origin).host), "mina-moten.ics");
}
