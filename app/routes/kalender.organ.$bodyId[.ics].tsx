import type { LoaderFunctionArgs } from "@remix-run/node";
import { forbidden, notFound } from "~/auth/session.server";
import { todayInStockholm } from "~/domain/format";
import { meetingResource } from "~/domain/meetings";
import { buildCalendar, calendarFrom } from "~/domain/ics";
import { can } from "~/domain/policy";
import { getBody } from "~/models/bodies.server";
import { calendarMeetings, icsResponse, userByCalendarToken } from "~/models/calendar.server";
import { publishedMeetingIds } from "~/models/meeting-notice.server";
import { loadActor } from "~/models/users.server";
import { idParam } from "~/utils/params";
import { publicOrigin } from "~/utils/origin.server";

/**
 * A body's subscribable feed. With the person's calendar key (?nyckel=) a member gets every
 * meeting; without it only what the public may see (published meetings of public bodies).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const body = getBody(idParam(params.bodyId));
  if (!body) throw notFound("Organet finns inte.");
  const token = new URL(request.url).searchParams.get("nyckel");
  const user = token ? userByCalendarToken(token) : undefined;
  if (token && !user) throw notFound("Kalendern finns inte.");
  const today = todayInStockholm();
  const actor = user ? loadActor(user, today) : null;
  const origin = publicOrigin(request);
  const all = calendarMeetings({ bodyIds: [body.id], from: calendarFrom(today) }, origin, actor);
  const published = publishedMeetingIds(all.map((m) => m.id));
  const events = all.filter((m) =>
    can(actor, "read:meeting", meetingResource({ ...m, publicRecords: body.publicRecords }, published.has(m.id))),
  );
  if (
    events.length === 0 &&
    !can(actor, "read:meeting", { bodyId: body.id, publicRecords: body.publicRecords, published: true })
  )
    throw forbidden();
  return icsResponse(buildCalendar(`${body.name} – möten`, events, new URL(origin).host), `${body.slug}.ics`);
}
