/**
 * What of a recommendation's deciding § travels with the recommendation to a viewer. Pure.
 *
 * A recommendation is read where `read:recommendation` admits it (a public one by anyone once
 * sent). The § of SVOM that decided it is a record of its own, readable by the register's rule
 * (`canReadDecision`): a recommendation may be public while its § is not (a confidential item,
 * or a body without public records). Every surface shows an object only to those who may open
 * the object's own page, so whoever may not open the § is shown that the recommendation exists
 * and its own text, never the §: not its body, date and number, not its text, and not the files
 * attached when it was linked (the extract of the minutes and the supporting documents, both
 * taken from the §'s papers). A party's registrar, who reads the letter outside the portal, is
 * told what the public is (`null`). A party's extract answering is read with the recommendation
 * while the answer carries it; one it no longer carries is the answer's record (see
 * `mayOpenRecommendationFile`).
 */
import { canReadDecision, type DecisionVisibilityFacts } from "./decisions";
import { can, type Actor } from "./policy";
import { recommendationResource, type RecommendationStatus } from "./recommendations";

/** The deciding § as the viewer may be shown it: itself if they may open its page, else null. */
export function decidingParagraphFor<D extends DecisionVisibilityFacts>(
  actor: Actor | null,
  decision: D | null | undefined,
): D | null {
  return decision && canReadDecision(actor, decision) ? decision : null;
}

/**
 * The recommendation's own files (extract and supporting documents) shown to the viewer: they
 * were attached with the § and follow it; without a § the viewer may open, none.
 */
export function recommendationFilesFor<F>(
  actor: Actor | null,
  decision: DecisionVisibilityFacts | null | undefined,
  files: readonly F[],
): F[] {
  return decidingParagraphFor(actor, decision) ? [...files] : [];
}

/** How a stored file belongs to a recommendation. */
export type RecommendationFileLink =
  /** Attached when the § was linked (protokollsutdrag, underlag): follows the §. */
  | { kind: "decision" }
  /** The extract of a party's answer as it stands, linked on the page: follows the recommendation. */
  | { kind: "answer" }
  /**
   * An extract the party's answer no longer carries (replaced, or the answer set back as reported
   * in error): linked nowhere, it is the answer's record, for those who keep it (the party's
   * representative and the coordinator).
   */
  | { kind: "earlier-answer"; organisationId: number };

/** Whether the viewer may download a file by what it is to the recommendation (the page's rule). */
export function mayOpenRecommendationFile(
  actor: Actor | null,
  rec: { status: RecommendationStatus; isPublic: boolean; collaborationId: number },
  decision: DecisionVisibilityFacts | null | undefined,
  link: RecommendationFileLink,
): boolean {
  if (!can(actor, "read:recommendation", recommendationResource(rec))) return false;
  switch (link.kind) {
    case "answer":
      return true;
    case "earlier-answer":
      return (
        can(actor, "manage:decisions") ||
        can(actor, "report:party-answer", {
          collaborationId: rec.collaborationId,
          organisationId: link.organisationId,
        })
      );
    case "decision":
      return decidingParagraphFor(actor, decision) !== null;
  }
}
