/**
 * Who may download a file: decided by what it is attached to. A file attached nowhere that
 * the viewer may read is refused. New attachment kinds (documents, party answers) add their
 * context here.
 */
import { eq } from "drizzle-orm";
import { parties } from "../../db/schema";
import type { Actor, can as canFn } from "~/domain/policy";
import { db } from "~/utils/db.server";
import { canReadDocument, documentsWithFile } from "./documents.server";
import { recommendationsWithFile } from "./recommendations.server";
import { visibleAgendaOf } from "./agenda-view.server";
import { meetingToldTo } from "./meetings.server";
import { meetingContextsOfFile } from "./meeting-files.server";
import { publishedMeetingIds } from "./meeting-notice.server";
import { mayOpenRecommendationFile } from "~/domain/recommendation-visibility";
import { meetingResource } from "~/domain/meetings";

export function fileAccessAllowed(
  fileId: number,
  actor: Actor | null,
  can: typeof canFn,
  userId: string | null,
): boolean {
  for (const ctx of meetingContextsOfFile(fileId)) {
    // The meeting as the viewer was told it (its day decides who is called to it).
    const meeting = meetingToldTo(actor, ctx.meetingId);
    if (!meeting) continue;
    const resource = meetingResource(meeting, publishedMeetingIds([meeting.id]).has(meeting.id));
    if (!can(actor, "read:meeting", resource)) continue;
    // A proposal's documents: its proposer and the body's secretary until it is accepted.
    if (ctx.proposalBy !== null) {
      if (ctx.proposalBy === userId || can(actor, "manage:meeting", resource)) return true;
      continue;
    }
    if (ctx.confidential && !can(actor, "read:confidential", resource)) continue;
    // An item's document only as the viewer's agenda holds it (the one rule, visibleAgendaOf):
    // not one attached since the notice the viewer was told, nor one outside the published agenda.
    const agenda = visibleAgendaOf(actor, meeting);
    if (agenda.some((i) => i.id === ctx.itemId && i.files.some((f) => f.id === fileId))) return true;
  }
  // A version of a library document: the document's visibility decides.
  if (documentsWithFile(fileId).some((doc) => canReadDocument(actor, doc))) return true;
  // A party's extract as its answer stands: where the recommendation is read; one the answer no
  // longer carries: for the party's representative and the coordinator; the recommendation's own
  // extract and documents: where its deciding § is read too (mayOpenRecommendationFile).
  if (recommendationsWithFile(fileId).some((r) => mayOpenRecommendationFile(actor, r.rec, r.decision, r.link)))
    return true;
  // A party's notice letter: part of the agreement's records, for signed-in users.
  if (actor && db().select({ id: parties.id }).from(parties).where(eq(parties.noticeFileId, fileId)).get()) return true;
  return false;
}
