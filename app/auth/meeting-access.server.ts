/**
 * Loads a meeting with the viewer's rights on it, through the policy. Every meeting route
 * starts here, so no route forgets a check.
 */
import { getViewer, notFound, requirePermission, requireReadable, type Viewer } from "~/auth/session.server";
import { meetingResource } from "~/domain/meetings";
import { can, type Resource } from "~/domain/policy";
import { meetingToldTo } from "~/models/meetings.server";
import { publishedMeetingIds } from "~/models/meeting-notice.server";
import { idParam } from "~/utils/params";

const MEETING_MISSING = "Mötet finns inte.";

export async function loadMeetingFor(request: Request, meetingIdParam: string | undefined) {
  const viewer: Viewer | null = await getViewer(request);
  // The meeting as the viewer was told it: a move not yet published shows only to the secretary.
  const meeting = meetingToldTo(viewer?.actor ?? null, idParam(meetingIdParam));
  if (!meeting) throw notFound(MEETING_MISSING);
  const published = publishedMeetingIds([meeting.id]).has(meeting.id);
  const resource: Resource = meetingResource(meeting, published);
  const actor = viewer?.actor ?? null;
  requireReadable(actor, "read:meeting", resource, MEETING_MISSING);
  return {
    viewer,
    actor,
    meeting,
    published,
    resource,
    canManage: can(actor, "manage:meeting", resource),
    canPropose: can(actor, "propose:item", resource),
    canReadConfidential: can(actor, "read:confidential", resource),
  };
}

type MeetingAccess = Awaited<ReturnType<typeof loadMeetingFor>>;

/** Signed in and allowed to manage the meeting (secretary of the body or administrator). */
export async function loadMeetingForManager(request: Request, meetingIdParam: string | undefined) {
  const access = await loadMeetingFor(request, meetingIdParam);
  if (!access.viewer) requirePermission(null, "manage:meeting", access.resource);
  requirePermission(access.actor, "manage:meeting", access.resource);
  return access as MeetingAccess & { viewer: Viewer };
}
