import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/session.server";
import { todayInStockholm } from "~/domain/format";
import { buildCalendar, calendarFrom } from "~/domain/ics";
import { calendarMeetings, icsResponse, userByCalendarToken } from "~/models/calendar.server";
import { loadActor } from "~/models/users.server";
import { publicOrigin } from "~/utils/origin.server";

/** A person's subscribable feed: the meetings of every body they sit in (token in the URL). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = userByCalendarToken(params.token ?? "");
  if (!user) throw notFound("Kalendern finns inte.");
  const today = todayInStockholm();
  const actor = loadActor(user, today);
  const origin = publicOrigin(request);
  const events = calendarMeetings({ bodyIds: [...actor.bodyRoles.keys()], from: calendarFrom(today) }, origin, actor);
  return icsResponse(buildCalendar("Mina möten – Samverkansportalen", events, new URL(origin).host), "mina-moten.ics");
}
