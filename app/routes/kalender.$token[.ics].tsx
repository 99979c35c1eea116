import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/session.server";
import { todayInStockholm } from "~/domain/format";
import { can } from "~/domain/policy";
import { buildCalendar, calendarFrom } from "~/domain/ics";
import { calendarMeetings, icsResponse, userByCalendarToken } from "~/models/calendar.server";
import { loadActor } from "~/models/users.server";
import { publicOrigin } from "~/utils/origin.server";

/**
 * A person's subscribable feed (token in the URL): the meetings of every body they sit in, and
 * those they are called to by a seat not yet begun (policy.ts, calledAhead).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = userByCalendarToken(params.token ?? "");
  if (!user) throw notFound("Kalendern finns inte.");
  const today = todayInStockholm();
  const actor = loadActor(user, today);
  const origin = publicOrigin(request);
  const sits = new Set(actor.bodyRoles.keys());
  const bodyIds = [...new Set([...sits, ...(actor.seatsAhead ?? []).map((s) => s.bodyId)])];
  const events = calendarMeetings({ bodyIds, from: calendarFrom(today) }, origin, actor).filter(
    (m) => sits.has(m.bodyId) || can(actor, "read:meeting", { bodyId: m.bodyId, meetingDate: m.date }),
  );
  return icsResponse(buildCalendar("Mina möten – Samverkansportalen", events, new URL(origin).host), "mina-moten.ics");
}
