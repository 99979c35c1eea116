/**
 * The one rule of who gets a message about an object (docs/security.md, class 3): the person
 * may open the object's page, asked of the policy as that page asks it, with the object as it
 * is now. `notifyPeople` asks it when a message is queued, and the sender asks it again, of
 * the `about` the outbox row recorded, on the day the message (or a digest with it) is sent.
 */
import { eq } from "drizzle-orm";
import { recommendations } from "../../db/schema";
import { goesWithoutAbout, parseMailAbout, type MailAbout, type MailKind } from "~/domain/mail";
import { meetingResource } from "~/domain/meetings";
import { can, type Actor } from "~/domain/policy";
import { recommendationResource } from "~/domain/recommendations";
import { db } from "~/utils/db.server";
import { calledTo } from "./meeting-attendance.server";
import { publishedMeetingIds } from "./meeting-notice.server";
import { meetingToldTo } from "./meetings.server";
import { actorOfPerson } from "./users.server";
import { getAssignment } from "./assignments.server";
import { seesAssignment } from "~/domain/assignments";

const nobody = () => false;

/**
 * Who may get a message about `about` (the object's facts are read once, then asked per
 * recipient). An object that no longer exists is for nobody.
 */
export function mayOpenAbout(about: MailAbout): (actor: Actor) => boolean {
  switch (about.type) {
    case "notice": {
      // The notice is the summons itself: for everyone called on the meeting day, a member
      // whose seat begins after today but by the meeting included (the policy lets them open
      // the meeting: policy.ts, calledAhead). Whoever is no longer called (the seat ended
      // before the meeting) is not.
      const meeting = meetingToldTo(null, about.meetingId);
      if (!meeting) return nobody;
      const called = new Set(calledTo(meeting).map((m) => m.personId));
      return (actor) => actor.personId !== null && called.has(actor.personId);
    }
    case "uncalled": {
      // The notice withdrawn (a seat that no longer covers the meeting day): for whoever is not
      // called, who may no longer open the meeting; the message links nothing and names only
      // what their notice told them. Called again before it is sent, they are not told it.
      const meeting = meetingToldTo(null, about.meetingId);
      if (!meeting) return nobody;
      const called = new Set(calledTo(meeting).map((m) => m.personId));
      return (actor) => actor.personId !== null && !called.has(actor.personId);
    }
    case "meeting": {
      // As the meeting routes ask it (app/auth/meeting-access.server.ts).
      const meeting = meetingToldTo(null, about.meetingId);
      if (!meeting) return nobody;
      const published = about.published ?? publishedMeetingIds([meeting.id]).has(meeting.id);
      const resource = meetingResource(meeting, published);
      const needs = about.needs ?? [];
      return (actor) => can(actor, "read:meeting", resource) && needs.every((action) => can(actor, action, resource));
    }
    case "recommendation": {
      // As /rekommendationer/:id asks it.
      const rec = db()
        .select({ status: recommendations.status, isPublic: recommendations.isPublic })
        .from(recommendations)
        .where(eq(recommendations.id, about.recommendationId))
        .get();
      if (!rec) return nobody;
      const resource = recommendationResource(rec);
      return (actor) => can(actor, "read:recommendation", resource);
    }
    case "assignment": {
      // As /uppdrag/:id asks it: the collaboration's participants, and whoever holds it (a
      // person from outside, a body's members, the party's people).
      const assignment = getAssignment(about.assignmentId);
      if (!assignment) return nobody;
      return (actor) => seesAssignment(actor, assignment);
    }
    case "assignments":
      return (actor) => can(actor, "read:assignments", { collaborationId: about.collaborationId });
    case "agreement":
      return (actor) => can(actor, "read:agreement");
  }
}

/**
 * Whether the person may still open what a stored message is about, with their rights on
 * `today`. No `about`: only a kind about nothing the policy guards goes (`goesWithoutAbout`);
 * any other kind cannot be asked and goes to nobody. An `about` the portal does not write: no.
 */
export function mayStillOpen(
  stored: { about: string | null; kind: MailKind },
  personId: number,
  today: string,
): boolean {
  if (stored.about === null) return goesWithoutAbout(stored.kind);
  const about = parseMailAbout(stored.about);
  return about !== undefined && mayOpenAbout(about)(actorOfPerson(personId, today));
}
